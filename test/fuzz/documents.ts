/**
 * fast-check arbitraries for topology documents: a valid fabric (random sizes, styles,
 * anchors, comments), then structural edits (type swaps, deleted keys, hostile names and
 * numbers), then text edits (inserts of YAML punctuation, deletions, truncations, line
 * duplication and swaps, indentation changes). Everything shrinks towards the plain fabric.
 */
import * as fc from 'fast-check';

export interface FabricShape {
  superSpines: number;
  spines: number;
  leaves: number;
  serverGroups: number;
  /** Collections nested at least this deep are written in flow style. */
  flowDepth: number;
  /** Quote every string scalar (double quotes). */
  quoteAll: boolean;
  /** Give the first port list an anchor and alias it from the other switches of the tier. */
  aliasPorts: boolean;
  /** Comment lines to sprinkle in (some with a few `#`). */
  comments: number;
  crlf: boolean;
  bom: boolean;
}

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export interface StructuralEdit {
  /** Index into the document's paths (taken modulo their number). */
  path: number;
  /** The new value; the DELETE string removes the key or list item. */
  value: Value;
}

export interface TextEdit {
  kind: 'insert' | 'delete' | 'truncate' | 'duplicateLine' | 'swapLines' | 'indent' | 'dedent' | 'replaceValue';
  at: number;
  length: number;
  snippet: string;
}

export interface DocumentSpec {
  shape: FabricShape;
  structural: StructuralEdit[];
  text: TextEdit[];
}

export const DELETE = '\u0000DELETE';

/** Names that must be ordinary names, and names that try to act as markup. */
export const HOSTILE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '[x](command:evil)',
  '<img src=x onerror=alert(1)>',
  'a`b``c',
  '`',
  '*bold*',
  'true',
  '123',
  'null',
  '',
  ' ',
  'line\nbreak',
  'tab\there',
  '🚀',
  'x'.repeat(300),
];

const SPEEDS = ['10G', '25G', '40G', '100G', '200G', '400G', '800G', '1.6T', '100M', '0G', '0.001M', '999999.999T', '25g', '100 G', 'fast', '1e3G', '-25G', '.5G'];
const COUNTS = [0, 1, 2, 4, 8, 48, 1_000_000, 1_000_001, -1, 1.5, 1e308, 2 ** 53 + 1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** Any value, to swap in for a field: a different type, a hostile string or number, a collection. */
export const anyValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom<Value>(null, true, false, 0, -1, 1e308, 2 ** 53 + 1, Number.NaN, Number.POSITIVE_INFINITY, '', [], {}),
  fc.constantFrom<Value>(...SPEEDS),
  fc.constantFrom<Value>(...COUNTS),
  fc.constantFrom<Value>(...HOSTILE_NAMES),
  fc.constantFrom<Value>('leaf', 'spine', 'super-spine', 'servers', 'fabric', 'rdma', 'dual', 'leaf1', 'spine1', 'ss1', 'rack1'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.array(fc.constantFrom<Value>('leaf1', 'spine1', 'spine2', 'ghost', 1, null), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('count', 'speed', 'role', 'ports', 'between', 'x'), fc.constantFrom<Value>(1, '25G', 'leaf', null), { maxKeys: 3 }),
);

/** Text fragments worth inserting: YAML punctuation, anchors, tags, odd characters, hostile names. */
export const SNIPPETS = [
  ':', ': ', '- ', '  ', '\t', '\n', '\r\n', '\r', '---\n', '...\n', '&a ', '&b ', '*a', '*b', '[', ']', '{', '}', ',', '"', "'", '#', ' # c', '? ',
  '!!str ', '!!int ', '!!float ', '!!map ', '!!binary ', '!unknown ', '<<: *a\n', '|\n', '>-\n', '~', '.nan', '.inf', '-.inf', '1e308', '9007199254740993',
  '0G', '999999.999T', '\u0000', '\u0007', '\u001b', '\uFEFF', '\u2028', '\ud800', '%YAML 1.2\n', '@', '`', 'constructor', '__proto__', 'toString',
  '[x](command:evil)', '<img src=x onerror=alert(1)>', 'role: leaf', 'role: spine', 'speed: 100G', 'count: 2', 'between: [leaf1, spine1]', 'leaves: [leaf1]',
  '  - { between: [leaf1, ghost], speed: 100G }\n', 'switches:\n', 'links:\n', 'servers:\n', 'design:\n  max_oversubscription: 1\n',
];

const shapeArb: fc.Arbitrary<FabricShape> = fc.record({
  superSpines: fc.integer({ min: 0, max: 2 }),
  spines: fc.integer({ min: 0, max: 4 }),
  leaves: fc.integer({ min: 0, max: 6 }),
  serverGroups: fc.integer({ min: 0, max: 3 }),
  flowDepth: fc.integer({ min: 1, max: 6 }),
  quoteAll: fc.boolean(),
  aliasPorts: fc.boolean(),
  comments: fc.integer({ min: 0, max: 3 }),
  // Rare, and shrinking towards false.
  crlf: fc.integer({ min: 0, max: 7 }).map((n) => n === 7),
  bom: fc.integer({ min: 0, max: 7 }).map((n) => n === 7),
});

const structuralArb: fc.Arbitrary<StructuralEdit> = fc.record({
  path: fc.nat(),
  value: fc.oneof({ weight: 5, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant<Value>(DELETE) }),
});

const textEditArb: fc.Arbitrary<TextEdit> = fc.record({
  kind: fc.constantFrom<TextEdit['kind']>('insert', 'insert', 'insert', 'delete', 'truncate', 'duplicateLine', 'swapLines', 'indent', 'dedent', 'replaceValue'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  snippet: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) }),
});

