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

const KEY_RE = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],][^#:{}[\],]*?))[ \t]*:(?=[ \t]|$)/;

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
  const match = KEY_RE.exec(rest);
  return { dashes, content: i, key: match === null ? undefined : unquote(match[1]), blank };
}

/** The block path of the container at column `col`, from the lines above `line`. */
export function blockPath(lines: LineIndex, line: number, col: number): string[] {
  const path: string[] = [];
  for (let l = line - 1; l >= 0 && col > 0; l--) {
    const shape = shapeOf(lines.lineText(l));
    if (shape.blank) continue;
    if (shape.content < col && shape.key !== undefined) {
      path.unshift(...shape.dashes.map(() => '*'), shape.key);
      col = shape.dashes.length > 0 ? shape.dashes[0] : shape.content;
    } else if (shape.dashes.length > 0 && shape.dashes[0] < col) {
      const inside = shape.dashes.filter((d) => d < col);
      path.unshift(...inside.map(() => '*'));
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
  path.push(...shape.dashes.map(() => '*'));
  const rest = before.slice(shape.content);
  let flowStart = 0;
  let blockKeyDone = false;
  const keyMatch = KEY_RE.exec(rest);
  if (keyMatch !== null) {
    path.push(unquote(keyMatch[1]));
    flowStart = keyMatch[0].length;
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
  const prefix = /[^\s,[\]{}:]*$/.exec(rest)![0];
  const charIndex = rest.length - prefix.length - 1;
  const charBefore = charIndex >= 0 ? rest[charIndex] : shape.dashes.length > 0 ? '-' : '';
  const base = { prefix, contentColumn: shape.content, hasDash: shape.dashes.length > 0, charBefore };
  const top = frames[frames.length - 1];
  if (top !== undefined) {
    if (top.type === '[') return { ...base, path: [...path, '*'], position: 'value', presentKeys: new Set(), inFlow: true };
    if (top.key !== undefined) return { ...base, path: [...path, top.key], position: 'value', presentKeys: new Set(), inFlow: true };
    // Keys written after the cursor on this line count as present too.
    const after = full.slice(pos.character);
    for (const m of after.matchAll(/([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/g)) top.keys.add(m[1]);
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
