/**
 * Builds the fabric model from the positioned YAML tree. Tolerates any tree (schema errors
 * included): a value of the wrong type is simply unusable, and only what depends on it is
 * left out. Linear in the size of the file, apart from a small per-switch sort of port groups.
 */
import type { MapNode, YamlNode } from '../yaml/yamlTree';
import { asMap, asSeqItems, getPair, integerValue, keyName, resolveAlias, scalarValue, stringValue } from '../yaml/treeQueries';
import { parseSpeed } from './speed';
import { breakoutMatches, parseBreakout } from './breakout';
import { inScope, roleAbove, scopeMismatch } from './scope';
import {
  emptyModel,
  isFabricRole,
  ROLES,
  type Design,
  type FabricLink,
  type FabricModel,
  type FabricSwitch,
  type LinkEnd,
  type PeerLinks,
  type PortDemand,
  type PortGroup,
  type PortSpeedSummary,
  type Role,
  type ServerGroup,
  type ServerGroupLeaf,
} from './fabricModel';

export const MAX_COUNT = 1_000_000;

/** The raw (as written) value of key `name` in a map node; aliases of the map are followed. */
function rawValue(node: YamlNode | undefined, name: string): YamlNode | undefined {
  const map = asMap(node);
  if (map === undefined) return undefined;
  return getPair(map, name)?.value;
}

/** Reads a few keys of a small map in one pass over its pairs (no per-map index). */
function readFields(map: MapNode | undefined, names: readonly string[]): (YamlNode | undefined)[] {
  const out = new Array<YamlNode | undefined>(names.length).fill(undefined);
  if (map === undefined) return out;
  for (const pair of map.pairs) {
    const k = keyName(pair.key);
    const i = names.indexOf(k);
    if (i !== -1 && out[i] === undefined) out[i] = pair.value;
  }
  return out;
}

/** The switch name a reference scalar reads as (the same string a key would); undefined otherwise. */
export function referenceName(node: YamlNode | undefined): string | undefined {
  const resolved = resolveAlias(node);
  if (resolved === undefined || resolved.kind !== 'scalar' || resolved.value === null) return undefined;
  return keyName(resolved);
}

function groupId(node: YamlNode | undefined): { id: string | undefined; valid: boolean } {
  if (node === undefined) return { id: undefined, valid: true };
  const value = scalarValue(node);
  if (typeof value === 'string') return { id: value, valid: true };
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { id: String(value), valid: true };
  return { id: undefined, valid: false };
}

function readDesign(root: YamlNode | undefined): Design {
  const designRaw = rawValue(root, 'design');
  const [workloadNode, maxNode, minSpinesNode, homingNode, spineMaxNode] = readFields(asMap(designRaw), [
    'workload',
    'max_oversubscription',
    'min_spines',
    'server_homing',
    'max_spine_oversubscription',
  ]);
  const workload = stringValue(workloadNode) === 'rdma' ? 'rdma' : 'general';
  const maxValue = scalarValue(maxNode);
  const max =
    typeof maxValue === 'number' && Number.isFinite(maxValue) && maxValue >= 1 && maxValue <= 1000
      ? maxValue
      : workload === 'rdma'
        ? 1
        : 3;
  const spineValue = scalarValue(spineMaxNode);
  const spineMax = typeof spineValue === 'number' && Number.isFinite(spineValue) && spineValue >= 1 && spineValue <= 1000 ? spineValue : max;
  const minSpines = integerValue(minSpinesNode, 1, 1000) ?? 2;
  const serverHoming = stringValue(homingNode) === 'dual' ? 'dual' : 'single';
  return { workload, maxOversubscription: max, maxSpineOversubscription: spineMax, minSpines, serverHoming, node: designRaw };
}

/** All known neighbours of `sw` with the links to each (upstream entries shared with `sw.upstream`). */
function computePeers(sw: FabricSwitch): Map<string, PeerLinks> {
  const peers = new Map<string, PeerLinks>();
  for (const link of sw.links) {
    const ends = link.ends!;
    const x = ends[0];
    const y = ends[1];
    const other = x.switch === sw ? y.switch! : x.switch!;
    if (other === sw) continue;
    const up = sw.upstream.get(other.name);
    if (up !== undefined) {
      if (!peers.has(other.name)) peers.set(other.name, up);
      continue;
    }
    let entry = peers.get(other.name);
    if (entry === undefined) {
      entry = { switch: other, links: [], linkCount: 0, bandwidthGbps: 0, complete: true };
      peers.set(other.name, entry);
    }
    entry.links.push(link);
    if (link.count !== undefined) entry.linkCount += link.count;
    if (link.bandwidthGbps !== undefined) entry.bandwidthGbps += link.bandwidthGbps;
    else entry.complete = false;
  }
  return peers;
}

