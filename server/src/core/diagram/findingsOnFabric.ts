/**
 * Which switch, link, pod or plane each finding is about, for colouring the diagram: by the
 * finding's subject first (a link index, switch names, a pod, a plane, a server group's leaves),
 * else by where it is (inside a switch's definition or a `links` entry: schema findings). What is
 * about none of them counts for the fabric as a whole. Computed once per lint result.
 */
import type { Finding, Severity } from '../findings';
import type { LintResult } from '../lint';
import type { FabricLink, FabricSwitch } from '../model/fabricModel';

export interface FindingBuckets {
  bySwitch: Map<FabricSwitch, Finding[]>;
  byLink: Map<FabricLink, Finding[]>;
  byPod: Map<string, Finding[]>;
  byPlane: Map<string, Finding[]>;
  fabric: Finding[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The worst severity among findings (undefined for none). */
export function worstSeverity(findings: Iterable<Finding>): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (worst === undefined || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

export function worseOf(x: Severity | undefined, y: Severity | undefined): Severity | undefined {
  if (x === undefined) return y;
  if (y === undefined) return x;
  return RANK[y] > RANK[x] ? y : x;
}

function add<K>(map: Map<K, Finding[]>, key: K, finding: Finding): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [finding]);
  else if (list[list.length - 1] !== finding) list.push(finding);
}

interface Span<T> {
  start: number;
  end: number;
  item: T;
}

/** The span containing offset in a list sorted by start (spans do not overlap). */
function spanAt<T>(spans: Span<T>[], offset: number): T | undefined {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found !== -1 && offset <= spans[found].end ? spans[found].item : undefined;
}

const cache = new WeakMap<LintResult, FindingBuckets>();

export function findingBuckets(result: LintResult): FindingBuckets {
  const cached = cache.get(result);
  if (cached !== undefined) return cached;
  const buckets: FindingBuckets = { bySwitch: new Map(), byLink: new Map(), byPod: new Map(), byPlane: new Map(), fabric: [] };
  cache.set(result, buckets);
  const model = result.analysis?.model;
  if (model === undefined) {
    buckets.fabric.push(...result.findings);
    return buckets;
  }
  let definitions: Span<FabricSwitch>[] | undefined;
  let entries: Span<FabricLink>[] | undefined;
  const byStart = (x: Span<unknown>, y: Span<unknown>): number => x.start - y.start;
  for (const finding of result.findings) {
    const s = finding.subject;
    if (s !== undefined) {
      const link = s.link === undefined ? undefined : model.links[s.link];
      if (link !== undefined && link.known) {
        add(buckets.byLink, link, finding);
        continue;
      }
      let placed = false;
      for (const name of s.switches ?? []) {
        const sw = model.switches.get(name);
        if (sw !== undefined) {
          add(buckets.bySwitch, sw, finding);
          placed = true;
        }
      }
      if (placed) continue;
      if (s.pod !== undefined) {
        add(buckets.byPod, s.pod, finding);
        continue;
      }
      if (s.plane !== undefined) {
        add(buckets.byPlane, s.plane, finding);
        continue;
      }
      const group = s.group === undefined ? undefined : model.serverGroups.get(s.group);
      if (group !== undefined && group.knownLeaves.length > 0) {
        for (const leaf of group.knownLeaves) add(buckets.bySwitch, leaf, finding);
        continue;
      }
    }
    // By position: schema findings inside a switch's definition or a links entry.
    const offset = result.lines.offsetAt(finding.range.start);
    definitions ??= [...model.switches.values()]
      .map((sw) => ({ start: sw.keyNode.start, end: sw.valueNode.start >= sw.keyNode.start ? Math.max(sw.keyNode.end, sw.valueNode.end) : sw.keyNode.end, item: sw }))
      .sort(byStart);
    const sw = spanAt(definitions, offset);
    if (sw !== undefined) {
      add(buckets.bySwitch, sw, finding);
      continue;
    }
    entries ??= model.links.filter((l) => l.known).map((l) => ({ start: l.node.start, end: l.node.end, item: l })).sort(byStart);
    const link = spanAt(entries, offset);
    if (link !== undefined) add(buckets.byLink, link, finding);
    else buckets.fabric.push(finding);
  }
  return buckets;
}
