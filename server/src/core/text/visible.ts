/**
 * Makes user text safe to show: every character that is invisible, changes the direction of
 * the text around it, or breaks a line is replaced by a visible escape (`\u202E`), so a name
 * in a message, hover or outline cannot hide, reorder or forge what is around it. A name not
 * in Unicode NFC also shows its combining marks as escapes, so two names that print alike
 * but differ in bytes (`é` as one code point and as `e` + U+0301) read differently.
 */

/**
 * C0 and C1 controls and DEL; soft hyphen; combining grapheme joiner; Arabic letter mark;
 * Hangul fillers; Khmer and Mongolian invisibles; zero-width spaces, joiners and marks
 * (U+200B–U+200F); line and paragraph separators; bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069); word joiner and invisible operators (U+2060–U+206F);
 * variation selectors; the BOM; interlinear annotation marks; lone surrogates; tag characters.
 */
// Code points by number, never rendered: control characters and lone marks are the point here.
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\u034f|[\u180b-\u180f]|[\ufe00-\ufe0f]|\udb40[\udc00-\udc7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A combining mark (shown escaped only in names that are not NFC). */
const COMBINING = /\p{M}/gu;

/** `\u0007` for a BMP character (lower-case hex, as messages always showed controls), `\u{E0041}` beyond. */
function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch.length === 2) return `\\u{${code.toString(16).toUpperCase()}}`;
  const hex = code.toString(16).padStart(4, '0');
  return `\\u${code < 0x80 ? hex : hex.toUpperCase()}`;
}

/** True when `text` has a character `visible` would escape. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found || !isNfc(text);
}

function isNfc(text: string): boolean {
  // ASCII is always NFC; skip the normalisation for the common case.
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text) || text.normalize('NFC') === text;
}

/** `text` with every invisible, bidi or line-breaking character (and, when not NFC, every combining mark) escaped. */
export function visible(text: string): string {
  let out = text;
  if (!isNfc(out)) out = out.replace(COMBINING, escapeChar);
  return out.replace(INVISIBLE, escapeChar);
}

/** The first `length` UTF-16 units of `text`, one fewer when that would split a surrogate pair. */
export function cut(text: string, length: number): string {
  if (length <= 0) return '';
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