/** A document: mostly valid fabrics with a few edits; about one in five is left untouched. */
export const documentSpec: fc.Arbitrary<DocumentSpec> = fc.record({
  shape: shapeArb,
  structural: fc.oneof({ weight: 1, arbitrary: fc.constant<StructuralEdit[]>([]) }, { weight: 3, arbitrary: fc.array(structuralArb, { maxLength: 4 }) }),
  text: fc.oneof({ weight: 1, arbitrary: fc.constant<TextEdit[]>([]) }, { weight: 3, arbitrary: fc.array(textEditArb, { maxLength: 4 }) }),
});

/** The plain value of a valid fabric of the given shape. */
export function fabricValue(shape: FabricShape): { [key: string]: Value } {
  const switches: { [key: string]: Value } = {};
  const links: Value[] = [];
  const ss = Array.from({ length: shape.superSpines }, (_, i) => `ss${i + 1}`);
  const spines = Array.from({ length: shape.spines }, (_, i) => `spine${i + 1}`);
  const leaves = Array.from({ length: shape.leaves }, (_, i) => `leaf${i + 1}`);
  for (const name of ss) switches[name] = { role: 'super-spine', ports: [{ count: Math.max(1, spines.length), speed: '400G' }] };
  spines.forEach((name) => {
    const ports: Value[] = [{ count: Math.max(1, leaves.length * 2), speed: '100G' }];
    if (ss.length > 0) ports.push({ count: ss.length, speed: '400G', for: 'fabric' });
    switches[name] = { role: 'spine', ports };
  });
  for (const name of leaves) {
    switches[name] = { role: 'leaf', ports: [{ count: 48, speed: '25G', for: 'servers' }, { count: Math.max(1, spines.length * 2), speed: '100G', for: 'fabric' }] };
  }
  for (const leaf of leaves) for (const spine of spines) links.push({ between: [leaf, spine], speed: '100G', count: 2 });
  for (const spine of spines) for (const s of ss) links.push({ between: [spine, s], speed: '400G' });
  const doc: { [key: string]: Value } = { topology: 'fuzz', design: { max_oversubscription: 3, min_spines: 2 }, switches };
  if (shape.serverGroups > 0 && leaves.length > 0) {
    const servers: { [key: string]: Value } = {};
    for (let g = 0; g < shape.serverGroups; g++) {
      servers[`rack${g + 1}`] = { count: 16, nics: { count: 2, speed: '25G' }, leaves: leaves.filter((_, i) => i % shape.serverGroups === g).slice(0, 2) };
    }
    doc.servers = servers;
  }
  doc.links = links;
  return doc;
}

/** Every path in a value (objects' keys and lists' indexes), in document order, the root excluded. */
function paths(value: Value, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      paths(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([...prefix, key]);
      paths(value[key], [...prefix, key], out);
    }
  }
  return out;
}

function applyStructural(doc: { [key: string]: Value }, edits: readonly StructuralEdit[]): Value {
  const root: Value = doc;
  for (const edit of edits) {
    const all = paths(root);
    if (all.length === 0) break;
    const path = all[edit.path % all.length];
    let parent: Value = root;
    for (const segment of path.slice(0, -1)) parent = (parent as Record<string, Value>)[segment as string];
    const last = path[path.length - 1];
    if (Array.isArray(parent)) {
      if (edit.value === DELETE) parent.splice(last as number, 1);
      else parent[last as number] = structuredClone(edit.value);
    } else if (parent !== null && typeof parent === 'object') {
      if (edit.value === DELETE) delete parent[last as string];
      else parent[last as string] = structuredClone(edit.value);
    }
  }
  return root;
}

const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|~|y|n|[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?|0x.*|0o.*)$/i;

