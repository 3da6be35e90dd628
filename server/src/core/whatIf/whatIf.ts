/**
 * What-if failures: the fabric's figures recomputed without some switches and links, from the same
 * model the hovers read. A failed switch takes all its links down; a failed link is every `links`
 * entry between its two switches. For each leaf (and, with super-spines, each spine) whose figures
 * change: its uplink (Σ count × speed to the upstream switches of its pod or plane still up), ECMP
 * paths (Σ parallel uplinks still up), downlink (less the north-south links that went down; for a
 * spine, less its links to failed leaves) and ratio (downlink ÷ uplink), before and after. "Before"
 * is exactly the hover's figure. A leaf with uplinks before and none after is disconnected; one whose
 * ratio goes over its design limit is pushed over it. Nothing in the file changes.
 *
 * Cost: proportional to the failed switches' and links' neighbourhoods (each affected switch's
 * upstream and links), never to the whole fabric.
 */
import type { FabricLink, FabricModel, FabricSwitch } from '../model/fabricModel';
import { exceedsRatio } from '../model/ratio';
import { inScope } from '../model/scope';
import { ratioLimit } from '../rules/oversubscription';

export interface Failures {
  switches: ReadonlySet<FabricSwitch>;
  /** Failed `links` entries (a failed link pair is all of its entries). */
  links: ReadonlySet<FabricLink>;
}

export const NO_FAILURES: Failures = { switches: new Set(), links: new Set() };

export interface Figures {
  uplinkGbps: number;
  paths: number;
  downlinkGbps: number;
  /** Downlink ÷ uplink; undefined when the switch has no ratio (incomplete figures) or no uplink is left. */
  ratio: number | undefined;
  /** The ratio exceeds the design limit (the oversubscription rule's own test). */
  overLimit: boolean;
}

export interface SwitchChange {
  switch: FabricSwitch;
  before: Figures;
  after: Figures;
  /** It had uplinks and has none left. */
  disconnected: boolean;
  /** Over its limit after, within it before. */
  pushedOver: boolean;
  /** Its design limit (N in N:1). */
  limit: number;
}

export interface WhatIfResult {
  failures: Failures;
  /** Leaves whose figures change, in file order. */
  leaves: SwitchChange[];
  /** Spines (with super-spines above) whose figures change, in file order. */
  spines: SwitchChange[];
  disconnected: FabricSwitch[];
  pushedOver: FabricSwitch[];
  /** Spines that had super-spines and have none left (their pod is cut off from the other pods). */
  spinesCutOff: FabricSwitch[];
  /** No leaf is disconnected or pushed over its limit. */
  survives: boolean;
}

/** A link is down when it is failed or either of its ends is. */
export function linkDown(failures: Failures, link: FabricLink): boolean {
  if (failures.links.has(link)) return true;
  const ends = link.ends;
  if (ends === undefined) return false;
  const a = ends[0].switch;
  const b = ends[1].switch;
  return (a !== undefined && failures.switches.has(a)) || (b !== undefined && failures.switches.has(b));
}

/** The `links` entries between two switches (either order), in file order. */
export function linksBetween(a: FabricSwitch, b: FabricSwitch): FabricLink[] {
  const [few, other] = a.links.length <= b.links.length ? [a, b] : [b, a];
  return few.links.filter((link) => {
    const x = link.ends![0].switch;
    const y = link.ends![1].switch;
    return (x === few && y === other) || (x === other && y === few);
  });
}

export interface FailureNames {
  switches: readonly string[];
  links: readonly (readonly [string, string])[];
}

export interface ResolvedFailures {
  failures: Failures;
  /** Switch names that are no switch. */
  unknownSwitches: string[];
  /** Pairs of switches with no link between them (or naming a switch that does not exist). */
  unknownLinks: [string, string][];
}

