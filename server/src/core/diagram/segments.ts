/**
 * Rows, columns and what is drawn of them. A row is a tier (super-spines, spines, leaves, externals,
 * switches without a role); a segment is one row within one column: the spines or the leaves of a
 * pod, the super-spines of a plane (column '' holds the switches without a pod or plane). Columns
 * are ordered by id (numbers numerically), members by their place in the file.
 *
 * Aggregation: a segment of more than COLLAPSE_OVER switches is drawn as one group box (count,
 * worst ratio, findings) until it is expanded. An expanded group of up to SHOW_MEMBERS switches
 * shows them; a bigger one shows at most MAX_CHUNKS group boxes of consecutive members (each of at
 * least MIN_CHUNK), each expandable in turn. So one expansion adds at most SHOW_MEMBERS nodes, and
 * what is sent is what is drawn. A fabric whose rows would still draw more than MAX_NODES nodes
 * (hundreds of small pods) draws every segment of two or more switches as a group box; the layout
 * then draws at most MAX_NODES nodes (layout.ts).
 */
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import type { DiagramTier } from '../../../../shared/webview/diagramView';
import { DIAGRAM_TIERS } from '../../../../shared/webview/diagramView';
import { groupKey, switchKey } from './keys';

export const COLLAPSE_OVER = 16;
export const SHOW_MEMBERS = 64;
export const MAX_CHUNKS = 32;
export const MIN_CHUNK = 32;
/** The most nodes a picture draws by default. */
export const MAX_NODES = 2000;

export interface Segment {
  tier: DiagramTier;
  column: string;
  members: FabricSwitch[];
}

export interface FabricSegments {
  /** The tiers that have switches, top to bottom. */
  tiers: DiagramTier[];
  /** Columns of the spine and leaf rows (pods; '' last), and of the super-spine row (planes). */
  podColumns: string[];
  planeColumns: string[];
  /** By segmentId(tier, column). */
  segments: Map<string, Segment>;
  /** Each switch's segment and index in it. */
  place: Map<FabricSwitch, { segment: Segment; index: number }>;
}

export function tierOf(sw: FabricSwitch): DiagramTier {
  switch (sw.role) {
    case 'leaf':
    case 'spine':
    case 'super-spine':
    case 'external':
      return sw.role;
    default:
      return 'none';
  }
}

/** The column of a switch: its pod (leaves, spines) or plane (super-spines); '' without one. */
export function columnOf(sw: FabricSwitch): string {
  if (sw.role === 'leaf' || sw.role === 'spine') return sw.podValid && sw.pod !== undefined ? sw.pod : '';
  if (sw.role === 'super-spine') return sw.planeValid && sw.plane !== undefined ? sw.plane : '';
  return '';
}

export const segmentId = (tier: DiagramTier, column: string): string => JSON.stringify([tier, column]);

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Ids in natural order ('pod2' before 'pod10'), '' (no pod or plane) last. */
export function compareColumns(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  return collator.compare(x, y) || (x < y ? -1 : 1);
}

const cache = new WeakMap<FabricModel, FabricSegments>();

export function segmentsOf(model: FabricModel): FabricSegments {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const segments = new Map<string, Segment>();
  const place = new Map<FabricSwitch, { segment: Segment; index: number }>();
  const pods = new Set<string>();
  const planes = new Set<string>();
  const tiers = new Set<DiagramTier>();
  for (const sw of model.switches.values()) {
    const tier = tierOf(sw);
    const column = columnOf(sw);
    tiers.add(tier);
    if (tier === 'leaf' || tier === 'spine') pods.add(column);
    if (tier === 'super-spine') planes.add(column);
    const id = segmentId(tier, column);
    let segment = segments.get(id);
    if (segment === undefined) {
      segment = { tier, column, members: [] };
      segments.set(id, segment);
    }
    place.set(sw, { segment, index: segment.members.length });
    segment.members.push(sw);
  }
  const result: FabricSegments = {
    tiers: DIAGRAM_TIERS.filter((t) => tiers.has(t)),
    podColumns: [...pods].sort(compareColumns),
    planeColumns: [...planes].sort(compareColumns),
    segments,
    place,
  };
  cache.set(model, result);
  return result;
}