function newSwitch(name: string, keyNode: YamlNode, valueNode: YamlNode): FabricSwitch {
  const value = asMap(valueNode);
  const [roleNode, podNode, planeNode, portsNode] = readFields(value, ['role', 'pod', 'plane', 'ports']);
  const roleText = stringValue(roleNode);
  const role = ROLES.find((r) => r === roleText);
  const pod = groupId(podNode);
  const plane = groupId(planeNode);
  const portItems = asSeqItems(portsNode);
  const portGroups: PortGroup[] = [];
  for (let index = 0; portItems !== undefined && index < portItems.length; index++) {
    const item = portItems[index];
    const [countNode, speedNode, forNode, breakoutNode] = readFields(asMap(item), ['count', 'speed', 'for', 'breakout']);
    const count = integerValue(countNode, 1, MAX_COUNT);
    const speedGbps = parseSpeed(stringValue(speedNode));
    const forText = stringValue(forNode);
    const split = parseBreakout(stringValue(breakoutNode));
    // A breakout counts only when ways × speed is the port's speed (schema reports a mismatch).
    const breakout = split !== undefined && speedGbps !== undefined && breakoutMatches(split, speedGbps) ? { ...split, node: breakoutNode! } : undefined;
    const usable = count !== undefined && speedGbps !== undefined;
    portGroups.push({
      index,
      node: item,
      count: breakout !== undefined && count !== undefined ? count * breakout.ways : count,
      speedGbps: breakout !== undefined ? breakout.speedGbps : speedGbps,
      physical: breakout !== undefined && usable ? { count: count, speedGbps: speedGbps } : undefined,
      breakout,
      purpose: forText === 'servers' || forText === 'fabric' ? forText : undefined,
      usable,
      used: 0,
    });
  }
  let peers: Map<string, PeerLinks> | undefined;
  const sw: FabricSwitch = {
    name,
    keyNode,
    valueNode,
    role,
    pod: pod.id,
    podValid: pod.valid,
    plane: plane.id,
    planeValid: plane.valid,
    portGroups,
    portsComplete: portGroups.length > 0 && portGroups.every((g) => g.usable),
    portsBySpeed: [],
    maxPortGbps: undefined,
    portDemands: [],
    portShortfall: undefined,
    links: [],
    mentionedInLinks: false,
    unknownPeerLinks: [],
    get peers(): Map<string, PeerLinks> {
      peers ??= computePeers(sw);
      return peers;
    },
    downstream: [],
    northSouthGbps: 0,
    northSouthComplete: true,
    northSouthPeers: [],
    peerLinks: [],
    peerPartners: [],
    serverShares: [],
    nicLinks: 0,
    downlinkGbps: 0,
    downlinkComplete: true,
    downlinkSource: 'none',
    uplinkGbps: 0,
    uplinkComplete: true,
    ratio: undefined,
    upstream: new Map(),
    expectedUpstream: [],
    ecmpPaths: 0,
    uplinkIfOneUpstreamFailsGbps: undefined,
    leavesReached: [],
  };
  return sw;
}

/** Port demand per switch while building: speed → [link ends, NICs]. */
type DemandTable = Map<number, [number, number]>;

function addDemand(demands: Map<FabricSwitch, DemandTable>, sw: FabricSwitch, speed: number, count: number, kind: 0 | 1): void {
  let table = demands.get(sw);
  if (table === undefined) {
    table = new Map();
    demands.set(sw, table);
  }
  let entry = table.get(speed);
  if (entry === undefined) {
    entry = [0, 0];
    table.set(speed, entry);
  }
  entry[kind] += count;
}

/** Appends `other` to `sw`'s `list` once: `seen` remembers per switch (a switch may have thousands). */
function addDistinct(seen: Map<FabricSwitch, Set<FabricSwitch>>, sw: FabricSwitch, other: FabricSwitch, list: FabricSwitch[]): void {
  let set = seen.get(sw);
  if (set === undefined) {
    set = new Set();
    seen.set(sw, set);
  }
  if (!set.has(other)) {
    set.add(other);
    list.push(other);
  }
}

