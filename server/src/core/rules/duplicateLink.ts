/** duplicate-link: the same pair of switches appears in more than one `links` entry. */
import type { Finding } from '../findings';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'duplicate-link';

/**
 * The entries before `link` for the same unordered pair, `link` last. Links from a switch to
 * one of the tier above are already grouped in the model (upstream links, in file order);
 * other pairs (tier violations, self-links, unknown names) go through `others`.
 */
function samePair(link: FabricLink, others: Map<string, FabricLink[]>): FabricLink[] | undefined {
  const x = link.ends![0];
  const y = link.ends![1];
  if (link.known && x.switch !== y.switch) {
    const all = (x.switch!.upstream.get(y.switch!.name) ?? y.switch!.upstream.get(x.switch!.name))?.links;
    if (all !== undefined) {
      if (all[0] === link) return undefined;
      return all.slice(0, all.indexOf(link) + 1);
    }
  }
  // JSON keeps any two names apart, NULs included.
  const key = JSON.stringify(x.name! < y.name! ? [x.name, y.name] : [y.name, x.name]);
  const list = others.get(key);
  if (list === undefined) {
    others.set(key, [link]);
    return undefined;
  }
  list.push(link);
  return list.slice();
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const others = new Map<string, FabricLink[]>();
  for (const link of model.links) {
    if (link.ends === undefined || link.betweenNode === undefined) continue;
    const x = link.ends[0].name;
    const y = link.ends[1].name;
    if (x === undefined || y === undefined) continue;
    const entries = samePair(link, others);
    if (entries === undefined) continue;
    const first = entries[0];
    const firstLine = ctx.lines.positionAt(first.betweenNode!.start).line + 1;
    let total: number | undefined = 0;
    for (const entry of entries) total = total === undefined || entry.count === undefined ? undefined : total + entry.count;
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
        undefined,
        { switches: x < y ? [x, y] : [y, x], link: link.index },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
