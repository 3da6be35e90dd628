/**
 * The fabric model: one view of a topology file that every rule, hover and inlay hint reads.
 *
 * Everything user-named is keyed by `Map` (a switch may be called `constructor` or
 * `__proto__`). Nodes are kept as written (aliases unresolved) so ranges point where the user
 * typed. Figures that depend on an unusable field (a speed that does not parse, an invalid
 * count) are either left out of sums with a `…Complete: false` flag, or `undefined`.
 */
import type { YamlNode } from '../yaml/yamlTree';
import { locate } from '../yaml/locate';
import type { ScopeMismatch } from './scope';

/** Fabric tiers, and (format 1.1) `external`: a device outside the fabric (firewall, WAN/DCI router, load balancer). */
export type Role = 'leaf' | 'spine' | 'super-spine' | 'external';
export const ROLES: readonly Role[] = ['leaf', 'spine', 'super-spine', 'external'];

/** The roles of the fabric proper (an external is outside it). */
export function isFabricRole(role: Role | undefined): role is 'leaf' | 'spine' | 'super-spine' {
  return role === 'leaf' || role === 'spine' || role === 'super-spine';
}

/** `breakout: NxS` (format 1.1): each physical port runs as `ways` logical ports of `speedGbps`. */
export interface Breakout {
  ways: number;
  speedGbps: number;
  /** The value node, for messages and edits. */
  node: YamlNode;
}

export type LinkKind = 'fabric' | 'peer';

export type Workload = 'general' | 'rdma';
export type ServerHoming = 'single' | 'dual';

export interface Design {
  workload: Workload;
  /** N means N:1 is the highest ratio allowed (at a leaf). */
  maxOversubscription: number;
  /** The limit for spines with super-spines (format 1.1 `max_spine_oversubscription`; default maxOversubscription). */
  maxSpineOversubscription: number;
  minSpines: number;
  serverHoming: ServerHoming;
  /** The `design` value node, when present. */
  node: YamlNode | undefined;
}

export interface PortGroup {
  /** Index in the switch's `ports` list. */
  index: number;
  /** The list item node. */
  node: YamlNode;
  /**
   * Ports as port accounting sees them: with a valid breakout, the logical ports (`count` × ways
   * at the breakout speed); undefined when missing or invalid.
   */
  count: number | undefined;
  speedGbps: number | undefined;
  /** The physical ports as written, when a valid breakout splits them. */
  physical: { count: number; speedGbps: number } | undefined;
  /** A valid breakout (ways × speed = the port's speed); a mismatched one is a schema error and ignored. */
  breakout: Breakout | undefined;
  purpose: 'servers' | 'fabric' | undefined;
  /** Both count and speed usable. */
  usable: boolean;
  /** Ports of this group that port accounting assigned to links and NICs (≤ count). */
  used: number;
}

export interface PortSpeedSummary {
  speedGbps: number;
  total: number;
  used: number;
}

export type DemandKind = 'link' | 'nic';

/** Ports a switch needs: `count` link ends or server NICs at `speedGbps`. */
export interface PortDemand {
  kind: DemandKind;
  speedGbps: number;
  count: number;
}

/** The switch needs `needed` ports of `thresholdGbps` or faster and has `available`. */
export interface PortShortfall {
  thresholdGbps: number;
  needed: number;
  available: number;
  /** The demands at `thresholdGbps` or faster, aggregated by kind and speed, fastest first. */
  demands: PortDemand[];
  /** The usable port groups of `thresholdGbps` or faster (all full). */
  groups: PortGroup[];
}

export interface LinkEnd {
  /** The name as a switch key would read it; undefined for an empty or non-scalar item. */
  name: string | undefined;
  /** The `between` item node. */
  node: YamlNode;
  /** The switch it names; undefined for an unknown name. */
  switch: FabricSwitch | undefined;
}

