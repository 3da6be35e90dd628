/**
 * Text edits on the original text (offsets), and the small YAML-writing helpers every editing
 * feature shares: scalar quoting, indentation, speeds as text. Pure: no editor imports.
 */
import type { LineIndex } from '../text/lineIndex';
import { resolvePlainScalar } from '../yaml/yamlTree';
import type { ScalarNode, YamlNode } from '../yaml/yamlTree';
export { speedText } from '../model/speedFacts';

/** Replace [start, end) with newText (an insertion when start === end). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies non-overlapping edits to `text` (any order). Throws on overlap: a bug, never user input. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** True when any two edits overlap (touching ranges do not; two insertions at one offset do). */
export function overlaps(edits: readonly OffsetEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur.start < prev.end) return true;
    if (cur.start === prev.start && cur.start === cur.end && prev.start === prev.end) return true;
  }
  return false;
}

const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  if (PLAIN_SAFE.test(value) && resolvePlainScalar(value) === value) return value;
  return JSON.stringify(value);
}

/** `value` written in the style of `node`: a quoted name stays quoted the same way. */
export function yamlStringLike(value: string, node: YamlNode | undefined): string {
  const style = node?.kind === 'scalar' ? node.style : 'plain';
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'double') return JSON.stringify(value);
  return yamlString(value);
}

/** The source text of a scalar as written (quotes included), or a fresh rendering. */
export function sourceOf(text: string, node: YamlNode | undefined): string | undefined {
  if (node === undefined || node.kind !== 'scalar') return undefined;
  return text.slice(node.start, node.end);
}

export function isScalar(node: YamlNode | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** Column of `offset` within its line. */
export function columnOf(lines: LineIndex, offset: number): number {
  return lines.positionAt(offset).character;
}

/** The leading spaces and tabs of a line. */
export function lineIndent(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))![0];
}

/** The newline style of the text. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Where to insert whole lines after the line holding `offset`: the start of the next line,
 * or the end of the text (then the inserted text needs a leading newline).
 */
export function afterLine(lines: LineIndex, offset: number): { at: number; needsNewline: boolean } {
  const line = lines.positionAt(offset).line;
  if (line + 1 < lines.lineCount) return { at: lines.lineStartOffset(line + 1), needsNewline: false };
  return { at: lines.text.length, needsNewline: true };
}

/** Inserts whole lines (each without line break) after the line holding `offset`. */
export function insertLinesAfter(lines: LineIndex, offset: number, newLines: readonly string[]): OffsetEdit {
  const nl = eol(lines.text);
  const { at, needsNewline } = afterLine(lines, offset);
  const body = newLines.join(nl);
  return { start: at, end: at, newText: needsNewline ? `${nl}${body}` : `${body}${nl}` };
}
