/**
 * Fixes for oversubscription: the balanced plan on free ports — first the missing upstream links,
 * then the same number of new uplinks to every upstream switch — that brings the ratio within the
 * design.
 */
import type { Finding } from '../findings';
import { formatNumber } from '../model/number';
import { formatRatio } from '../model/ratio';
import { planUplinks } from '../plans/uplinkPlan';
import { quote } from '../text/quote';
import { planChanges } from '../editing/planEdits';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { ratioLimit } from './oversubscription';
import { subjectSwitch } from './fixSubjects';

export const id = 'oversubscription';

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const sw = subjectSwitch(ctx.model, finding);
  if (sw === undefined || sw.ratio === undefined) return [];
  const result = planUplinks(sw, { kind: 'ratio', max: ratioLimit(ctx.model, sw) });
  if (result === undefined || !result.ok) return [];
  const plan = result.plan;
  const changes = planChanges(ctx.result, plan);
  if (changes === undefined) return [];
  const ratios = `${formatRatio(sw.ratio)} → ${formatRatio(sw.downlinkGbps / plan.uplinkAfterGbps)}`;
  const countOnly = changes.newLinks.length === 0 && plan.targets.every((t) => t.fromSpeedGbps === plan.speedGbps);
  const count = formatNumber(plan.count, 0);
  const title = countOnly
    ? `Set count: ${count} on each uplink of ${quote(sw.name)} (${ratios})`
    : `Give every ${plan.upWord} of ${quote(sw.name)} ${count} × ${plan.speedText} (${ratios})`;
  return [{ title, edits: changes.edits, newLinks: changes.newLinks }];
}

export const fixes: RuleFixes = { id, drafts, fixAll: false };
