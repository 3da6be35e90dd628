/** Every context key the extension sets for walkthrough completion events (`onContext:<key>`). Pure: no vscode import. */
import { LESSONS } from '../../../shared/lessons/catalog';
import { OPENED_KEY, lessonOpenedKey } from '../../../shared/walkthrough';
import { HANDS_ON_FIXES } from './fixTracker';

/** Every context key the extension may set. */
export function knownContextKeys(): string[] {
  return [OPENED_KEY, ...LESSONS.map((l) => lessonOpenedKey(l.id)), ...HANDS_ON_FIXES.map((f) => f.contextKey)];
}