/** A peer link of `sw` to `other`; `other` becomes a partner the first time only. */
function addPeer(partners: Map<FabricSwitch, Set<FabricSwitch>>, sw: FabricSwitch, other: FabricSwitch, link: FabricLink): void {
  sw.peerLinks.push(link);
  addDistinct(partners, sw, other, sw.peerPartners);
}

/** A north-south link between a fabric switch and an external: bandwidth at both, each the other's peer once. */
function addNorthSouth(seen: Map<FabricSwitch, Set<FabricSwitch>>, fabric: FabricSwitch, external: FabricSwitch, link: FabricLink): void {
  for (const [sw, other] of [[fabric, external], [external, fabric]] as const) {
    if (link.bandwidthGbps !== undefined) sw.northSouthGbps += link.bandwidthGbps;
    else sw.northSouthComplete = false;
    addDistinct(seen, sw, other, sw.northSouthPeers);
  }
}

/** Records `link` from `sw` up to `up`; the first link of the pair also records `sw` below `up`. */
function addUpstream(sw: FabricSwitch, up: FabricSwitch, link: FabricLink): void {
  let entry = sw.upstream.get(up.name);
  if (entry === undefined) {
    // An exact-size array: most pairs have one entry, and an empty array grows to 17 slots.
    entry = { switch: up, links: [link], linkCount: 0, bandwidthGbps: 0, complete: true };
    sw.upstream.set(up.name, entry);
    up.downstream.push(sw);
  } else {
    entry.links.push(link);
  }
  if (link.count !== undefined) entry.linkCount += link.count;
  if (link.bandwidthGbps !== undefined) entry.bandwidthGbps += link.bandwidthGbps;
  else entry.complete = false;
}