export type Unit =
  | { kind: 'switch'; key: string; sw: FabricSwitch; segment: Segment; parent: string | null }
  | { kind: 'group'; key: string; segment: Segment; lo: number; hi: number; parent: string | null };

function pushSwitch(segment: Segment, index: number, parent: string | null, out: Unit[]): void {
  const sw = segment.members[index];
  out.push({ kind: 'switch', key: switchKey(sw.name), sw, segment, parent });
}

function pushGroup(segment: Segment, lo: number, hi: number, parent: string | null, expanded: ReadonlySet<string>, out: Unit[]): void {
  const key = groupKey({ tier: segment.tier, column: segment.column, lo, hi });
  if (expanded.has(key)) expandRange(segment, lo, hi, key, expanded, out);
  else out.push({ kind: 'group', key, segment, lo, hi, parent });
}

/** What an opened group [lo, hi) shows: its members, or chunks of them. */
function expandRange(segment: Segment, lo: number, hi: number, key: string, expanded: ReadonlySet<string>, out: Unit[]): void {
  const size = hi - lo;
  if (size <= SHOW_MEMBERS) {
    for (let i = lo; i < hi; i++) pushSwitch(segment, i, key, out);
    return;
  }
  const chunk = Math.max(MIN_CHUNK, Math.ceil(size / MAX_CHUNKS));
  for (let start = lo; start < hi; start += chunk) {
    const end = Math.min(hi, start + chunk);
    if (end - start === 1) pushSwitch(segment, start, key, out);
    else pushGroup(segment, start, end, key, expanded, out);
  }
}

/** The nodes drawn for a segment, left to right, given the group keys the user opened. */
export function unitsOf(segment: Segment, expanded: ReadonlySet<string>, collapseOver = COLLAPSE_OVER): Unit[] {
  const out: Unit[] = [];
  const n = segment.members.length;
  if (n <= collapseOver) {
    for (let i = 0; i < n; i++) pushSwitch(segment, i, null, out);
  } else {
    pushGroup(segment, 0, n, null, expanded, out);
  }
  return out;
}

/** Every segment's units, and the unit that shows each switch. */
export interface DrawnUnits {
  fabric: FabricSegments;
  bySegment: Map<Segment, Unit[]>;
  unitOf(sw: FabricSwitch): Unit | undefined;
  byKey: Map<string, Unit>;
}

export function drawnUnits(model: FabricModel, expanded: ReadonlySet<string>): DrawnUnits {
  const fabric = segmentsOf(model);
  const bySegment = new Map<Segment, Unit[]>();
  const memberUnits = new Map<Segment, Unit[]>();
  const byKey = new Map<string, Unit>();
  let collapseOver = COLLAPSE_OVER;
  let total = 0;
  for (const segment of fabric.segments.values()) total += segment.members.length <= COLLAPSE_OVER ? segment.members.length : 1;
  if (total > MAX_NODES) collapseOver = 1;
  for (const segment of fabric.segments.values()) {
    const units = unitsOf(segment, expanded, collapseOver);
    bySegment.set(segment, units);
    const perMember = new Array<Unit>(segment.members.length);
    for (const unit of units) {
      byKey.set(unit.key, unit);
      if (unit.kind === 'switch') perMember[fabric.place.get(unit.sw)!.index] = unit;
      else for (let i = unit.lo; i < unit.hi; i++) perMember[i] = unit;
    }
    memberUnits.set(segment, perMember);
  }
  return {
    fabric,
    bySegment,
    byKey,
    unitOf: (sw) => {
      const where = fabric.place.get(sw);
      return where === undefined ? undefined : memberUnits.get(where.segment)![where.index];
    },
  };
}

/** The members a unit stands for. */
export function unitMembers(unit: Unit): FabricSwitch[] {
  return unit.kind === 'switch' ? [unit.sw] : unit.segment.members.slice(unit.lo, unit.hi);
}
