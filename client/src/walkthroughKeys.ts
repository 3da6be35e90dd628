/** Context keys for walkthrough completion events (`onContext:<key>`). Pure: no vscode import. */
import { LESSONS } from '../../server/src/core/lessons/lessonCatalog';
import { HANDS_ON_FIXES } from './fixTracker';

/** Set when a topology document is open ("Open a sample fabric"). */
export const OPENED_KEY = 'topology.opened';

/** Set when the lessons panel shows the lesson. */
export function lessonOpenedKey(lesson: string): string {
  return `topology.lessonOpened.${lesson}`;
}

/** Every context key the extension may set. */
export function knownContextKeys(): string[] {
  return [OPENED_KEY, ...LESSONS.map((l) => lessonOpenedKey(l.id)), ...HANDS_ON_FIXES.map((f) => f.contextKey)];
}
