/**
 * Validates the document against schemas/topology.schema.json and turns every violation into one
 * readable sentence at the exact key or value it concerns. The validators are ajv standalone code,
 * precompiled at build time (scripts/schemas/generate-validators.mjs): no schema is compiled at run
 * time, so no code is generated (`new Function`) in the server, its workers or the browser build.
 */
import { CHECKPOINT_EVERY_MASK, type Checkpoint } from '../budget';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { topologyValidators } from '../generated/topologySchemaValidators';
import type { LineIndex, Range } from '../text/lineIndex';
import type { Finding } from '../findings';
import type { YamlNode } from '../yaml/yamlTree';
import { ExpansionLimitError, getPair, keyName, nodeAtPath, resolveAlias, toPlainValue } from '../yaml/treeQueries';
import type { ExpansionBudget } from '../yaml/treeQueries';
import { closestName } from '../text/closestName';
import { quote } from '../text/quote';
import { appendAll } from '../arrays';

interface Validators {
  root: ValidateFunction;
  /** The big sections are validated entry by entry, so no copy of the whole file is ever built. */
  switch: ValidateFunction;
  serverGroup: ValidateFunction;
  link: ValidateFunction;
}

const VALIDATORS: Validators = topologyValidators;

/** Per section validator: an entry node's errors (paths relative to the entry) and how many nodes converting it cost. */
const entryCaches = new Map<ValidateFunction, WeakMap<YamlNode, { errors: readonly ErrorObject[]; cost: number }>>();

function entryCache(validate: ValidateFunction): WeakMap<YamlNode, { errors: readonly ErrorObject[]; cost: number }> {
  let cache = entryCaches.get(validate);
  if (cache === undefined) {
    cache = new WeakMap();
    entryCaches.set(validate, cache);
  }
  return cache;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Runs ajv over the document section by section: the root with the `switches`, `servers` and
 * `links` collections stubbed out, then every switch, server group and link on its own. The
 * errors are exactly those of validating the whole value, with the same instance paths.
 */
function collectErrors(root: YamlNode, budget: ExpansionBudget, checkpoint?: Checkpoint): ErrorObject[] {
  const v = VALIDATORS;
  const errors: ErrorObject[] = [];
  let runs = 0;
  const run = (validate: ValidateFunction, node: YamlNode | undefined, prefix: string): void => {
    if ((++runs & CHECKPOINT_EVERY_MASK) === 0) checkpoint?.('schema');
    // An entry the last parse already had (the same node: a piece an edit did not touch) has the same errors.
    const cache = node === undefined || prefix === '' ? undefined : entryCache(validate);
    const known = node === undefined ? undefined : cache?.get(node);
    let found: readonly ErrorObject[];
    if (known !== undefined) {
      budget.remaining -= known.cost;
      if (budget.remaining < 0) throw new ExpansionLimitError(budget.limit);
      found = known.errors;
    } else {
      const before = budget.remaining;
      found = validate(toPlainValue(node, budget)) ? [] : (validate.errors ?? []);
      if (cache !== undefined && node !== undefined) cache.set(node, { errors: found, cost: before - budget.remaining });
    }
    for (const error of found) errors.push(prefix === '' ? error : { ...error, instancePath: prefix + error.instancePath });
  };
  const map = resolveAlias(root);
  if (map?.kind !== 'map') {
    run(v.root, root, '');
    return errors;
  }
  const sections: { name: string; kind: 'map' | 'seq'; validate: ValidateFunction }[] = [
    { name: 'switches', kind: 'map', validate: v.switch },
    { name: 'servers', kind: 'map', validate: v.serverGroup },
    { name: 'links', kind: 'seq', validate: v.link },
  ];
  const stubbed = new Set<string>();
  const rootValue: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const pair of map.pairs) {
    const name = keyName(pair.key);
    const section = sections.find((s) => s.name === name);
    const value = resolveAlias(pair.value);
    if (section !== undefined && value?.kind === section.kind) {
      rootValue[name] = section.kind === 'map' ? {} : [];
      stubbed.add(name);
    } else {
      rootValue[name] = toPlainValue(pair.value, budget);
    }
  }
  if (!v.root(rootValue)) appendAll(errors, v.root.errors ?? []);
  for (const section of sections) {
    if (!stubbed.has(section.name)) continue;
    const value = resolveAlias(getPair(map, section.name)?.value);
    if (value?.kind === 'map') {
      for (const pair of value.pairs) run(section.validate, pair.value, `/${section.name}/${escapePointer(keyName(pair.key))}`);
    } else if (value?.kind === 'seq') {
      value.items.forEach((item, i) => run(section.validate, item, `/${section.name}/${i}`));
    }
  }
  return errors;
}

