/** Fixes for ecmp-imbalance: the same count × speed to every upstream switch, at the count the free ports allow. */
import type { Finding } from '../findings';
import { formatNumber } from '../model/number';
import { planUplinks } from '../plans/uplinkPlan';
import { planChanges } from '../editing/planEdits';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectSwitch } from './fixSubjects';

export const id = 'ecmp-imbalance';

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const sw = subjectSwitch(ctx.model, finding);
  if (sw === undefined) return [];
  const result = planUplinks(sw, { kind: 'balance' });
  if (result === undefined || !result.ok) return [];
  const plan = result.plan;
  const changes = planChanges(ctx.result, plan);
  if (changes === undefined) return [];
  const count = formatNumber(plan.count, 0);
  return [{ title: `Give every ${plan.upWord} ${count} × ${plan.speedText} (count: ${count})`, isPreferred: true, edits: changes.edits, newLinks: changes.newLinks }];
}

export const fixes: RuleFixes = { id, drafts, fixAll: false };
