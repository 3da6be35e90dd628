/**
 * Hovers on things the user named: a switch (where defined or referenced) shows its computed
 * figures; a server group shows how its NIC links spread over its leaves. Every name from the
 * file is escaped before it goes into Markdown.
 */
import type { LintResult } from '../lint';
import type { FabricModel, FabricSwitch, PeerLinks, ServerGroup } from '../model/fabricModel';
import { referenceAtOffset } from '../model/fabricModel';
import { failureImpact } from '../model/failureImpact';
import { ratioLimit } from '../rules/oversubscription';
import { formatGbps } from '../model/bandwidth';
import { formatRatio } from '../model/ratio';
import { formatNumber, plural } from '../model/number';
import type { Located } from '../yaml/locate';
import { codeSpan } from '../text/markdown';
import { learnLink } from './learnLink';
import { SECTIONS } from '../lessons/lessonSections';
import type { Learn } from '../lessons/lessonSections';

const { oversubscription: OVERSUB, equidistant: EQUIDISTANT, hashing: ECMP, clos5: CLOS5, homing: HOMING, ring0: RING0, sriov: SRIOV, borderLeaves: BORDER, peerLinks: PEERS } = SECTIONS;


function portsLine(sw: FabricSwitch): string {
  if (sw.portsBySpeed.length === 0) return sw.role === 'external' && sw.portGroups.length === 0 ? 'Ports: not given (optional for an external)' : 'Ports: none usable';
  const parts = sw.portsBySpeed.map((p) => `${formatNumber(p.used, 0)}/${formatNumber(p.total, 0)} × ${formatGbps(p.speedGbps)}`);
  const breakouts = sw.portGroups
    .filter((g) => g.breakout !== undefined && g.physical !== undefined)
    .map((g) => `${formatNumber(g.physical!.count, 0)} × ${formatGbps(g.physical!.speedGbps)} broken out ${g.breakout!.ways} × ${formatGbps(g.breakout!.speedGbps)}`);
  return `Ports used: ${parts.join(', ')}${breakouts.length > 0 ? ` (${breakouts.slice(0, 4).join('; ')}${breakouts.length > 4 ? '; …' : ''})` : ''}`;
}

/** A border switch's links to externals, or an external's links into the fabric. */
function northSouthLine(sw: FabricSwitch): string | undefined {
  if (sw.northSouthPeers.length === 0) return undefined;
  const names = namedList(sw.northSouthPeers);
  if (sw.role === 'external') return `Reaches the fabric through ${names} · ${formatGbps(sw.northSouthGbps)} north-south`;
  const what = sw.role === 'leaf' ? 'Border leaf' : `Border ${sw.role ?? 'switch'}`;
  return `${what}: ${formatGbps(sw.northSouthGbps)} north-south to ${names} (counted as downlink)`;
}

function peerLine(sw: FabricSwitch): string | undefined {
  if (sw.peerPartners.length === 0) return undefined;
  let links = 0;
  let gbps = 0;
  for (const link of sw.peerLinks) {
    links += link.count ?? 0;
    gbps += link.bandwidthGbps ?? 0;
  }
  return `Peer (MLAG/vPC): ${namedList(sw.peerPartners)} · ${plural(links, 'link')}, ${formatGbps(gbps)} · not an uplink`;
}

/** Demand against capacity where the ports do not fit: "needs 16 × 100G or faster, has 8". */
function shortfallLine(sw: FabricSwitch): string | undefined {
  const s = sw.portShortfall;
  if (s === undefined) return undefined;
  const what = s.demands.map((d) => `${formatNumber(d.count, 0)} ${d.kind === 'link' ? (d.count === 1 ? 'link end' : 'link ends') : d.count === 1 ? 'NIC' : 'NICs'} at ${formatGbps(d.speedGbps)}`);
  return `Ports short: needs ${formatNumber(s.needed, 0)} × ${formatGbps(s.thresholdGbps)} or faster, has ${formatNumber(s.available, 0)} (${what.join(', ')})`;
}

