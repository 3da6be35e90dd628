/**
 * Tier rules (lessons/spine-leaf-hierarchy.md): every tier violation in the file (a leaf–leaf or
 * spine–spine link, a link across pods or planes, servers on a spine), each revealing its link;
 * with none, how the links divide between the tiers.
 */
import { formatNumber, plural } from '../../model/number';
import type { FigureGroup } from '../../../../../shared/lessonFigures';
import { group } from './figureHelpers';
import type { FigureContext } from './figureHelpers';
import { findingFigures, ruleOffNote } from './findingFigures';

export const SECTION = 'tier-rules';

export function tierGroup(ctx: FigureContext, tryIt: string | undefined): FigureGroup {
  const title = 'Tier rules';
  const figures = findingFigures(ctx, 'tier-violation');
  const off = ruleOffNote(ctx, 'tier-violation');
  if (figures.length > 0) return group(SECTION, title, figures, { note: off ?? `${plural(figures.length, 'tier violation')}, in file order.` });
  let leafSpine = 0;
  let spineSuper = 0;
  for (const link of ctx.model.links) {
    if (!link.known || link.kind === 'peer' || link.northSouth || link.outsideFabric || link.scopeMismatch !== undefined || link.ends === undefined) continue;
    const roles = new Set([link.ends[0].switch?.role, link.ends[1].switch?.role]);
    if (roles.has('leaf') && roles.has('spine')) leafSpine++;
    else if (roles.has('spine') && roles.has('super-spine')) spineSuper++;
  }
  const split = `${formatNumber(leafSpine, 0)} leaf–spine${ctx.model.superSpines.length > 0 ? ` and ${formatNumber(spineSuper, 0)} spine–super-spine` : ''} link entries`;
  return group(SECTION, title, [], {
    note: off ?? `No tier violations: ${split}; every link joins two adjacent tiers (peer links and links to externals aside).`,
    tryIt,
  });
}
