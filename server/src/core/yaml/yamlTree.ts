/**
 * A positioned YAML tree built in one pass from js-yaml's event stream.
 *
 * js-yaml 5's `parseEvents` reports every scalar and collection with source offsets
 * and never constructs JavaScript values, so aliases stay references (no alias bomb can
 * expand here) and every key and value keeps its exact range.
 */
import { CHECKPOINT_EVERY_MASK, type Checkpoint } from '../budget';
import { parseEvents, getScalarValue, load, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { appendAll } from '../arrays';
import { pieceSize, planChunks, type SectionPlan, type Span } from './chunks';

export type ScalarValue = string | number | boolean | null;
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface NodeBase {
  /** Offset of the first character of the node (quotes included). */
  start: number;
  /** Offset just after the node. */
  end: number;
  anchor?: string;
  tag?: string;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  /** The resolved value (YAML 1.2 core schema). */
  value: ScalarValue;
  /** The decoded text of the scalar (what a string value would be). */
  text: string;
  style: ScalarStyle;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Pair[];
  flow: boolean;
}

export interface Pair {
  key: YamlNode;
  value: YamlNode;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: YamlNode[];
  flow: boolean;
}

export interface AliasNode extends NodeBase {
  kind: 'alias';
  name: string;
  /** The anchored node this alias refers to; undefined when the anchor is unknown. */
  target: YamlNode | undefined;
}

export type YamlNode = ScalarNode | MapNode | SeqNode | AliasNode;

export interface YamlError {
  message: string;
  start: number;
  end: number;
}

export interface ParsedYaml {
  /** The document's root node; undefined for an empty document or when parsing failed. */
  root: YamlNode | undefined;
  /** Syntax errors, as js-yaml reports them; when non-empty, `root` must not be analysed. */
  errors: YamlError[];
  /** Number of nodes in the tree (aliases count once). */
  nodeCount: number;
  /** True when the text holds nothing but whitespace and comments. */
  empty: boolean;
}

const STYLE_NAMES: Record<number, ScalarStyle> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded',
};

/** Deepest collection nesting accepted; deeper input is a syntax error, never a stack overflow. */
export const MAX_DEPTH = 100;