/** JSON pointer (`/switches/leaf~11`) to path segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Where in the file a path is, in the user's words ("port group 2 of switch `leaf1`"). */
export function describeLocation(segments: readonly string[]): string {
  const [top, name, sub, index] = segments;
  if (top === 'switches' && name !== undefined) {
    if (sub === 'ports' && index !== undefined) return `port group ${Number(index) + 1} of switch ${quote(name)}`;
    return `switch ${quote(name)}`;
  }
  if (top === 'servers' && name !== undefined) {
    if (sub === 'nics') return `the NICs of server group ${quote(name)}`;
    if (sub === 'virtualization') return `the virtualization of server group ${quote(name)}`;
    return `server group ${quote(name)}`;
  }
  if (top === 'links' && name !== undefined) return `link ${Number(name) + 1}`;
  if (top === 'design') return '`design`';
  if (top === undefined) return 'the topology';
  return quote(top);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map of `key: value` pairs',
  array: 'a list',
  null: 'empty',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

/** What a node is, in a message: `a map`, `a list of 3`, the value as written (cut at 40 characters). */
export function describeNode(node: YamlNode | undefined, text: string): string {
  const resolved = resolveAlias(node);
  if (resolved === undefined) return 'nothing';
  if (resolved.kind === 'map') return 'a map';
  if (resolved.kind === 'seq') return `a list of ${resolved.items.length}`;
  if (resolved.kind === 'alias') return 'an alias';
  if (resolved.value === null && resolved.text === '') return 'nothing';
  const source = text.slice(resolved.start, resolved.end);
  return quote(source.length > 40 ? `${source.slice(0, 40)}…` : source);
}

interface Located {
  range: Range;
  message: string;
}

/** The subject of a message: the key's name, or "item N of `list`" for list items. */
function subjectOf(segments: readonly string[]): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return 'The file';
  if (/^\d+$/.test(last)) {
    const parent = segments[segments.length - 2];
    return `Item ${Number(last) + 1} of ${quote(parent ?? 'the list')}`;
  }
  return quote(last);
}

function locationSuffix(segments: readonly string[]): string {
  const last = segments[segments.length - 1];
  const parentSegments = /^\d+$/.test(last ?? '') ? segments.slice(0, -2) : segments.slice(0, -1);
  if (parentSegments.length === 0) return '';
  const where = describeLocation(parentSegments);
  return where === quote(parentSegments[parentSegments.length - 1]) ? ` in ${where}` : ` of ${where}`;
}

