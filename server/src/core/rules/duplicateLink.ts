/** duplicate-link: the same pair of switches appears in more than one `links` entry. */
import type { Finding } from '../findings';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'duplicate-link';

/** A pair's entries seen so far: the first one and the sum of their counts (undefined once one has none). */
interface PairTally {
  first: FabricLink;
  total: number | undefined;
  /** For a pair grouped in the model: how far into its `links` (file order) the tally has got. */
  next: number;
}

const addCount = (total: number | undefined, link: FabricLink): number | undefined => (total === undefined || link.count === undefined ? undefined : total + link.count);

/**
 * The tally of the entries up to `link` for the same unordered pair, `link` included;
 * undefined for the pair's first entry. Links from a switch to one of the tier above are
 * already grouped in the model (upstream links, in file order); other pairs (tier
 * violations, self-links, unknown names) are grouped here by name. Each entry is added to
 * its pair's running tally once, so a file repeating one pair is linear, not quadratic.
 */
function samePair(link: FabricLink, grouped: Map<FabricLink[], PairTally>, others: Map<string, PairTally>): PairTally | undefined {
  const x = link.ends![0];
  const y = link.ends![1];
  if (link.known && x.switch !== y.switch) {
    const all = (x.switch!.upstream.get(y.switch!.name) ?? y.switch!.upstream.get(x.switch!.name))?.links;
    if (all !== undefined) {
      if (all[0] === link) return undefined;
      let tally = grouped.get(all);
      if (tally === undefined) {
        tally = { first: all[0], total: 0, next: 0 };
        grouped.set(all, tally);
      }
      // Links are visited in file order, the model's list is in file order: the cursor only moves forward.
      while (tally.next < all.length && all[tally.next] !== link) tally.total = addCount(tally.total, all[tally.next++]);
      if (tally.next === all.length) {
        // Not in order after all (never expected): count from the start, as the list says.
        let total: number | undefined = 0;
        for (const entry of all.slice(0, all.indexOf(link) + 1)) total = addCount(total, entry);
        return { first: all[0], total, next: 0 };
      }
      tally.total = addCount(tally.total, all[tally.next++]);
      return tally;
    }
  }
  // JSON keeps any two names apart, NULs included.
  const key = JSON.stringify(x.name! < y.name! ? [x.name, y.name] : [y.name, x.name]);
  const tally = others.get(key);
  if (tally === undefined) {
    others.set(key, { first: link, total: addCount(0, link), next: 1 });
    return undefined;
  }
  tally.total = addCount(tally.total, link);
  return tally;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const grouped = new Map<FabricLink[], PairTally>();
  const others = new Map<string, PairTally>();
  for (const link of model.links) {
    if (link.ends === undefined || link.betweenNode === undefined) continue;
    const x = link.ends[0].name;
    const y = link.ends[1].name;
    if (x === undefined || y === undefined) continue;
    const tally = samePair(link, grouped, others);
    if (tally === undefined) continue;
    const first = tally.first;
    const firstLine = ctx.lines.positionAt(first.betweenNode!.start).line + 1;
    const total = tally.total;
    const merge =
      total !== undefined
        ? `merge the entries into one with \`count: ${formatNumber(total, 0)}\``
        : 'merge the entries into one with the summed `count`';
    findings.push(
      makeFinding(
        ctx,
        id,
        link.betweenNode,
        `${quote(x)} and ${quote(y)} are already linked by the entry on line ${formatNumber(firstLine, 0)}: ${merge}, so the file states each pair's parallel links in one place.`,
        [related(ctx, first.betweenNode!, `first entry for ${quote(x)} – ${quote(y)}`)],
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
