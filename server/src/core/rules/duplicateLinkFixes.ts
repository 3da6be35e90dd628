/** Fixes for duplicate-link: merge the later entries for a pair into its first entry (summed count). */
import type { Finding } from '../findings';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import type { LineIndex } from '../text/lineIndex';
import { overlaps, type OffsetEdit } from '../editing/edits';
import { deleteItem, linksSeq, setLinkCount } from '../editing/layout';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectLink } from './fixSubjects';

export const id = 'duplicate-link';

/** The unordered pair of names a link joins, as one key (JSON keeps any two names apart). */
export function pairKey(link: FabricLink): string | undefined {
  const [x, y] = link.ends ?? [];
  if (x?.name === undefined || y?.name === undefined) return undefined;
  return JSON.stringify(x.name < y.name ? [x.name, y.name] : [y.name, x.name]);
}

const pairIndexes = new WeakMap<FabricModel, Map<string, FabricLink[]>>();

/** Every pair's entries in file order, built once per model. */
export function linksByPair(model: FabricModel): Map<string, FabricLink[]> {
  let index = pairIndexes.get(model);
  if (index !== undefined) return index;
  index = new Map();
  for (const link of model.links) {
    const key = pairKey(link);
    if (key === undefined) continue;
    const list = index.get(key);
    if (list === undefined) index.set(key, [link]);
    else list.push(link);
  }
  pairIndexes.set(model, index);
  return index;
}

/** Merges `later` entries into `first`: the summed count on `first`, the others deleted. Undefined when they differ in speed. */
export function mergeEdits(lines: LineIndex, model: FabricModel, first: FabricLink, later: readonly FabricLink[]): OffsetEdit[] | undefined {
  const seq = linksSeq(model.root);
  if (seq === undefined || first.count === undefined || first.speedGbps === undefined) return undefined;
  let total = first.count;
  const edits: OffsetEdit[] = [];
  for (const link of later) {
    if (link.count === undefined || link.speedGbps !== first.speedGbps || link.kind !== first.kind) return undefined;
    total += link.count;
    const edit = deleteItem(lines, seq, link.index);
    if (edit === undefined) return undefined;
    edits.push(edit);
  }
  const count = setLinkCount(lines, first, total);
  if (count === undefined) return undefined;
  edits.push(count);
  return overlaps(edits) ? undefined : edits;
}

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const link = subjectLink(ctx.model, finding);
  const key = link === undefined ? undefined : pairKey(link);
  if (link === undefined || key === undefined) return [];
  const first = linksByPair(ctx.model).get(key)?.[0];
  if (first === undefined || first === link) return [];
  const edits = mergeEdits(ctx.result.lines, ctx.model, first, [link]);
  if (edits === undefined) return [];
  const line = ctx.result.lines.positionAt(first.node.start).line + 1;
  return [{ title: `Merge into the entry on line ${line} (count: ${first.count! + link.count!})`, isPreferred: true, edits }];
}

export const fixes: RuleFixes = { id, drafts, fixAll: true };
