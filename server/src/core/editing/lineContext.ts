/**
 * A line-based guess of where the cursor is in the YAML structure, for completion while the
 * user types (the document often does not parse then: `- between: [leaf1, ` is not YAML yet).
 * Indentation and the keys of the lines above give the block path; the current line's open
 * `{` and `[` give the flow path.
 */
import type { LineIndex } from '../text/lineIndex';

export interface LineContext {
  /** Keys (user names included) and `*` for list items, from the root to the container. */
  path: string[];
  /** key: the cursor types a key of the map at `path`; value: the value at `path` (a key's value or a list item). */
  position: 'key' | 'value';
  /** The partial word before the cursor. */
  prefix: string;
  /** Keys already present in the map being completed (position key). */
  presentKeys: Set<string>;
  /** Column where a block key on this line starts (for indenting inserted lines). */
  contentColumn: number;
  /** True inside a flow collection (`{ … }` or `[ … ]`) on this line. */
  inFlow: boolean;
  /** The current line has `- ` before the cursor's content. */
  hasDash: boolean;
  /** The character before the prefix (`:`, `,`, `[`, space …), '' at line start. */
  charBefore: string;
}

interface LineShape {
  /** Columns of the `- ` markers. */
  dashes: number[];
  /** Column of the content after indentation and dashes. */
  content: number;
  /** The block key, when the line reads `key:` (followed by space, end or comment). */
  key: string | undefined;
  blank: boolean;
}

/**
 * The block key at the start of `rest`: what `/^("…"|'…'|plain)[ \t]*:(?=[ \t]|$)/` matches
 * (a double-quoted key with escapes, a single-quoted key with `''`, or a plain key that does
 * not start with a blank or an indicator), found by one left-to-right scan instead of a
 * regex, which backtracks quadratically on a long line. `raw` is the key as written (the
 * regex's group 1), `length` the match's length (through the `:`).
 */
export function matchBlockKey(rest: string): { raw: string; length: number } | undefined {
  const colonAt = (from: number): number | undefined => {
    let k = from;
    while (k < rest.length && (rest[k] === ' ' || rest[k] === '\t')) k++;
    if (rest[k] !== ':') return undefined;
    return k + 1 === rest.length || rest[k + 1] === ' ' || rest[k + 1] === '\t' ? k + 1 : undefined;
  };
  const first = rest[0];
  if (first === undefined) return undefined;
  if (first === '"') {
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === '"') {
        const end = colonAt(i + 1);
        if (end !== undefined) return { raw: rest.slice(0, i + 1), length: end };
        break;
      }
    }
  } else if (first === "'") {
    let i = 1;
    while (i < rest.length) {
      if (rest[i] !== "'") {
        i++;
        continue;
      }
      let run = 0;
      while (i + run < rest.length && rest[i + run] === "'") run++;
      if (run % 2 === 1) {
        const close = i + run - 1;
        const end = colonAt(close + 1);
        if (end !== undefined) return { raw: rest.slice(0, close + 1), length: end };
        break;
      }
      i += run;
    }
  }
  // A plain key: up to the first indicator, which must be the `:`.
  if (/[\s#:{}[\],]/.test(first)) return undefined;
  let idx = 1;
  while (idx < rest.length && !'#:{}[],'.includes(rest[idx])) idx++;
  if (rest[idx] !== ':' || colonAt(idx) === undefined) return undefined;
  let rawEnd = idx;
  while (rawEnd > 1 && (rest[rawEnd - 1] === ' ' || rest[rawEnd - 1] === '\t')) rawEnd--;
  return { raw: rest.slice(0, rawEnd), length: idx + 1 };
}

/** Puts `items` before the first element of `path` (without spreading them into a call). */
function prepend(path: string[], items: readonly string[]): void {
  if (items.length === 0) return;
  const tail = path.splice(0, path.length);
  for (const item of items) path.push(item);
  for (const item of tail) path.push(item);
}

/** Whether `ch` can be part of a `[A-Za-z_][\w-]*` key. */
function isWordChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '-';
}

