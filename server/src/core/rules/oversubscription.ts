/** oversubscription: a leaf's (or spine's, with super-spines) downlink ÷ uplink exceeds design.max_oversubscription. */
import type { Finding } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatRatio, formatRatioAgainst, exceedsRatio } from '../model/ratio';
import { describePlan, planTotal, planUplinks } from '../plans/uplinkPlan';
import { quote } from '../text/quote';
import { capitalize, defaultSeverity, makeFinding, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'oversubscription';

/** The design limit for a switch's ratio. */
export function ratioLimit(model: FabricModel, sw: FabricSwitch): number {
  return sw.role === 'spine' ? model.design.maxSpineOversubscription : model.design.maxOversubscription;
}

/** Whether the switch's ratio is over its limit (the rule's own test, shared with fixes and hovers). */
export function isOversubscribed(model: FabricModel, sw: FabricSwitch): boolean {
  return sw.ratio !== undefined && exceedsRatio(sw.downlinkGbps, sw.uplinkGbps, ratioLimit(model, sw));
}

/** The balanced plan (on free ports only) that brings the ratio within the design, in words; or why there is none. */
function advice(sw: FabricSwitch, max: number): string {
  const result = planUplinks(sw, { kind: 'ratio', max });
  if (result === undefined) return '';
  if (!result.ok) {
    const remedy = sw.role === 'leaf' ? 'use faster uplinks, free ports, or move servers to another leaf' : 'use faster uplinks or free ports';
    return ` No balanced fix fits: ${result.reason}; ${remedy}.`;
  }
  const plan = result.plan;
  return ` ${capitalize(describePlan(plan))} (${planTotal(plan)}) to bring it to ${formatRatio(sw.downlinkGbps / plan.uplinkAfterGbps)}.`;
}

/** `1000G to servers`, `400G to leaves`, `200G to servers and 300G to externals`: what the downlink is made of. */
export function downlinkWords(sw: FabricSwitch): string {
  const ns = sw.northSouthGbps;
  const own = sw.downlinkGbps - ns;
  const base =
    sw.role === 'spine'
      ? `${formatGbps(own)} to leaves`
      : sw.role === 'super-spine'
        ? `${formatGbps(own)} to spines`
        : sw.downlinkSource === 'server-ports'
          ? `${formatGbps(own)} of server-facing ports`
          : `${formatGbps(own)} to servers`;
  if (ns <= 0) return base;
  const nothingElse = own <= 0 && (sw.role !== 'leaf' || sw.downlinkSource === 'none');
  const external = `${formatGbps(ns)} to externals (north-south)`;
  return nothingElse ? external : `${base} and ${external}`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const severity = model.design.workload === 'rdma' ? 'error' : defaultSeverity(id);
  for (const sw of [...model.leaves, ...model.spines]) {
    if (!isOversubscribed(model, sw)) continue;
    const max = ratioLimit(model, sw);
    const down = downlinkWords(sw);
    const up = `${formatGbps(sw.uplinkGbps)} to ${sw.role === 'spine' ? 'super-spines' : 'spines'}${sw.pod !== undefined && sw.role === 'leaf' ? ' of its pod' : ''}`;
    const rdma =
      model.design.workload === 'rdma'
        ? ' RDMA (RoCEv2) fabrics run lossless with PFC and are built for full bisection bandwidth: oversubscription becomes standing queues and PFC pauses that spread upstream; keep the ratio within the design.'
        : '';
    findings.push(
      makeFinding(
        ctx,
        id,
        sw.keyNode,
        `${quote(sw.name)} is ${formatRatioAgainst(sw.ratio!, max)} oversubscribed: ${down}, ${up} (design allows ${formatRatio(max)}${sw.role === 'spine' && model.design.maxSpineOversubscription !== model.design.maxOversubscription ? ' at a spine' : ''}).${advice(sw, max)}${rdma}`,
        undefined,
        severity,
        { switches: [sw.name] },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