const NULL_RE = /^(?:~|null|Null|NULL)?$/;
const TRUE_RE = /^(?:true|True|TRUE)$/;
const FALSE_RE = /^(?:false|False|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF_RE = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN_RE = /^\.(?:nan|NaN|NAN)$/;

/** Resolves a plain scalar the way the YAML 1.2 core schema does. */
export function resolvePlainScalar(text: string): ScalarValue {
  if (text.length === 0) return null;
  const first = text.charCodeAt(0);
  // Dispatch on the first character: most scalars in a topology are names that can only be strings.
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x2e /* . */) {
    if (INT_RE.test(text)) return Number.parseInt(text, 10);
    if (FLOAT_RE.test(text)) return Number.parseFloat(text);
    if (first === 0x30 /* 0 */) {
      if (OCT_RE.test(text)) return Number.parseInt(text.slice(2), 8);
      if (HEX_RE.test(text)) return Number.parseInt(text.slice(2), 16);
    }
    if (INF_RE.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    if (NAN_RE.test(text)) return Number.NaN;
    return text;
  }
  switch (first) {
    case 0x7e /* ~ */:
    case 0x6e /* n */:
    case 0x4e /* N */:
      return NULL_RE.test(text) ? null : text;
    case 0x74 /* t */:
    case 0x54 /* T */:
      return TRUE_RE.test(text) ? true : text;
    case 0x66 /* f */:
    case 0x46 /* F */:
      return FALSE_RE.test(text) ? false : text;
    default:
      return text;
  }
}

function resolveTaggedScalar(tag: string, text: string): ScalarValue {
  switch (tag) {
    case '!!str':
    case 'tag:yaml.org,2002:str':
      return text;
    case '!!int':
    case '!!float':
    case 'tag:yaml.org,2002:int':
    case 'tag:yaml.org,2002:float': {
      // The core schema's number forms (`.inf`, `-.Inf`, `0x1F`, `1e3`), not Number(): that reads `.inf` as NaN.
      const value = resolvePlainScalar(text.trim());
      return typeof value === 'number' ? value : Number.NaN;
    }
    case '!!bool':
      return TRUE_RE.test(text);
    case '!!null':
      return null;
    default:
      return text;
  }
}

/** Nothing but whitespace and comments. Line by line: one regex over the whole text can backtrack exponentially on `#` runs. */
function isBlank(text: string): boolean {
  return text.split(/\r\n|\r|\n/).every((line) => /^[ \t\uFEFF]*(?:#.*)?$/.test(line));
}

interface OpenCollection {
  node: MapNode | SeqNode;
  /** A map's key waiting for its value. */
  pendingKey: YamlNode | undefined;
  /** End of the last child so far. */
  lastEnd: number;
}

/** Range of the token at `offset`, for errors: the run of non-blank characters there. */
function errorSpan(text: string, offset: number): { start: number; end: number } {
  // Start exactly where js-yaml points; on a line break or at the end of the text the range is
  // empty (LineIndex maps an offset inside \r\n to the end of the line's content).
  const start = Math.max(0, Math.min(offset, text.length));
  let end = start;
  while (end < text.length && end - start < 80 && !/[\s,\]}]/.test(text[end])) end++;
  if (end === start && start < text.length && text[start] !== '\n' && text[start] !== '\r') end = start + 1;
  return { start, end };
}

function exceptionToError(text: string, error: unknown): YamlError {
  const e = error as { reason?: string; message?: string; mark?: { position?: number } };
  const message = e.reason ?? (typeof e.message === 'string' ? e.message.split('\n')[0] : 'unreadable YAML');
  const position = typeof e.mark?.position === 'number' ? e.mark.position : 0;
  return { message, ...errorSpan(text, position) };
}

/** Where the second document of a stream begins: its `---` marker, or the first content after the first document. */
function secondDocumentOffset(text: string, after: number): number {
  const re = /^(?:---|\.\.\.)/gm;
  re.lastIndex = after;
  const match = re.exec(text);
  return match ? match.index : after;
}

/**
 * Parses one YAML document into a positioned tree; never throws (except the `AnalysisAborted` of
 * `checkpoint`). A big plain file is parsed piece by piece (yaml/chunks.ts), which gives the same
 * tree with a fraction of the peak memory, and re-uses the pieces an edit did not touch; anything
 * else, and any file a piece of which does not parse cleanly, is parsed whole.
 */
export function parseYaml(text: string, checkpoint?: Checkpoint): ParsedYaml {
  return parseInPieces(text, checkpoint) ?? parseYamlWhole(text, checkpoint);
}

/** The whole-document parse (also what a piecewise parse must equal; tests compare them). */
export function parseYamlWhole(text: string, checkpoint?: Checkpoint): ParsedYaml {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    if (isBlank(text)) return { root: undefined, errors: [], nodeCount: 0, empty: true };
    return { root: undefined, errors: [exceptionToError(text, error)], nodeCount: 0, empty: false };
  }
  const builder = new TreeBuilder(text);
  const errors: YamlError[] = [];
  let documents = 0;
  let hasTags = false;
  for (let i = 0; i < events.length; i++) {
    if ((i & CHECKPOINT_EVERY_MASK) === 0) checkpoint?.('parse');
    const event = events[i];
    if (event.type === EVENT_ID.DOCUMENT) {
      documents++;
      if (documents === 2) {
        const at = secondDocumentOffset(text, builder.lastEnd);
        errors.push({
          message: 'a topology file holds one YAML document; a second document starts here',
          ...errorSpan(text, at),
        });
        break;
      }
      continue;
    }
    if ('tagStart' in event && event.tagStart !== -1) hasTags = true;
    builder.add(event);
  }
  appendAll(errors, builder.errors);
  if (hasTags && errors.length === 0) {
    // Tags are rare in topology files; let js-yaml's constructor judge them (unknown or
    // unresolvable tags). Aliases stay shared references there, so this is cheap.
    try {
      load(text, { maxDepth: MAX_DEPTH });
    } catch (error) {
      errors.push(exceptionToError(text, error));
    }
  }
  errors.sort((a, b) => a.start - b.start);
  if (errors.length > 0) return { root: undefined, errors: errors.slice(0, 1), nodeCount: builder.nodeCount, empty: false };
  return { root: builder.root, errors, nodeCount: builder.nodeCount, empty: builder.root === undefined && isBlank(text) };
}