export interface FabricLink {
  /** Index in `links`. */
  index: number;
  node: YamlNode;
  /** The `between` value as written; undefined when missing. */
  betweenNode: YamlNode | undefined;
  /** Both ends, when `between` is a list of exactly two items. */
  ends: [LinkEnd, LinkEnd] | undefined;
  speedNode: YamlNode | undefined;
  speedGbps: number | undefined;
  countNode: YamlNode | undefined;
  /** Parallel links; 1 when `count` is missing; undefined when `count` is invalid. */
  count: number | undefined;
  /** count × speed; undefined when either is unusable. */
  bandwidthGbps: number | undefined;
  /** Both ends name defined switches: the link counts for connectivity and bandwidth. */
  known: boolean;
  /** `kind: peer` (format 1.1) is an MLAG/vPC/ESI peer link: never an uplink, downlink or tier violation. */
  kind: LinkKind;
  /**
   * A link with an external at one end and a fabric switch at the other: north-south, counted as
   * downlink at the fabric switch. Links between two externals lie outside the fabric.
   */
  northSouth: boolean;
  outsideFabric: boolean;
  /**
   * A leaf–spine link across pods or a spine–super-spine link across planes: a tier violation
   * that counts as no uplink, no downlink and no connectivity (see scope.ts).
   */
  scopeMismatch: ScopeMismatch | undefined;
}

/** The links between a switch and one neighbour. */
export interface PeerLinks {
  switch: FabricSwitch;
  links: FabricLink[];
  /** Σ count over links with a usable count. */
  linkCount: number;
  /** Σ count × speed over links with usable count and speed. */
  bandwidthGbps: number;
  /** Every link has a usable count and speed. */
  complete: boolean;
}

export type DownlinkSource = 'servers' | 'server-ports' | 'leaf-links' | 'spine-links' | 'none';

export interface ServerShare {
  group: ServerGroup;
  /** NIC links of the group that land on this switch; undefined when the group's counts are unusable. */
  nicLinks: number | undefined;
}

export interface FabricSwitch {
  name: string;
  /** The name key under `switches`. */
  keyNode: YamlNode;
  valueNode: YamlNode;
  /** Undefined when missing or not one of the three roles. */
  role: Role | undefined;
  /** Pod id as a string (`1` and `"1"` are the same pod); undefined when absent or invalid. */
  pod: string | undefined;
  /** False when `pod` is present but unusable (neither string nor integer). */
  podValid: boolean;
  plane: string | undefined;
  planeValid: boolean;

  portGroups: PortGroup[];
  /** The port list is present, non-empty and every group is usable. */
  portsComplete: boolean;
  /** Usable port totals and accounting per speed, slowest first. */
  portsBySpeed: PortSpeedSummary[];
  /** Fastest usable port group; undefined without usable groups. */
  maxPortGbps: number | undefined;
  /** What port accounting placed or tried to place (links and NICs some port can carry). */
  portDemands: PortDemand[];
  portShortfall: PortShortfall | undefined;

  /** Links whose both ends are known and one of them is this switch (a self-link once). */
  links: FabricLink[];
  /** Named in any `links` entry, known partner or not. */
  mentionedInLinks: boolean;
  /** Links from this switch to a name that is no switch. */
  unknownPeerLinks: FabricLink[];
  /**
   * Every known neighbour (self-links excluded) with the links to it, in first-link order.
   * Computed on first access and cached (analysis itself only needs `upstream`).
   */
  readonly peers: Map<string, PeerLinks>;
  /** Linked switches of the tier below in scope (leaves of a spine's pod, spines of a super-spine's plane), each once, in first-link order. */
  downstream: FabricSwitch[];

  /** Server groups attached to this switch. */
  serverShares: ServerShare[];
  /** Σ NIC links landing here (usable groups only). */
  nicLinks: number;

