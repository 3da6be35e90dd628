/**
 * The context keys behind the walkthroughs' completion events (`onContext:<key>` in package.json):
 * the client sets them, the walkthrough steps wait for them. Pure: no node or vscode import.
 */

/** Set when a topology document is open ("Open a sample fabric"). */
export const OPENED_KEY = 'topology.opened';

/** Set when the lessons panel shows the lesson (completes the lesson's walkthrough step). */
export function lessonOpenedKey(lesson: string): string {
  return `topology.lessonOpened.${lesson}`;
}
