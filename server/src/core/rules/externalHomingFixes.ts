/** Fixes for external-homing: a second link from the external to its switch's peer, or to another border switch, where ports allow. */
import type { Finding } from '../findings';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { homingCandidate } from '../plans/homingPlan';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectSwitch } from './fixSubjects';

export const id = 'external-homing';

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const external = subjectSwitch(ctx.model, finding);
  if (external === undefined) return [];
  const plan = homingCandidate(ctx.model, external);
  if (plan === undefined || !plan.ok) return [];
  const speedNode = plan.link.speedNode;
  const speed = speedNode?.kind === 'scalar' ? ctx.result.text.slice(speedNode.start, speedNode.end) : undefined;
  if (speed === undefined) return [];
  // The new entry lists the ends in the order of the existing one.
  const externalFirst = plan.link.ends![0].switch === external;
  const a = externalFirst ? external.name : plan.target.name;
  const b = externalFirst ? plan.target.name : external.name;
  const count = plan.count > 1 ? `${formatNumber(plan.count, 0)} × ` : '';
  return [
    {
      title: `Add link ${quote(a)} ↔ ${quote(b)} (${count}${speed})`,
      isPreferred: true,
      edits: [],
      newLinks: [{ a, b, speed, count: plan.count }],
    },
  ];
}

export const fixes: RuleFixes = { id, drafts, fixAll: false };