class TreeBuilder {
  root: YamlNode | undefined;
  nodeCount = 0;
  lastEnd = 0;
  readonly errors: YamlError[] = [];
  private readonly stack: OpenCollection[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  /** One copy of each short scalar text: keys, switch names and speeds repeat thousands of times. */
  private readonly strings: Map<string, string> = new Map<string, string>();

  private intern(text: string): string {
    if (text.length > 40) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /**
   * `text` is what js-yaml parsed (the whole file, or one chunk of it); `base` is where it
   * starts in the file, added to every offset so nodes always carry file offsets.
   */
  constructor(
    private readonly text: string,
    private readonly base = 0,
    strings?: Map<string, string>,
  ) {
    if (strings !== undefined) this.strings = strings;
  }

  add(event: Event): void {
    switch (event.type) {
      case EVENT_ID.SCALAR:
        this.attach(this.scalar(event));
        return;
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(event.anchorStart, event.anchorEnd);
        const target = this.anchors.get(name);
        const node: AliasNode = { kind: 'alias', name, target, start: this.base + Math.max(0, event.anchorStart - 1), end: this.base + event.anchorEnd };
        if (target === undefined) {
          // js-yaml points at the alias's name, after the `*`.
          this.errors.push({ message: `unidentified alias "${name}"`, start: event.anchorStart, end: event.anchorEnd });
        }
        this.attach(node);
        return;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const flow = event.style === COLLECTION_STYLE.FLOW;
        const start = this.base + (event.anchorStart !== -1 ? Math.min(event.start, event.anchorStart - 1) : event.start);
        const end = this.base + event.start + 1;
        const node: MapNode | SeqNode =
          event.type === EVENT_ID.MAPPING ? { kind: 'map', pairs: [], flow, start, end } : { kind: 'seq', items: [], flow, start, end };
        this.decorate(node, event);
        this.stack.push({ node, pendingKey: undefined, lastEnd: node.start + 1 });
        return;
      }
      case EVENT_ID.POP: {
        const open = this.stack.pop();
        if (open === undefined) return; // closes the document
        this.close(open);
        this.attach(open.node);
        return;
      }
    }
  }

  private decorate(node: YamlNode, event: { anchorStart: number; anchorEnd: number; tagStart: number; tagEnd: number }): void {
    if (event.anchorStart !== -1) {
      node.anchor = this.text.slice(event.anchorStart, event.anchorEnd);
    }
    if (event.tagStart !== -1) node.tag = this.text.slice(event.tagStart, event.tagEnd);
  }

  private scalar(event: ScalarEvent): ScalarNode {
    const style = STYLE_NAMES[event.style] ?? 'plain';
    const quoted = style === 'single' || style === 'double';
    const text = this.intern(event.fast ? this.text.slice(event.valueStart, event.valueEnd) : getScalarValue(this.text, event));
    const node: ScalarNode = {
      kind: 'scalar',
      value: text,
      text,
      style,
      start: this.base + (quoted ? event.valueStart - 1 : event.valueStart),
      end: this.base + (quoted ? event.valueEnd + 1 : event.valueEnd),
    };
    if (style === 'literal' || style === 'folded') {
      // Trim the block's trailing line break so the range ends on its last line.
      while (node.end > node.start && /[\r\n]/.test(this.text[node.end - 1 - this.base])) node.end--;
    }
    this.decorate(node, event);
    if (node.tag !== undefined) node.value = resolveTaggedScalar(node.tag, text);
    else if (style === 'plain') node.value = resolvePlainScalar(text);
    return node;
  }

  private attach(node: YamlNode): void {
    this.nodeCount++;
    if (node.end > this.lastEnd) this.lastEnd = node.end;
    if (node.anchor !== undefined) this.anchors.set(node.anchor, node);
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      if (this.root === undefined) this.root = node;
      return;
    }
    if (node.end > parent.lastEnd) parent.lastEnd = node.end;
    const collection = parent.node;
    if (collection.kind === 'seq') {
      collection.items.push(node);
    } else if (parent.pendingKey === undefined) {
      parent.pendingKey = node;
    } else {
      collection.pairs.push({ key: parent.pendingKey, value: node });
      parent.pendingKey = undefined;
    }
  }