function scalar(value: Value, quoteAll: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (value === Number.POSITIVE_INFINITY) return '.inf';
    if (value === Number.NEGATIVE_INFINITY) return '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  const text = value as string;
  if (!quoteAll && PLAIN_SAFE.test(text) && !RESERVED.test(text)) return text;
  return JSON.stringify(text);
}

function isCollection(value: Value): value is Value[] | { [key: string]: Value } {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: Value[] | { [key: string]: Value }): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function flow(value: Value, quoteAll: boolean): string {
  if (!isCollection(value)) return scalar(value, quoteAll);
  if (Array.isArray(value)) return `[${value.map((v) => flow(v, quoteAll)).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${scalar(k, quoteAll)}: ${flow(v, quoteAll)}`)
    .join(', ')} }`;
}

interface EmitState {
  shape: FabricShape;
  anchored: Map<string, string>;
  lines: string[];
}

/** Block-style emitter; collections deeper than shape.flowDepth, and empty ones, go in flow style. */
function block(value: Value, indent: number, depth: number, state: EmitState, path: string): void {
  const pad = ' '.repeat(indent);
  const { shape } = state;
  const entries: [string | null, Value][] = Array.isArray(value) ? value.map((v) => [null, v]) : Object.entries(value as Record<string, Value>);
  for (const [key, child] of entries) {
    const head = key === null ? `${pad}- ` : `${pad}${scalar(key, shape.quoteAll)}:`;
    const childPath = `${path}/${key ?? '-'}`;
    let anchor = '';
    if (shape.aliasPorts && key === 'ports' && isCollection(child)) {
      const signature = JSON.stringify(child);
      const existing = state.anchored.get(signature);
      if (existing !== undefined) {
        state.lines.push(`${head}${key === null ? '' : ' '}*${existing}`);
        continue;
      }
      const name = `p${state.anchored.size + 1}`;
      state.anchored.set(signature, name);
      anchor = `&${name} `;
    }
    if (!isCollection(child) || isEmpty(child) || depth + 1 >= shape.flowDepth) {
      state.lines.push(`${head}${key === null ? '' : ' '}${anchor}${flow(child, shape.quoteAll)}`);
    } else if (key === null) {
      // A list item that is a collection: first entry on the dash line.
      const inner: EmitState = { ...state, lines: [] };
      block(child, indent + 2, depth + 1, inner, childPath);
      const [first, ...rest] = inner.lines;
      state.lines.push(`${pad}- ${anchor}${first.slice(indent + 2)}`, ...rest);
    } else {
      state.lines.push(`${head}${anchor === '' ? '' : ` ${anchor.trimEnd()}`}`);
      block(child, Array.isArray(child) ? indent + 2 : indent + 2, depth + 1, state, childPath);
    }
  }
}

const COMMENTS = ['# fuzzed fabric', '## section ##', '# ---- links ----', '#', '# topology-disable-next-line unknown-switch', '# topology-disable isolated-switch', '#### x ####'];

export function renderValue(value: Value, shape: FabricShape): string {
  if (!isCollection(value) || isEmpty(value) || shape.flowDepth <= 0) return `${flow(value, shape.quoteAll)}\n`;
  const state: EmitState = { shape, anchored: new Map(), lines: [] };
  block(value, 0, 0, state, '');
  const lines = state.lines;
  for (let c = 0; c < shape.comments; c++) {
    const at = Math.floor(((c + 1) * lines.length) / (shape.comments + 1));
    lines.splice(at, 0, COMMENTS[(c * 3 + lines.length) % COMMENTS.length]);
  }
  const eol = shape.crlf ? '\r\n' : '\n';
  return `${shape.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

function applyText(text: string, edit: TextEdit): string {
  const at = edit.at % (text.length + 1);
  const lines = text.split('\n');
  const line = edit.at % lines.length;
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.snippet + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicateLine':
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 'swapLines': {
      const other = (line + 1 + (edit.length % 3)) % lines.length;
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return lines.join('\n');
    }
    case 'indent':
      lines[line] = ' '.repeat(1 + (edit.length % 4)) + lines[line];
      return lines.join('\n');
    case 'dedent':
      lines[line] = lines[line].replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 'replaceValue': {
      // Replace the value after the first `: ` on the line with the snippet.
      const colon = lines[line].indexOf(': ');
      if (colon === -1) return text;
      lines[line] = `${lines[line].slice(0, colon + 2)}${edit.snippet}`;
      return lines.join('\n');
    }
  }
}

/** The text of a document spec. Deterministic. */
export function renderDocument(spec: DocumentSpec): string {
  const value = applyStructural(fabricValue(spec.shape), spec.structural);
  let text = renderValue(value, spec.shape);
  for (const edit of spec.text) text = applyText(text, edit);
  return text;
}

export const documentText: fc.Arbitrary<string> = documentSpec.map(renderDocument);