export function buildModel(root: YamlNode | undefined): FabricModel {
  const model = emptyModel(root);
  const rootMap = asMap(root);
  model.design = readDesign(root);

  // Switches.
  const switchesPair = rootMap === undefined ? undefined : getPair(rootMap, 'switches');
  model.switchesKey = switchesPair?.key;
  const switchesMap = asMap(switchesPair?.value);
  if (switchesMap !== undefined) {
    for (const pair of switchesMap.pairs) {
      const name = keyName(pair.key);
      if (model.switches.has(name)) continue;
      const sw = newSwitch(name, pair.key, pair.value);
      model.switches.set(name, sw);
      if (sw.role === 'leaf') model.leaves.push(sw);
      else if (sw.role === 'spine') model.spines.push(sw);
      else if (sw.role === 'super-spine') model.superSpines.push(sw);
      else if (sw.role === 'external') model.externals.push(sw);
      else model.roleless.push(sw);
    }
  }
  for (const sw of model.switches.values()) {
    if (sw.pod !== undefined && (sw.role === 'leaf' || sw.role === 'spine')) {
      let pod = model.pods.get(sw.pod);
      if (pod === undefined) {
        pod = { id: sw.pod, leaves: [], spines: [] };
        model.pods.set(sw.pod, pod);
      }
      (sw.role === 'leaf' ? pod.leaves : pod.spines).push(sw);
    }
    if (sw.plane !== undefined && (sw.role === 'spine' || sw.role === 'super-spine')) {
      let plane = model.planes.get(sw.plane);
      if (plane === undefined) {
        plane = { id: sw.plane, spines: [], superSpines: [] };
        model.planes.set(sw.plane, plane);
      }
      (sw.role === 'spine' ? plane.spines : plane.superSpines).push(sw);
    }
  }

  const demands = new Map<FabricSwitch, DemandTable>();
  // Distinct peer partners and north-south peers per switch, without scanning lists (a switch may have thousands).
  const partners = new Map<FabricSwitch, Set<FabricSwitch>>();
  const northSouthSeen = new Map<FabricSwitch, Set<FabricSwitch>>();

  // Links.
  const linkItems = asSeqItems(rawValue(root, 'links')) ?? [];
  for (let index = 0; index < linkItems.length; index++) {
    const node = linkItems[index];
    let betweenNode: YamlNode | undefined;
    let speedNode: YamlNode | undefined;
    let countNode: YamlNode | undefined;
    let kindNode: YamlNode | undefined;
    const entry = asMap(node);
    if (entry !== undefined) {
      for (const pair of entry.pairs) {
        const k = keyName(pair.key);
        if (k === 'between') betweenNode ??= pair.value;
        else if (k === 'speed') speedNode ??= pair.value;
        else if (k === 'count') countNode ??= pair.value;
        else if (k === 'kind') kindNode ??= pair.value;
      }
    }
    const betweenItems = asSeqItems(betweenNode);
    const speedGbps = parseSpeed(stringValue(speedNode));
    const count = countNode === undefined ? 1 : integerValue(countNode, 1, MAX_COUNT);
    const link: FabricLink = {
      index,
      node,
      betweenNode,
      ends: undefined,
      speedNode,
      speedGbps,
      countNode,
      count,
      bandwidthGbps: speedGbps !== undefined && count !== undefined ? speedGbps * count : undefined,
      known: false,
      scopeMismatch: undefined,
      // An unusable kind is a schema error; the link then counts as a fabric link.
      kind: stringValue(kindNode) === 'peer' ? 'peer' : 'fabric',
      northSouth: false,
      outsideFabric: false,
    };
    model.links.push(link);
    if (betweenItems === undefined) continue;
    if (betweenItems.length !== 2) {
      // Unusable, but a switch named here is not isolated (schema reports the list's length).
      for (const item of betweenItems) linkEnd(model, item);
      continue;
    }
    const ends: [LinkEnd, LinkEnd] = [linkEnd(model, betweenItems[0]), linkEnd(model, betweenItems[1])];
    link.ends = ends;
    for (const end of ends) {
      if (end.switch === undefined && end.name !== undefined) {
        model.unknownReferences.push({ name: end.name, node: end.node, kind: 'link', link });
      }
    }
    const a = ends[0].switch;
    const b = ends[1].switch;
    if (a === undefined || b === undefined) {
      if (a !== undefined && ends[1].name !== undefined) a.unknownPeerLinks.push(link);
      if (b !== undefined && ends[0].name !== undefined) b.unknownPeerLinks.push(link);
      continue;
    }
    link.known = true;
    a.links.push(link);
    if (b !== a) b.links.push(link);
    const aExternal = a.role === 'external';
    const bExternal = b.role === 'external';
    if (aExternal && bExternal) {
      // Outside the fabric: every fabric rule ignores it (its ports still count at both ends).
      link.outsideFabric = true;
    } else if (link.kind === 'peer') {
      if (b !== a) {
        addPeer(partners, a, b, link);
        addPeer(partners, b, a, link);
      }
    } else if ((aExternal && isFabricRole(b.role)) || (bExternal && isFabricRole(a.role))) {
      link.northSouth = true;
      addNorthSouth(northSouthSeen, aExternal ? b : a, aExternal ? a : b, link);
    } else if (b !== a) {
      // A tier link across pods (planes) is a tier violation: no uplink, no downlink, no connectivity.
      const [lower, upper] = a.role !== undefined && roleAbove(a.role) === b.role ? [a, b] : b.role !== undefined && roleAbove(b.role) === a.role ? [b, a] : [undefined, undefined];
      if (lower !== undefined && upper !== undefined) {
        const mismatch = scopeMismatch(lower, upper);
        if (mismatch === undefined) addUpstream(lower, upper, link);
        else link.scopeMismatch = mismatch;
      }
    }
    if (speedGbps !== undefined && count !== undefined) {
      addDemand(demands, a, speedGbps, count, 0);
      addDemand(demands, b, speedGbps, count, 0);
    }
  }

  // Server groups.
  const serversMap = asMap(rawValue(root, 'servers'));
  if (serversMap !== undefined) {
    for (const pair of serversMap.pairs) {
      const name = keyName(pair.key);
      if (model.serverGroups.has(name)) continue;
      const group = readServerGroup(model, name, pair.key, pair.value);
      model.serverGroups.set(name, group);
      for (const { leaf, nicLinks } of group.perLeaf.values()) {
        leaf.serverShares.push({ group, nicLinks });
        if (nicLinks !== undefined && group.usable) leaf.nicLinks += nicLinks;
        if (nicLinks !== undefined && nicLinks > 0 && group.nicSpeedGbps !== undefined) {
          addDemand(demands, leaf, group.nicSpeedGbps, nicLinks, 1);
        }
      }
    }
  }

  for (const sw of model.switches.values()) {
    accountPorts(sw, demands.get(sw));
    computeFigures(model, sw);
  }
  return model;
}

function linkEnd(model: FabricModel, item: YamlNode): LinkEnd {
  const name = referenceName(item);
  const sw = name === undefined ? undefined : model.switches.get(name);
  if (sw !== undefined) sw.mentionedInLinks = true;
  return { name, node: item, switch: sw };
}

