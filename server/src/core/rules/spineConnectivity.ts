/**
 * spine-connectivity: a leaf lacks a link to a spine of its pod, a spine lacks a link to a
 * super-spine of its plane, a leaf's pod has no spine or a spine's plane has no super-spine, a
 * switch with downlinks has no uplink at all, or no leaf reaches a spine. One finding per switch,
 * listing everything missing, with the fix the ports allow (or why none does).
 */
import type { Finding, RelatedLocation } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatNumber } from '../model/number';
import { inScope } from '../model/scope';
import { spinesOfPod } from '../model/failureImpact';
import { describePlan, planTotal, planUplinks } from '../plans/uplinkPlan';
import { quote } from '../text/quote';
import { downlinkWords } from './oversubscription';
import { capitalize, listNames, makeFinding, MAX_RELATED, related, shareWords, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'spine-connectivity';

interface Missing {
  names: string[];
  switches: FabricSwitch[];
  count: number;
  expected: number;
}

/** The expected upstream switches `sw` has no link to; lists at most MAX_RELATED, counts all. */
function missingUpstream(sw: FabricSwitch): Missing | undefined {
  const expected = sw.expectedUpstream;
  if (expected === undefined || expected.length === 0) return undefined;
  let linkedExpected = 0;
  for (const up of expected) if (sw.upstream.has(up.name)) linkedExpected++;
  const count = expected.length - linkedExpected;
  if (count <= 0) return undefined;
  const switches: FabricSwitch[] = [];
  for (const up of expected) {
    if (switches.length >= MAX_RELATED) break;
    if (!sw.upstream.has(up.name)) switches.push(up);
  }
  return { names: switches.map((s) => s.name), switches, count, expected: expected.length };
}

/** The share of its uplink a switch loses when its busiest upstream switch fails, in words. */
function worstLoss(sw: FabricSwitch): string | undefined {
  if (sw.uplinkIfOneUpstreamFailsGbps === undefined || sw.uplinkGbps <= 0) return undefined;
  const share = (sw.uplinkGbps - sw.uplinkIfOneUpstreamFailsGbps) / sw.uplinkGbps;
  const n = Math.round(1 / share);
  return Math.abs(share * n - 1) < 1e-9 ? shareWords(n) : `${formatNumber(share * 100, 1)}%`;
}

/** The fix the ports allow, as a sentence, or why there is none. */
function connectAdvice(sw: FabricSwitch): string {
  const result = planUplinks(sw, { kind: 'connect' });
  if (result === undefined) return '';
  const upWord = sw.role === 'leaf' ? 'spine' : 'super-spine';
  if (!result.ok) {
    const remedy = sw.role === 'leaf' ? 'free a fabric port, or move servers to another leaf' : 'free a port, or give it more ports';
    return ` No link can be added: ${result.reason}; ${remedy}.`;
  }
  const plan = result.plan;
  if (plan.shape === 'add') return ` ${capitalize(describePlan(plan))}.`;
  return ` Its ports allow no more ${upWord} links: spread its uplinks evenly instead — ${describePlan(plan)} (${planTotal(plan)}).`;
}

function missingText(sw: FabricSwitch, missing: Missing): string {
  const leaf = sw.role === 'leaf';
  const upWord = leaf ? 'spine' : 'super-spine';
  const scope = leaf ? (sw.pod !== undefined ? ' of its pod' : '') : sw.plane !== undefined ? ' of its plane' : '';
  const listed = missing.names.length < missing.count ? `${listNames(missing.names)} (${formatNumber(missing.count, 0)} in all)` : listNames(missing.names);
  const head = `${quote(sw.name)} has no link to ${listed}`;
  const why = leaf
    ? `every leaf must reach every spine${scope}, so that ECMP has a path through every spine and losing one spine costs each leaf the same share of its uplink`
    : `every spine must reach every super-spine${scope}, so that ECMP has a path through every super-spine and losing one costs each spine the same share`;
  const linked = missing.expected - missing.count;
  let impact: string;
  if (linked === 0) {
    impact = `It reaches none of the ${formatNumber(missing.expected, 0)} ${upWord}s${scope}, so ${leaf ? 'its servers reach nothing beyond it' : 'its pod reaches no other pod through it'}.`;
  } else if (linked === 1) {
    const only = missing.expected === 0 ? undefined : sw.expectedUpstream!.find((up) => sw.upstream.has(up.name))?.name;
    impact = `With only ${only !== undefined ? quote(only) : `one ${upWord}`}, losing that ${upWord} disconnects ${quote(sw.name)}.`;
  } else {
    const loss = worstLoss(sw) ?? shareWords(linked);
    impact = `Reaching ${formatNumber(linked, 0)} of ${formatNumber(missing.expected, 0)} ${upWord}s${scope}, losing one of them removes ${loss} of its uplink bandwidth instead of ${shareWords(missing.expected)}.`;
  }
  return `${head}: ${why}. ${impact}${connectAdvice(sw)}`;
}

/** Has downlinks: servers, server-facing ports, or (for a spine) leaves. */
function hasDownlinks(sw: FabricSwitch): boolean {
  return sw.downlinkGbps > 0 || sw.serverShares.length > 0 || (sw.role === 'spine' && sw.leavesReached.length > 0);
}

/** The pods (planes) that do have upstream switches, named, for "move it to …". */
function groupsWithUpstream(model: FabricModel, kind: 'pod' | 'plane'): string[] {
  const out: string[] = [];
  if (kind === 'pod') {
    for (const pod of model.pods.values()) if (pod.spines.length > 0) out.push(pod.id);
  } else {
    for (const plane of model.planes.values()) if (plane.superSpines.length > 0) out.push(plane.id);
  }
  return out;
}

/** A leaf whose pod has no spine (the fabric has spines), or a spine whose plane has no super-spine. */
function emptyScope(model: FabricModel, sw: FabricSwitch): string | undefined {
  const leaf = sw.role === 'leaf';
  if (leaf ? model.spines.length === 0 : model.superSpines.length === 0) return undefined;
  const id = leaf ? sw.pod : sw.plane;
  if (id === undefined || sw.expectedUpstream === undefined || sw.expectedUpstream.length > 0) return undefined;
  const kind = leaf ? 'pod' : 'plane';
  const upWord = leaf ? 'spine' : 'super-spine';
  const others = groupsWithUpstream(model, kind);
  const move = others.length > 0 ? `put it in a ${kind} that has ${upWord}s (${listNames(others)}), or add ${upWord}s to ${kind} ${quote(id)}` : `add ${upWord}s to ${kind} ${quote(id)}`;
  const consequence = leaf ? 'so its servers reach nothing beyond it' : 'so its pod reaches no other pod through it';
  return `${quote(sw.name)} is in ${kind} ${quote(id)}, but no ${upWord} is: a ${leaf ? 'leaf' : 'spine'}'s uplinks are the ${upWord}s of its own ${kind}, ${consequence}. To fix it, ${move}.`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // A leaf linked to a misspelt name may be linked to the spine it lacks: unknown-switch owns that.
  const leafLinksUnknown = model.leaves.some((leaf) => leaf.unknownPeerLinks.length > 0);
  const candidates = [...model.leaves, ...model.spines];
  for (const sw of candidates) {
    // An isolated switch gets isolated-switch, and nothing more for the same absence.
    if (!sw.mentionedInLinks) continue;
    const parts: string[] = [];
    const rel: RelatedLocation[] = [];
    const trusted = sw.unknownPeerLinks.length === 0;
    const missing = trusted ? missingUpstream(sw) : undefined;
    const empty = sw.role === 'leaf' || model.superSpines.length > 0 ? emptyScope(model, sw) : undefined;
    if (missing !== undefined) {
      parts.push(missingText(sw, missing));
      for (const up of missing.switches) rel.push(related(ctx, up.keyNode, `${quote(up.name)}: no link from ${quote(sw.name)}`));
    } else if (empty !== undefined) {
      parts.push(empty);
    } else if (
      trusted &&
      sw.upstream.size === 0 &&
      sw.uplinkComplete &&
      hasDownlinks(sw) &&
      (sw.role === 'leaf' || model.superSpines.length > 0)
    ) {
      const down = sw.downlinkComplete ? downlinkWords(sw) : 'downlinks';
      parts.push(
        sw.role === 'leaf'
          ? `${quote(sw.name)} has ${down} but no link to any spine${sw.pod !== undefined ? ' of its pod' : ''}: its servers reach nothing beyond it, whatever the oversubscription.`
          : `${quote(sw.name)} has ${down} but no link to any super-spine${sw.plane !== undefined ? ' of its plane' : ''}: its leaves reach no other pod through it.`,
      );
    }
    if (sw.role === 'spine' && model.leaves.length > 0 && sw.leavesReached.length === 0 && !leafLinksUnknown) {
      const peers = spinesOfPod(model, sw);
      const n = peers.length;
      const ofPod = sw.pod !== undefined ? ` of pod ${quote(sw.pod)}` : '';
      const linkedOtherPods = sw.links.some((l) => {
        const other = l.ends![0].switch === sw ? l.ends![1].switch! : l.ends![0].switch!;
        return other.role === 'leaf' && !inScope(other, sw);
      });
      parts.push(
        `No leaf${ofPod} links to ${quote(sw.name)}${linkedOtherPods ? ' (its links to leaves of other pods do not count)' : ''}, so it carries no server traffic: link every leaf${sw.pod !== undefined ? ' of its pod' : ''} to it. Only when every leaf reaches every spine${ofPod} does losing one of ${n === 1 ? 'them' : `the ${formatNumber(n, 0)} spines${ofPod}`} cost each leaf just ${shareWords(n)} of its uplink bandwidth.`,
      );
    }
    if (parts.length === 0) continue;
    findings.push(makeFinding(ctx, id, sw.keyNode, parts.join(' '), rel, undefined, { switches: [sw.name] }));
  }
  return findings;
}

export const rule: FabricRule = { id, check };
