/** port-capacity: a switch needs more ports of adequate speed than it has. */
import type { Finding } from '../findings';
import type { FabricModel, PortDemand } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

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
    const supply = s.groups.map((g) => `${formatNumber(g.count!, 0)} × ${formatGbps(g.speedGbps!)}`).join(' + ');
    findings.push(
      makeFinding(
        ctx,
        id,
        sw.keyNode,
        `${quote(sw.name)} needs ${formatNumber(s.needed, 0)} ports of ${formatGbps(s.thresholdGbps)} or faster but has ${formatNumber(s.available, 0)} (${supply}): ${list}. Remove links or servers, or add ports.`,
        s.groups.map((g) => related(ctx, g.node, `${formatNumber(g.count!, 0)} × ${formatGbps(g.speedGbps!)}: all in use`)),
        undefined,
        { switches: [sw.name] },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
