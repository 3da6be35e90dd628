/**
 * external-homing (format 1.1): an external device (firewall, WAN/DCI router, load balancer) that
 * reaches the fabric through fewer than two distinct fabric switches: one leaf failure or upgrade
 * cuts the fabric's north-south traffic through it.
 */
import type { Finding } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { quote } from '../text/quote';
import { homingCandidate } from '../plans/homingPlan';
import { makeFinding, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'external-homing';

function advice(model: FabricModel, external: FabricSwitch): string {
  const plan = homingCandidate(model, external);
  if (plan === undefined) return '';
  if (!plan.ok) return ` No second link fits: ${plan.reason}.`;
  const why = plan.peerOf !== undefined ? `${quote(plan.peerOf.name)}'s peer; ` : '';
  return ` Link it to ${quote(plan.target.name)} too (${why}${formatGbps(plan.bandwidthGbps)}, like its other link).`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const external of model.externals) {
    // An external with no links at all is isolated-switch's.
    if (!external.mentionedInLinks || external.unknownPeerLinks.length > 0) continue;
    const fabric = external.northSouthPeers;
    if (fabric.length >= 2) continue;
    const message =
      fabric.length === 0
        ? `${quote(external.name)} reaches no fabric switch: its links lead only to other externals, so no traffic enters the fabric through it. Link it to two border leaves.`
        : `${quote(external.name)} reaches the fabric only through ${quote(fabric[0].name)}: when that switch fails or is upgraded, the north-south traffic through ${quote(external.name)} stops. Home it on two fabric switches (usually a border-leaf pair).${advice(model, external)}`;
    findings.push(makeFinding(ctx, id, external.keyNode, message, undefined, undefined, { switches: [external.name] }));
  }
  return findings;
}

export const rule: FabricRule = { id, check };
