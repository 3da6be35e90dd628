/** oversubscription: a leaf's (or spine's, with super-spines) downlink ÷ uplink exceeds design.max_oversubscription. */
import type { Finding } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { formatRatio, formatRatioAgainst } from '../model/ratio';
import { quote } from '../text/quote';
import { defaultSeverity, makeFinding, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'oversubscription';

/** Down ÷ up > max, with room for floating-point noise (3:1 is allowed when max is 3). */
export function exceeds(down: number, up: number, max: number): boolean {
  return down > max * up * (1 + 1e-12);
}

/** The fastest speed among the switch's uplinks (what one more uplink would most likely be). */
function uplinkSpeed(sw: FabricSwitch): number | undefined {
  let fastest: number | undefined;
  for (const peer of sw.upstream.values()) {
    for (const link of peer.links) {
      if (link.speedGbps !== undefined && (fastest === undefined || link.speedGbps > fastest)) fastest = link.speedGbps;
    }
  }
  return fastest;
}

function suggestion(sw: FabricSwitch, max: number): string {
  const speed = uplinkSpeed(sw);
  if (speed === undefined || sw.uplinkGbps <= 0) return '';
  const needed = sw.downlinkGbps / max - sw.uplinkGbps;
  const more = Math.max(1, Math.ceil(needed / speed - 1e-9));
  if (!Number.isSafeInteger(more)) return '';
  const total = sw.uplinkGbps + more * speed;
  const result = formatRatio(sw.downlinkGbps / total);
  const text =
    more === 1
      ? ` One more ${formatGbps(speed)} uplink (${formatGbps(total)} in all) brings it to ${result}.`
      : ` ${formatNumber(more, 0)} more ${formatGbps(speed)} uplinks (${formatGbps(total)} in all) bring it to ${result}.`;
  return text + balancedHint(sw, speed, more);
}

/** When the extra uplinks cannot split evenly over the upstream switches, the balanced alternative. */
function balancedHint(sw: FabricSwitch, speed: number, more: number): string {
  const upstreams = sw.upstream.size;
  if (upstreams < 2 || more % upstreams === 0) return '';
  const each = Math.ceil(more / upstreams);
  const total = sw.uplinkGbps + each * upstreams * speed;
  const tier = sw.role === 'spine' ? 'super-spines' : 'spines';
  return ` To keep ECMP balanced, add ${formatNumber(each, 0)} to each of the ${formatNumber(upstreams, 0)} ${tier} instead (${formatGbps(total)} in all, ${formatRatio(sw.downlinkGbps / total)}).`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const max = model.design.maxOversubscription;
  const severity = model.design.workload === 'rdma' ? 'error' : defaultSeverity(id);
  for (const sw of [...model.leaves, ...model.spines]) {
    if (sw.ratio === undefined || !exceeds(sw.downlinkGbps, sw.uplinkGbps, max)) continue;
    const down =
      sw.role === 'spine'
        ? `${formatGbps(sw.downlinkGbps)} to leaves`
        : sw.downlinkSource === 'server-ports'
          ? `${formatGbps(sw.downlinkGbps)} of server-facing ports`
          : `${formatGbps(sw.downlinkGbps)} to servers`;
    const up = `${formatGbps(sw.uplinkGbps)} to ${sw.role === 'spine' ? 'super-spines' : 'spines'}`;
    const rdma = model.design.workload === 'rdma' ? ' RDMA traffic needs a fabric that never drops: keep the ratio within the design.' : '';
    findings.push(
      makeFinding(
        ctx,
        id,
        sw.keyNode,
        `${quote(sw.name)} is ${formatRatioAgainst(sw.ratio, max)} oversubscribed: ${down}, ${up} (design allows ${formatRatio(max)}).${suggestion(sw, max)}${rdma}`,
        undefined,
        severity,
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