  private close(open: OpenCollection): void {
    const { node } = open;
    let end = Math.max(open.lastEnd, node.start + 1);
    if (node.kind === 'map' && open.pendingKey !== undefined) {
      node.pairs.push({ key: open.pendingKey, value: emptyScalarAt(open.pendingKey.end) });
    }
    if (node.flow) end = this.closingBracket(end, node.kind === 'map' ? '}' : ']');
    node.end = end;
    if (node.kind === 'map') {
      this.checkComplexKeys(node.pairs);
      this.checkDuplicateKeys(node.pairs);
    }
  }

  /** js-yaml builds maps as plain objects, so a list or map used as a key is an error there. */
  private checkComplexKeys(pairs: Pair[]): void {
    for (const { key } of pairs) {
      const target = key.kind === 'alias' ? key.target : key;
      if (target !== undefined && target.kind !== 'scalar' && target.kind !== 'alias') {
        this.errors.push({ message: 'object-based map does not support complex keys', start: key.start, end: key.end });
      }
    }
  }

  /** js-yaml rejects a key that repeats in one map; report it at the second key, as js-yaml does. */
  private checkDuplicateKeys(pairs: Pair[]): void {
    if (pairs.length < 2) return;
    if (pairs.length <= 16) {
      for (let i = 1; i < pairs.length; i++) {
        const key = pairs[i].key;
        if (key.kind !== 'scalar') continue;
        const name = String(key.value);
        for (let j = 0; j < i; j++) {
          const other = pairs[j].key;
          if (other.kind === 'scalar' && String(other.value) === name) {
            this.errors.push({ message: 'duplicated mapping key', start: key.start, end: key.end });
            break;
          }
        }
      }
      return;
    }
    const seen = new Set<string>();
    for (const { key } of pairs) {
      if (key.kind !== 'scalar') continue;
      const name = String(key.value);
      if (seen.has(name)) this.errors.push({ message: 'duplicated mapping key', start: key.start, end: key.end });
      else seen.add(name);
    }
  }

  private closingBracket(from: number, bracket: string): number {
    const at = this.text.indexOf(bracket, from - this.base);
    return at === -1 ? from : this.base + at + 1;
  }
}

function emptyScalarAt(offset: number): ScalarNode {
  return { kind: 'scalar', value: null, text: '', style: 'plain', start: offset, end: offset };
}

// ---------------------------------------------------------------- piecewise parsing

/** A parsed piece, kept for the next parse of the same document: a piece an edit did not touch is not parsed again. */
interface CachedPiece {
  start: number;
  root: YamlNode;
  nodeCount: number;
}

/**
 * The pieces of each tree, by their text, for as long as the tree lives (a WeakMap keyed by
 * its root: the open document's analysis holds the root, so closing the document frees its
 * pieces with it). `lastTree` names the tree the next parse may re-use.
 */
