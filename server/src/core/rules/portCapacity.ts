/** port-capacity: a switch needs more ports of adequate speed than it has. */
import type { Finding } from '../findings';
import type { FabricModel, PortDemand } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { MAX_RELATED, makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'port-capacity';

function demandText(d: PortDemand): string {
  const what = d.kind === 'link' ? (d.count === 1 ? 'link end' : 'link ends') : d.count === 1 ? 'server NIC' : 'server NICs';
  return `${formatNumber(d.count, 0)} ${what} at ${formatGbps(d.speedGbps)}`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const sw of model.switches.values()) {
    const s = sw.portShortfall;
    // With an unusable port group the switch may have the ports: schema reports that group.
    if (s === undefined || !sw.portsComplete) continue;
    const demands = s.demands.map(demandText);
    const list = demands.length <= 1 ? demands.join('') : `${demands.slice(0, -1).join(', ')} and ${demands[demands.length - 1]}`;
    // Supply per speed, not per group: a switch may have thousands of port groups.
    const supply = sw.portsBySpeed
      .filter((p) => p.speedGbps >= s.thresholdGbps)
      .map((p) => `${formatNumber(p.total, 0)} × ${formatGbps(p.speedGbps)}`)
      .join(' + ');
    const rel = [];
    for (const g of s.groups) {
      if (rel.length >= MAX_RELATED) break;
      rel.push(related(ctx, g.node, `${formatNumber(g.count!, 0)} × ${formatGbps(g.speedGbps!)}: all in use`));
    }
    findings.push(
      makeFinding(
        ctx,
        id,
        sw.keyNode,
        `${quote(sw.name)} needs ${formatNumber(s.needed, 0)} ports of ${formatGbps(s.thresholdGbps)} or faster but has ${formatNumber(s.available, 0)} (${supply}): ${list}. Remove links or servers, or add ports.`,
        rel,
        undefined,
        { switches: [sw.name] },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
