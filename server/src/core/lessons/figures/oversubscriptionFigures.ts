/**
 * Oversubscription ratios: the leaf with the worst ratio and its arithmetic (downlink ÷ uplink =
 * ratio, against the design limit), then every other leaf over the limit; with super-spines, the
 * worst spine too. The figures are the rule's own (oversubscription.ts), so they match its finding.
 */
import type { FabricSwitch } from '../../model/fabricModel';
import type { FigureGroup } from '../../../../../shared/lessonFigures';
import { formatGbps } from '../../model/bandwidth';
import { formatNumber, plural } from '../../model/number';
import { formatRatio, formatRatioAgainst } from '../../model/ratio';
import { quote } from '../../text/quote';
import { downlinkWords, isOversubscribed, ratioLimit } from '../../rules/oversubscription';
import { byDescending, group, switchFigure } from './figureHelpers';
import type { FigureContext } from './figureHelpers';
import type { LessonFigure } from '../../../../../shared/lessonFigures';

export const SECTION = 'oversubscription-ratios';
const TITLE = 'Oversubscription ratios';

function hasRatio(sw: FabricSwitch): boolean {
  return sw.ratio !== undefined && Number.isFinite(sw.ratio);
}

/** `1200G to servers ÷ 400G to spines = 3:1; the design allows 3:1`. */
export function ratioArithmetic(ctx: FigureContext, sw: FabricSwitch): string {
  const max = ratioLimit(ctx.model, sw);
  const up = `${formatGbps(sw.uplinkGbps)} to ${sw.role === 'spine' ? 'super-spines' : 'spines'}${sw.role === 'leaf' && sw.pod !== undefined ? ` of pod ${quote(sw.pod)}` : ''}`;
  const verdict = isOversubscribed(ctx.model, sw) ? 'over' : 'within';
  const where = sw.role === 'spine' ? ' at a spine' : '';
  return `${downlinkWords(sw)} ÷ ${up} = ${formatRatioAgainst(sw.ratio!, max)}: ${verdict} the ${formatRatio(max)} the design allows${where}`;
}

/** A switch's ratio as a figure: over or within its limit. */
export function ratioFigure(ctx: FigureContext, sw: FabricSwitch): LessonFigure {
  return switchFigure(ctx, sw, ratioArithmetic(ctx, sw), isOversubscribed(ctx.model, sw) ? 'over' : 'ok');
}

export function oversubscriptionGroup(ctx: FigureContext, tryIt: string | undefined): FigureGroup {
  const { model } = ctx;
  const leaves = byDescending(model.leaves.filter(hasRatio), (sw) => sw.ratio!);
  if (leaves.length === 0) {
    const why = model.leaves.length === 0 ? 'The file has no leaves, so there is no ratio to show.' : `None of the ${plural(model.leaves.length, 'leaf', 'leaves')} has a ratio yet: each needs uplinks to spines and a downlink whose figures can be read.`;
    return group(SECTION, TITLE, [], { note: why, tryIt });
  }
  const spines = model.superSpines.length > 0 ? byDescending(model.spines.filter(hasRatio), (sw) => sw.ratio!) : [];
  const figures: LessonFigure[] = [ratioFigure(ctx, leaves[0])];
  if (spines.length > 0) figures.push(ratioFigure(ctx, spines[0]));
  for (const sw of leaves.slice(1)) if (isOversubscribed(model, sw)) figures.push(ratioFigure(ctx, sw));
  for (const sw of spines.slice(1)) if (isOversubscribed(model, sw)) figures.push(ratioFigure(ctx, sw));

  const over = leaves.filter((sw) => isOversubscribed(model, sw)).length;
  const limit = formatRatio(model.design.maxOversubscription);
  let note =
    leaves.length === 1
      ? `The one leaf with a ratio is ${over === 1 ? 'over' : 'within'} the design's ${limit}.`
      : over === 0
        ? `All ${formatNumber(leaves.length, 0)} leaves with a ratio are within the design's ${limit}.`
        : `${formatNumber(over, 0)} of the ${formatNumber(leaves.length, 0)} leaves with a ratio ${over === 1 ? 'is' : 'are'} over the design's ${limit}.`;
  const without = model.leaves.length - leaves.length;
  if (without > 0) note += ` ${plural(without, 'leaf', 'leaves')} without a ratio (no uplink, or a figure that cannot be read).`;
  return group(SECTION, TITLE, figures, { note });
}
