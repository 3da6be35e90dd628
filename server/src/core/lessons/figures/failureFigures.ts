/**
 * N-1: what losing one spine (or super-spine) costs the tier below, from the real paths
 * (model/failureImpact.ts): the share of each leaf's uplink that runs through it, the worst leaf's
 * ratio after the loss, and who is cut off. Only the leaves of a spine's own pod lose anything.
 */
import type { FabricSwitch } from '../../model/fabricModel';
import { failureImpact } from '../../model/failureImpact';
import type { FailureImpact, SwitchLoss } from '../../model/failureImpact';
import { formatGbps } from '../../model/bandwidth';
import { formatNumber, plural } from '../../model/number';
import { formatRatio } from '../../model/ratio';
import { quote } from '../../text/quote';
import { ratioFigure } from './oversubscriptionFigures';
import { byDescending, collapseSame, group, switchFigure } from './figureHelpers';
import type { FigureContext } from './figureHelpers';
import type { FigureGroup, LessonFigure } from '../../../../../shared/lessonFigures';

export function percent(share: number): string {
  const p = share * 100;
  return `${formatNumber(p, p < 10 ? 1 : 0)}%`;
}

function names(list: readonly FabricSwitch[]): string {
  return `${list.slice(0, 3).map((s) => quote(s.name)).join(', ')}${list.length > 3 ? ` and ${formatNumber(list.length - 3, 0)} more` : ''}`;
}

/** What the loss of `impact.failed` costs, in words with the arithmetic. */
export function lossArithmetic(impact: FailureImpact): string {
  const failed = impact.failed;
  const below = failed.role === 'super-spine' ? 'spine' : 'leaf';
  const belowPlural = below === 'leaf' ? 'leaves' : 'spines';
  const scope = below === 'leaf' && failed.pod !== undefined ? ` (pod ${quote(failed.pod)})` : below === 'spine' && failed.plane !== undefined ? ` (plane ${quote(failed.plane)})` : '';
  if (impact.losses.length === 0) {
    return impact.unknown > 0 ? `its ${belowPlural}' uplink figures cannot be read` : `no ${below} links to it: losing it costs no uplink`;
  }
  const worst = impact.worst!;
  const n = impact.losses.length;
  const figure = (loss: SwitchLoss): string => `${formatGbps(loss.lostGbps)} of ${formatGbps(loss.below.uplinkGbps)} = ${percent(loss.share)}`;
  const balanced = Math.abs(worst.share - impact.typicalShare!) < 1e-9 && impact.losses.every((l) => Math.abs(l.share - worst.share) < 1e-9);
  const sameGbps = impact.losses.every((l) => l.lostGbps === worst.lostGbps && l.below.uplinkGbps === worst.below.uplinkGbps);
  let text: string;
  if (n === 1) text = `its one ${below}${scope}, ${quote(worst.below.name)}, loses ${figure(worst)} of its uplink`;
  else if (balanced && sameGbps) text = `each of its ${formatNumber(n, 0)} ${belowPlural}${scope} loses ${figure(worst)} of its uplink`;
  else if (balanced) text = `each of its ${formatNumber(n, 0)} ${belowPlural}${scope} loses ${percent(worst.share)} of its uplink (${quote(worst.below.name)}: ${figure(worst)})`;
  else text = `its ${formatNumber(n, 0)} ${belowPlural}${scope} lose ${percent(impact.typicalShare!)} of their uplink typically, ${percent(worst.share)} at worst (${quote(worst.below.name)}: ${figure(worst)})`;
  if (impact.cutOff.length > 0) {
    text += `; cut off: ${names(impact.cutOff)} (${impact.cutOff.length === 1 ? 'its' : 'their'} only ${failed.role})`;
    return text;
  }
  // Of those that lose the most, the one whose ratio ends worst: the figure N-1 planning checks.
  let after: { loss: SwitchLoss; left: number; ratio: number } | undefined;
  for (const loss of impact.losses) {
    const left = loss.below.uplinkGbps - loss.lostGbps;
    if (Math.abs(loss.share - worst.share) >= 1e-9 || loss.below.ratio === undefined || left <= 0) continue;
    const ratio = loss.below.downlinkGbps / left;
    if (after === undefined || ratio > after.ratio + 1e-12) after = { loss, left, ratio };
  }
  if (after !== undefined) {
    const b = after.loss.below;
    text += `; ${quote(b.name)} goes from ${formatRatio(b.ratio!)} to ${formatGbps(b.downlinkGbps)} ÷ ${formatGbps(after.left)} = ${formatRatio(after.ratio)}`;
  }
  return text;
}

