/** link-speed: a link's (or a server group's NIC) speed exceeds every port group at an end. */
import type { Finding, RelatedLocation } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import type { FabricLink, ServerGroup } from '../model/fabricModel';
import { planLinkSpeed, planNicSpeed } from '../plans/speedPlan';
import { MAX_RELATED, makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'link-speed';

/** A switch whose every port group is usable and slower than `speed` (an unusable group might be fast enough). */
function tooSlow(sw: FabricSwitch, speed: number): boolean {
  return sw.portsComplete && sw.maxPortGbps !== undefined && speed > sw.maxPortGbps;
}

/**
 * Related entries for the fastest port groups of `switches`, in order, at most MAX_RELATED
 * (what a finding keeps): each switch's list is built once per check and at most that long,
 * so a switch with thousands of port groups costs nothing per bad link.
 */
function fastestGroups(ctx: RuleContext, cache: Map<FabricSwitch, RelatedLocation[]>, switches: readonly FabricSwitch[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const sw of switches) {
    let list = cache.get(sw);
    if (list === undefined) {
      list = [];
      for (const g of sw.portGroups) {
        if (list.length >= MAX_RELATED) break;
        if (g.usable && g.speedGbps === sw.maxPortGbps) {
          list.push(related(ctx, g.node, `${quote(sw.name)}'s fastest ports: ${formatNumber(g.count!, 0)} × ${formatGbps(g.speedGbps!)}`));
        }
      }
      cache.set(sw, list);
    }
    for (const entry of list) {
      if (out.length >= MAX_RELATED) return out;
      out.push(entry);
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
  const cache = new Map<FabricSwitch, RelatedLocation[]>();
  for (const link of model.links) {
    if (!link.known || link.ends === undefined || link.speedGbps === undefined || link.speedNode === undefined) continue;
    const speed = link.speedGbps;
    const a = link.ends[0].switch!;
    const b = link.ends[1].switch!;
    const aSlow = tooSlow(a, speed);
    const bSlow = b !== a && tooSlow(b, speed);
    if (!aSlow && !bSlow) continue;
    const bad = aSlow && bSlow ? [a, b] : aSlow ? [a] : [b];
    const rel = fastestGroups(ctx, cache, bad);
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
        fastestGroups(ctx, cache, bad),
        undefined,
        { group: group.name },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
