/**
 * What losing one switch costs the tier below it, from the real paths: for each switch that links
 * up to it (in scope: the leaves of a spine's pod, the spines of a super-spine's plane), the share
 * of that switch's uplink bandwidth that runs through it. Leaves of other pods lose nothing.
 */
import type { FabricModel, FabricSwitch } from './fabricModel';

export interface SwitchLoss {
  /** A switch of the tier below that links up to the failed one. */
  below: FabricSwitch;
  lostGbps: number;
  /** lostGbps ÷ its uplink, 0..1. */
  share: number;
}

export interface FailureImpact {
  failed: FabricSwitch;
  /** Every switch below that links to it with a known uplink, in link order. */
  losses: SwitchLoss[];
  /** The highest share lost, and who loses it (first in link order). */
  worst: SwitchLoss | undefined;
  /** The median share lost. */
  typicalShare: number | undefined;
  /** Switches below for which it is the only upstream: they lose everything. */
  cutOff: FabricSwitch[];
  /** Switches below whose uplink figures are incomplete (unusable speeds or counts). */
  unknown: number;
}

/** The spines whose failure a leaf of `spine`'s pod shares: the spines of its pod (all spines without pods). */
export function spinesOfPod(model: FabricModel, spine: FabricSwitch): FabricSwitch[] {
  if (spine.pod !== undefined && spine.podValid) return model.pods.get(spine.pod)?.spines ?? [spine];
  return model.spines;
}

export function failureImpact(failed: FabricSwitch): FailureImpact {
  const losses: SwitchLoss[] = [];
  const cutOff: FabricSwitch[] = [];
  let unknown = 0;
  for (const below of failed.downstream) {
    const peer = below.upstream.get(failed.name);
    if (peer === undefined) continue;
    if (!below.uplinkComplete || !peer.complete || below.uplinkGbps <= 0) {
      unknown++;
      continue;
    }
    const share = peer.bandwidthGbps / below.uplinkGbps;
    losses.push({ below, lostGbps: peer.bandwidthGbps, share });
    if (below.upstream.size === 1) cutOff.push(below);
  }
  let worst: SwitchLoss | undefined;
  for (const loss of losses) if (worst === undefined || loss.share > worst.share + 1e-12) worst = loss;
  let typicalShare: number | undefined;
  if (losses.length > 0) {
    const shares = losses.map((l) => l.share).sort((a, b) => a - b);
    typicalShare = shares[Math.floor((shares.length - 1) / 2)];
  }
  return { failed, losses, worst, typicalShare, cutOff, unknown };
}