const piecesOfTree = new WeakMap<YamlNode, Map<string, CachedPiece>>();
let lastTree: WeakRef<YamlNode> | undefined;
const NO_PIECES: ReadonlyMap<string, CachedPiece> = new Map();

/** The pieces the next parse may re-use. */
function lastPiecesMap(): ReadonlyMap<string, CachedPiece> {
  const root = lastTree?.deref();
  return (root === undefined ? undefined : piecesOfTree.get(root)) ?? NO_PIECES;
}

/** Keeps `pieces` as the pieces of the tree `root`, for the next parse. */
function remember(root: YamlNode | undefined, pieces: Map<string, CachedPiece> | undefined): void {
  if (root === undefined || pieces === undefined) {
    lastTree = undefined;
    return;
  }
  piecesOfTree.set(root, pieces);
  lastTree = new WeakRef(root);
}

/** Forgets which tree the next parse may re-use (its pieces are freed with the tree anyway). */
export function clearParseCache(): void {
  lastTree = undefined;
}

/** A deep copy of `node` with every offset moved by `delta` (a piece re-used at another place). */
function shifted(node: YamlNode, delta: number): YamlNode {
  switch (node.kind) {
    case 'scalar': {
      const copy: ScalarNode = { kind: 'scalar', value: node.value, text: node.text, style: node.style, start: node.start + delta, end: node.end + delta };
      if (node.anchor !== undefined) copy.anchor = node.anchor;
      if (node.tag !== undefined) copy.tag = node.tag;
      return copy;
    }
    case 'map': {
      const pairs = new Array<Pair>(node.pairs.length);
      for (let i = 0; i < pairs.length; i++) {
        const pair = node.pairs[i];
        pairs[i] = { key: shifted(pair.key, delta), value: shifted(pair.value, delta) };
      }
      const copy: MapNode = { kind: 'map', pairs, flow: node.flow, start: node.start + delta, end: node.end + delta };
      if (node.anchor !== undefined) copy.anchor = node.anchor;
      if (node.tag !== undefined) copy.tag = node.tag;
      return copy;
    }
    case 'seq': {
      const items = new Array<YamlNode>(node.items.length);
      for (let i = 0; i < items.length; i++) items[i] = shifted(node.items[i], delta);
      const copy: SeqNode = { kind: 'seq', items, flow: node.flow, start: node.start + delta, end: node.end + delta };
      if (node.anchor !== undefined) copy.anchor = node.anchor;
      if (node.tag !== undefined) copy.tag = node.tag;
      return copy;
    }
    default:
      // Pieces never hold aliases (files with `*` are parsed whole).
      return { kind: 'alias', name: node.name, target: node.target, start: node.start + delta, end: node.end + delta };
  }
}

interface Piece {
  root: YamlNode;
  nodeCount: number;
}

/** Parses text[start, end) on its own; undefined unless it is one clean document. */
function parsePiece(text: string, span: Span, maxDepth: number, strings: Map<string, string>, next: Map<string, CachedPiece>, last: ReadonlyMap<string, CachedPiece>): Piece | undefined {
  const chunk = text.slice(span.start, span.end);
  const cached = last.get(chunk);
  if (cached !== undefined) {
    const root = cached.start === span.start ? cached.root : shifted(cached.root, span.start - cached.start);
    next.set(chunk, { start: span.start, root, nodeCount: cached.nodeCount });
    return { root, nodeCount: cached.nodeCount };
  }
  let events: Event[];
  try {
    events = parseEvents(chunk, { maxDepth });
  } catch {
    return undefined;
  }
  const builder = new TreeBuilder(chunk, span.start, strings);
  let documents = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1) return undefined;
      continue;
    }
    builder.add(event);
  }
  if (builder.errors.length > 0 || builder.root === undefined) return undefined;
  next.set(chunk, { start: span.start, root: builder.root, nodeCount: builder.nodeCount });
  return { root: builder.root, nodeCount: builder.nodeCount };
}

