/**
 * spine-connectivity: a leaf lacks a link to a spine (of its pod), a spine lacks a link to a
 * super-spine (of its plane), a switch with downlinks has no uplink at all, or no leaf
 * reaches a spine. One finding per switch, listing everything missing.
 */
import type { Finding, RelatedLocation } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { quote } from '../text/quote';
import { listNames, makeFinding, MAX_RELATED, related, shareWords, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'spine-connectivity';

/** Whether `up` is one of the upstream switches `sw` must reach (mirrors expectedUpstream). */
function isExpected(sw: FabricSwitch, up: FabricSwitch): boolean {
  if (sw.role === 'leaf') return up.role === 'spine' && (sw.pod === undefined || up.pod === sw.pod);
  if (sw.role === 'spine') return up.role === 'super-spine' && (sw.plane === undefined || up.plane === sw.plane);
  return false;
}

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
  for (const peer of sw.upstream.values()) if (isExpected(sw, peer.switch)) linkedExpected++;
  const count = expected.length - linkedExpected;
  if (count <= 0) return undefined;
  const switches: FabricSwitch[] = [];
  for (const up of expected) {
    if (switches.length >= MAX_RELATED) break;
    if (!sw.upstream.has(up.name)) switches.push(up);
  }
  return { names: switches.map((s) => s.name), switches, count, expected: expected.length };
}

function missingText(sw: FabricSwitch, missing: Missing): string {
  const leaf = sw.role === 'leaf';
  const upWord = leaf ? 'spine' : 'super-spine';
  const scope = leaf ? (sw.pod !== undefined ? ' of its pod' : '') : sw.plane !== undefined ? ' of its plane' : '';
  const listed = missing.names.length < missing.count ? `${listNames(missing.names)} (${formatNumber(missing.count, 0)} in all)` : listNames(missing.names);
  const head = `${quote(sw.name)} has no link to ${listed}`;
  const why = leaf
    ? `every leaf must reach every spine${scope} so that any two servers are the same number of hops apart and ECMP has a path through every spine`
    : `every spine must reach every super-spine${scope} so that every pod is the same number of hops from every other and ECMP has a path through every super-spine`;
  const linked = missing.expected - missing.count;
  let impact: string;
  if (linked === 0) {
    impact = `It reaches none of its ${formatNumber(missing.expected, 0)} ${upWord}s, so ${leaf ? 'its servers reach nothing beyond it' : 'its pod reaches no other pod through it'}.`;
  } else if (linked === 1) {
    const only = [...sw.upstream.values()].find((p) => isExpected(sw, p.switch))?.switch.name;
    impact = `With only ${only !== undefined ? quote(only) : `one ${upWord}`}, losing that ${upWord} disconnects ${quote(sw.name)}.`;
  } else {
    impact = `Reaching ${formatNumber(linked, 0)} of ${formatNumber(missing.expected, 0)} ${upWord}s, losing one of them removes ${shareWords(linked)} of its uplink bandwidth instead of ${shareWords(missing.expected)}.`;
  }
  return `${head}: ${why}. ${impact}`;
}

/** Has downlinks: servers, server-facing ports, or (for a spine) leaves. */
function hasDownlinks(sw: FabricSwitch): boolean {
  return sw.downlinkGbps > 0 || sw.serverShares.length > 0 || (sw.role === 'spine' && sw.leavesReached.length > 0);
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
    if (missing !== undefined) {
      parts.push(missingText(sw, missing));
      for (const up of missing.switches) rel.push(related(ctx, up.keyNode, `${quote(up.name)}: no link from ${quote(sw.name)}`));
    } else if (
      trusted &&
      sw.upstream.size === 0 &&
      sw.uplinkComplete &&
      hasDownlinks(sw) &&
      (sw.role === 'leaf' || model.superSpines.length > 0)
    ) {
      const down = sw.downlinkComplete ? `${formatGbps(sw.downlinkGbps)} ${sw.role === 'leaf' ? 'to servers' : 'to leaves'}` : 'downlinks';
      parts.push(
        sw.role === 'leaf'
          ? `${quote(sw.name)} has ${down} but no link to any spine: its servers reach nothing beyond it, whatever the oversubscription.`
          : `${quote(sw.name)} has ${down} but no link to any super-spine: its leaves reach no other pod through it.`,
      );
    }
    if (sw.role === 'spine' && model.leaves.length > 0 && sw.leavesReached.length === 0 && !leafLinksUnknown) {
      const n = model.spines.length;
      parts.push(
        `No leaf links to ${quote(sw.name)}, so it carries no server traffic: link every leaf${sw.pod !== undefined ? ' of its pod' : ''} to it. Only when every leaf reaches every spine does losing one of ${n === 1 ? 'them' : `the ${formatNumber(n, 0)} spines`} cost each leaf just ${shareWords(n)} of its uplink bandwidth.`,
      );
    }
    if (parts.length === 0) continue;
    findings.push(makeFinding(ctx, id, sw.keyNode, parts.join(' '), rel));
  }
  return findings;
}

export const rule: FabricRule = { id, check };