/** The keys `word:` (followed by a blank or the end) in `text`, scanned once. */
function flowKeysIn(text: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isWordChar(text[j])) j++;
    // The key starts at the run's first letter or `_` (a regex search would start there too).
    let start = i;
    while (start < j && ((text[start] >= '0' && text[start] <= '9') || text[start] === '-')) start++;
    if (start < j) {
      let k = j;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      if (text[k] === ':' && (k + 1 === text.length || text[k + 1] === ' ' || text[k + 1] === '\t')) keys.push(text.slice(start, j));
    }
    i = j;
  }
  return keys;
}

/** The run of characters other than blanks, `,`, `[`, `]`, `{`, `}` and `:` at the end of `text`. */
function trailingWord(text: string): string {
  let i = text.length;
  while (i > 0 && !/[\s,[\]{}:]/.test(text[i - 1])) i--;
  return text.slice(i);
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

export function shapeOf(line: string): LineShape {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  const rest = line.slice(i);
  const blank = dashes.length === 0 && (rest === '' || rest.startsWith('#'));
  const match = matchBlockKey(rest);
  return { dashes, content: i, key: match === undefined ? undefined : unquote(match.raw), blank };
}

/** The block path of the container at column `col`, from the lines above `line`. */
export function blockPath(lines: LineIndex, line: number, col: number): string[] {
  const path: string[] = [];
  for (let l = line - 1; l >= 0 && col > 0; l--) {
    const text = lines.lineText(l);
    // A line indented at least `col` is neither a parent nor a list item above it: skip it
    // without reading it (a file's other long lines must not slow completion here).
    let indent = 0;
    while (indent < col && (text[indent] === ' ' || text[indent] === '\t')) indent++;
    if (indent >= col) continue;
    const shape = shapeOf(text);
    if (shape.blank) continue;
    if (shape.content < col && shape.key !== undefined) {
      prepend(path, [...shape.dashes.map(() => '*'), shape.key]);
      col = shape.dashes.length > 0 ? shape.dashes[0] : shape.content;
    } else if (shape.dashes.length > 0 && shape.dashes[0] < col) {
      const inside = shape.dashes.filter((d) => d < col);
      prepend(path, inside.map(() => '*'));
      col = shape.dashes[0];
    } else if (shape.content < col && shape.dashes.length === 0) {
      // A plain scalar line less indented (a multi-line value): not a parent, keep looking.
      continue;
    }
  }
  return path;
}

/** Keys of the block map whose keys sit at column `col` around `line` (the item's keys for a list item map). */
export function siblingKeys(lines: LineIndex, line: number, col: number, currentHasDash: boolean): Set<string> {
  const keys = new Set<string>();
  if (!currentHasDash) {
    for (let l = line - 1; l >= 0; l--) {
      const shape = shapeOf(lines.lineText(l));
      if (shape.blank) continue;
      if (shape.content === col && shape.key !== undefined) keys.add(shape.key);
      if (shape.content < col || (shape.dashes.length > 0 && shape.dashes[shape.dashes.length - 1] < col)) break;
    }
  }
  for (let l = line + 1; l < lines.lineCount; l++) {
    const shape = shapeOf(lines.lineText(l));
    if (shape.blank) continue;
    if (shape.content < col || shape.dashes.some((d) => d < col)) break;
    if (shape.content === col && shape.key !== undefined && shape.dashes.length === 0) keys.add(shape.key);
  }
  return keys;
}

interface Frame {
  type: '{' | '[';
  restore: number;
  keys: Set<string>;
  key: string | undefined;
  segStart: number;
}

/** Whether `before` ends inside a comment (a `#` after a space, outside quotes). */
function inComment(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (i === 0 || before[i - 1] === ' ' || before[i - 1] === '\t')) {
      return true;
    }
  }
  return false;
}