/** Every span the plan parses on its own, in order. */
function planSpans(plan: readonly SectionPlan[]): Span[] {
  const spans: Span[] = [];
  for (const section of plan) {
    if (section.body === undefined) spans.push(section);
    else {
      spans.push({ start: section.start, end: section.body.headerEnd });
      appendAll(spans, section.body.pieces);
    }
  }
  return spans;
}

/** The piecewise parse of a big plain file; undefined when it must be parsed whole. */
function parseInPieces(text: string, checkpoint?: Checkpoint): ParsedYaml | undefined {
  const plan = planChunks(text);
  if (plan === undefined) {
    remember(undefined, undefined);
    return undefined;
  }
  const last = lastPiecesMap();
  if (text.length < pieceSize.onOpenLength && !planSpans(plan).some((span) => last.has(text.slice(span.start, span.end)))) {
    // Nothing to re-use (a file just opened): one whole parse is faster; keep its pieces for the next edit.
    const whole = parseYamlWhole(text, checkpoint);
    remember(whole.root, whole.errors.length === 0 && whole.root !== undefined ? seedPieces(text, plan, whole.root) : undefined);
    return whole;
  }
  const next = new Map<string, CachedPiece>();
  checkpoint?.('parse');
  const result = assemble(text, plan, next, last, checkpoint);
  remember(result?.root, result === undefined ? undefined : next);
  return result;
}

/** Nodes in a subtree, as the builder counts them. */
function countNodes(node: YamlNode): number {
  let n = 1;
  if (node.kind === 'map') for (const pair of node.pairs) n += countNodes(pair.key) + countNodes(pair.value);
  else if (node.kind === 'seq') for (const item of node.items) n += countNodes(item);
  return n;
}

/**
 * The pieces of a whole parse, as parsing each piece on its own would have given them (the
 * same nodes, in wrappers shaped like a piece's own root): what the next edit re-uses.
 * Undefined when the tree does not match the plan.
 */
function seedPieces(text: string, plan: readonly SectionPlan[], root: YamlNode): Map<string, CachedPiece> | undefined {
  if (root.kind !== 'map' || root.pairs.length !== plan.length) return undefined;
  const out = new Map<string, CachedPiece>();
  const put = (span: Span, node: YamlNode, nodeCount: number): void => {
    out.set(text.slice(span.start, span.end), { start: span.start, root: node, nodeCount });
  };
  for (let i = 0; i < plan.length; i++) {
    const section = plan[i];
    const pair = root.pairs[i];
    const start = i === 0 ? root.start : pair.key.start;
    if (section.body === undefined) {
      const end = Math.max(pair.key.end, pair.value.end, start + 1);
      put(section, { kind: 'map', pairs: [pair], flow: false, start, end }, 1 + countNodes(pair.key) + countNodes(pair.value));
      continue;
    }
    const { kind, headerEnd, pieces } = section.body;
    const value = pair.value;
    if (value.kind !== kind || value.flow || pair.key.kind !== 'scalar') return undefined;
    const header: MapNode = { kind: 'map', pairs: [{ key: pair.key, value: emptyScalarAt(pair.key.end) }], flow: false, start, end: Math.max(pair.key.end, start + 1) };
    put({ start: section.start, end: headerEnd }, header, 2);
    const entries: (YamlNode | Pair)[] = value.kind === 'seq' ? value.items : value.kind === 'map' ? value.pairs : [];
    const startOf = (entry: YamlNode | Pair): number => ('key' in entry ? entry.key.start : entry.start);
    let at = 0;
    for (let p = 0; p < pieces.length; p++) {
      const span = pieces[p];
      const from = at;
      while (at < entries.length && startOf(entries[at]) < span.end) at++;
      if (at === from) return undefined;
      const slice = entries.slice(from, at);
      const pieceStart = p === 0 ? value.start : startOf(slice[0]);
      let end = pieceStart + 1;
      let nodeCount = 1;
      for (const entry of slice) {
        if ('key' in entry) {
          end = Math.max(end, entry.key.end, entry.value.end);
          nodeCount += countNodes(entry.key) + countNodes(entry.value);
        } else {
          end = Math.max(end, entry.end);
          nodeCount += countNodes(entry);
        }
      }
      const wrapper: YamlNode =
        kind === 'seq' ? { kind: 'seq', items: slice as YamlNode[], flow: false, start: pieceStart, end } : { kind: 'map', pairs: slice as Pair[], flow: false, start: pieceStart, end };
      put(span, wrapper, nodeCount);
    }
    if (at !== entries.length) return undefined;
  }
  return out;
}