/** Failed switches and link pairs by name → the model's switches and `links` entries. */
export function resolveFailures(model: FabricModel, names: FailureNames): ResolvedFailures {
  const switches = new Set<FabricSwitch>();
  const links = new Set<FabricLink>();
  const unknownSwitches: string[] = [];
  const unknownLinks: [string, string][] = [];
  for (const name of names.switches) {
    const sw = model.switches.get(name);
    if (sw === undefined) unknownSwitches.push(name);
    else switches.add(sw);
  }
  for (const [x, y] of names.links) {
    const a = model.switches.get(x);
    const b = model.switches.get(y);
    const between = a === undefined || b === undefined ? [] : linksBetween(a, b);
    if (between.length === 0) unknownLinks.push([x, y]);
    for (const link of between) links.add(link);
  }
  return { failures: { switches, links }, unknownSwitches, unknownLinks };
}

function hasRatio(model: FabricModel, sw: FabricSwitch): boolean {
  return sw.role === 'leaf' || (sw.role === 'spine' && model.superSpines.length > 0);
}

function figuresBefore(model: FabricModel, sw: FabricSwitch): Figures {
  const ratio = sw.ratio;
  return {
    uplinkGbps: sw.uplinkGbps,
    paths: sw.ecmpPaths,
    downlinkGbps: sw.downlinkGbps,
    ratio,
    overLimit: ratio !== undefined && exceedsRatio(sw.downlinkGbps, sw.uplinkGbps, ratioLimit(model, sw)),
  };
}

/** The figures of `sw` with the failed switches and links taken out, and whether any uplink is left. */
function figuresAfter(model: FabricModel, sw: FabricSwitch, failures: Failures): { figures: Figures; anyUplink: boolean } {
  let uplink = 0;
  let paths = 0;
  let anyUplink = false;
  for (const peer of sw.upstream.values()) {
    if (failures.switches.has(peer.switch)) continue;
    for (const link of peer.links) {
      if (failures.links.has(link)) continue;
      anyUplink = true;
      if (link.bandwidthGbps !== undefined) uplink += link.bandwidthGbps;
      if (link.count !== undefined) paths += link.count;
    }
  }
  // What the downlink loses: north-south links that went down; for a spine, its links to failed leaves.
  const downRole = sw.role === 'spine' ? 'leaf' : sw.role === 'super-spine' ? 'spine' : undefined;
  let lost = 0;
  for (const link of sw.links) {
    if (link.bandwidthGbps === undefined || link.kind === 'peer' || !linkDown(failures, link)) continue;
    const ends = link.ends!;
    const other = ends[0].switch === sw ? ends[1].switch! : ends[0].switch!;
    if (other === sw) continue;
    if (link.northSouth) lost += link.bandwidthGbps;
    else if (downRole !== undefined && other.role === downRole && inScope(other, sw)) lost += link.bandwidthGbps;
  }
  const downlink = Math.max(0, sw.downlinkGbps - lost);
  const ratio = sw.ratio !== undefined && uplink > 0 ? downlink / uplink : undefined;
  const overLimit = ratio !== undefined && exceedsRatio(downlink, uplink, ratioLimit(model, sw));
  return { figures: { uplinkGbps: uplink, paths, downlinkGbps: downlink, ratio, overLimit }, anyUplink };
}

const same = (x: number | undefined, y: number | undefined): boolean => (x === undefined ? y === undefined : y !== undefined && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)));

/** The switches whose figures a failure may change: the failed switches' and links' neighbours. */
function candidates(failures: Failures): Set<FabricSwitch> {
  const out = new Set<FabricSwitch>();
  for (const sw of failures.switches) {
    // Below it: a spine's leaves, a super-spine's spines. Above it: a leaf's spines (their downlink).
    for (const below of sw.downstream) out.add(below);
    for (const peer of sw.upstream.values()) out.add(peer.switch);
    for (const ns of sw.northSouthPeers) out.add(ns);
  }
  for (const link of failures.links) {
    for (const end of link.ends ?? []) if (end.switch !== undefined) out.add(end.switch);
  }
  return out;
}

const byPosition = (x: SwitchChange, y: SwitchChange): number => x.switch.keyNode.start - y.switch.keyNode.start;

