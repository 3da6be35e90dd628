/**
 * "Did you mean …?": the defined name closest to a misspelt one, with bounded work per
 * look-up however many names a file defines.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment), bounded: returns
 * limit + 1 as soon as the distance must exceed limit. `laef` → `leaf` is 1. Only the band
 * of cells within `limit` of the diagonal is computed (a cell outside it is already more
 * than `limit`), so the cost is O(length × limit), not O(length²).
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return over;
  if (n === 0 || m === 0) return Math.max(n, m) <= limit ? Math.max(n, m) : over;
  let beforePrevious = new Array<number>(m + 1).fill(over);
  let previous = new Array<number>(m + 1).fill(over);
  let current = new Array<number>(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, limit); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    current[0] = i <= limit ? i : over;
    if (lo > 1) current[lo - 1] = over;
    let rowMin = lo === 1 ? current[0] : over;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, beforePrevious[j - 2] + 1);
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (hi < m) current[hi + 1] = over;
    if (rowMin > limit) return over;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[m] <= limit ? previous[m] : over;
}

/** Names longer than this get no suggestion. */
const MAX_NAME_LENGTH = 200;

/** The largest distance that still reads as a typo of `name`: 1 to 3 edits, a third of its length. */
function typoLimit(name: string): number {
  return Math.max(1, Math.min(3, Math.floor(name.length / 3)));
}

/**
 * The candidate closest to `name` (case-insensitive), when it is close enough to be a typo;
 * the first such candidate on a tie. Looks at every candidate (a length check first, then a
 * banded distance): for short lists such as a schema's keys. For a file's switch names use
 * `nameIndexFor`, whose look-ups are bounded.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_NAME_LENGTH) return undefined;
  const twin = normalizationTwin(name, candidates);
  if (twin !== undefined) return twin;
  const lower = name.toLowerCase();
  const limit = typoLimit(name);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * A candidate that differs from `name` only in Unicode normalization (`é` as one code point
 * or as `e` + U+0301): the likeliest meaning of all, though the edit distance may be 2.
 */
function normalizationTwin(name: string, candidates: Iterable<string>): string | undefined {
  if (ASCII.test(name)) return undefined;
  const nfc = name.normalize('NFC');
  for (const candidate of candidates) {
    if (candidate !== name && !ASCII.test(candidate) && candidate.normalize('NFC') === nfc) return candidate;
  }
  return undefined;
}

/** Up to this many names, a look-up compares with every one (exactly `closestName`). */
const EXHAUSTIVE_NAMES = 2_000;
/** Neighbours compared on each side of the name, in each of the two sort orders. */
const WINDOW = 24;

interface Entry {
  name: string;
  /** Lower-cased, or lower-cased and reversed. */
  key: string;
  /** Position in the names as given (ties go to the earlier name, as in `closestName`). */
  order: number;
}

const reverse = (text: string): string => {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
};

/** First index in `sorted` whose key is not below `key`. */
function lowerBound(sorted: readonly Entry[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The names of one file, indexed for "did you mean": a look-up costs O(log n) plus a fixed
 * number of banded distances. Beyond EXHAUSTIVE_NAMES names it compares only the names next
 * to the misspelt one in lower-case order (a typo late in the name keeps the prefix) and in
 * the order of the reversed names (a typo early keeps the suffix), so the obvious typo is
 * still found; a name whose first and last characters are both wrong may get no suggestion.
 */
export class NameIndex {
  private readonly names: string[];
  private readonly forward: Entry[] | undefined;
  private readonly backward: Entry[] | undefined;
  /** Non-ASCII names by their NFC form, built on the first non-ASCII look-up. */
  private byNfc: Map<string, string[]> | undefined;

  constructor(names: Iterable<string>) {
    this.names = Array.from(names);
    if (this.names.length <= EXHAUSTIVE_NAMES) return;
    const byKey = (a: Entry, b: Entry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order);
    this.forward = this.names.map((name, order) => ({ name, key: name.toLowerCase(), order })).sort(byKey);
    this.backward = this.forward.map((e) => ({ name: e.name, key: reverse(e.key), order: e.order })).sort(byKey);
  }

  closest(name: string): string | undefined {
    if (this.forward === undefined || this.backward === undefined) return closestName(name, this.names);
    if (name.length > MAX_NAME_LENGTH) return undefined;
    if (!ASCII.test(name)) {
      if (this.byNfc === undefined) {
        this.byNfc = new Map();
        for (const candidate of this.names) {
          if (ASCII.test(candidate)) continue;
          const key = candidate.normalize('NFC');
          const list = this.byNfc.get(key);
          if (list === undefined) this.byNfc.set(key, [candidate]);
          else list.push(candidate);
        }
      }
      const twin = this.byNfc.get(name.normalize('NFC'))?.find((candidate) => candidate !== name);
      if (twin !== undefined) return twin;
    }
    const lower = name.toLowerCase();
    const limit = typoLimit(name);
    let best: Entry | undefined;
    let bestDistance = limit + 1;
    const consider = (e: Entry): void => {
      if (e.name === name || Math.abs(e.name.length - name.length) > limit) return;
      const distance = editDistance(lower, e.name.toLowerCase(), limit);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && e.order < best.order)) {
        best = e;
        bestDistance = distance;
      }
    };
    for (const [sorted, key] of [
      [this.forward, lower],
      [this.backward, reverse(lower)],
    ] as const) {
      const at = lowerBound(sorted, key);
      for (let i = Math.max(0, at - WINDOW); i < Math.min(sorted.length, at + WINDOW); i++) consider(sorted[i]);
    }
    return best?.name;
  }
}

const indexes = new WeakMap<ReadonlyMap<string, unknown>, NameIndex>();

/** The index of a map's keys (a model's switches), built once per map. */
export function nameIndexFor(map: ReadonlyMap<string, unknown>): NameIndex {
  let index = indexes.get(map);
  if (index === undefined) {
    index = new NameIndex(map.keys());
    indexes.set(map, index);
  }
  return index;
}
