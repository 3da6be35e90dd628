/**
 * ECMP by link counts, for labs that state no speeds: where no uplink of a switch has a known
 * speed, `ecmp-imbalance` cannot compare bandwidth, but unequal numbers of cables to the upstream
 * switches are the same mistake (the switch with fewer cables gets as many flows). Reported under
 * the same rule id, only for cables whose speed is unknown throughout; as soon as speeds are known,
 * the rule itself compares bandwidth. Runs for containerlab topologies only (lintLab adds it).
 */
import type { Finding, RelatedLocation } from '../../findings';
import type { FabricModel } from '../../model/fabricModel';
import { plural } from '../../model/number';
import { quote } from '../../text/quote';
import { listNames, makeFinding, related, type FabricRule, type RuleContext } from '../../rules/ruleContext';

const id = 'ecmp-imbalance';

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const sw of [...model.leaves, ...model.spines]) {
    if (sw.upstream.size < 2) continue;
    const peers = [...sw.upstream.values()];
    // Only when no uplink has a speed (else ecmp-imbalance compares bandwidth) and every count is known.
    if (!peers.every((p) => p.links.every((l) => l.speedGbps === undefined && l.count !== undefined))) continue;
    const counts = new Map<number, string[]>();
    for (const p of peers) counts.set(p.linkCount, [...(counts.get(p.linkCount) ?? []), p.switch.name]);
    if (counts.size < 2) continue;
    const ordered = [...counts.entries()].sort((x, y) => y[0] - x[0]);
    const upWord = sw.role === 'leaf' ? (sw.pod !== undefined ? 'spines of its pod' : 'spines') : sw.plane !== undefined ? 'super-spines of its plane' : 'super-spines';
    const parts = ordered.map(([n, names]) => `${plural(n, 'link')} to ${listNames(names, 4)}`);
    const rel: RelatedLocation[] = [];
    for (const p of peers) {
      const at = p.links[0]?.betweenNode;
      if (at !== undefined) rel.push(related(ctx, at, `${plural(p.linkCount, 'link')} to ${quote(p.switch.name)}`));
    }
    findings.push(
      makeFinding(
        ctx,
        id,
        sw.keyNode,
        `${quote(sw.name)} has unequal links to its ${upWord}: ${parts.join('; ')}. ECMP spreads flows evenly over the upstream switches (one next hop each), so the one with fewer links fills up first. Give each the same number of links (the lab states no speeds, so only counts are compared).`,
        rel,
        undefined,
        { switches: [sw.name] },
      ),
    );
  }
  return findings;
}

export const linkCountRule: FabricRule = { id, check };
