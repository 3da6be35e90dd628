import { maxOf } from '../arrays';
import { cut, visible } from './visible';

/**
 * Inline code for untrusted text: a code span it cannot break out of (code spans never render
 * HTML or links); line breaks become spaces and invisible or bidi characters visible escapes.
 */
export function codeSpan(text: string, maxLength = 80): string {
  let clean = visible(text.replace(/[\r\n]+/g, ' '));
  if (clean.length > maxLength) clean = `${cut(clean, maxLength - 1)}…`;
  const longestRun = maxOf((clean.match(/`+/g) ?? []).map((run) => run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
