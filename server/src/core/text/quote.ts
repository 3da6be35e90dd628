import { cut, visible } from './visible';

/**
 * Wraps user text in backticks for a message: control, invisible and bidi characters are
 * made visible (text/visible.ts) and the text is cut at 60 characters, so a hostile name
 * cannot break a line, reorder a message or flood it.
 */
export function quote(text: string): string {
  let clean = visible(text);
  if (clean.length > 60) clean = `${cut(clean, 59)}…`;
  return `\`${clean.replace(/`/g, "'")}\``;
}