  downlinkGbps: number;
  downlinkComplete: boolean;
  downlinkSource: DownlinkSource;
  uplinkGbps: number;
  uplinkComplete: boolean;
  /** downlink ÷ uplink for leaves, and for spines when super-spines exist; undefined when unknown or no uplink. */
  ratio: number | undefined;
  /** Linked upstream switches in scope (spines of its pod for a leaf, super-spines of its plane for a spine). */
  upstream: Map<string, PeerLinks>;
  /**
   * The upstream switches this switch must reach (spines of its pod, super-spines of its
   * plane); [] when none are required; undefined when unknown (invalid pod/plane).
   */
  expectedUpstream: FabricSwitch[] | undefined;
  /** Σ parallel uplinks over the upstream switches (equal-cost next hops). */
  ecmpPaths: number;
  /** Uplink bandwidth left when the upstream with the most bandwidth fails; undefined without upstream or when incomplete. */
  uplinkIfOneUpstreamFailsGbps: number | undefined;
  /** For spines: the leaves linked to it (the same array as `downstream`); [] otherwise. */
  leavesReached: FabricSwitch[];
  /**
   * North-south bandwidth: links to externals (a border switch); part of the downlink. For an
   * external: its links to fabric switches.
   */
  northSouthGbps: number;
  northSouthComplete: boolean;
  /** For a fabric switch: the externals it links to; for an external: the fabric switches it links to (distinct, in link order). */
  northSouthPeers: FabricSwitch[];
  /** Peer links (kind: peer) of this switch, in file order, and its distinct peer partners. */
  peerLinks: FabricLink[];
  peerPartners: FabricSwitch[];
}

export interface ServerGroupLeaf {
  name: string | undefined;
  node: YamlNode;
  switch: FabricSwitch | undefined;
}

export interface ServerGroup {
  name: string;
  keyNode: YamlNode;
  valueNode: YamlNode;
  count: number | undefined;
  /** The `nics` value as written. */
  nicsNode: YamlNode | undefined;
  nicCount: number | undefined;
  nicSpeedGbps: number | undefined;
  leavesNode: YamlNode | undefined;
  /** Every `leaves` item, known or not. */
  leaves: ServerGroupLeaf[];
  /** The known leaves in listed order (unknown names and switches that are not leaves dropped). */
  knownLeaves: FabricSwitch[];
  /** Listed switches that are spines or super-spines: servers attach to leaves (tier-violation). */
  notLeaves: ServerGroupLeaf[];
  /** count × nics.count; undefined when either is unusable. */
  totalNicLinks: number | undefined;
  /** NIC links per known leaf (a leaf listed twice gets both shares), in listed order. */
  perLeaf: Map<string, { leaf: FabricSwitch; nicLinks: number | undefined }>;
  /** Counts and NIC speed usable: the group counts for bandwidth. */
  usable: boolean;
}

export interface Pod {
  id: string;
  leaves: FabricSwitch[];
  spines: FabricSwitch[];
}

export interface Plane {
  id: string;
  spines: FabricSwitch[];
  superSpines: FabricSwitch[];
}

/** A place in the file that names a switch: its key under `switches` or a reference to it. */
export interface SwitchReference {
  start: number;
  end: number;
  /** The key or scalar that names the switch there. */
  node: YamlNode;
  switch: FabricSwitch;
  kind: 'definition' | 'link' | 'server-leaf';
}

export interface UnknownReference {
  name: string;
  node: YamlNode;
  kind: 'link' | 'server-leaf';
  link?: FabricLink;
  group?: ServerGroup;
}

export interface FabricModel {
  root: YamlNode | undefined;
  /** The root `switches` key. */
  switchesKey: YamlNode | undefined;
  design: Design;
  switches: Map<string, FabricSwitch>;
  leaves: FabricSwitch[];
  spines: FabricSwitch[];
  superSpines: FabricSwitch[];
  /** Devices outside the fabric (role: external). */
  externals: FabricSwitch[];
  /** Switches whose role is missing or invalid. */
  roleless: FabricSwitch[];
  pods: Map<string, Pod>;
  planes: Map<string, Plane>;
  links: FabricLink[];
  serverGroups: Map<string, ServerGroup>;
  unknownReferences: UnknownReference[];
}

/** The switch whose name key or reference scalar contains `offset` (end inclusive). */
export function switchAtOffset(model: FabricModel, offset: number): FabricSwitch | undefined {
  return referenceAtOffset(model, offset)?.switch;
}

const referenceIndexes = new WeakMap<FabricModel, SwitchReference[]>();

/**
 * Every place that names a known switch (name keys, link ends, server group leaves), sorted
 * by start. Built on first use and cached per model, so analysis does not pay for it.
 */