/** The fabric without `failures`: who loses what. */
export function whatIf(model: FabricModel, failures: Failures): WhatIfResult {
  const leaves: SwitchChange[] = [];
  const spines: SwitchChange[] = [];
  const spinesCutOff: FabricSwitch[] = [];
  for (const sw of candidates(failures)) {
    if (failures.switches.has(sw) || !hasRatio(model, sw)) continue;
    const before = figuresBefore(model, sw);
    const { figures: after, anyUplink } = figuresAfter(model, sw, failures);
    const changed = !same(before.uplinkGbps, after.uplinkGbps) || before.paths !== after.paths || !same(before.downlinkGbps, after.downlinkGbps) || !same(before.ratio, after.ratio);
    const disconnected = sw.upstream.size > 0 && !anyUplink;
    if (!changed && !disconnected) continue;
    const change: SwitchChange = { switch: sw, before, after, disconnected, pushedOver: after.overLimit && !before.overLimit, limit: ratioLimit(model, sw) };
    if (sw.role === 'leaf') leaves.push(change);
    else spines.push(change);
  }
  leaves.sort(byPosition);
  spines.sort(byPosition);
  for (const change of spines) if (change.disconnected) spinesCutOff.push(change.switch);
  const disconnected = leaves.filter((c) => c.disconnected).map((c) => c.switch);
  const pushedOver = leaves.filter((c) => c.pushedOver).map((c) => c.switch);
  return { failures, leaves, spines, disconnected, pushedOver, spinesCutOff, survives: disconnected.length === 0 && pushedOver.length === 0 };
}

/** For "fail one spine per pod": the first spine (in file order) of each pod, and of the spines without a pod. */
export function oneSpinePerPod(model: FabricModel): FabricSwitch[] {
  const out: FabricSwitch[] = [];
  for (const pod of model.pods.values()) if (pod.spines.length > 0) out.push(pod.spines[0]);
  const podless = model.spines.find((s) => s.pod === undefined || !s.podValid);
  if (podless !== undefined) out.push(podless);
  return out;
}

/** The highest ratio after a failure, a disconnected leaf counting as the worst. */
function worstRatio(result: WhatIfResult): number {
  let worst = 0;
  for (const c of result.leaves) {
    if (c.disconnected) return Number.POSITIVE_INFINITY;
    if (c.after.ratio !== undefined && c.after.ratio > worst) worst = c.after.ratio;
  }
  return worst;
}

/** The largest share of a leaf's uplink lost. */
function worstLoss(result: WhatIfResult): number {
  let worst = 0;
  for (const c of result.leaves) {
    if (c.before.uplinkGbps <= 0) continue;
    const share = 1 - c.after.uplinkGbps / c.before.uplinkGbps;
    if (share > worst) worst = share;
  }
  return worst;
}

/** Orders what-if results worst first: more leaves disconnected, then pushed over, then the highest ratio, then the largest loss. */
export function compareSeverity(x: WhatIfResult, y: WhatIfResult): number {
  return (
    y.disconnected.length - x.disconnected.length ||
    y.pushedOver.length - x.pushedOver.length ||
    Math.sign(worstRatio(y) - worstRatio(x)) ||
    Math.sign(worstLoss(y) - worstLoss(x))
  );
}

export interface EachSpineResult {
  spine: FabricSwitch;
  result: WhatIfResult;
}

/**
 * Each spine failing in turn (on top of `base`, whose spines are skipped), in file order; and the
 * worst of them (the first of equally bad ones), or undefined without spines.
 */
export function failEachSpine(model: FabricModel, base: Failures = NO_FAILURES): { tried: EachSpineResult[]; worst: EachSpineResult | undefined } {
  const tried: EachSpineResult[] = [];
  let worst: EachSpineResult | undefined;
  for (const spine of model.spines) {
    if (base.switches.has(spine)) continue;
    const switches = new Set(base.switches);
    switches.add(spine);
    const entry = { spine, result: whatIf(model, { switches, links: base.links }) };
    tried.push(entry);
    if (worst === undefined || compareSeverity(entry.result, worst.result) < 0) worst = entry;
  }
  return { tried, worst };
}
