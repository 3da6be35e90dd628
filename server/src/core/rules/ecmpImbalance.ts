/** ecmp-imbalance: a switch's bandwidth (count × speed) differs between the upstream switches it links to. */
import type { Finding, RelatedLocation } from '../findings';
import type { FabricModel, PeerLinks } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { plural } from '../model/number';
import { quote } from '../text/quote';
import { describePlan, planTotal, planUplinks } from '../plans/uplinkPlan';
import type { FabricSwitch } from '../model/fabricModel';
import { listNames, makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'ecmp-imbalance';

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** The balanced plan on free ports, in words; or why none fits. */
function advice(sw: FabricSwitch): string {
  const result = planUplinks(sw, { kind: 'balance' });
  if (result === undefined) return '.';
  if (!result.ok) return `. No balanced fix fits: ${result.reason}.`;
  return `; ${describePlan(result.plan)} (${planTotal(result.plan)}).`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const sw of [...model.leaves, ...model.spines]) {
    // With one linked upstream there is nothing to compare; an unusable speed or count is schema's finding.
    if (sw.upstream.size < 2 || !sw.uplinkComplete) continue;
    const peers = [...sw.upstream.values()];
    let max = 0;
    let min = Infinity;
    for (const p of peers) {
      if (p.bandwidthGbps > max) max = p.bandwidthGbps;
      if (p.bandwidthGbps < min) min = p.bandwidthGbps;
    }
    if (same(max, min)) continue;
    // Group upstream switches by bandwidth, most first.
    const groups: { gbps: number; peers: PeerLinks[] }[] = [];
    for (const p of peers) {
      const group = groups.find((g) => same(g.gbps, p.bandwidthGbps));
      if (group !== undefined) group.peers.push(p);
      else groups.push({ gbps: p.bandwidthGbps, peers: [p] });
      if (groups.length > 20) break;
    }
    groups.sort((x, y) => y.gbps - x.gbps);
    const upWord = sw.role === 'leaf' ? (sw.pod !== undefined ? 'spines of its pod' : 'spines') : sw.plane !== undefined ? 'super-spines of its plane' : 'super-spines';
    const parts = groups.map((g) => `${formatGbps(g.gbps)} to ${listNames(g.peers.map((p) => p.switch.name), 4)}`);
    const thin = groups[groups.length - 1];
    const rel: RelatedLocation[] = [];
    for (const p of peers) {
      const at = p.links[0]?.betweenNode;
      if (at !== undefined) rel.push(related(ctx, at, `${formatGbps(p.bandwidthGbps)} to ${quote(p.switch.name)} (${plural(p.linkCount, 'link')})`));
    }
    findings.push(
      makeFinding(
        ctx,
        id,
        sw.keyNode,
        `${quote(sw.name)} has unequal bandwidth to its ${upWord}: ${parts.join('; ')}. ECMP hashes flows evenly over equal-cost paths, so the ${formatGbps(thin.gbps)} paths fill up while the others still have room${advice(sw)}`,
        rel,
        undefined,
        { switches: [sw.name] },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