/** Links no port of the switch can carry (faster than all of them): link-speed's finding. */
function unplacedLine(sw: FabricSwitch): string | undefined {
  const max = sw.maxPortGbps;
  if (max === undefined) return undefined;
  let count = 0;
  let fastest = 0;
  for (const link of sw.links) {
    if (link.speedGbps === undefined || link.count === undefined || link.speedGbps <= max) continue;
    count += link.count;
    if (link.speedGbps > fastest) fastest = link.speedGbps;
  }
  return count === 0 ? undefined : `Fits no port: ${plural(count, 'link end')} up to ${formatGbps(fastest)} (fastest port ${formatGbps(max)})`;
}

function upstreamLines(sw: FabricSwitch, upstreamWord: string): string[] {
  const lines: string[] = [];
  const upstream = [...sw.upstream.values()];
  if (upstream.length === 0) {
    lines.push(`No ${upstreamWord} links: nothing leaves this switch upward.`);
    return lines;
  }
  const perPeer = new Set(upstream.map((p) => p.linkCount));
  const shape = perPeer.size === 1 ? ` (${plural(upstream.length, upstreamWord)} × ${plural([...perPeer][0], 'link')})` : ` over ${plural(upstream.length, upstreamWord)}`;
  lines.push(`ECMP: ${plural(sw.ecmpPaths, 'equal-cost path')}${shape}`);
  if (sw.uplinkIfOneUpstreamFailsGbps !== undefined && sw.uplinkGbps > 0) {
    const left = sw.uplinkIfOneUpstreamFailsGbps;
    const share = formatNumber((left / sw.uplinkGbps) * 100, 0);
    lines.push(`If one ${upstreamWord} fails: ${formatGbps(left)} of ${formatGbps(sw.uplinkGbps)} uplink left (${share}%)`);
  }
  return lines;
}

const MAX_NAMED = 5;

function percent(share: number): string {
  return `${formatNumber(share * 100, share * 100 < 10 ? 1 : 0)}%`;
}

function namedList(switches: readonly FabricSwitch[]): string {
  const shown = switches.slice(0, MAX_NAMED).map((s) => codeSpan(s.name));
  const more = switches.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatNumber(more, 0)} more` : shown.join(', ');
}

/**
 * What losing this switch costs the tier below, from the real paths: the typical and worst share of
 * a below switch's uplink, who loses everything, and that other pods (planes) lose nothing.
 */
function failureLines(model: FabricModel, sw: FabricSwitch, belowWord: 'leaf' | 'spine'): string[] {
  const impact = failureImpact(sw);
  const belowPlural = belowWord === 'leaf' ? 'leaves' : 'spines';
  if (impact.losses.length === 0) return impact.unknown > 0 ? [] : [`If it fails: no ${belowWord} loses uplink (none links to it)`];
  const worst = impact.worst!;
  const typical = impact.typicalShare!;
  const out: string[] = [];
  const n = impact.losses.length;
  const all = n === 1 ? `its ${belowWord} ${codeSpan(worst.below.name)}` : `its ${formatNumber(n, 0)} ${belowPlural}`;
  if (Math.abs(worst.share - typical) < 1e-9) {
    out.push(`If it fails: ${all} lose${n === 1 ? 's' : ''} ${percent(typical)} of ${n === 1 ? 'its' : 'their'} uplink bandwidth`);
  } else {
    out.push(`If it fails: its ${belowPlural} lose ${percent(typical)} of their uplink typically, ${percent(worst.share)} at worst (${codeSpan(worst.below.name)})`);
  }
  if (impact.cutOff.length > 0) out.push(`Cut off if it fails (their only ${sw.role}): ${namedList(impact.cutOff)}`);
  const scoped = belowWord === 'leaf' ? model.pods.size > 1 && sw.pod !== undefined : model.planes.size > 1 && sw.plane !== undefined;
  if (scoped) out.push(`${capitalizeWord(belowPlural)} of other ${belowWord === 'leaf' ? 'pods' : 'planes'} lose nothing: their uplinks are their own ${belowWord === 'leaf' ? "pod's spines" : "plane's super-spines"}`);
  return out;
}

/** Links up across pods (planes): tier violations that count as no uplink. */
function crossScopeLine(sw: FabricSwitch, what: string): string | undefined {
  let links = 0;
  for (const link of sw.links) {
    if (link.scopeMismatch === undefined || link.count === undefined) continue;
    const other = link.ends![0].switch === sw ? link.ends![1].switch! : link.ends![0].switch!;
    if (other.role === (sw.role === 'leaf' ? 'spine' : 'super-spine')) links += link.count;
  }
  return links === 0 ? undefined : `Not counted: ${plural(links, 'link')} to ${what} (tier-violation)`;
}

function capitalizeWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function ratioLine(sw: FabricSwitch, model: FabricModel): string | undefined {
  if (sw.ratio === undefined) return undefined;
  const max = ratioLimit(model, sw);
  const verdict = sw.ratio <= max ? 'within' : 'over';
  return `Oversubscription: **${formatRatio(sw.ratio)}** (${verdict} the design's ${formatRatio(max)})`;
}

