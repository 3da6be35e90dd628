/**
 * A lesson's front matter, checked: the one source of its id, title, track, order, minutes, summary
 * and try-it file. scripts/generate-lessons.mjs turns every lesson's front matter into the catalogue
 * (catalog.generated.ts) with this function, and refuses a lesson whose front matter is wrong.
 * Pure: no node or vscode import.
 */
import type { LessonFile } from './lessonFile';
import { isTrack } from './tracks';
import type { Track } from './tracks';

export interface LessonInfo {
  /** The file name under lessons/ without `.md`. */
  id: string;
  title: string;
  track: Track;
  /** Position within the track, from 1. */
  order: number;
  minutes: number;
  /** One or two sentences: what the lesson teaches (the walkthrough step and the panel show it). */
  summary: string;
  /** A repo-relative `examples/….topology.yaml` the lesson's "Try it" opens, if it has one. */
  tryIt?: string;
}

/** A lesson id: lower-case letters, digits and dashes (it is a file name and a URI segment). */
export const LESSON_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A try-it path from front matter or a command argument: repo-relative, under examples/, a topology file. */
export function isTryItPath(path: unknown): path is string {
  return typeof path === 'string' && /^examples\/(?:[a-z0-9][a-z0-9_-]*\/)*[a-z0-9][a-z0-9_.-]*\.topology\.ya?ml$/.test(path) && !path.includes('..');
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,3}$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The catalogue entry of the lesson `fileId` (its file name without `.md`), or the problems of its
 * front matter: every key present and well-formed, and `id` equal to the file name.
 */
export function lessonInfoOf(fileId: string, file: Pick<LessonFile, 'frontMatter'>): { info: LessonInfo } | { errors: string[] } {
  const fm = file.frontMatter;
  const errors: string[] = [];
  const id = fm.get('id');
  if (!LESSON_ID_RE.test(fileId)) errors.push(`the file name "${fileId}" is not a lesson id (a-z, 0-9, -)`);
  if (id !== fileId) errors.push(`front matter id "${id ?? ''}" differs from the file name "${fileId}"`);
  const title = fm.get('title') ?? '';
  if (title.length === 0 || title.length > 100) errors.push('title: 1 to 100 characters');
  const track = fm.get('track');
  if (!isTrack(track)) errors.push(`track "${String(track ?? '')}" is not a track of shared/lessons/tracks.ts`);
  const order = positiveInteger(fm.get('order'));
  if (order === undefined) errors.push('order: a whole number from 1');
  const minutes = positiveInteger(fm.get('minutes'));
  if (minutes === undefined) errors.push('minutes: a whole number from 1');
  const summary = fm.get('summary') ?? '';
  if (summary.length <= 20 || summary.length > 500) errors.push('summary: 21 to 500 characters');
  const tryIt = fm.get('tryIt');
  if (tryIt !== undefined && !isTryItPath(tryIt)) errors.push(`tryIt "${String(tryIt)}" is not a path examples/….topology.yaml`);
  if (errors.length > 0 || !isTrack(track) || order === undefined || minutes === undefined) return { errors };
  const info: LessonInfo = { id: fileId, title, track, order, minutes, summary };
  if (tryIt !== undefined) info.tryIt = tryIt;
  return { info };
}
