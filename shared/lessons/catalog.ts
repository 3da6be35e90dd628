/**
 * The lesson catalogue: every lesson shipped under lessons/, in reading order (track by track, by
 * `order` within a track). The data is generated from the lessons' front matter into
 * catalog.generated.ts by scripts/generate-lessons.mjs (`npm run build`); this module is how
 * everything reads it: the lessons panel, the walkthroughs, hovers ("Learn: … — N min"), rule links.
 * Pure: no node or vscode import.
 */
import { LESSONS } from './catalog.generated';
import type { LessonInfo } from './frontMatter';
import { LESSON_ID_RE } from './frontMatter';
import { TRACK_ORDER, TRACK_TITLES } from './tracks';
import type { Track } from './tracks';

export { LESSONS };
export type { LessonInfo, Track };
export { TRACK_ORDER, TRACK_TITLES };

const byId = new Map(LESSONS.map((lesson) => [lesson.id, lesson]));

export function lessonInfo(id: string): LessonInfo | undefined {
  return byId.get(id);
}

/** A lesson id of the catalogue (anything else, including `__proto__`, is not). */
export function isKnownLesson(id: unknown): id is string {
  return typeof id === 'string' && LESSON_ID_RE.test(id) && byId.has(id);
}

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
