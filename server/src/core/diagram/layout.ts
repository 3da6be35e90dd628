/**
 * The layered layout: one row per tier (super-spines, spines, leaves, externals, no role), pods as
 * columns across the spine and leaf rows, planes as columns of the super-spine row. Every drawn
 * node (a switch or a group box) takes one slot. A pod's width is the larger of its spine and leaf
 * counts, rounded up to a multiple of WIDTH_STEP slots; each row is centred in its pod. The
 * super-spine, external and no-role rows are centred over the fabric.
 *
 * Stability: a position depends only on the tier, the column order (by id), the switch's place
 * among its segment's drawn nodes and the pod widths. So editing figures, links, ports, servers or
 * the design never moves anything; adding or removing a switch moves only the rest of its own
 * segment (by half a slot: it is re-centred), and other pods only when its pod crosses a width step.
 */
import type { DiagramTier } from '../../../../shared/webview/diagramView';
import type { DrawnUnits, Unit } from './segments';
import { MAX_NODES, segmentId } from './segments';

export const GEOMETRY = {
  slot: 136,
  nodeW: 120,
  nodeH: 46,
  rowH: 150,
  left: 124,
  top: 52,
  colGap: 28,
  boxPad: 10,
  /** Room above a row for a pod or plane label. */
  boxLabel: 24,
  right: 24,
  bottom: 32,
} as const;

export const WIDTH_STEP = 4;

export interface Placement {
  unit: Unit;
  x: number;
  y: number;
  row: number;
}

export interface BoxPlacement {
  kind: 'pod' | 'plane';
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  /** In reading order: row by row, left to right. */
  placements: Placement[];
  byKey: Map<string, Placement>;
  boxes: BoxPlacement[];
  tiers: { tier: DiagramTier; y: number }[];
  width: number;
  height: number;
  /** Pods and planes not drawn: more than MAX_NODES nodes would be. */
  hiddenPods: number;
  hiddenPlanes: number;
}

const roundUp = (n: number, step: number): number => Math.max(step, Math.ceil(n / step) * step);

export function layout(drawn: DrawnUnits): Layout {
  const { fabric, bySegment } = drawn;
  const g = GEOMETRY;
  const rowOf = new Map<DiagramTier, number>();
  fabric.tiers.forEach((tier, i) => rowOf.set(tier, i));
  const rowY = (tier: DiagramTier): number => g.top + rowOf.get(tier)! * g.rowH;
  const unitsAt = (tier: DiagramTier, column: string): Unit[] => {
    const segment = fabric.segments.get(segmentId(tier, column));
    return segment === undefined ? [] : bySegment.get(segment)!;
  };
  const placements: Placement[] = [];
  const boxes: BoxPlacement[] = [];
  const place = (units: Unit[], tier: DiagramTier, startX: number): void => {
    const y = rowY(tier);
    const row = rowOf.get(tier)!;
    units.forEach((unit, i) => placements.push({ unit, x: Math.round(startX + i * g.slot + (g.slot - g.nodeW) / 2), y, row }));
  };

  // Hundreds of pods: draw the first ones up to the node budget (the rows above and below count first).
  let budget = MAX_NODES - [...fabric.segments.values()].filter((s) => s.tier === 'external' || s.tier === 'none').reduce((n, s) => n + bySegment.get(s)!.length, 0);
  const within = (count: number, placedBefore: number): boolean => placedBefore === 0 || count <= budget;
  let hiddenPods = 0;
  let hiddenPlanes = 0;
  const planeUnits = fabric.planeColumns.reduce((n, c) => n + unitsAt('super-spine', c).length, 0);
  budget -= Math.min(planeUnits, Math.floor(MAX_NODES / 4));

  // Pods: spines and leaves.
  let x = g.left;
  const hasPods = fabric.podColumns.some((c) => c !== '');
  let podsPlaced = 0;
  for (const column of fabric.podColumns) {
    const spines = unitsAt('spine', column);
    const leaves = unitsAt('leaf', column);
    if (!within(spines.length + leaves.length, podsPlaced)) {
      hiddenPods++;
      continue;
    }
    budget -= spines.length + leaves.length;
    podsPlaced++;
    const slots = roundUp(Math.max(spines.length, leaves.length), WIDTH_STEP);
    const width = slots * g.slot;
    if (spines.length > 0) place(spines, 'spine', x + ((slots - spines.length) / 2) * g.slot);
    if (leaves.length > 0) place(leaves, 'leaf', x + ((slots - leaves.length) / 2) * g.slot);
    if (hasPods && column !== '') {
      const topTier: DiagramTier = spines.length > 0 ? 'spine' : 'leaf';
      const bottomTier: DiagramTier = leaves.length > 0 ? 'leaf' : 'spine';
      const top = rowY(topTier) - g.boxLabel - g.boxPad;
      boxes.push({ kind: 'pod', id: column, x: x - g.boxPad, y: top, w: width + 2 * g.boxPad, h: rowY(bottomTier) + g.nodeH + g.boxPad - top });
    }
    x += width + g.colGap;
  }
  const fabricWidth = Math.max(0, x - g.colGap - g.left);

  // Rows centred over the fabric: super-spines by plane, externals, no role.
  const centred = (widths: number[]): number => {
    const total = widths.reduce((sum, w) => sum + w, 0) + Math.max(0, widths.length - 1) * g.colGap;
    return g.left + Math.max(0, (fabricWidth - total) / 2);
  };
  let rowRight = g.left + fabricWidth;
  if (rowOf.has('super-spine')) {
    budget += Math.min(planeUnits, Math.floor(MAX_NODES / 4));
    const planes: { column: string; units: Unit[] }[] = [];
    for (const column of fabric.planeColumns) {
      const units = unitsAt('super-spine', column);
      if (!within(units.length, planes.length)) {
        hiddenPlanes++;
        continue;
      }
      budget -= units.length;
      planes.push({ column, units });
    }
    const hasPlanes = planes.some((p) => p.column !== '');
    let px = centred(planes.map((p) => p.units.length * g.slot));
    const y = rowY('super-spine');
    for (const plane of planes) {
      const width = plane.units.length * g.slot;
      place(plane.units, 'super-spine', px);
      if (hasPlanes && plane.column !== '') {
        const top = y - g.boxLabel - g.boxPad;
        boxes.push({ kind: 'plane', id: plane.column, x: px - g.boxPad, y: top, w: width + 2 * g.boxPad, h: y + g.nodeH + g.boxPad - top });
      }
      px += width + g.colGap;
    }
    rowRight = Math.max(rowRight, px - g.colGap);
  }
  for (const tier of ['external', 'none'] as const) {
    if (!rowOf.has(tier)) continue;
    const units = unitsAt(tier, '');
    const start = centred([units.length * g.slot]);
    place(units, tier, start);
    rowRight = Math.max(rowRight, start + units.length * g.slot);
  }

  placements.sort((p, q) => p.row - q.row || p.x - q.x);
  const byKey = new Map<string, Placement>();
  for (const p of placements) byKey.set(p.unit.key, p);
  const rows = fabric.tiers.length;
  return {
    placements,
    byKey,
    boxes,
    tiers: fabric.tiers.map((tier) => ({ tier, y: rowY(tier) })),
    width: Math.ceil(rowRight + g.boxPad + g.right),
    height: Math.ceil(g.top + Math.max(0, rows - 1) * g.rowH + g.nodeH + g.boxPad + g.bottom),
    hiddenPods,
    hiddenPlanes,
  };
}
