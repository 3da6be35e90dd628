/**
 * What every "In your fabric" figure module shares: the lint result it reads, targets that reveal a
 * switch's (or server group's) name key, names clipped for a label, and the cut to the first few
 * figures. Pure.
 */
import type { LintResult } from '../../lint';
import type { FabricModel, FabricSwitch, ServerGroup } from '../../model/fabricModel';
import type { Range } from '../../text/lineIndex';
import { FIGURE_LIMITS } from '../../../../../shared/lessonFigures';
import type { FigureGroup, FigureTarget, LessonFigure } from '../../../../../shared/lessonFigures';

/** What a group module gets: the lint result and its fabric model (present: the caller checked). */
export interface FigureContext {
  result: LintResult;
  model: FabricModel;
}

/** The most figures a group shows; the rest are counted in `more`. */
export const MAX_FIGURES = 8;

/** A user name as a label: control characters made visible, cut to the label limit. */
export function clipName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const max = FIGURE_LIMITS.label;
  return clean.length === 0 ? '(empty name)' : clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A sentence cut to the figure text limit. */
export function clipText(text: string, max: number = FIGURE_LIMITS.text): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function rangeTarget(name: string, range: Range): FigureTarget {
  return { name: clipName(name), range: { start: { ...range.start }, end: { ...range.end } } };
}

/** Reveals the switch's name key under `switches`. */
export function switchTarget(ctx: FigureContext, sw: FabricSwitch): FigureTarget {
  return rangeTarget(sw.name, ctx.result.lines.range(sw.keyNode.start, sw.keyNode.end));
}

/** Reveals the server group's name key under `servers`. */
export function groupTarget(ctx: FigureContext, group: ServerGroup): FigureTarget {
  return rangeTarget(group.name, ctx.result.lines.range(group.keyNode.start, group.keyNode.end));
}

export function switchFigure(ctx: FigureContext, sw: FabricSwitch, text: string, status: LessonFigure['status']): LessonFigure {
  return { label: clipName(sw.name), text: clipText(text), status, target: switchTarget(ctx, sw) };
}

/** A group of the first MAX_FIGURES figures (the caller sorted them, most telling first). */
export function group(section: string, title: string, figures: LessonFigure[], extra: { note?: string; tryIt?: string; max?: number } = {}): FigureGroup {
  const max = Math.min(extra.max ?? MAX_FIGURES, FIGURE_LIMITS.figures);
  const out: FigureGroup = { section, title, figures: figures.slice(0, max), more: Math.max(0, figures.length - max) };
  if (extra.note !== undefined) out.note = clipText(extra.note, FIGURE_LIMITS.note);
  if (extra.tryIt !== undefined) out.tryIt = extra.tryIt;
  return out;
}

/** Sorts by `key` descending, ties in file order (Array.prototype.sort is stable). O(n log n). */
export function byDescending<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => b.k - a.k)
    .map((e) => e.item);
}

/**
 * Figures that read the same (same text and status) shown once: the first keeps its place and says
 * how many others are the same (`; the same for 3 other spines`). O(n).
 */
export function collapseSame(figures: readonly LessonFigure[], others: (n: number) => string): LessonFigure[] {
  const firsts = new Map<string, { figure: LessonFigure; count: number }>();
  const order: { figure: LessonFigure; count: number }[] = [];
  for (const figure of figures) {
    const key = `${figure.status}\u0000${figure.text}`;
    const seen = firsts.get(key);
    if (seen !== undefined) seen.count++;
    else {
      const entry = { figure, count: 0 };
      firsts.set(key, entry);
      order.push(entry);
    }
  }
  return order.map(({ figure, count }) => (count === 0 ? figure : { ...figure, text: clipText(`${figure.text}; the same for ${others(count)}`) }));
}
