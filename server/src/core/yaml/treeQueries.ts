/** Read-only queries over the positioned YAML tree. */
import type { MapNode, Pair, ScalarValue, YamlNode } from './yamlTree';

/** Follows aliases to the node they name (undefined for an unknown anchor). */
export function resolveAlias(node: YamlNode | undefined): YamlNode | undefined {
  let current = node;
  for (let hops = 0; current !== undefined && current.kind === 'alias' && hops < 64; hops++) {
    current = current.target;
  }
  return current !== undefined && current.kind === 'alias' ? undefined : current;
}

/**
 * The name a key (or a switch reference) reads as: a string value as it is; any other scalar as the
 * user wrote it (`.nan`, `0x1F`, `1.0`), so a name never shows as `NaN` or `Infinity`; a
 * collection used as a key as `{…}` or `[…]`.
 */
export function keyName(key: YamlNode): string {
  const node = resolveAlias(key);
  if (node === undefined) return '';
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') return node.value;
    return node.text !== '' ? node.text : 'null';
  }
  return node.kind === 'map' ? '{…}' : '[…]';
}

const pairIndexes = new WeakMap<MapNode, Map<string, Pair>>();

/** The pair whose key reads `name`, or undefined. Indexed once per map. */
export function getPair(map: MapNode, name: string): Pair | undefined {
  let index = pairIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.pairs) {
      const k = keyName(pair.key);
      if (!index.has(k)) index.set(k, pair);
    }
    pairIndexes.set(map, index);
  }
  return index.get(name);
}

/** The value of `name` in `node` when `node` is a map, aliases resolved. */
export function getValue(node: YamlNode | undefined, name: string): YamlNode | undefined {
  const map = asMap(node);
  if (map === undefined) return undefined;
  const pair = getPair(map, name);
  return pair === undefined ? undefined : resolveAlias(pair.value);
}

export function asMap(node: YamlNode | undefined): MapNode | undefined {
  const resolved = resolveAlias(node);
  return resolved?.kind === 'map' ? resolved : undefined;
}

export function asSeqItems(node: YamlNode | undefined): YamlNode[] | undefined {
  const resolved = resolveAlias(node);
  return resolved?.kind === 'seq' ? resolved.items : undefined;
}

export function scalarValue(node: YamlNode | undefined): ScalarValue | undefined {
  const resolved = resolveAlias(node);
  return resolved?.kind === 'scalar' ? resolved.value : undefined;
}

export function stringValue(node: YamlNode | undefined): string | undefined {
  const value = scalarValue(node);
  return typeof value === 'string' ? value : undefined;
}

/** A number value that is a safe, finite integer within [min, max]; otherwise undefined. */
export function integerValue(node: YamlNode | undefined, min: number, max: number): number | undefined {
  const value = scalarValue(node);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Where a path leads: the node there, and the pair that holds it when it is a map value. */
export interface PathTarget {
  node: YamlNode;
  pair?: Pair;
}

/** Follows path segments (map keys and list indexes) from the root. */
export function nodeAtPath(root: YamlNode | undefined, segments: readonly string[]): PathTarget | undefined {
  let current: PathTarget | undefined = root === undefined ? undefined : { node: root };
  for (const segment of segments) {
    if (current === undefined) return undefined;
    const node = resolveAlias(current.node);
    if (node === undefined) return undefined;
    if (node.kind === 'map') {
      const pair = getPair(node, segment);
      current = pair === undefined ? undefined : { node: pair.value, pair };
    } else if (node.kind === 'seq') {
      const item = node.items[Number(segment)];
      current = item === undefined ? undefined : { node: item };
    } else {
      return undefined;
    }
  }
  return current;
}

/** Thrown by toPlainValue when aliases expand past the budget. */
export class ExpansionLimitError extends Error {
  constructor(readonly limit: number) {
    super(`aliases expand to more than ${limit} nodes`);
  }
}

/** How many nodes conversions may still produce; shared by several toPlainValue calls. */
export interface ExpansionBudget {
  readonly limit: number;
  remaining: number;
}

export function expansionBudget(limit: number): ExpansionBudget {
  return { limit, remaining: limit };
}

/**
 * Converts the tree to plain JavaScript values (null-prototype objects, so any key is an
 * ordinary key). Aliases are expanded, but at most `budget` nodes are produced in all;
 * past that, ExpansionLimitError.
 */
export function toPlainValue(root: YamlNode | undefined, budget: number | ExpansionBudget): unknown {
  const shared = typeof budget === 'number' ? expansionBudget(budget) : budget;
  const convert = (node: YamlNode | undefined): unknown => {
    if (--shared.remaining < 0) throw new ExpansionLimitError(shared.limit);
    const resolved = resolveAlias(node);
    if (resolved === undefined) return null;
    switch (resolved.kind) {
      case 'scalar':
        return resolved.value;
      case 'seq':
        return resolved.items.map(convert);
      case 'map': {
        const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const pair of resolved.pairs) object[keyName(pair.key)] = convert(pair.value);
        return object;
      }
      default:
        return null;
    }
  };
  return convert(root);
}
