/** duplicate-link: the same pair of switches appears in more than one `links` entry (fabric or peer links alike). */
import type { Finding } from '../findings';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'duplicate-link';

/** The first entry of a pair, and what the entries seen so far add up to. */
interface PairSoFar {
  first: FabricLink;
  /** Σ count of the entries so far; undefined once one has an unusable count. */
  total: number | undefined;
  /** Every entry so far has the first one's speed and kind (only then can they be merged). */
  sameKind: boolean;
  firstLine: number;
}

/**
 * One pass over `links` with one map entry per unordered pair: linear in the number of entries
 * however often a pair repeats.
 */
export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // Unordered pair → its entries so far, as lower name → higher name → entry (no key string per link).
  const pairs = new Map<string, Map<string, PairSoFar>>();
  for (const link of model.links) {
    if (link.ends === undefined || link.betweenNode === undefined) continue;
    const x = link.ends[0].name;
    const y = link.ends[1].name;
    if (x === undefined || y === undefined) continue;
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    let byHigh = pairs.get(lo);
    if (byHigh === undefined) {
      byHigh = new Map();
      pairs.set(lo, byHigh);
    }
    const seen = byHigh.get(hi);
    if (seen === undefined) {
      byHigh.set(hi, { first: link, total: link.count, sameKind: true, firstLine: -1 });
      continue;
    }
    if (seen.firstLine === -1) seen.firstLine = ctx.lines.positionAt(seen.first.betweenNode!.start).line + 1;
    seen.total = seen.total === undefined || link.count === undefined ? undefined : seen.total + link.count;
    if (link.speedGbps !== seen.first.speedGbps || link.kind !== seen.first.kind) seen.sameKind = false;
    const merge = !seen.sameKind
      ? 'the entries differ in speed or kind, so they cannot simply be merged: keep one entry per pair, with the speed and kind the cables really have'
      : seen.total !== undefined
        ? `merge the entries into one with \`count: ${formatNumber(seen.total, 0)}\``
        : 'merge the entries into one with the summed `count`';
    findings.push(
      makeFinding(
        ctx,
        id,
        link.betweenNode,
        `${quote(x)} and ${quote(y)} are already linked by the entry on line ${formatNumber(seen.firstLine, 0)}: ${merge}, so the file states each pair's parallel links in one place.`,
        [related(ctx, seen.first.betweenNode!, `first entry for ${quote(x)} – ${quote(y)}`)],
        undefined,
        { switches: x < y ? [x, y] : [y, x], link: link.index },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