function peerSummary(peers: readonly PeerLinks[]): string {
  const bandwidth = peers.reduce((sum, p) => sum + p.bandwidthGbps, 0);
  return `${formatGbps(bandwidth)} over ${plural(peers.reduce((n, p) => n + p.linkCount, 0), 'link')}`;
}

function switchMarkdown(sw: FabricSwitch, model: FabricModel, lessonsBase: string): string {
  const title: string[] = [`**${codeSpan(sw.name)}**`, sw.role ?? 'no role'];
  if (sw.pod !== undefined) title.push(`pod ${codeSpan(sw.pod)}`);
  if (sw.plane !== undefined) title.push(`plane ${codeSpan(sw.plane)}`);
  const lines: string[] = [title.join(' · '), '', portsLine(sw)];
  const short = shortfallLine(sw);
  if (short !== undefined) lines.push(short);
  const unplaced = unplacedLine(sw);
  if (unplaced !== undefined) lines.push(unplaced);
  const ns = northSouthLine(sw);
  if (ns !== undefined) lines.push(ns);
  const peer = peerLine(sw);
  if (peer !== undefined) lines.push(peer);
  const learn: Learn[] = [];
  if (sw.role === 'leaf') {
    const own = sw.downlinkGbps - sw.northSouthGbps;
    const servers = sw.downlinkSource === 'servers' ? `${formatGbps(own)} to servers (${plural(sw.nicLinks, 'NIC link')})` : sw.downlinkSource === 'server-ports' ? `${formatGbps(own)} of server-facing ports` : 'no servers';
    const down = sw.northSouthGbps > 0 ? `${sw.downlinkSource === 'none' ? '' : `${servers} + `}${formatGbps(sw.northSouthGbps)} north-south` : servers;
    lines.push(`Downlink: ${down} · Uplink: ${formatGbps(sw.uplinkGbps)} to spines${sw.pod !== undefined ? ' of its pod' : ''}`);
    const cross = crossScopeLine(sw, 'spines of other pods');
    if (cross !== undefined) lines.push(cross);
    const ratio = ratioLine(sw, model);
    if (ratio !== undefined) lines.push(ratio);
    lines.push(...upstreamLines(sw, 'spine'));
    learn.push(OVERSUB, ECMP);
  } else if (sw.role === 'spine') {
    // Leaves of its pod only: a link to another pod's leaf is a tier violation, not a downlink.
    const leafPeers = sw.downstream.map((leaf) => leaf.upstream.get(sw.name)!);
    const expectedLeaves = sw.pod !== undefined ? (model.pods.get(sw.pod)?.leaves.length ?? 0) : model.leaves.length;
    lines.push(`Leaves reached: ${formatNumber(sw.leavesReached.length, 0)} of ${formatNumber(expectedLeaves, 0)} · ${peerSummary(leafPeers)} to leaves`);
    if (model.superSpines.length > 0) {
      lines.push(`Uplink: ${formatGbps(sw.uplinkGbps)} to super-spines${sw.plane !== undefined ? ' of its plane' : ''}`);
      const cross = crossScopeLine(sw, 'super-spines of other planes');
      if (cross !== undefined) lines.push(cross);
      const ratio = ratioLine(sw, model);
      if (ratio !== undefined) lines.push(ratio);
      lines.push(...upstreamLines(sw, 'super-spine'));
      learn.push(CLOS5);
    }
    lines.push(...failureLines(model, sw, 'leaf'));
    learn.push(EQUIDISTANT);
  } else if (sw.role === 'super-spine') {
    const spinePeers = sw.downstream.map((spine) => spine.upstream.get(sw.name)!);
    lines.push(`Spines reached: ${formatNumber(sw.downstream.length, 0)} · ${peerSummary(spinePeers)}`);
    lines.push(...failureLines(model, sw, 'spine'));
    learn.push(CLOS5);
  } else if (sw.role === 'external') {
    learn.push(BORDER);
  }
  if (sw.northSouthPeers.length > 0 && sw.role !== 'external') learn.push(BORDER);
  if (sw.peerPartners.length > 0) learn.push(PEERS);
  lines.push('', learn.map((l) => learnLink(lessonsBase, l)).join(' · '));
  return lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('  \n').replace(/ {2}\n {2}\n/g, '\n\n');
}

