/**
 * The fabric model of a containerlab topology. The lab is translated into the positioned tree a
 * topology file would have (switches, servers, links, design), built from nodes whose ranges are
 * the places in the lab file that state each fact: a switch's key is the node's name under
 * `topology.nodes`, a link's ends are the node names in its `endpoints`, a port group is its item
 * in the `topology.ports` label. buildModel then computes everything exactly as for a topology
 * file, so every rule, hover and inline figure works unchanged and every range is in the lab.
 *
 * - Parallel cables between the same two nodes with the same speed and kind become one link with
 *   their count (a lab has cables, not list entries).
 * - A cable's speed is its `topology.speed` label, else the slower of the two ports its interfaces
 *   name (from `topology.ports` or the built-in table of the node's kind and type), else unknown.
 * - Servers: `topology.servers.<group>` labels declare groups; a Linux host (role `server`) that
 *   is no stand-in of a declared group (`topology.group`) is a group of one server whose NICs are
 *   its cables.
 */
import type { MapNode, Pair, ScalarNode, SeqNode, YamlNode } from '../../yaml/yamlTree';
import { buildModel } from '../../model/buildModel';
import type { FabricModel } from '../../model/fabricModel';
import { parseSpeed } from '../../model/speed';
import { DESIGN_KEYS, DESIGN_PREFIX, LABELS, SERVERS_PREFIX, parsePorts, parseServers } from '../labels';
import { kindInfo, tablePorts } from '../kinds';
import { PortLayout, parseInterface, type LayoutGroup } from '../interfaces';
import { speedText } from '../speedText';
import { designValue, labelText } from './labelChecks';
import { registerInference } from './inference';
import type { Lab, LabCable, LabEnd, LabNode } from './labTree';
import { subRange, syntheticScalar } from './labTree';
import type { Classification, NodeClass } from './roles';

type Range = { start: number; end: number };

const key = (name: string, at: Range): ScalarNode => syntheticScalar(name, at.start, at.end);
const pair = (k: string, value: YamlNode, at: Range): Pair => ({ key: key(k, at), value });
const map = (pairs: Pair[], at: Range): MapNode => ({ kind: 'map', pairs, flow: false, start: at.start, end: at.end });
const seq = (items: YamlNode[], at: Range): SeqNode => ({ kind: 'seq', items, flow: false, start: at.start, end: at.end });
const rangeOf = (node: YamlNode): Range => ({ start: node.start, end: node.end });

/** A switch's front panel as the lab states it, with where it is stated. */
export interface LabPorts {
  layout: PortLayout;
  /** One node per port group (an item of the label, or the `type` value for a built-in table). */
  items: { node: YamlNode; countAt: Range; speedAt: Range; count: number; speedText: string; purpose?: 'servers' | 'fabric'; breakout?: string }[];
  source: 'label' | 'table';
}

/** The ports a node has: its `topology.ports` label, else the built-in table of its kind and type. */
export function labPorts(node: LabNode, text: string): LabPorts | undefined {
  const label = node.labels.get(LABELS.ports);
  const labelValue = labelText(label?.value);
  if (label !== undefined && labelValue !== undefined) {
    const { items } = parsePorts(labelValue);
    const groups: LayoutGroup[] = items.map((i) => ({
      count: i.count,
      lanes: i.breakout?.ways ?? 1,
      laneGbps: i.breakout?.speedGbps ?? i.speedGbps,
      purpose: i.purpose,
    }));
    return {
      layout: new PortLayout(groups),
      items: items.map((i) => {
        const at = subRange(text, label.value, i.start, i.end);
        const countLength = String(i.count).length;
        const countAt = subRange(text, label.value, i.start, i.start + countLength);
        const speedAt = subRange(text, label.value, i.start + countLength + 1, i.start + countLength + 1 + i.speedText.length);
        return {
          node: syntheticScalar(labelValue.slice(i.start, i.end), at.start, at.end),
          countAt,
          speedAt,
          count: i.count,
          speedText: i.speedText,
          purpose: i.purpose,
          breakout: i.breakout?.text,
        };
      }),
      source: 'label',
    };
  }
  const table = tablePorts(node.kind, node.type);
  if (table === undefined || node.typeNode === undefined) return undefined;
  return {
    layout: new PortLayout(table.map((g) => ({ count: g.count, lanes: 1, laneGbps: g.speedGbps }))),
    items: table.map((g) => ({ node: node.typeNode!, countAt: rangeOf(node.typeNode!), speedAt: rangeOf(node.typeNode!), count: g.count, speedText: g.speedText })),
    source: 'table',
  };
}

