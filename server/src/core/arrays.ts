/**
 * Loops for file-sized arrays. `target.push(...list)`, `Math.max(...list)` and friends pass
 * every element as a call argument, which overflows the stack above ~125,000 elements: a
 * file with that many findings, keys or switches would publish nothing. These never do.
 */

/** Appends every item of `items` to `target` (in order) and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty: number): number {
  let best: number | undefined;
  for (const v of values) if (best === undefined || v > best) best = v;
  return best ?? empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty: number): number {
  let best: number | undefined;
  for (const v of values) if (best === undefined || v < best) best = v;
  return best ?? empty;
}