function assemble(text: string, plan: readonly SectionPlan[], next: Map<string, CachedPiece>, previous: ReadonlyMap<string, CachedPiece>, checkpoint?: Checkpoint): ParsedYaml | undefined {
  const strings = new Map<string, string>();
  const pairs: Pair[] = [];
  let nodeCount = 1; // the root map
  let start: number | undefined;
  let end = 0;
  for (const section of plan) {
    checkpoint?.('parse');
    if (section.body === undefined) {
      const piece = parsePiece(text, section, MAX_DEPTH, strings, next, previous);
      if (piece === undefined || piece.root.kind !== 'map' || piece.root.flow || piece.root.pairs.length !== 1) return undefined;
      start ??= piece.root.start;
      end = Math.max(end, piece.root.end);
      pairs.push(piece.root.pairs[0]);
      nodeCount += piece.nodeCount - 1;
      continue;
    }
    const { kind, headerEnd, pieces } = section.body;
    const header = parsePiece(text, { start: section.start, end: headerEnd }, MAX_DEPTH, strings, next, previous);
    if (header === undefined || header.root.kind !== 'map' || header.root.flow || header.root.pairs.length !== 1) return undefined;
    const { key, value: empty } = header.root.pairs[0];
    if (empty.kind !== 'scalar' || empty.value !== null || empty.text !== '' || key.kind !== 'scalar') return undefined;
    start ??= header.root.start;
    nodeCount += 2; // the key and the collection
    const items: YamlNode[] = [];
    const entries: Pair[] = [];
    let first: YamlNode | undefined;
    let last: YamlNode | undefined;
    for (const span of pieces) {
      checkpoint?.('parse');
      // A piece's collection is one level less deep on its own than in the file.
      const piece = parsePiece(text, span, MAX_DEPTH - 1, strings, next, previous);
      if (piece === undefined || piece.root.kind !== kind || piece.root.flow) return undefined;
      first ??= piece.root;
      last = piece.root;
      nodeCount += piece.nodeCount - 1;
      if (piece.root.kind === 'seq') appendAll(items, piece.root.items);
      else if (piece.root.kind === 'map') appendAll(entries, piece.root.pairs);
    }
    if (first === undefined || last === undefined) return undefined;
    const collectionEnd = Math.max(last.end, first.start + 1);
    const value: YamlNode = kind === 'seq' ? { kind: 'seq', items, flow: false, start: first.start, end: collectionEnd } : { kind: 'map', pairs: entries, flow: false, start: first.start, end: collectionEnd };
    if (value.kind === 'map' && hasDuplicateKey(value.pairs)) return undefined;
    end = Math.max(end, value.end, key.end);
    pairs.push({ key, value });
  }
  if (start === undefined || hasDuplicateKey(pairs)) return undefined;
  const root: MapNode = { kind: 'map', pairs, flow: false, start, end: Math.max(end, start + 1) };
  return { root, errors: [], nodeCount, empty: false };
}

/** A scalar key that repeats (the whole parse reports it; the piecewise parse then defers to it). */
function hasDuplicateKey(pairs: readonly Pair[]): boolean {
  const seen = new Set<string>();
  for (const { key } of pairs) {
    if (key.kind !== 'scalar') continue;
    const name = String(key.value);
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}