/** A cable's speed: its label, else the slower port its two interfaces name; undefined when neither is known. */
export function cableSpeed(cable: LabCable, portsOf: (name: string | undefined) => { ports: LabPorts | undefined; node: LabNode | undefined }): {
  gbps: number | undefined;
  /** Where the speed is stated: the label's value, or the interface whose port sets it. */
  at: Range | undefined;
} {
  const label = cable.labels.get(LABELS.speed);
  const labelled = parseSpeed(labelText(label?.value));
  if (labelled !== undefined) return { gbps: labelled, at: rangeOf(label!.value) };
  let gbps: number | undefined;
  let at: Range | undefined;
  for (const end of cable.ends) {
    const port = endSpeed(end, portsOf);
    if (port !== undefined && (gbps === undefined || port < gbps)) {
      gbps = port;
      at = end.ifaceRange;
    }
  }
  return { gbps, at };
}

function endSpeed(end: LabEnd, portsOf: (name: string | undefined) => { ports: LabPorts | undefined; node: LabNode | undefined }): number | undefined {
  const { ports, node } = portsOf(end.name);
  if (ports === undefined || end.iface === undefined) return undefined;
  const ref = parseInterface(kindInfo(node?.kind)?.style, end.iface);
  return ref === undefined ? undefined : ports.layout.speedAt(ref);
}

function isPeer(cable: LabCable): boolean {
  return labelText(cable.labels.get(LABELS.kind)?.value) === 'peer';
}

const SWITCH_ROLES = new Set(['leaf', 'spine', 'super-spine', 'external']);