/** The loss per failed switch, worst first; switches that cost the same shown once. */
function lossFigures(ctx: FigureContext, failed: readonly FabricSwitch[]): LessonFigure[] {
  const impacts = failed.map(failureImpact);
  const figures = byDescending(impacts, (i) => i.worst?.share ?? -1).map((i) =>
    switchFigure(ctx, i.failed, lossArithmetic(i), i.cutOff.length > 0 ? 'over' : i.losses.length === 0 ? 'info' : 'ok'),
  );
  const role = failed[0]?.role === 'super-spine' ? ['super-spine', 'super-spines'] : ['spine', 'spines'];
  return collapseSame(figures, (n) => `${formatNumber(n, 0)} other ${n === 1 ? role[0] : role[1]}`);
}

/** The loss per spine, worst first. */
export function spineLossGroup(ctx: FigureContext, section: string, tryIt: string | undefined): FigureGroup {
  const title = 'Losing one spine (N-1)';
  const { model } = ctx;
  if (model.spines.length === 0) return group(section, title, [], { note: 'The file has no spines, so there is no spine to lose.', tryIt });
  let note: string;
  if (model.pods.size > 1) {
    const sizes = [...model.pods.values()].map((p) => p.spines.length);
    const same = sizes.every((s) => s === sizes[0]);
    note = `${plural(model.pods.size, 'pod')}${same ? ` of ${plural(sizes[0], 'spine')} each` : ''}: a spine's loss costs only the leaves of its own pod; the other pods lose nothing.`;
  } else {
    const n = model.spines.length;
    note = n === 1 ? 'One spine: losing it cuts every leaf off from every other.' : `With ${formatNumber(n, 0)} spines, a balanced leaf loses 1/${formatNumber(n, 0)} = ${percent(1 / n)} of its uplink when one fails.`;
  }
  return group(section, title, lossFigures(ctx, model.spines), { note });
}

/** Five-stage Clos: the worst spine ratio and the loss per super-spine. */
export function superSpineGroup(ctx: FigureContext, section: string): FigureGroup {
  const title = 'Five-stage Clos: pods and planes';
  const { model } = ctx;
  if (model.superSpines.length === 0) {
    return group(section, title, [], {
      note: 'No super-spines: this is a three-stage fabric. Pods whose spines link up to super-spines make it five-stage.',
      tryIt: 'examples/five-stage-clos.topology.yaml',
    });
  }
  const figures: LessonFigure[] = [];
  const withRatio = byDescending(model.spines.filter((s) => s.ratio !== undefined && Number.isFinite(s.ratio)), (s) => s.ratio!);
  if (withRatio.length > 0) figures.push(ratioFigure(ctx, withRatio[0]));
  figures.push(...lossFigures(ctx, model.superSpines));
  const counts = [
    ...(model.pods.size > 0 ? [plural(model.pods.size, 'pod')] : []),
    ...(model.planes.size > 0 ? [plural(model.planes.size, 'plane')] : []),
    plural(model.superSpines.length, 'super-spine'),
  ];
  const rule = model.planes.size > 0 ? "a spine's uplinks are the super-spines of its plane" : 'without planes, every spine links up to every super-spine';
  const note = `${counts.join(', ')}: ${rule}.`;
  return group(section, title, figures, { note });
}
