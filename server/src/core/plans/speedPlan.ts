/**
 * Speed plans for link-speed findings: the fastest speed a too-fast link (or a server group's
 * NICs) can run at on the ports that are free at both ends — the same plan for the rule's advice
 * and for its quick fix. Never a speed whose ports are already full.
 */
import type { FabricLink, FabricSwitch, ServerGroup } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { speedText } from '../model/speedFacts';
import { quote } from '../text/quote';
import { checkPorts, type DemandChange, type PortCheck } from './portFit';
import { writtenPortSpeed } from './writtenSpeed';

export type SpeedPlan = { ok: true; gbps: number; text: string } | { ok: false; reason: string };

/** Port speeds some switch of `switches` has that every one of them can run (a port runs at its speed or slower), fastest first. */
function commonSpeeds(switches: readonly FabricSwitch[]): number[] {
  const all = new Set<number>();
  for (const sw of switches) for (const p of sw.portsBySpeed) all.add(p.speedGbps);
  return [...all].filter((s) => switches.every((sw) => sw.maxPortGbps !== undefined && s <= sw.maxPortGbps)).sort((a, b) => b - a);
}

/** The port group speed as the file writes it at one of `switches`, else the schema's spelling. */
function writtenSpeed(switches: readonly FabricSwitch[], gbps: number): string {
  for (const sw of switches) {
    const text = writtenPortSpeed(sw, gbps);
    if (text !== undefined) return text;
  }
  return speedText(gbps);
}

function reasonOf(sw: FabricSwitch, check: PortCheck): string {
  if (check.fits) return '';
  return `${quote(sw.name)} would need ${formatNumber(check.needed, 0)} ports of ${formatGbps(check.thresholdGbps)} or faster and has ${formatNumber(check.available, 0)}`;
}

/** Tries speeds fastest first; the first whose ports fit at every switch wins. */
function firstFitting(candidates: readonly number[], changesAt: (speed: number) => [FabricSwitch, DemandChange[]][], switches: readonly FabricSwitch[]): SpeedPlan {
  let firstFailure: string | undefined;
  for (const speed of candidates) {
    let failure: string | undefined;
    for (const [sw, changes] of changesAt(speed)) {
      const check = checkPorts(sw, changes);
      if (!check.fits) {
        failure = reasonOf(sw, check);
        break;
      }
    }
    if (failure === undefined) return { ok: true, gbps: speed, text: writtenSpeed(switches, speed) };
    firstFailure ??= failure;
  }
  return { ok: false, reason: firstFailure ?? 'no speed is carried by the ports at both ends' };
}

/** The fastest speed a known link can run at on free ports at both ends. */
export function planLinkSpeed(link: FabricLink): SpeedPlan | undefined {
  if (!link.known || link.ends === undefined || link.speedGbps === undefined || link.count === undefined) return undefined;
  const a = link.ends[0].switch!;
  const b = link.ends[1].switch!;
  const ends = a === b ? [a] : [a, b];
  if (ends.some((sw) => !sw.portsComplete)) return undefined; // an unusable port group: the schema's finding
  const old = link.speedGbps;
  const count = link.count;
  const candidates = commonSpeeds(ends).filter((s) => s < old);
  return firstFitting(
    candidates,
    (speed) => ends.map((sw) => [sw, [{ speedGbps: old, delta: -count * (a === b ? 2 : 1) }, { speedGbps: speed, delta: count * (a === b ? 2 : 1) }]]),
    ends,
  );
}

/** The fastest NIC speed every leaf of the group can carry on free ports. */
export function planNicSpeed(group: ServerGroup): SpeedPlan | undefined {
  const old = group.nicSpeedGbps;
  if (old === undefined || !group.usable || group.perLeaf.size === 0) return undefined;
  const leaves = [...group.perLeaf.values()];
  if (leaves.some((l) => !l.leaf.portsComplete || l.nicLinks === undefined)) return undefined;
  const candidates = commonSpeeds(leaves.map((l) => l.leaf)).filter((s) => s < old);
  return firstFitting(
    candidates,
    (speed) => leaves.map((l) => [l.leaf, [{ speedGbps: old, delta: -l.nicLinks! }, { speedGbps: speed, delta: l.nicLinks! }]]),
    leaves.map((l) => l.leaf),
  );
}
