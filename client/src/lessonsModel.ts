/** The lesson catalogue as the panel and walkthroughs show it: tracks in order, previous / next. Pure. */
import { LESSONS, TRACK_TITLES } from '../../server/src/core/lessons/lessonCatalog';
import type { LessonInfo, Track } from '../../server/src/core/lessons/lessonCatalog';
import type { LessonTarget } from './lessonLinks';

export const TRACK_ORDER: readonly Track[] = ['virtualization', 'datacenter', 'reference'];

/** Every lesson in reading order: track by track, by `order` within a track. */
export function orderedLessons(): LessonInfo[] {
  return [...LESSONS].sort((a, b) => TRACK_ORDER.indexOf(a.track) - TRACK_ORDER.indexOf(b.track) || a.order - b.order);
}

export function tracks(): { track: Track; title: string; lessons: LessonInfo[] }[] {
  const all = orderedLessons();
  return TRACK_ORDER.map((track) => ({ track, title: TRACK_TITLES[track], lessons: all.filter((l) => l.track === track) }));
}

/** Previous and next lesson in reading order (the reference lesson is last; nothing wraps). */
export function neighbours(id: string): { previous?: LessonInfo; next?: LessonInfo } {
  const all = orderedLessons();
  const i = all.findIndex((l) => l.id === id);
  if (i < 0) return {};
  return { previous: all[i - 1], next: all[i + 1] };
}

/** A try-it path from front matter or a command argument: repo-relative, under examples/, a topology file. */
export function isTryItPath(path: unknown): path is string {
  return typeof path === 'string' && /^examples\/(?:[a-z0-9][a-z0-9_-]*\/)*[a-z0-9][a-z0-9_.-]*\.topology\.ya?ml$/.test(path) && !path.includes('..');
}

/** The lesson a status bar click opens for a fabric summary (oversubscription when over the maximum). */
export function statusLesson(summary: { overMax: boolean } | undefined): LessonTarget {
  return summary?.overMax === true
    ? { lesson: 'modern-topology', section: 'oversubscription-ratios' }
    : { lesson: 'spine-leaf-hierarchy' };
}

/** Status bar text for a fabric summary; just "Topology" without one. */
export function statusText(summary: { spines: number; leaves: number; worstRatio?: string; worstLeaf?: string; overMax: boolean } | undefined): string {
  if (summary === undefined) return '$(book) Topology';
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(summary.spines, 'spine'), plural(summary.leaves, 'leaf').replace(/leafs$/, 'leaves')];
  if (summary.worstRatio !== undefined) parts.push(`worst ${summary.worstRatio}${summary.overMax ? ' $(warning)' : ''}`);
  return `$(type-hierarchy) ${parts.join(' · ')}`;
}
