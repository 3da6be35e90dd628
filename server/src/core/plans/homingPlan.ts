/**
 * The second home for an external linked to one fabric switch: that switch's peer partner, else
 * another border switch of the same role (same pod first), with the same speed and count as the
 * existing link, on free ports at both ends. The same plan for external-homing's advice and fix.
 */
import type { FabricLink, FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { quote } from '../text/quote';
import { checkPorts } from './portFit';

export type HomingPlan =
  | { ok: true; target: FabricSwitch; peerOf: FabricSwitch | undefined; link: FabricLink; speedGbps: number; count: number; bandwidthGbps: number }
  | { ok: false; reason: string };

/** The external's link to `fabric` (the first one in file order). */
function linkTo(external: FabricSwitch, fabric: FabricSwitch): FabricLink | undefined {
  for (const link of external.links) {
    if (!link.northSouth) continue;
    const other = link.ends![0].switch === external ? link.ends![1].switch : link.ends![0].switch;
    if (other === fabric) return link;
  }
  return undefined;
}

/** Border switches looked at for one external, at most (each is one port check). */
const MAX_CANDIDATES = 64;

const borderIndex = new WeakMap<FabricModel, Map<string, FabricSwitch[]>>();

/** Fabric switches of `like`'s role with a link to an external, built once per model. */
function borderSwitches(model: FabricModel, like: FabricSwitch): FabricSwitch[] {
  let index = borderIndex.get(model);
  if (index === undefined) {
    index = new Map();
    for (const sw of [...model.leaves, ...model.spines, ...model.superSpines]) {
      if (sw.northSouthPeers.length === 0) continue;
      const list = index.get(sw.role!) ?? [];
      list.push(sw);
      index.set(sw.role!, list);
    }
    borderIndex.set(model, index);
  }
  return index.get(like.role ?? '') ?? [];
}

export function homingCandidate(model: FabricModel, external: FabricSwitch): HomingPlan | undefined {
  if (external.northSouthPeers.length !== 1) return undefined;
  const attached = external.northSouthPeers[0];
  const link = linkTo(external, attached);
  if (link === undefined || link.speedGbps === undefined || link.count === undefined || link.bandwidthGbps === undefined) return undefined;
  const candidates: { sw: FabricSwitch; peerOf: FabricSwitch | undefined }[] = [];
  const seen = new Set<FabricSwitch>([attached]);
  for (const partner of attached.peerPartners) {
    if (partner.role === attached.role && !seen.has(partner)) {
      seen.add(partner);
      candidates.push({ sw: partner, peerOf: attached });
    }
  }
  const borders = borderSwitches(model, attached).filter((sw) => !seen.has(sw));
  const samePod = (sw: FabricSwitch): boolean => attached.pod === undefined || sw.pod === attached.pod;
  for (const sw of [...borders.filter(samePod), ...borders.filter((x) => !samePod(x))].slice(0, MAX_CANDIDATES)) candidates.push({ sw, peerOf: undefined });
  if (candidates.length === 0) return undefined;
  const change = [{ speedGbps: link.speedGbps, delta: link.count }];
  if (external.portsComplete && !checkPorts(external, change).fits) {
    return { ok: false, reason: `${quote(external.name)} has no free port of ${formatGbps(link.speedGbps)} or faster for it` };
  }
  for (const { sw, peerOf } of candidates) {
    if (!sw.portsComplete || !checkPorts(sw, change).fits) continue;
    return { ok: true, target: sw, peerOf, link, speedGbps: link.speedGbps, count: link.count, bandwidthGbps: link.bandwidthGbps };
  }
  return { ok: false, reason: `no other border ${attached.role ?? 'switch'} has a free port of ${formatGbps(link.speedGbps)} or faster` };
}
