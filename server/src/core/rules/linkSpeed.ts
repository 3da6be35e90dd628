/** link-speed: a link's (or a server group's NIC) speed exceeds every port group at an end. */
import type { Finding, RelatedLocation } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import type { FabricLink, ServerGroup } from '../model/fabricModel';
import { planLinkSpeed, planNicSpeed } from '../plans/speedPlan';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'link-speed';

/** A switch whose every port group is usable and slower than `speed` (an unusable group might be fast enough). */
function tooSlow(sw: FabricSwitch, speed: number): boolean {
  return sw.portsComplete && sw.maxPortGbps !== undefined && speed > sw.maxPortGbps;
}

function fastestGroups(ctx: RuleContext, sw: FabricSwitch): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const g of sw.portGroups) {
    if (g.usable && g.speedGbps === sw.maxPortGbps) {
      out.push(related(ctx, g.node, `${quote(sw.name)}'s fastest ports: ${formatNumber(g.count!, 0)} × ${formatGbps(g.speedGbps!)}`));
    }
  }
  return out;
}

function describe(switches: FabricSwitch[]): string {
  return switches.map((sw) => `${quote(sw.name)} (fastest ${formatGbps(sw.maxPortGbps!)})`).join(' and ');
}

/** The fix the free ports allow, as a sentence, or why there is none. */
function linkAdvice(link: FabricLink): string {
  const plan = planLinkSpeed(link);
  if (plan === undefined) return 'Use a speed the ports at both ends carry, or give the switch faster ports.';
  if (plan.ok) return `Run it at ${formatGbps(plan.gbps)}, the fastest speed both ends have free ports for, or give the switch faster ports.`;
  return `No slower speed fits either: ${plan.reason}. Free ports, or give the switch faster ports.`;
}

function nicAdvice(group: ServerGroup): string {
  const plan = planNicSpeed(group);
  if (plan === undefined) return 'Use NICs the leaf ports carry, or give the leaves faster ports.';
  if (plan.ok) return `Use ${formatGbps(plan.gbps)} NICs, the fastest its leaves have free ports for, or give the leaves faster ports.`;
  return `No slower NIC speed fits either: ${plan.reason}. Free ports, or give the leaves faster ports.`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const link of model.links) {
    if (!link.known || link.ends === undefined || link.speedGbps === undefined || link.speedNode === undefined) continue;
    const speed = link.speedGbps;
    const a = link.ends[0].switch!;
    const b = link.ends[1].switch!;
    const aSlow = tooSlow(a, speed);
    const bSlow = b !== a && tooSlow(b, speed);
    if (!aSlow && !bSlow) continue;
    const bad = aSlow && bSlow ? [a, b] : aSlow ? [a] : [b];
    const rel = bad.flatMap((sw) => fastestGroups(ctx, sw));
    findings.push(
      makeFinding(
        ctx,
        id,
        link.speedNode,
        `This ${formatGbps(speed)} link is faster than every port of ${describe(bad)}: a port runs at its own speed or slower, never faster. ${linkAdvice(link)}`,
        rel,
        undefined,
        { switches: [a.name, b.name], link: link.index },
      ),
    );
  }
  for (const group of model.serverGroups.values()) {
    const speed = group.nicSpeedGbps;
    if (speed === undefined || group.nicsNode === undefined) continue;
    const bad: FabricSwitch[] = [];
    for (const { leaf } of group.perLeaf.values()) if (tooSlow(leaf, speed)) bad.push(leaf);
    if (bad.length === 0) continue;
    const shown = bad.slice(0, 8);
    const more = bad.length > shown.length ? ` and ${formatNumber(bad.length - shown.length, 0)} more` : '';
    findings.push(
      makeFinding(
        ctx,
        id,
        group.nicsNode,
        `${quote(group.name)}'s ${formatGbps(speed)} NICs are faster than every port of ${describe(shown)}${more}: a leaf port runs at its own speed or slower, never faster. ${nicAdvice(group)}`,
        bad.flatMap((sw) => fastestGroups(ctx, sw)),
        undefined,
        { group: group.name },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