export function switchReferences(model: FabricModel): SwitchReference[] {
  let refs = referenceIndexes.get(model);
  if (refs !== undefined) return refs;
  const definitions: SwitchReference[] = [];
  const linkEnds: SwitchReference[] = [];
  const serverLeaves: SwitchReference[] = [];
  for (const sw of model.switches.values()) definitions.push({ start: sw.keyNode.start, end: sw.keyNode.end, node: sw.keyNode, switch: sw, kind: 'definition' });
  for (const link of model.links) {
    for (const end of link.ends ?? []) {
      if (end.switch !== undefined) linkEnds.push({ start: end.node.start, end: end.node.end, node: end.node, switch: end.switch, kind: 'link' });
    }
  }
  for (const group of model.serverGroups.values()) {
    for (const leaf of group.leaves) {
      if (leaf.switch !== undefined) serverLeaves.push({ start: leaf.node.start, end: leaf.node.end, node: leaf.node, switch: leaf.switch, kind: 'server-leaf' });
    }
  }
  refs = mergeByStart([definitions, linkEnds, serverLeaves]);
  referenceIndexes.set(model, refs);
  return refs;
}

const byStart = (x: { start: number }, y: { start: number }): number => x.start - y.start;

/** Merges lists into one sorted by start: O(n) for lists already in source order (the usual case). */
function mergeByStart<T extends { start: number }>(lists: T[][]): T[] {
  const sorted = lists.map((list) => (list.every((item, i) => i === 0 || list[i - 1].start <= item.start) ? list : [...list].sort(byStart)));
  const out: T[] = [];
  const heads = sorted.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (heads[i] < sorted[i].length && (best === -1 || sorted[i][heads[i]].start < sorted[best][heads[best]].start)) best = i;
    }
    if (best === -1) return out;
    out.push(sorted[best][heads[best]++]);
  }
}

/**
 * The reference under the cursor found through the tree (O(depth · log n), no index needed):
 * undefined when there is none, null when the tree cannot tell (aliases) and the index must.
 */
function referenceByPath(model: FabricModel, offset: number): SwitchReference | undefined | null {
  const located = locate(model.root, offset);
  if (located === undefined || located.node.kind !== 'scalar') return located?.node.kind === 'alias' ? null : undefined;
  const { path, node } = located;
  const ref = (sw: FabricSwitch | undefined, kind: SwitchReference['kind']): SwitchReference | undefined =>
    sw === undefined ? undefined : { start: node.start, end: node.end, node, switch: sw, kind };
  if (path.length === 2 && path[0] === 'switches' && located.isKey) {
    const sw = model.switches.get(path[1]);
    return sw?.keyNode === node ? ref(sw, 'definition') : null;
  }
  if (path.length === 4 && path[0] === 'links' && path[2] === 'between') {
    const end = model.links[Number(path[1])]?.ends?.[Number(path[3])];
    if (end === undefined) return undefined;
    return end.node === node ? ref(end.switch, 'link') : null;
  }
  if (path.length === 4 && path[0] === 'servers' && path[2] === 'leaves') {
    const leaf = model.serverGroups.get(path[1])?.leaves[Number(path[3])];
    if (leaf === undefined) return undefined;
    return leaf.node === node ? ref(leaf.switch, 'server-leaf') : null;
  }
  return undefined;
}

/** The reference (definition key, link end, server group leaf) containing `offset`. */
export function referenceAtOffset(model: FabricModel, offset: number): SwitchReference | undefined {
  const direct = referenceByPath(model, offset);
  if (direct !== null) return direct;
  const refs = switchReferences(model);
  let low = 0;
  let high = refs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (refs[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found === -1) return undefined;
  const ref = refs[found];
  return offset <= ref.end ? ref : undefined;
}

export function emptyDesign(): Design {
  return { workload: 'general', maxOversubscription: 3, maxSpineOversubscription: 3, minSpines: 2, serverHoming: 'single', node: undefined };
}

export function emptyModel(root: YamlNode | undefined): FabricModel {
  return {
    root,
    switchesKey: undefined,
    design: emptyDesign(),
    switches: new Map(),
    leaves: [],
    spines: [],
    superSpines: [],
    externals: [],
    roleless: [],
    pods: new Map(),
    planes: new Map(),
    links: [],
    serverGroups: new Map(),
    unknownReferences: [],
  };
}
