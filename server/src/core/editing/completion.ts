/**
 * Completion: keys and enum values from the schema, switch names where a switch is named,
 * speeds the switches at hand carry, and snippets for a new switch and a new link. Works
 * from a line-based context guess, so half-typed lines that do not parse still complete.
 */
import topologySchema from '../../../../schemas/topology.schema.json';
import type { LintResult } from '../lint';
import type { FabricModel } from '../model/fabricModel';
import { parseSpeed } from '../model/speed';
import { KEY_DOCS, VALUE_DOCS, speedUse } from '../hover/keyDocs';
import { schemaPath } from '../yaml/locate';
import { indentUnit } from './layout';
import { itemText, lineContext, shapeOf, type LineContext } from './lineContext';
import { speedText, yamlString } from './edits';
import { asMap, getPair, stringValue } from '../yaml/treeQueries';
import { appendAll, maxOf } from '../arrays';

export type CompletionKind = 'property' | 'enum' | 'switch' | 'speed' | 'snippet' | 'value';

export interface CoreCompletion {
  label: string;
  kind: CompletionKind;
  insertText: string;
  /** insertText is a snippet (`$1`, `${1:x}`, `$0`). */
  snippet: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  /** Open the suggestions again after inserting (a key whose value has suggestions). */
  retrigger?: boolean;
}

export interface CompletionResult {
  items: CoreCompletion[];
  /** What the items replace: the partial word before the cursor. */
  replaceStart: number;
  replaceEnd: number;
}

export const COMMON_SPEEDS = ['10G', '25G', '40G', '50G', '100G', '200G', '400G', '800G', '1.6T'];

interface SchemaNode {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
}

const SCHEMA = topologySchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let i = 0; current?.$ref !== undefined && i < 8; i++) {
    const name = current.$ref.replace('#/definitions/', '');
    const target = SCHEMA.definitions[name];
    // A property with a $ref and its own description keeps the description.
    current = target === undefined ? undefined : { ...target, description: current.description ?? target.description };
  }
  return current;
}

/** The schema of the node at `path` (user names match additionalProperties, `*` list items). */
export function schemaAt(path: readonly string[]): SchemaNode | undefined {
  let node = deref(SCHEMA);
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (node.properties !== undefined && Object.prototype.hasOwnProperty.call(node.properties, segment)) node = deref(node.properties[segment]);
    else if (typeof node.additionalProperties === 'object') node = deref(node.additionalProperties);
    else if (node.items !== undefined && (segment === '*' || /^\d+$/.test(segment))) node = deref(node.items);
    else return undefined;
  }
  return node;
}

