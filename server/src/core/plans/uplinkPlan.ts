/**
 * Uplink plans: how an engineer would change a switch's uplinks to reach every upstream switch of
 * its pod (plane), to balance ECMP, or to bring its ratio within the design — computed on the
 * model, on free ports only, and the same plan for the rule's advice and for its quick fix (which
 * the fix proof then checks by re-linting the edited text).
 *
 * Every plan is balanced: the switch ends with the same count × speed to every upstream switch it
 * must reach, except a plan that only adds the missing ones next to links it leaves as they are.
 */
import type { FabricLink, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { exceedsRatio } from '../model/ratio';
import { scopeKind } from '../model/scope';
import { speedText } from '../model/speedFacts';
import { stringValue } from '../yaml/treeQueries';
import { quote } from '../text/quote';
import { checkPorts, type DemandChange, type PortCheck } from './portFit';
import { writtenPortSpeed } from './writtenSpeed';

export type PlanGoal =
  /** Reach every upstream switch of its pod (plane). */
  | { kind: 'connect' }
  /** The same bandwidth to every upstream switch. */
  | { kind: 'balance' }
  /** Downlink ÷ uplink at most `max`. */
  | { kind: 'ratio'; max: number };

export interface PlanTarget {
  up: FabricSwitch;
  /** The `links` entry to it today; undefined when there is none. */
  link: FabricLink | undefined;
  /** Parallel links today (0 without an entry) and their speed. */
  fromCount: number;
  fromSpeedGbps: number | undefined;
  /** Parallel links after the plan, at the plan's speed. */
  toCount: number;
}

export interface UplinkPlan {
  sw: FabricSwitch;
  /** `spine` for a leaf, `super-spine` for a spine. */
  upWord: string;
  speedGbps: number;
  /** The speed as the file writes it. */
  speedText: string;
  /** An existing uplink whose speed text new entries copy (its quoting and spelling). */
  speedFrom: FabricLink | undefined;
  /** `add`: only new entries for missing upstream switches; `even`: every target ends at `count`. */
  shape: 'add' | 'even';
  count: number;
  targets: PlanTarget[];
  uplinkBeforeGbps: number;
  uplinkAfterGbps: number;
}

export type PlanResult = { ok: true; plan: UplinkPlan } | { ok: false; reason: string };

/** Parallel links one plan may ask for per upstream switch, at most. */
const MAX_PLAN_COUNT = 1_000_000;

function upWordOf(sw: FabricSwitch): string {
  return sw.role === 'leaf' ? 'spine' : 'super-spine';
}

/** The upstream switches a plan balances over: those it must reach, then any other it links to in scope. */
function targetSwitches(sw: FabricSwitch): FabricSwitch[] | undefined {
  const expected = sw.expectedUpstream;
  if (expected === undefined) return undefined;
  const out = [...expected];
  const seen = new Set(out.map((u) => u.name));
  for (const peer of sw.upstream.values()) if (!seen.has(peer.switch.name)) out.push(peer.switch);
  return out;
}

interface Base {
  sw: FabricSwitch;
  targets: PlanTarget[];
  speedGbps: number;
  speedText: string;
  speedFrom: FabricLink | undefined;
}

/** The speed new uplinks get when the switch has none: the fastest its fabric ports and every target carry. */
function defaultSpeed(sw: FabricSwitch, ups: readonly FabricSwitch[]): number | undefined {
  let speed: number | undefined;
  for (const g of sw.portGroups) if (g.usable && g.purpose === 'fabric' && (speed === undefined || g.speedGbps! > speed)) speed = g.speedGbps;
  speed ??= sw.maxPortGbps;
  for (const up of ups) {
    if (up.maxPortGbps === undefined) continue;
    speed = speed === undefined ? up.maxPortGbps : Math.min(speed, up.maxPortGbps);
  }
  return speed;
}

function base(sw: FabricSwitch): Base | PlanResult | undefined {
  const ups = targetSwitches(sw);
  if (ups === undefined || ups.length === 0) return undefined;
  const targets: PlanTarget[] = [];
  let best: FabricLink | undefined;
  for (const up of ups) {
    const links = sw.upstream.get(up.name)?.links ?? [];
    if (links.length > 1) {
      return { ok: false, reason: `${quote(sw.name)} has ${formatNumber(links.length, 0)} \`links\` entries for ${quote(up.name)}: merge them first (duplicate-link)` };
    }
    const link = links[0];
    if (link !== undefined && (link.speedGbps === undefined || link.count === undefined || link.bandwidthGbps === undefined)) return undefined; // schema's finding
    if (link !== undefined && (best === undefined || link.bandwidthGbps! > best.bandwidthGbps!)) best = link;
    targets.push({ up, link, fromCount: link?.count ?? 0, fromSpeedGbps: link?.speedGbps, toCount: link?.count ?? 0 });
  }
  if (best !== undefined) {
    return { sw, targets, speedGbps: best.speedGbps!, speedText: stringValue(best.speedNode) ?? speedText(best.speedGbps!), speedFrom: best };
  }
  const speed = defaultSpeed(sw, ups);
  if (speed === undefined) return undefined;
  const text = writtenPortSpeed(sw, speed) ?? ups.map((u) => writtenPortSpeed(u, speed)).find((t) => t !== undefined) ?? speedText(speed);
  return { sw, targets, speedGbps: speed, speedText: text, speedFrom: undefined };
}

function isPlanResult(x: Base | PlanResult): x is PlanResult {
  return 'ok' in x;
}

/** Port changes when every target in `to` goes from its links today to `toCount` × the plan speed. */
function checkAll(b: Base, toCounts: readonly number[]): { sw: FabricSwitch; check: PortCheck } | undefined {
  const own: DemandChange[] = [];
  for (let i = 0; i < b.targets.length; i++) {
    const t = b.targets[i];
    const to = toCounts[i];
    if (t.fromCount === to && (t.fromSpeedGbps === b.speedGbps || to === 0)) continue;
    if (t.fromCount > 0) own.push({ speedGbps: t.fromSpeedGbps!, delta: -t.fromCount });
    own.push({ speedGbps: b.speedGbps, delta: to });
    const upChanges: DemandChange[] = [{ speedGbps: b.speedGbps, delta: to }];
    if (t.fromCount > 0) upChanges.push({ speedGbps: t.fromSpeedGbps!, delta: -t.fromCount });
    const check = checkPorts(t.up, upChanges);
    if (!check.fits) return { sw: t.up, check };
  }
  const check = checkPorts(b.sw, own);
  return check.fits ? undefined : { sw: b.sw, check };
}

function portReason(failed: { sw: FabricSwitch; check: PortCheck }): string {
  const c = failed.check;
  if (c.fits) return '';
  if (c.available === 0 && failed.sw.maxPortGbps !== undefined && c.thresholdGbps > failed.sw.maxPortGbps) {
    return `${quote(failed.sw.name)} has no port of ${formatGbps(c.thresholdGbps)} or faster`;
  }
  return `${quote(failed.sw.name)} would need ${formatNumber(c.needed, 0)} ports of ${formatGbps(c.thresholdGbps)} or faster and has ${formatNumber(c.available, 0)}`;
}

function planOf(b: Base, shape: 'add' | 'even', count: number, toCounts: readonly number[]): UplinkPlan {
  const targets = b.targets.map((t, i) => ({ ...t, toCount: toCounts[i] }));
  let after = 0;
  for (const t of targets) after += t.toCount === t.fromCount && t.fromSpeedGbps !== undefined && shape === 'add' ? t.fromCount * t.fromSpeedGbps : t.toCount * b.speedGbps;
  return {
    sw: b.sw,
    upWord: upWordOf(b.sw),
    speedGbps: b.speedGbps,
    speedText: b.speedText,
    speedFrom: b.speedFrom,
    shape,
    count,
    targets,
    uplinkBeforeGbps: b.sw.uplinkGbps,
    uplinkAfterGbps: after,
  };
}

/** The largest c in [1, high] for which `fits(c)`, or 0 (fits is monotone: more links never fit better). */
function largestFitting(high: number, fits: (c: number) => boolean): number {
  let low = 1;
  let best = 0;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

function even(b: Base, c: number): number[] {
  return b.targets.map(() => c);
}

/**
 * A plan for `goal`, or why none fits on free ports; undefined when no plan applies (no upstream
 * switch to plan for, or an unusable speed or count the schema reports).
 */
export function planUplinks(sw: FabricSwitch, goal: PlanGoal): PlanResult | undefined {
  if (scopeKind(sw) === undefined) return undefined;
  const b = base(sw);
  if (b === undefined || isPlanResult(b)) return b;
  const s = b.speedGbps;
  let c0 = 1;
  for (const t of b.targets) if (t.fromSpeedGbps === s && t.fromCount > c0) c0 = t.fromCount;

  if (goal.kind === 'connect') {
    // The missing ones like the others, the others as they are; else everything spread evenly.
    const add = b.targets.map((t) => (t.link === undefined ? c0 : t.fromCount));
    if (b.targets.every((t) => t.link !== undefined)) return undefined;
    const failed = checkAll(b, add);
    if (failed === undefined) return { ok: true, plan: planOf(b, 'add', c0, add) };
    const c = largestFitting(c0, (k) => checkAll(b, even(b, k)) === undefined);
    if (c > 0) return { ok: true, plan: planOf(b, 'even', c, even(b, c)) };
    return { ok: false, reason: portReason(checkAll(b, even(b, 1)) ?? failed) };
  }

  if (goal.kind === 'balance') {
    let most = 0;
    for (const t of b.targets) if (t.link !== undefined && t.link.bandwidthGbps! > most) most = t.link.bandwidthGbps!;
    const high = Math.min(MAX_PLAN_COUNT, Math.max(1, Math.ceil(most / s - 1e-9)));
    const c = largestFitting(high, (k) => checkAll(b, even(b, k)) === undefined);
    if (c > 0) return { ok: true, plan: planOf(b, 'even', c, even(b, c)) };
    return { ok: false, reason: portReason(checkAll(b, even(b, 1))!) };
  }

  // Ratio: the fewest equal links per upstream switch that bring it within the design.
  const down = sw.downlinkGbps;
  const n = b.targets.length;
  let c = Math.max(1, Math.ceil(down / (goal.max * n * s) - 1e-9));
  while (c <= MAX_PLAN_COUNT && exceedsRatio(down, n * c * s, goal.max)) c++;
  if (c > MAX_PLAN_COUNT) return { ok: false, reason: `it would need more than ${formatNumber(MAX_PLAN_COUNT, 0)} links per ${upWordOf(sw)}` };
  const failed = checkAll(b, even(b, c));
  if (failed === undefined) return { ok: true, plan: planOf(b, 'even', c, even(b, c)) };
  return { ok: false, reason: `${formatNumber(c, 0)} × ${formatGbps(s)} to each of ${formatNumber(n, 0)} ${upWordOf(sw)}s would bring it within the design, but ${portReason(failed)}` };
}

/** `spine1`, `spine1 and spine2`, `the 4 spines`: the targets a plan changes, named. */
function targetNames(targets: readonly PlanTarget[], upWord: string): string {
  if (targets.length === 1) return quote(targets[0].up.name);
  if (targets.length === 2) return `${quote(targets[0].up.name)} and ${quote(targets[1].up.name)}`;
  return `the ${formatNumber(targets.length, 0)} ${upWord}s`;
}

/** What the plan does, as an instruction: "add 1 × 100G to `spine3`, like its other uplinks". */
export function describePlan(plan: UplinkPlan): string {
  const per = `${formatNumber(plan.count, 0)} × ${formatGbps(plan.speedGbps)}`;
  const added = plan.targets.filter((t) => t.link === undefined);
  const changed = plan.targets.filter((t) => t.link !== undefined && (t.toCount !== t.fromCount || t.fromSpeedGbps !== plan.speedGbps));
  const toAdded = added.length === 1 ? quote(added[0].up.name) : `each of ${targetNames(added, plan.upWord)}`;
  if (plan.shape === 'add') return `add ${per} to ${toAdded}, like its other uplinks`;
  if (changed.length === 0 && added.length > 0) return `add ${per} to ${toAdded}`;
  const n = plan.targets.length;
  const each = n === 1 ? `its ${plan.upWord} ${quote(plan.targets[0].up.name)}` : n === 2 ? `each of ${targetNames(plan.targets, plan.upWord)}` : `each of its ${formatNumber(n, 0)} ${plan.upWord}s`;
  const adding = added.length === 0 ? '' : `, adding ${added.length === 1 ? quote(added[0].up.name) : targetNames(added, plan.upWord)}`;
  return `give ${each} ${per}${adding}`;
}

/** `(400G in all)` with the uplink after the plan. */
export function planTotal(plan: UplinkPlan): string {
  return `${formatGbps(plan.uplinkAfterGbps)} in all`;
}
