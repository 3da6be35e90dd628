/**
 * Pods and planes, defined once. Upstream of a leaf with a pod are the spines of that pod;
 * upstream of a spine with a plane are the super-spines of that plane (format v1). A link between
 * tiers that crosses a pod (or a plane) is a tier violation and counts as no uplink, no downlink
 * and no connectivity. A switch without a pod (or plane), or with an unusable one, is in every
 * pod (plane): the schema reports an unusable id, and a fabric without pods is one pod.
 */
import type { FabricSwitch, Role } from './fabricModel';

export type ScopeKind = 'pod' | 'plane';

export interface ScopeMismatch {
  kind: ScopeKind;
  /** The lower switch's pod or plane id, and the upper switch's. */
  lowerId: string;
  upperId: string;
}

/** The role directly above `role` (leaf → spine → super-spine). */
export function roleAbove(role: Role | undefined): Role | undefined {
  return role === 'leaf' ? 'spine' : role === 'spine' ? 'super-spine' : undefined;
}

/** Which grouping decides whether `lower` may link up to a switch of the tier above. */
export function scopeKind(lower: FabricSwitch): ScopeKind | undefined {
  return lower.role === 'leaf' ? 'pod' : lower.role === 'spine' ? 'plane' : undefined;
}

function idOf(sw: FabricSwitch, kind: ScopeKind): string | undefined {
  return kind === 'pod' ? (sw.podValid ? sw.pod : undefined) : sw.planeValid ? sw.plane : undefined;
}

/**
 * For a link from `lower` to `upper` of the tier directly above: the pods (planes) when both are
 * given and differ; undefined when the link is in scope (or not a tier link at all).
 */
export function scopeMismatch(lower: FabricSwitch, upper: FabricSwitch): ScopeMismatch | undefined {
  if (lower.role === undefined || roleAbove(lower.role) !== upper.role) return undefined;
  const kind = scopeKind(lower)!;
  const lowerId = idOf(lower, kind);
  const upperId = idOf(upper, kind);
  if (lowerId === undefined || upperId === undefined || lowerId === upperId) return undefined;
  return { kind, lowerId, upperId };
}

/** Whether `upper` (of the tier directly above `lower`) is upstream of `lower`: same pod or plane. */
export function inScope(lower: FabricSwitch, upper: FabricSwitch): boolean {
  return lower.role !== undefined && roleAbove(lower.role) === upper.role && scopeMismatch(lower, upper) === undefined;
}

/** `pod `1`` / `plane `2``: how a message names the group of a switch. */
export function scopeLabel(kind: ScopeKind, id: string, quote: (text: string) => string): string {
  return `${kind} ${quote(id)}`;
}