function explain(error: ErrorObject, root: YamlNode | undefined, text: string, lines: LineIndex): Located | undefined {
  const segments = pointerSegments(error.instancePath);
  const target = nodeAtPath(root, segments);
  const valueRange = (): Range => (target ? lines.range(target.node.start, target.node.end) : lines.range(0, Math.min(1, text.length)));
  const keyRange = (): Range => (target?.pair ? lines.range(target.pair.key.start, target.pair.key.end) : lines.range(0, Math.min(1, text.length)));
  const subject = `${subjectOf(segments)}${locationSuffix(segments)}`;
  const got = describeNode(target?.node, text);
  const params = error.params as Record<string, unknown>;
  const speedMessage = (): Located => ({
    range: valueRange(),
    message: `${subject} must be a speed such as 25G, 100G, 400G or 1.6T (a positive number followed by M, G or T); got ${got}.`,
  });

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const map = resolveAlias(target?.node);
      const pair = map?.kind === 'map' ? getPair(map, name) : undefined;
      const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {});
      const where = describeLocation(segments);
      const suggestion = closestName(name, allowed);
      const hint = suggestion !== undefined ? ` Did you mean ${quote(suggestion)}?` : '';
      const list = allowed.length > 0 ? ` Allowed keys: ${allowed.join(', ')}.` : '';
      return {
        range: pair ? lines.range(pair.key.start, pair.key.end) : keyRange(),
        message: `Unknown key ${quote(name)} in ${where}.${hint}${list}`,
      };
    }
    case 'required': {
      const where = describeLocation(segments);
      const sentence = `${where.charAt(0).toUpperCase()}${where.slice(1)} is missing the required key ${quote(String(params.missingProperty))}.`;
      return { range: keyRange(), message: sentence };
    }
    case 'type':
      if ((error.parentSchema as { pattern?: string } | undefined)?.pattern !== undefined) return speedMessage();
      if (segments.length === 0) {
        return { range: valueRange(), message: `The file must be a map with keys such as \`topology:\` and \`switches:\`; got ${got}.` };
      }
      return { range: valueRange(), message: `${subject} must be ${typeWords(params.type)}; got ${got}.` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = resolveAlias(target?.node);
      const suggestion = value?.kind === 'scalar' ? closestName(value.text, allowed) : undefined;
      const hint = suggestion !== undefined ? ` Did you mean ${quote(suggestion)}?` : '';
      return { range: valueRange(), message: `${subject} must be one of ${allowed.join(', ')}; got ${got}.${hint}` };
    }
    case 'pattern':
      if (segments[segments.length - 1] === 'breakout') {
        return {
          range: valueRange(),
          message: `${subject} must be 2, 4 or 8 ways of a speed, written like 4x100G (each port runs as that many ports of that speed); got ${got}.`,
        };
      }
      return speedMessage();
    case 'if':
      // `if`/`then`/`else` (ports required unless role is external): the keyword inside reports it.
      return undefined;
    case 'minimum':
      return { range: valueRange(), message: `${subject} must be at least ${String(params.limit)}; got ${got}.` };
    case 'maximum':
      return { range: valueRange(), message: `${subject} must be at most ${String(params.limit)}; got ${got}.` };
    case 'minLength':
      return { range: valueRange(), message: `${subject} must not be empty.` };
    case 'minItems':
    case 'maxItems': {
      const last = segments[segments.length - 1];
      if (last === 'between') return { range: valueRange(), message: `${subject} must name exactly two switches; got ${got}.` };
      if (last === 'ports') return { range: valueRange(), message: `${subject} needs at least one port group.` };
      if (last === 'leaves') return { range: valueRange(), message: `${subject} needs at least one leaf.` };
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      return { range: valueRange(), message: `${subject} must have ${bound} ${String(params.limit)} items; got ${got}.` };
    }
    default:
      return { range: valueRange(), message: `${subject} is not valid here (${error.keyword}).` };
  }
}

/**
 * Schema findings for a parsed document. Aliases are expanded for ajv within `budget`
 * (ExpansionLimitError past it).
 */
export function validateSchema(root: YamlNode, text: string, lines: LineIndex, budget: ExpansionBudget, checkpoint?: Checkpoint): Finding[] {
  const errors = collectErrors(root, budget, checkpoint);
  if (errors.length === 0) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const located = explain(error, root, text, lines);
    if (located === undefined) continue;
    const key = `${located.range.start.line}:${located.range.start.character}:${located.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ rule: 'schema', severity: 'error', message: located.message, range: located.range });
  }
  return findings;
}