function isType(node: SchemaNode | undefined, type: string): boolean {
  const t = node?.type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** Snippet text: `$`, `}` and `\` escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

interface SwitchInfo {
  name: string;
  role: string | undefined;
  /** Port group speeds in Gbps with their text, fastest first. */
  speeds: { gbps: number; text: string }[];
}

function switchesFromModel(model: FabricModel): SwitchInfo[] {
  return [...model.switches.values()].map((sw) => {
    const speeds: { gbps: number; text: string }[] = [];
    for (const g of sw.portGroups) {
      if (g.speedGbps === undefined || speeds.some((s) => s.gbps === g.speedGbps)) continue;
      const map = asMap(g.node);
      const text = map === undefined ? undefined : stringValue(getPair(map, 'speed')?.value);
      speeds.push({ gbps: g.speedGbps, text: text ?? speedText(g.speedGbps) });
    }
    return { name: sw.name, role: sw.role, speeds };
  });
}

/** Switches read line by line, for a document that does not parse. */
export function switchesFromLines(text: string): SwitchInfo[] {
  const lines = text.split(/\r?\n/);
  const out: SwitchInfo[] = [];
  let inSwitches = false;
  let nameCol = -1;
  let current: SwitchInfo | undefined;
  for (const line of lines) {
    const shape = shapeOf(line);
    if (shape.blank) continue;
    if (shape.content === 0 && shape.dashes.length === 0) {
      inSwitches = shape.key === 'switches';
      nameCol = -1;
      current = undefined;
      continue;
    }
    if (!inSwitches) continue;
    if (nameCol === -1 && shape.key !== undefined && shape.dashes.length === 0) nameCol = shape.content;
    if (shape.content === nameCol && shape.dashes.length === 0 && shape.key !== undefined) {
      current = { name: shape.key, role: undefined, speeds: [] };
      out.push(current);
      continue;
    }
    if (current === undefined) continue;
    const role = /^\s*role:\s*["']?([a-z-]+)/.exec(line);
    if (role !== null) current.role = role[1];
    for (const m of line.matchAll(/speed:\s*["']?([0-9.]+[MGT])\b/g)) {
      const gbps = parseSpeed(m[1]);
      if (gbps !== undefined && !current.speeds.some((s) => s.gbps === gbps)) current.speeds.push({ gbps, text: m[1] });
    }
  }
  return out;
}

/** The switches from the model when the document parsed, else read line by line. */
function switchInfos(result: LintResult): SwitchInfo[] {
  const model = result.analysis?.model;
  return model === undefined ? switchesFromLines(result.text) : switchesFromModel(model);
}

function valuePrefix(ctx: LineContext): string {
  return ctx.charBefore === ':' || ctx.charBefore === ',' ? ' ' : '';
}

function keyItems(ctx: LineContext, container: SchemaNode, indent: string, unit: string): CoreCompletion[] {
  const items: CoreCompletion[] = [];
  const required = new Set(container.required ?? []);
  for (const [key, raw] of Object.entries(container.properties ?? {})) {
    if (ctx.presentKeys.has(key)) continue;
    const prop = deref(raw);
    const doc = KEY_DOCS.get(schemaPath([...ctx.path, key]));
    let insert = `${key}: `;
    let snippet = false;
    let retrigger = false;
    if (!ctx.inFlow && isType(prop, 'object')) {
      insert = `${key}:\n${indent}${unit}$0`;
      snippet = true;
    } else if (!ctx.inFlow && isType(prop, 'array') && isType(deref(prop?.items), 'object')) {
      insert = `${key}:\n${indent}${unit}- $0`;
      snippet = true;
    } else if (prop?.enum !== undefined || isType(prop, 'boolean') || /speed|between|leaves/.test(key)) {
      retrigger = true;
    }
    items.push({
      label: key,
      kind: 'property',
      insertText: insert,
      snippet,
      detail: prop?.description,
      documentation: doc?.text ?? prop?.description,
      sortText: `${required.has(key) ? '0' : '1'}${key}`,
      retrigger,
    });
  }
  return items;
}

function nameItems(names: readonly SwitchInfo[], ctx: LineContext, wrap: 'none' | 'pair' | 'list', exclude: Set<string>): CoreCompletion[] {
  const pre = valuePrefix(ctx);
  return names
    .filter((sw) => !exclude.has(sw.name))
    .map((sw, i) => {
      const name = yamlString(sw.name);
      const insertText = wrap === 'pair' ? `${pre}[${snippetText(name)}, $1]` : wrap === 'list' ? `${pre}[${snippetText(name)}]` : `${pre}${name}`;
      return {
        label: sw.name,
        kind: 'switch' as const,
        insertText,
        snippet: wrap !== 'none',
        detail: sw.role ?? 'switch',
        filterText: sw.name,
        sortText: String(i).padStart(6, '0'),
        retrigger: wrap === 'pair',
      };
    });
}

function speedItems(speeds: readonly { gbps: number; text: string }[], ctx: LineContext, why: string): CoreCompletion[] {
  const pre = valuePrefix(ctx);
  return speeds.map((s, i) => ({
    label: s.text,
    kind: 'speed' as const,
    insertText: `${pre}${s.text}`,
    snippet: false,
    detail: why,
    documentation: `**${s.text}** — typically ${speedUse(s.gbps)}.`,
    sortText: String(i).padStart(4, '0'),
    filterText: s.text,
    preselect: i === 0,
  }));
}

function commonSpeeds(): { gbps: number; text: string }[] {
  return COMMON_SPEEDS.map((text) => ({ gbps: parseSpeed(text)!, text }));
}

/** Speeds a link between the two named switches can run: port speeds no faster than the slower end's fastest port. */
function linkSpeeds(infos: readonly SwitchInfo[], a: string | undefined, b: string | undefined): { gbps: number; text: string }[] | undefined {
  const x = infos.find((s) => s.name === a);
  const y = infos.find((s) => s.name === b);
  if (x === undefined || y === undefined || x.speeds.length === 0 || y.speeds.length === 0) return undefined;
  const limit = Math.min(maxOf(x.speeds.map((s) => s.gbps), 0), maxOf(y.speeds.map((s) => s.gbps), 0));
  const out: { gbps: number; text: string }[] = [];
  for (const s of [...x.speeds, ...y.speeds]) if (s.gbps <= limit && !out.some((o) => o.gbps === s.gbps)) out.push(s);
  return out.sort((p, q) => q.gbps - p.gbps);
}

function betweenOf(item: string): [string | undefined, string | undefined] {
  const m = /between:\s*\[\s*([^,\]\s]+)\s*,\s*([^,\]\s]+)\s*\]/.exec(item);
  if (m === null) return [undefined, undefined];
  const clean = (s: string): string => s.replace(/^["']|["']$/g, '');
  return [clean(m[1]), clean(m[2])];
}

/** The names already in the `[a, b]` list being typed on this line. */
function namesOnLine(line: string): Set<string> {
  const m = /\[([^\]]*)$/.exec(line);
  const names = new Set<string>();
  if (m === null) return names;
  for (const part of m[1].split(',').slice(0, -1)) names.add(part.trim().replace(/^["']|["']$/g, ''));
  return names;
}

function newSwitchSnippet(ctx: LineContext, indent: string, unit: string): CoreCompletion {
  const body = [
    '${1:leaf9}:',
    `${indent}${unit}role: \${2|leaf,spine,super-spine|}`,
    `${indent}${unit}ports:`,
    `${indent}${unit}${unit}- { count: \${3:48}, speed: \${4:25G}, for: servers }`,
    `${indent}${unit}${unit}- { count: \${5:8}, speed: \${6:100G}, for: fabric }$0`,
  ];
  return {
    label: 'new switch',
    kind: 'snippet',
    insertText: body.join('\n'),
    snippet: true,
    detail: 'A switch with a role and port groups',
    documentation: KEY_DOCS.get('switches')?.text,
    sortText: '~',
    filterText: ctx.prefix.length > 0 ? ctx.prefix : 'new switch',
  };
}

function newLinkSnippet(ctx: LineContext, withDash: boolean, flow: boolean, indent: string, names: readonly SwitchInfo[]): CoreCompletion {
  const leaf = names.find((s) => s.role === 'leaf')?.name ?? 'leaf1';
  const spine = names.find((s) => s.role === 'spine')?.name ?? 'spine1';
  const dash = withDash ? '- ' : '';
  const a = `\${1:${snippetText(leaf)}}`;
  const b = `\${2:${snippetText(spine)}}`;
  const text = flow
    ? `${dash}{ between: [${a}, ${b}], speed: \${3:100G} }$0`
    : `${dash}between: [${a}, ${b}]\n${indent}${withDash ? '  ' : ''}speed: \${3:100G}$0`;
  return {
    label: 'new link',
    kind: 'snippet',
    insertText: text,
    snippet: true,
    detail: 'A link between two switches',
    documentation: KEY_DOCS.get('links')?.text,
    sortText: '~',
    filterText: ctx.prefix.length > 0 ? ctx.prefix : 'new link',
  };
}

/** Completions at `offset` of a linted document. Never throws for any text. */
export function completeAt(result: LintResult, offset: number): CompletionResult {
  const lines = result.lines;
  const empty: CompletionResult = { items: [], replaceStart: offset, replaceEnd: offset };
  const ctx = lineContext(lines, offset);
  if (ctx === undefined) return empty;
  const replace = { replaceStart: offset - ctx.prefix.length, replaceEnd: offset };
  const unitWidth = result.parsed.root !== undefined ? indentUnit(result.parsed.root, lines) : 2;
  const unit = ' '.repeat(unitWidth);
  const indent = ' '.repeat(ctx.contentColumn);
  const path = ctx.path;
  const sp = schemaPath(path);
  const line = lines.positionAt(offset).line;
  const items: CoreCompletion[] = [];

  const container = schemaAt(path);
  let position = ctx.position;
  // `- x` in a list of scalars is a value, not a key.
  if (position === 'key' && container !== undefined && container.properties === undefined && typeof container.additionalProperties !== 'object') {
    position = 'value';
  }

  if (position === 'key') {
    if (sp === 'switches') {
      items.push(newSwitchSnippet(ctx, indent, unit));
      return { items, ...replace };
    }
    if (sp === '' && ctx.path.length === 0 && ctx.contentColumn > 0) return { items, ...replace };
    if (sp === 'links.*' && ctx.presentKeys.size === 0 && ctx.hasDash && !ctx.inFlow) {
      items.push(newLinkSnippet(ctx, false, false, indent, switchInfos(result)));
    }
    if (container?.properties !== undefined) appendAll(items, keyItems(ctx, container, indent, unit));
    return { items, ...replace };
  }

  // Values.
  const infos = (): SwitchInfo[] => switchInfos(result);
  if (sp === 'links' && !ctx.inFlow) {
    // An empty line under `links:` (a new item).
    const flow = /^\s*-\s*\{/m.test(itemTextAbove(lines, line));
    items.push(newLinkSnippet(ctx, !ctx.hasDash, flow, indent, infos()));
    return { items, ...replace };
  }
  if (sp === 'links.*.between.*') {
    appendAll(items, nameItems(infos(), ctx, 'none', namesOnLine(lines.lineText(line).slice(0, lines.positionAt(offset).character))));
  } else if (sp === 'links.*.between') {
    appendAll(items, nameItems(infos(), ctx, 'pair', new Set()));
  } else if (sp === 'servers.*.leaves.*') {
    appendAll(items, nameItems(infos().filter((s) => s.role === 'leaf'), ctx, 'none', namesOnLine(lines.lineText(line))));
  } else if (sp === 'servers.*.leaves') {
    appendAll(items, nameItems(infos().filter((s) => s.role === 'leaf'), ctx, 'list', new Set()));
  } else if (sp === 'links.*.speed') {
    const dashCol = ctx.hasDash ? shapeOf(lines.lineText(line)).dashes[0] + 1 : ctx.contentColumn;
    const [a, b] = betweenOf(itemText(lines, line, dashCol));
    const speeds = linkSpeeds(infos(), a, b);
    appendAll(items, speedItems(speeds ?? commonSpeeds(), ctx, speeds !== undefined ? `both ${a} and ${b} carry it` : 'a common speed'));
  } else if (sp === 'switches.*.ports.*.speed' || sp === 'servers.*.nics.speed') {
    appendAll(items, speedItems(commonSpeeds(), ctx, 'a common speed'));
  } else {
    const schema = schemaAt(path);
    const pre = valuePrefix(ctx);
    for (const value of schema?.enum ?? []) {
      const text = String(value);
      items.push({
        label: text,
        kind: 'enum',
        insertText: `${pre}${text}`,
        snippet: false,
        filterText: text,
        documentation: VALUE_DOCS.get(`${sp}=${text}`)?.text,
      });
    }
    if (isType(schema, 'boolean')) {
      for (const text of ['true', 'false']) items.push({ label: text, kind: 'value', insertText: `${pre}${text}`, snippet: false, filterText: text });
    }
  }
  return { items, ...replace };
}

/** The text of the lines of the `links` list above `line`, to see whether its items are flow maps. */
function itemTextAbove(lines: { lineText(line: number): string }, line: number): string {
  const out: string[] = [];
  for (let l = line - 1; l >= 0 && out.length < 5; l--) {
    const text = lines.lineText(l);
    if (/^\S/.test(text)) break;
    out.push(text);
  }
  return out.join('\n');
}