/** The context at `offset`; undefined inside a comment. */
export function lineContext(lines: LineIndex, offset: number): LineContext | undefined {
  const pos = lines.positionAt(offset);
  const full = lines.lineText(pos.line);
  const before = full.slice(0, pos.character);
  if (inComment(before)) return undefined;
  const shape = shapeOf(before);
  const dashCol = shape.dashes.length > 0 ? shape.dashes[0] : shape.content;
  const path = blockPath(lines, pos.line, dashCol);
  for (let d = 0; d < shape.dashes.length; d++) path.push('*');
  const rest = before.slice(shape.content);
  let flowStart = 0;
  let blockKeyDone = false;
  const keyMatch = matchBlockKey(rest);
  if (keyMatch !== undefined) {
    path.push(unquote(keyMatch.raw));
    flowStart = keyMatch.length;
    blockKeyDone = true;
  }
  // Scan the flow part of the line.
  const frames: Frame[] = [];
  let quote: string | undefined;
  let segStart = flowStart;
  for (let i = flowStart; i < rest.length; i++) {
    const ch = rest[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      continue;
    }
    const top = frames[frames.length - 1];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') {
      const restore = path.length;
      if (top?.type === '{' && top.key !== undefined) path.push(top.key);
      else if (top?.type === '[') path.push('*');
      frames.push({ type: ch, restore, keys: new Set(), key: undefined, segStart: i + 1 });
    } else if (ch === '}' || ch === ']') {
      const frame = frames.pop();
      if (frame !== undefined) path.length = frame.restore;
    } else if (ch === ',' && top !== undefined) {
      top.key = undefined;
      top.segStart = i + 1;
    } else if (ch === ':' && top?.type === '{' && top.key === undefined && (i + 1 === rest.length || rest[i + 1] === ' ')) {
      top.key = unquote(rest.slice(top.segStart, i).trim());
      top.keys.add(top.key);
      top.segStart = i + 1;
    }
    segStart = frames.length > 0 ? frames[frames.length - 1].segStart : segStart;
  }
  const prefix = trailingWord(rest);
  const charIndex = rest.length - prefix.length - 1;
  const charBefore = charIndex >= 0 ? rest[charIndex] : shape.dashes.length > 0 ? '-' : '';
  const base = { prefix, contentColumn: shape.content, hasDash: shape.dashes.length > 0, charBefore };
  const top = frames[frames.length - 1];
  if (top !== undefined) {
    if (top.type === '[') return { ...base, path: [...path, '*'], position: 'value', presentKeys: new Set(), inFlow: true };
    if (top.key !== undefined) return { ...base, path: [...path, top.key], position: 'value', presentKeys: new Set(), inFlow: true };
    // Keys written after the cursor on this line count as present too.
    const after = full.slice(pos.character);
    for (const key of flowKeysIn(after)) top.keys.add(key);
    return { ...base, path, position: 'key', presentKeys: top.keys, inFlow: true };
  }
  if (blockKeyDone) return { ...base, path, position: 'value', presentKeys: new Set(), inFlow: false };
  return { ...base, path, position: 'key', presentKeys: siblingKeys(lines, pos.line, shape.content, shape.dashes.length > 0), inFlow: false };
}

/** The lines of the list item that contains `line` (the item's `- ` at a column < `col`). */
export function itemText(lines: LineIndex, line: number, col: number): string {
  let first = line;
  for (let l = line; l >= 0; l--) {
    const shape = shapeOf(lines.lineText(l));
    if (shape.blank) continue;
    first = l;
    if (shape.dashes.length > 0 && shape.dashes[0] < col) break;
    if (shape.content < col) break;
  }
  const dash = shapeOf(lines.lineText(first)).dashes[0] ?? 0;
  let last = line;
  for (let l = line + 1; l < lines.lineCount; l++) {
    const shape = shapeOf(lines.lineText(l));
    if (shape.blank) continue;
    if (shape.content <= dash || shape.dashes.some((d) => d <= dash)) break;
    last = l;
  }
  const out: string[] = [];
  for (let l = first; l <= last; l++) out.push(lines.lineText(l));
  return out.join('\n');
}