function readServerGroup(model: FabricModel, name: string, keyNode: YamlNode, valueNode: YamlNode): ServerGroup {
  const [countNode, nicsNode, leavesNode] = readFields(asMap(valueNode), ['count', 'nics', 'leaves']);
  const [nicCountNode, nicSpeedNode] = readFields(asMap(nicsNode), ['count', 'speed']);
  const count = integerValue(countNode, 1, MAX_COUNT);
  const nicCount = integerValue(nicCountNode, 1, MAX_COUNT);
  const nicSpeedGbps = parseSpeed(stringValue(nicSpeedNode));
  const leaves: ServerGroupLeaf[] = [];
  const knownLeaves: FabricSwitch[] = [];
  const group: ServerGroup = {
    name,
    keyNode,
    valueNode,
    count,
    nicsNode,
    nicCount,
    nicSpeedGbps,
    leavesNode,
    leaves,
    knownLeaves,
    notLeaves: [],
    totalNicLinks: count !== undefined && nicCount !== undefined ? count * nicCount : undefined,
    perLeaf: new Map(),
    usable: false,
  };
  group.usable = group.totalNicLinks !== undefined && nicSpeedGbps !== undefined;
  for (const item of asSeqItems(leavesNode) ?? []) {
    const leafName = referenceName(item);
    const sw = leafName === undefined ? undefined : model.switches.get(leafName);
    const entry: ServerGroupLeaf = { name: leafName, node: item, switch: sw };
    leaves.push(entry);
    if (sw !== undefined && (sw.role === 'spine' || sw.role === 'super-spine' || sw.role === 'external')) {
      // Servers attach to leaves: tier-violation reports it, and the NICs go to the group's leaves only.
      group.notLeaves.push(entry);
    } else if (sw !== undefined) {
      knownLeaves.push(sw);
    } else if (leafName !== undefined) {
      model.unknownReferences.push({ name: leafName, node: item, kind: 'server-leaf', group });
    }
  }
  const total = group.totalNicLinks;
  const n = knownLeaves.length;
  for (let i = 0; i < n; i++) {
    const leaf = knownLeaves[i];
    const share = total === undefined ? undefined : Math.floor(total / n) + (i < total % n ? 1 : 0);
    const entry = group.perLeaf.get(leaf.name);
    if (entry === undefined) group.perLeaf.set(leaf.name, { leaf, nicLinks: share });
    else entry.nicLinks = entry.nicLinks === undefined || share === undefined ? undefined : entry.nicLinks + share;
  }
  return group;
}

/**
 * Assigns each link end and NIC to one port whose speed is at least its own, slowest fitting
 * group first. Demands are placed fastest first: every port a fast demand may use, a slower
 * one may use too, so this finds a placement whenever one exists. Demands no port group can
 * carry are left to `link-speed`.
 */
function accountPorts(sw: FabricSwitch, table: DemandTable | undefined): void {
  const groups = sw.portGroups.filter((g) => g.usable).sort((x, y) => x.speedGbps! - y.speedGbps!);
  const summaries = new Map<number, PortSpeedSummary>();
  for (const g of groups) {
    const speed = g.speedGbps!;
    const summary = summaries.get(speed);
    if (summary === undefined) summaries.set(speed, { speedGbps: speed, total: g.count!, used: 0 });
    else summary.total += g.count!;
  }
  sw.maxPortGbps = groups.length > 0 ? groups[groups.length - 1].speedGbps : undefined;
  if (table !== undefined) {
    const speeds = [...table.keys()].sort((x, y) => y - x);
    const placed: PortDemand[] = [];
    let slowestShort: number | undefined;
    for (const speed of speeds) {
      const [linkEnds, nics] = table.get(speed)!;
      if (sw.maxPortGbps === undefined || speed > sw.maxPortGbps) continue;
      if (linkEnds > 0) placed.push({ kind: 'link', speedGbps: speed, count: linkEnds });
      if (nics > 0) placed.push({ kind: 'nic', speedGbps: speed, count: nics });
      let remaining = linkEnds + nics;
      for (let j = firstFitting(groups, speed); j < groups.length && remaining > 0; j++) {
        const g = groups[j];
        const take = Math.min(remaining, g.count! - g.used);
        g.used += take;
        remaining -= take;
      }
      if (remaining > 0) slowestShort = speed;
    }
    sw.portDemands = placed;
    if (slowestShort !== undefined) {
      const threshold = slowestShort;
      const demands = placed.filter((d) => d.speedGbps >= threshold);
      const over = groups.filter((g) => g.speedGbps! >= threshold);
      sw.portShortfall = {
        thresholdGbps: threshold,
        needed: demands.reduce((sum, d) => sum + d.count, 0),
        available: over.reduce((sum, g) => sum + g.count!, 0),
        demands,
        groups: over,
      };
    }
  }
  for (const g of groups) summaries.get(g.speedGbps!)!.used += g.used;
  sw.portsBySpeed = [...summaries.values()];
}