function groupMarkdown(group: ServerGroup, model: FabricModel, lessonsBase: string): string {
  const lines: string[] = [`**${codeSpan(group.name)}** · server group`, ''];
  if (group.count !== undefined && group.nicCount !== undefined && group.nicSpeedGbps !== undefined) {
    lines.push(`${plural(group.count, 'server')} × ${plural(group.nicCount, 'NIC')} of ${formatGbps(group.nicSpeedGbps)} = ${plural(group.count * group.nicCount, 'NIC link')}`);
  }
  // At most a screenful of leaves (20); the rest are counted.
  const GROUP_HOVER_LEAVES = 20;
  const shares: string[] = [];
  for (const share of group.perLeaf.values()) {
    if (shares.length === GROUP_HOVER_LEAVES) break;
    shares.push(`${codeSpan(share.leaf.name)}: ${share.nicLinks === undefined ? '?' : formatNumber(share.nicLinks, 0)}`);
  }
  const moreLeaves = group.perLeaf.size - shares.length;
  if (moreLeaves > 0) shares.push(`… and ${plural(moreLeaves, 'more leaf', 'more leaves')}`);
  if (shares.length > 0) lines.push(`NIC links per leaf: ${shares.join(', ')}`);
  const homing = model.design.serverHoming;
  const dualReady = group.knownLeaves.length >= 2 && (group.nicCount ?? 0) >= 2;
  lines.push(`Homing: design is ${homing}; this group ${dualReady ? 'can be dual-homed' : 'is single-homed'}`);
  const learn = [HOMING];
  if (group.valueNode.kind === 'map' && group.valueNode.pairs.some((p) => p.key.kind === 'scalar' && p.key.value === 'virtualization')) learn.push(RING0, SRIOV);
  lines.push('', learn.map((l) => learnLink(lessonsBase, l)).join(' · '));
  return lines.join('  \n').replace(/ {2}\n {2}\n/g, '\n\n');
}

/** Hover Markdown for a switch or server group at `offset`, when there is one. */
export function entityHover(result: LintResult, located: Located, lessonsBase: string, offset: number): string | undefined {
  const model = result.analysis?.model;
  if (model === undefined) return undefined;
  const reference = referenceAtOffset(model, offset);
  if (reference !== undefined) return switchMarkdown(reference.switch, model, lessonsBase);
  if (located.isKey && located.path.length === 2 && located.path[0] === 'servers') {
    const group = model.serverGroups.get(located.path[1]);
    if (group !== undefined) return groupMarkdown(group, model, lessonsBase);
  }
  return undefined;
}
