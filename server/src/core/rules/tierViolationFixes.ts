/** Fixes for tier-violation: remove a link that crosses pods (planes) or joins a switch to itself — it carries nothing the fabric counts. */
import type { Finding } from '../findings';
import { quote } from '../text/quote';
import { deleteItem, linksSeq } from '../editing/layout';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectLink } from './fixSubjects';

export const id = 'tier-violation';

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const link = subjectLink(ctx.model, finding);
  if (link === undefined || link.ends === undefined || !link.known) return [];
  const self = link.ends[0].switch === link.ends[1].switch;
  if (link.scopeMismatch === undefined && !self) return [];
  const seq = linksSeq(ctx.model.root);
  const edit = seq === undefined ? undefined : deleteItem(ctx.result.lines, seq, link.index);
  if (edit === undefined) return [];
  const what = self ? `the link from ${quote(link.ends[0].name!)} to itself` : `the link ${quote(link.ends[0].name!)} ↔ ${quote(link.ends[1].name!)}`;
  return [{ title: `Remove ${what}`, isPreferred: true, edits: [edit] }];
}

export const fixes: RuleFixes = { id, drafts, fixAll: false };
