/** Finds what is under the cursor: the path to it and whether it is a key or a value. */
import type { Pair, YamlNode } from './yamlTree';
import { keyName } from './treeQueries';

export interface Located {
  /** Keys and list indexes from the root to the node (a key's own name ends the path). */
  path: string[];
  node: YamlNode;
  /** True when the cursor is on a mapping key. */
  isKey: boolean;
  /** The pair holding the node (as key or value), when in a map. */
  pair?: Pair;
}

const contains = (node: YamlNode, offset: number): boolean => node.start <= offset && offset <= node.end;

/** The innermost key or value at `offset` (a cursor just after a word still counts). */
export function locate(root: YamlNode | undefined, offset: number): Located | undefined {
  let node = root;
  const path: string[] = [];
  let found: Located | undefined;
  for (let depth = 0; node !== undefined && depth < 200; depth++) {
    if (!contains(node, offset)) return found;
    if (node.kind === 'map') {
      const pair = findPair(node.pairs, offset);
      if (pair === undefined) return found;
      const name = keyName(pair.key);
      if (contains(pair.key, offset)) return { path: [...path, name], node: pair.key, isKey: true, pair };
      path.push(name);
      found = { path: [...path], node: pair.value, isKey: false, pair };
      node = pair.value;
    } else if (node.kind === 'seq') {
      const index = findItem(node.items, offset);
      if (index === -1) return found;
      path.push(String(index));
      found = { path: [...path], node: node.items[index], isKey: false };
      node = node.items[index];
    } else {
      return found ?? { path, node, isKey: false };
    }
  }
  return found;
}

/** Binary search: the last pair whose key starts at or before offset, if the offset lies in it. */
function findPair(pairs: Pair[], offset: number): Pair | undefined {
  let low = 0;
  let high = pairs.length - 1;
  let best = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pairs[mid].key.start <= offset) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (best === -1) return undefined;
  const pair = pairs[best];
  if (contains(pair.key, offset) || contains(pair.value, offset)) return pair;
  return undefined;
}

/** Binary search over list items (in source order) for the one containing offset; -1 if none. */
function findItem(items: YamlNode[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let best = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].start <= offset) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (best !== -1 && contains(items[best], offset)) return best;
  // A cursor at the very end of one item may also be the start of the next: prefer the earlier one.
  if (best > 0 && contains(items[best - 1], offset)) return best - 1;
  return -1;
}

/** The path with user-chosen names and indexes replaced by `*`: `switches.*.ports.*.speed`. */
export function schemaPath(path: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const parent = i === 0 ? undefined : path[i - 1];
    const userName = i === 1 && (parent === 'switches' || parent === 'servers');
    out.push(userName || /^\d+$/.test(path[i]) ? '*' : path[i]);
  }
  return out.join('.');
}
