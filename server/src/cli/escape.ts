/**
 * File names in human output, safe for a terminal and a log: a name with control characters
 * (newlines, ESC of ANSI sequences, C1 controls), bidirectional overrides and isolates, zero-width or
 * line-separator characters is shown in double quotes with every such character as a visible escape
 * (`"evil\nname.topology.yaml"`, `"\u202etxt.topology.yaml"`), the way git quotes paths. Backslashes
 * and quotes inside a quoted name are escaped too, so the shown text is unambiguous. Ordinary names
 * (also with spaces or non-ASCII letters) are shown as they are.
 */

// C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates, zero-width characters and joiners,
// word joiner and invisible operators, line/paragraph separators, BOM, interlinear annotation marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_GLOBAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"\\]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\', '\u001b': '\\e' };

function escapeChar(ch: string): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** True when `name` would be shown quoted and escaped. */
export function needsEscape(name: string): boolean {
  return UNSAFE.test(name) || /[\ud800-\udfff]/.test(name.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
}

/** A file name for human output (see the file comment). */
export function displayName(name: string): string {
  if (!needsEscape(name)) return name;
  // Lone surrogates (from undecodable names) are escaped too.
  const escaped = name.replace(UNSAFE_GLOBAL, escapeChar).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escapeChar);
  return `"${escaped}"`;
}

/**
 * Text from a finding for one line of human output: the same visible escapes for control, bidi and
 * invisible characters, without quotes (messages already quote the names they contain).
 */
export function oneLine(text: string): string {
  return UNSAFE.test(text) ? text.replace(new RegExp(UNSAFE.source, 'g'), escapeChar) : text;
}