function firstFitting(groups: PortGroup[], speed: number): number {
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (groups[mid].speedGbps! < speed) low = mid + 1;
    else high = mid;
  }
  return low;
}

function computeFigures(model: FabricModel, sw: FabricSwitch): void {
  const downRole: Role | undefined = sw.role === 'spine' ? 'leaf' : sw.role === 'super-spine' ? 'spine' : undefined;
  let linkedToRoleless = false;
  let downGbps = 0;
  let downComplete = true;
  for (const link of sw.links) {
    const ends = link.ends!;
    const other = ends[0].switch === sw ? ends[1].switch! : ends[0].switch!;
    if (other.role === undefined) linkedToRoleless = true;
    else if (link.kind === 'peer') continue;
    else if (downRole !== undefined && other.role === downRole && other !== sw && inScope(other, sw)) {
      if (link.bandwidthGbps !== undefined) downGbps += link.bandwidthGbps;
      else downComplete = false;
    }
  }
  if (sw.role === 'spine') sw.leavesReached = sw.downstream;
  const peersKnown = !linkedToRoleless && sw.unknownPeerLinks.length === 0;

  // Downlink.
  if (sw.role === 'leaf') {
    if (sw.serverShares.length > 0) {
      sw.downlinkSource = 'servers';
      let sum = 0;
      let complete = true;
      for (const share of sw.serverShares) {
        const speed = share.group.nicSpeedGbps;
        if (share.nicLinks === undefined || speed === undefined || !share.group.usable) complete = false;
        else sum += share.nicLinks * speed;
      }
      sw.downlinkGbps = sum;
      sw.downlinkComplete = complete;
    } else {
      const serverPorts = sw.portGroups.filter((g) => g.purpose === 'servers');
      sw.downlinkSource = serverPorts.length > 0 ? 'server-ports' : 'none';
      sw.downlinkGbps = serverPorts.reduce((sum, g) => (g.usable ? sum + g.count! * g.speedGbps! : sum), 0);
      sw.downlinkComplete = serverPorts.every((g) => g.usable);
    }
    // A border leaf: traffic from the externals enters the fabric here, so it counts as downlink.
    sw.downlinkGbps += sw.northSouthGbps;
    if (!sw.northSouthComplete) sw.downlinkComplete = false;
  } else if (downRole !== undefined) {
    sw.downlinkSource = downRole === 'leaf' ? 'leaf-links' : 'spine-links';
    sw.downlinkGbps = downGbps + sw.northSouthGbps;
    sw.downlinkComplete = downComplete && peersKnown && sw.northSouthComplete;
  } else {
    sw.downlinkComplete = false;
  }

  // Uplink.
  let up = 0;
  let upComplete = peersKnown;
  let paths = 0;
  let largest = 0;
  for (const peer of sw.upstream.values()) {
    up += peer.bandwidthGbps;
    paths += peer.linkCount;
    if (peer.bandwidthGbps > largest) largest = peer.bandwidthGbps;
    if (!peer.complete) upComplete = false;
  }
  sw.uplinkGbps = up;
  sw.uplinkComplete = upComplete;
  sw.ecmpPaths = paths;
  sw.uplinkIfOneUpstreamFailsGbps = sw.upstream.size > 0 && upComplete ? up - largest : undefined;
  const hasRatio = sw.role === 'leaf' || (sw.role === 'spine' && model.superSpines.length > 0);
  sw.ratio = hasRatio && up > 0 && upComplete && sw.downlinkComplete ? sw.downlinkGbps / up : undefined;

  // What it must reach.
  if (sw.role === 'leaf') {
    if (!sw.podValid) sw.expectedUpstream = undefined;
    else if (sw.pod !== undefined) sw.expectedUpstream = model.pods.get(sw.pod)?.spines ?? [];
    else sw.expectedUpstream = model.spines;
  } else if (sw.role === 'spine' && model.superSpines.length > 0) {
    if (!sw.planeValid) sw.expectedUpstream = undefined;
    else if (sw.plane !== undefined) sw.expectedUpstream = model.planes.get(sw.plane)?.superSpines ?? [];
    else sw.expectedUpstream = model.superSpines;
  } else {
    sw.expectedUpstream = [];
  }
}
