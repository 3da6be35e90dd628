/**
 * Hovers on things the user named: a switch (where defined or referenced) shows its computed
 * figures; a server group shows how its NIC links spread over its leaves. Every name from the
 * file is escaped before it goes into Markdown.
 */
import type { LintResult } from '../lint';
import type { FabricModel, FabricSwitch, PeerLinks, ServerGroup } from '../model/fabricModel';
import { referenceAtOffset } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatRatio } from '../model/ratio';
import { formatNumber, plural } from '../model/number';
import type { Located } from '../yaml/locate';
import { codeSpan } from '../text/markdown';
import { learnLink } from './learnLink';
import { SECTIONS } from '../lessons/lessonSections';
import type { Learn } from '../lessons/lessonSections';

const { oversubscription: OVERSUB, equidistant: EQUIDISTANT, hashing: ECMP, clos5: CLOS5, homing: HOMING, ring0: RING0, sriov: SRIOV } = SECTIONS;


function portsLine(sw: FabricSwitch): string {
  if (sw.portsBySpeed.length === 0) return 'Ports: none usable';
  const parts = sw.portsBySpeed.map((p) => `${formatNumber(p.used, 0)}/${formatNumber(p.total, 0)} × ${formatGbps(p.speedGbps)}`);
  return `Ports used: ${parts.join(', ')}`;
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

function ratioLine(sw: FabricSwitch, model: FabricModel): string | undefined {
  if (sw.ratio === undefined) return undefined;
  const max = model.design.maxOversubscription;
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
  const learn: Learn[] = [];
  if (sw.role === 'leaf') {
    const down = sw.downlinkSource === 'servers' ? `${formatGbps(sw.downlinkGbps)} to servers (${plural(sw.nicLinks, 'NIC link')})` : sw.downlinkSource === 'server-ports' ? `${formatGbps(sw.downlinkGbps)} of server-facing ports` : 'no servers';
    lines.push(`Downlink: ${down} · Uplink: ${formatGbps(sw.uplinkGbps)} to spines`);
    const ratio = ratioLine(sw, model);
    if (ratio !== undefined) lines.push(ratio);
    lines.push(...upstreamLines(sw, 'spine'));
    learn.push(OVERSUB, ECMP);
  } else if (sw.role === 'spine') {
    const leafPeers = [...sw.peers.values()].filter((p) => p.switch.role === 'leaf');
    const expectedLeaves = sw.pod !== undefined ? (model.pods.get(sw.pod)?.leaves.length ?? 0) : model.leaves.length;
    lines.push(`Leaves reached: ${formatNumber(sw.leavesReached.length, 0)} of ${formatNumber(expectedLeaves, 0)} · ${peerSummary(leafPeers)} to leaves`);
    if (model.superSpines.length > 0) {
      lines.push(`Uplink: ${formatGbps(sw.uplinkGbps)} to super-spines`);
      const ratio = ratioLine(sw, model);
      if (ratio !== undefined) lines.push(ratio);
      lines.push(...upstreamLines(sw, 'super-spine'));
      learn.push(CLOS5);
    }
    if (model.spines.length > 0) {
      const n = model.spines.length;
      lines.push(`One of ${plural(n, 'spine')}: losing it removes ${formatNumber(100 / n, 0)}% of every leaf's uplink bandwidth`);
    }
    learn.push(EQUIDISTANT);
  } else if (sw.role === 'super-spine') {
    const spinePeers = [...sw.peers.values()].filter((p) => p.switch.role === 'spine');
    lines.push(`Spines reached: ${formatNumber(spinePeers.length, 0)} · ${peerSummary(spinePeers)}`);
    learn.push(CLOS5);
  }
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
