/**
 * Where a big topology file can be cut so that js-yaml parses it piece by piece: at its
 * top-level keys, and inside a big block collection (the 131,072 entries under `links:`)
 * at the lines where an entry begins. Parsing pieces keeps only one piece's events alive at
 * a time (js-yaml 5 returns all events as one array: 1.27 M objects, ~116 MB, on the
 * 64×2048 bench fabric) and lets an edit re-parse only the piece it touched.
 *
 * Only plain files are cut: anything whose meaning could cross a cut (anchors and aliases,
 * tags, directives, document markers, tabs, lone CR line breaks, a BOM) is parsed whole, and
 * yamlTree.ts falls back to the whole parse whenever a piece does not parse cleanly, so
 * errors always come from the whole parse.
 */

/** A span of the text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** One top-level key with its value, from its line to the next top-level key. */
export interface SectionPlan extends Span {
  /**
   * When the value is a big block collection on the lines below the key: the header (the
   * key's line) and the collection's pieces, each starting where an entry starts.
   */
  body?: { kind: 'seq' | 'map'; headerEnd: number; pieces: Span[] };
}

/** Files shorter than this are parsed whole. */
export const CHUNKED_MIN_LENGTH = 256 * 1024;
/**
 * Lines per piece of a big collection (at least; a piece ends where an entry starts). Each
 * piece is one js-yaml parse, and every new parse costs js-yaml some re-optimisation (its
 * parser state starts with a fresh hidden class): 32,000 lines keep that under ~15 % while
 * the events alive at once stay ~25 MB instead of ~116 MB on the 64×2048 fabric.
 */
export const PIECE_LINES = 32_000;

/**
 * A file opened for the first time (no pieces of it known) is parsed whole when it is
 * shorter than this: one js-yaml parse is faster than several (see PIECE_LINES), and its
 * pieces are then taken from the whole tree for the next edit. Longer files are parsed in
 * pieces from the start, so that their parse-time peak stays bounded.
 */
export const PIECES_ON_OPEN_LENGTH = 16 * 1024 * 1024;

/** The sizes in force (tests make them small to cut small files). */
export const pieceSize = { lines: PIECE_LINES, minLength: CHUNKED_MIN_LENGTH, onOpenLength: PIECES_ON_OPEN_LENGTH };

/** A top-level key line that can head a cut-up section: a plain key, nothing after the colon but a comment. */
const HEADER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*[ ]*:[ ]*(?:#.*)?\r?$/;

/** Whether `text` holds something whose meaning could cross a cut. */
function unsafe(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff) return true;
  for (const ch of ['\t', '&', '*', '!']) if (text.includes(ch)) return true;
  if (text.startsWith('%') || text.startsWith('---') || text.startsWith('...')) return true;
  if (text.includes('\n%') || text.includes('\n---') || text.includes('\n...')) return true;
  // A CR not followed by LF is a line break of its own, which the cuts (at LF) would not see.
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

interface Line {
  start: number;
  /** Offset of the line break (or the text's end). */
  end: number;
  /** Spaces before the content; -1 for a blank or comment-only line. */
  indent: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const ch = text[i];
    const blank = i === end || ch === '#' || ch === '\r';
    out.push({ start, end, indent: blank ? -1 : i - start });
    start = end + 1;
  }
  return out;
}

/** True when the content of `line` (at `indent`) starts a block sequence entry: `-` then a blank or the end. */
function isDash(text: string, line: Line): boolean {
  const at = line.start + line.indent;
  if (text[at] !== '-') return false;
  const next = text[at + 1];
  return next === undefined || next === ' ' || next === '\n' || next === '\r';
}

/** The sections of `text` and their pieces, or undefined when it must be parsed whole. */
export function planChunks(text: string): SectionPlan[] | undefined {
  if (text.length < pieceSize.minLength || unsafe(text)) return undefined;
  const all = lines(text);
  // Top-level keys: content at column 0 that is not a `-` entry.
  const heads: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (line.indent === -1) continue;
    if (heads.length === 0 && line.indent !== 0) return undefined;
    if (line.indent === 0 && !isDash(text, line)) {
      const ch = text[line.start];
      if (ch === '?' || ch === '{' || ch === '[' || ch === ':') return undefined;
      heads.push(i);
    }
  }
  if (heads.length === 0) return undefined;
  const sections: SectionPlan[] = [];
  for (let h = 0; h < heads.length; h++) {
    const first = h === 0 ? 0 : heads[h];
    const last = h + 1 < heads.length ? heads[h + 1] : all.length;
    const section: SectionPlan = { start: all[first].start, end: last < all.length ? all[last].start : text.length };
    const header = all[heads[h]];
    if (last - heads[h] > 2 * pieceSize.lines && HEADER.test(text.slice(header.start, header.end))) {
      const body = cutBody(text, all, heads[h] + 1, last, section.end);
      if (body === null) return undefined;
      if (body !== undefined) section.body = body;
    }
    sections.push(section);
  }
  return sections;
}

/**
 * The pieces of the collection on lines [from, to): undefined to keep the section whole
 * (nothing to cut), null when its shape is unexpected (the file is parsed whole).
 */
function cutBody(text: string, all: readonly Line[], from: number, to: number, end: number): { kind: 'seq' | 'map'; headerEnd: number; pieces: Span[] } | null | undefined {
  let firstContent = from;
  while (firstContent < to && all[firstContent].indent === -1) firstContent++;
  if (firstContent === to) return undefined;
  const column = all[firstContent].indent;
  const kind = isDash(text, all[firstContent]) ? 'seq' : 'map';
  if (kind === 'map' && column === 0) return null;
  const headerEnd = all[from].start;
  const pieces: Span[] = [];
  let pieceStart = headerEnd;
  let pieceFirstLine = from;
  for (let i = firstContent; i < to; i++) {
    const line = all[i];
    if (line.indent === -1) continue;
    if (line.indent < column) return null;
    if (line.indent !== column) continue;
    const dash = isDash(text, line);
    if (kind === 'seq' && !dash) return null;
    // In a map, a `-` line at the keys' column is a compact list under the previous key: not an entry start.
    const entry = kind === 'seq' ? dash : !dash;
    if (entry && i - pieceFirstLine >= pieceSize.lines) {
      pieces.push({ start: pieceStart, end: line.start });
      pieceStart = line.start;
      pieceFirstLine = i;
    }
  }
  pieces.push({ start: pieceStart, end });
  return pieces.length < 2 ? undefined : { kind, headerEnd, pieces };
}
