/** Fixes for peer-link: make the link a fabric link (remove its `kind`). */
import type { Finding } from '../findings';
import { asMap, getPair } from '../yaml/treeQueries';
import { deletePair } from '../editing/layout';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectLink } from './fixSubjects';

export const id = 'peer-link';

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const link = subjectLink(ctx.model, finding);
  const map = asMap(link?.node);
  if (link === undefined || map === undefined || map !== link.node) return [];
  const pair = getPair(map, 'kind');
  if (pair === undefined) return [];
  const edit = deletePair(ctx.result.lines, map, pair);
  if (edit === undefined) return [];
  return [{ title: 'Make this a fabric link (remove `kind: peer`)', edits: [edit] }];
}

export const fixes: RuleFixes = { id, drafts, fixAll: false };