export function buildLabModel(lab: Lab, classification: Classification, text: string): FabricModel {
  const whole: Range = { start: 0, end: text.length };
  const classOf = (name: string | undefined): NodeClass | undefined => (name === undefined ? undefined : classification.classes.get(name));
  const isSwitch = (c: NodeClass | undefined): boolean => c !== undefined && !c.node.nonDevice && (c.role === undefined || SWITCH_ROLES.has(c.role));
  const isHost = (c: NodeClass | undefined): boolean => c !== undefined && !c.node.nonDevice && c.role === 'server';

  const portsCache = new Map<string, LabPorts | undefined>();
  const portsOf = (name: string | undefined): { ports: LabPorts | undefined; node: LabNode | undefined } => {
    const node = name === undefined ? undefined : lab.byName.get(name);
    if (node === undefined) return { ports: undefined, node };
    if (!portsCache.has(node.name)) portsCache.set(node.name, labPorts(node, text));
    return { ports: portsCache.get(node.name), node };
  };

  // Switches.
  const switchPairs: Pair[] = [];
  for (const c of classification.list) {
    if (!isSwitch(c)) continue;
    const node = c.node;
    const at = rangeOf(node.keyNode);
    const fields: Pair[] = [];
    if (c.role !== undefined) fields.push(pair('role', syntheticScalar(c.role, ...span(c.roleNode ?? node.keyNode)), at));
    if (c.pod !== undefined && (c.role === 'leaf' || c.role === 'spine')) fields.push(pair('pod', syntheticScalar(c.pod, ...span(c.podNode ?? node.keyNode)), at));
    if (c.plane !== undefined && (c.role === 'spine' || c.role === 'super-spine')) fields.push(pair('plane', syntheticScalar(c.plane, ...span(c.planeNode ?? node.keyNode)), at));
    const ports = portsOf(node.name).ports;
    if (ports !== undefined && ports.items.length > 0) {
      const groups = ports.items.map((item) => {
        const g: Pair[] = [
          pair('count', syntheticScalar(item.count, item.countAt.start, item.countAt.end), rangeOf(item.node)),
          pair('speed', syntheticScalar(item.speedText, item.speedAt.start, item.speedAt.end), rangeOf(item.node)),
        ];
        if (item.purpose !== undefined) g.push(pair('for', syntheticScalar(item.purpose, item.node.start, item.node.end), rangeOf(item.node)));
        if (item.breakout !== undefined) g.push(pair('breakout', syntheticScalar(item.breakout, item.node.start, item.node.end), rangeOf(item.node)));
        return map(g, rangeOf(item.node));
      });
      fields.push(pair('ports', seq(groups, rangeOf(ports.items[0].node)), at));
    }
    switchPairs.push({ key: node.keyNode, value: map(fields, rangeOf(node.valueNode)) });
  }

  // Declared server groups, then hosts that stand for no declared group.
  const serverPairs: Pair[] = [];
  const declared = new Set<string>();
  for (const [name, label] of lab.defaultsLabels) {
    if (!name.startsWith(SERVERS_PREFIX) || name.length === SERVERS_PREFIX.length) continue;
    const value = labelText(label.value);
    const spec = value === undefined ? undefined : parseServers(value).spec;
    if (spec === undefined) continue;
    const group = name.slice(SERVERS_PREFIX.length);
    declared.add(group);
    const sub = (from: number, to: number): Range => subRange(text, label.value, from, to);
    const countAt = sub(spec.start, spec.end);
    const nicsAt = sub(spec.nicsStart, spec.end);
    const leaves = spec.leaves.map((leaf) => {
      const r = sub(leaf.start, leaf.end);
      return syntheticScalar(leaf.name, r.start, r.end);
    });
    serverPairs.push({
      key: key(group, rangeOf(label.key)),
      value: map(
        [
          pair('count', syntheticScalar(spec.count, countAt.start, countAt.end), countAt),
          pair('nics', map([pair('count', syntheticScalar(spec.nicCount, nicsAt.start, nicsAt.end), nicsAt), pair('speed', syntheticScalar(spec.nicSpeedText, nicsAt.start, nicsAt.end), nicsAt)], nicsAt), countAt),
          pair('leaves', seq(leaves, rangeOf(label.value)), countAt),
        ],
        rangeOf(label.value),
      ),
    });
  }

  // Cables: NICs of hosts, or fabric links merged by pair, speed and kind.
  const hostCables = new Map<string, { leaf: LabEnd; gbps: number | undefined }[]>();
  interface Merged {
    first: LabCable;
    ends: [LabEnd, LabEnd];
    count: number;
    gbps: number | undefined;
    speedAt: Range | undefined;
    peer: boolean;
  }
  const merged = new Map<string, Merged>();
  for (const cable of lab.cables) {
    const [a, b] = cable.ends;
    const ca = classOf(a.name);
    const cb = classOf(b.name);
    if (ca?.node.nonDevice === true || cb?.node.nonDevice === true) continue;
    const { gbps, at: speedAt } = cableSpeed(cable, portsOf);
    if (isHost(ca) || isHost(cb)) {
      if (isHost(ca) && isHost(cb)) continue;
      const [host, other] = isHost(ca) ? [ca!, b] : [cb!, a];
      const standsFor = labelText(host.node.labels.get(LABELS.group)?.value);
      if (standsFor !== undefined && declared.has(standsFor)) continue;
      let list = hostCables.get(host.node.name);
      if (list === undefined) {
        list = [];
        hostCables.set(host.node.name, list);
      }
      list.push({ leaf: other, gbps });
      continue;
    }
    const peer = isPeer(cable);
    const x = a.name ?? '';
    const y = b.name ?? '';
    const id = JSON.stringify([x < y ? x : y, x < y ? y : x, gbps ?? null, peer]);
    const entry = merged.get(id);
    if (entry === undefined) merged.set(id, { first: cable, ends: [a, b], count: 1, gbps, speedAt, peer });
    else entry.count++;
  }
  for (const [hostName, cables] of hostCables) {
    const host = lab.byName.get(hostName)!;
    const at = rangeOf(host.keyNode);
    let gbps: number | undefined;
    let known = true;
    for (const c of cables) {
      if (c.gbps === undefined) known = false;
      else if (gbps === undefined || c.gbps < gbps) gbps = c.gbps;
    }
    const nics: Pair[] = [pair('count', syntheticScalar(cables.length, at.start, at.end), at)];
    if (known && gbps !== undefined) nics.push(pair('speed', syntheticScalar(speedText(gbps), at.start, at.end), at));
    serverPairs.push({
      key: key(hostName, at),
      value: map([pair('count', syntheticScalar(1, at.start, at.end), at), pair('nics', map(nics, at), at), pair('leaves', seq(cables.map((c) => c.leaf.nameNode), at), at)], rangeOf(host.valueNode)),
    });
  }
  const linkItems: YamlNode[] = [];
  for (const m of merged.values()) {
    const between = rangeOf(m.first.endpointsNode);
    const fields: Pair[] = [pair('between', seq([m.ends[0].nameNode, m.ends[1].nameNode], between), between)];
    if (m.gbps !== undefined) {
      const at = m.speedAt ?? between;
      fields.push(pair('speed', syntheticScalar(speedText(m.gbps), at.start, at.end), between));
    }
    fields.push(pair('count', syntheticScalar(m.count, between.start, between.end), between));
    if (m.peer) fields.push(pair('kind', syntheticScalar('peer', between.start, between.end), between));
    linkItems.push(map(fields, rangeOf(m.first.item)));
  }

  // Design, from lab-wide labels.
  const designPairs: Pair[] = [];
  for (const k of DESIGN_KEYS) {
    const label = lab.defaultsLabels.get(DESIGN_PREFIX + k);
    if (label === undefined) continue;
    const value = designValue(k, label.value);
    if (value !== undefined) designPairs.push(pair(k, syntheticScalar(value, label.value.start, label.value.end), rangeOf(label.key)));
  }

  const nodesKey = lab.nodesKey ?? key('nodes', { start: 0, end: 0 });
  const rootPairs: Pair[] = [pair('topology', syntheticScalar(lab.name ?? 'lab', ...span(lab.nameNode ?? nodesKey)), whole)];
  if (designPairs.length > 0) rootPairs.push(pair('design', map(designPairs, whole), whole));
  // The switches key reads `switches` for buildModel; its range is the lab's `nodes` key.
  rootPairs.push({ key: syntheticScalar('switches', nodesKey.start, nodesKey.end), value: map(switchPairs, whole) });
  if (serverPairs.length > 0) rootPairs.push(pair('servers', map(serverPairs, whole), whole));
  if (linkItems.length > 0) rootPairs.push(pair('links', seq(linkItems, whole), whole));
  const root = map(rootPairs, whole);
  const model = buildModel(root);
  // Hovers find a switch through the reference index, never by walking this tree: an alias root
  // is how the model says "the tree cannot tell" (see referenceAtOffset in fabricModel.ts).
  model.root = { kind: 'alias', name: 'containerlab', target: root, start: 0, end: text.length };
  if (lab.nodesKey !== undefined) model.switchesKey = lab.nodesKey;
  if (lab.nodesKey !== undefined) registerInference(model, { anchor: lab.nodesKey, classification });
  return model;
}

function span(node: YamlNode): [number, number] {
  return [node.start, node.end];
}

/** The value a design label holds (for the importer). */
export function designOf(lab: Lab): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const k of DESIGN_KEYS) {
    const label = lab.defaultsLabels.get(DESIGN_PREFIX + k);
    const value = label === undefined ? undefined : designValue(k, label.value);
    if (value !== undefined) out.set(k, value);
  }
  return out;
}
