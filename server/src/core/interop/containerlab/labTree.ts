/**
 * Reads a containerlab topology from the positioned YAML tree: its nodes with what they inherit
 * (`defaults` < `kinds` < `groups` < the node, as containerlab merges them; YAML merge keys `<<`
 * honoured), and its cables in both link syntaxes (`endpoints: ["a:e1-1", "b:e1-1"]` and the
 * extended `endpoints: [{node, interface}]`). Every name keeps the node it was read from, so
 * findings point into the lab file. Never throws; what cannot be read is a problem to report.
 */
import type { MapNode, ScalarNode, YamlNode } from '../../yaml/yamlTree';
import { asMap, asSeqItems, keyName, resolveAlias, scalarValue, stringValue } from '../../yaml/treeQueries';
import { NON_DEVICE_KINDS, SPECIAL_ENDPOINTS } from '../kinds';
import { quote } from '../../text/quote';

/** A label as written somewhere (its key and value nodes). */
export interface LabLabel {
  name: string;
  key: YamlNode;
  value: YamlNode;
}

export type LabelSite = 'defaults' | 'kind' | 'group' | 'node' | 'link';

export interface LabNode {
  name: string;
  /** Position among `topology.nodes`. */
  index: number;
  keyNode: YamlNode;
  valueNode: YamlNode;
  kind: string | undefined;
  type: string | undefined;
  /** Where the type was written (for findings about built-in port tables). */
  typeNode: YamlNode | undefined;
  /** The labels the node ends up with, each from the most specific place that sets it. */
  labels: Map<string, LabLabel>;
  /** A bridge or another non-device kind: not part of the fabric. */
  nonDevice: boolean;
}

export interface LabEnd {
  /** The node name; undefined when the endpoint is unreadable. */
  name: string | undefined;
  iface: string | undefined;
  /** A scalar whose range is the node name in the file and whose value is the name. */
  nameNode: YamlNode;
  /** Where the interface name is in the file. */
  ifaceRange: { start: number; end: number } | undefined;
}

export interface LabCable {
  index: number;
  item: YamlNode;
  /** The `endpoints` value. */
  endpointsNode: YamlNode;
  ends: [LabEnd, LabEnd];
  labels: Map<string, LabLabel>;
}

export interface LabProblem {
  start: number;
  end: number;
  message: string;
}

export interface Lab {
  root: YamlNode;
  name: string | undefined;
  nameNode: YamlNode | undefined;
  /** The `topology.nodes` key (the `inferred` finding and lab-wide findings anchor here), when `nodes` is a map. */
  nodesKey: YamlNode | undefined;
  nodes: LabNode[];
  byName: Map<string, LabNode>;
  cables: LabCable[];
  /** Labels written under `topology.defaults.labels`. */
  defaultsLabels: Map<string, LabLabel>;
  /** Every `topology.*` label as written, with where: each is checked once, where it is. */
  labelSites: { label: LabLabel; site: LabelSite }[];
  problems: LabProblem[];
}

/** The pairs of a map, YAML merge keys (`<<: *x`, `<<: [*x, *y]`) included, own keys first. */
export function mapFields(node: YamlNode | undefined, depth = 0): Map<string, { key: YamlNode; value: YamlNode }> {
  const out = new Map<string, { key: YamlNode; value: YamlNode }>();
  const map = asMap(node);
  if (map === undefined) return out;
  const merges: YamlNode[] = [];
  for (const pair of map.pairs) {
    const name = keyName(pair.key);
    if (name === '<<' && pair.key.kind === 'scalar' && pair.key.style === 'plain') {
      merges.push(pair.value);
      continue;
    }
    if (!out.has(name)) out.set(name, { key: pair.key, value: pair.value });
  }
  if (depth < 8) {
    for (const merge of merges) {
      const sources = asSeqItems(merge) ?? [merge];
      for (const source of sources) {
        for (const [name, field] of mapFields(source, depth + 1)) if (!out.has(name)) out.set(name, field);
      }
    }
  }
  return out;
}

function field(node: YamlNode | undefined, name: string): YamlNode | undefined {
  return mapFields(node).get(name)?.value;
}

const labelCache = new WeakMap<YamlNode, Map<string, LabLabel>>();

/** The labels written at a node (cached: every node of a kind or group reads the same ones). */
function labelsOf(node: YamlNode | undefined): Map<string, LabLabel> {
  if (node === undefined) return new Map();
  const cached = labelCache.get(node);
  if (cached !== undefined) return cached;
  const out = new Map<string, LabLabel>();
  labelCache.set(node, out);
  for (const [name, f] of mapFields(field(node, 'labels'))) out.set(name, { name, key: f.key, value: f.value });
  return out;
}

/** A scalar standing for `value` at [start, end). */
export function syntheticScalar(value: string | number | null, start: number, end: number): ScalarNode {
  return { kind: 'scalar', value, text: value === null ? '' : String(value), style: 'plain', start, end };
}

/**
 * The range of characters [from, to) of a scalar's decoded text in the file, when the scalar is
 * written as it reads (plain or quoted without escapes); else the whole scalar.
 */
export function subRange(text: string, node: YamlNode, from: number, to: number): { start: number; end: number } {
  const scalar = resolveAlias(node);
  if (scalar === undefined || scalar.kind !== 'scalar' || scalar !== node) return { start: node.start, end: node.end };
  const quoted = scalar.style === 'single' || scalar.style === 'double';
  if (scalar.style !== 'plain' && !quoted) return { start: node.start, end: node.end };
  const contentStart = scalar.start + (quoted ? 1 : 0);
  if (text.slice(contentStart, contentStart + scalar.text.length) !== scalar.text) return { start: node.start, end: node.end };
  return { start: contentStart + from, end: contentStart + to };
}

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9-._|]*$/;

export function readLab(root: YamlNode, text: string): Lab {
  const lab: Lab = {
    root,
    name: undefined,
    nameNode: undefined,
    nodesKey: undefined,
    nodes: [],
    byName: new Map(),
    cables: [],
    defaultsLabels: new Map(),
    labelSites: [],
    problems: [],
  };
  const problem = (node: { start: number; end: number }, message: string): void => {
    lab.problems.push({ start: node.start, end: Math.max(node.end, node.start + 1), message });
  };
  const rootFields = mapFields(root);
  if (asMap(root) === undefined) {
    problem({ start: root.start, end: Math.min(root.end, root.start + 1) }, 'A containerlab topology is a map with `name:` and `topology:` (with `nodes:` under it).');
    return lab;
  }
  const nameField = rootFields.get('name');
  lab.nameNode = nameField?.value;
  const nameValue = scalarValue(nameField?.value);
  lab.name = typeof nameValue === 'string' || typeof nameValue === 'number' ? String(nameValue) : undefined;
  const topology = rootFields.get('topology');
  if (topology === undefined || asMap(topology.value) === undefined) {
    problem(topology?.key ?? { start: root.start, end: root.start + 1 }, 'A containerlab topology needs `topology:` with `nodes:` under it.');
    return lab;
  }
  const topo = mapFields(topology.value);
  const defaults = topo.get('defaults')?.value;
  const kinds = mapFields(topo.get('kinds')?.value);
  const groups = mapFields(topo.get('groups')?.value);
  const nodesField = topo.get('nodes');

  lab.defaultsLabels = labelsOf(defaults);
  // A label written once is checked once, however many nodes share it (through an alias).
  const seen = new Set<YamlNode>();
  const site = (labels: Map<string, LabLabel>, where: LabelSite): void => {
    for (const label of labels.values()) {
      if (!label.name.startsWith('topology.') || seen.has(label.key)) continue;
      seen.add(label.key);
      lab.labelSites.push({ label, site: where });
    }
  };
  site(lab.defaultsLabels, 'defaults');
  for (const k of kinds.values()) site(labelsOf(k.value), 'kind');
  for (const g of groups.values()) site(labelsOf(g.value), 'group');

  const defaultKind = stringValue(field(defaults, 'kind'));
  const defaultGroup = stringValue(field(defaults, 'group'));
  const defaultTypeNode = field(defaults, 'type');

  const nodesMap: MapNode | undefined = asMap(nodesField?.value);
  if (nodesField === undefined || nodesMap === undefined) {
    problem(nodesField?.key ?? topology.key, 'A containerlab topology needs `topology.nodes`: a map of node names.');
  } else {
    lab.nodesKey = nodesField.key;
    for (const pair of nodesMap.pairs) {
      const name = keyName(pair.key);
      if (name === '<<' || lab.byName.has(name)) continue;
      if (!NAME_RE.test(name)) problem(pair.key, `${quote(name)} is not a containerlab node name: letters, digits and \`-._|\`, starting with a letter or digit.`);
      const own = mapFields(pair.value);
      const groupName = stringValue(own.get('group')?.value) ?? defaultGroup;
      const groupNode = groupName === undefined ? undefined : groups.get(groupName)?.value;
      const kind = stringValue(own.get('kind')?.value) ?? stringValue(field(groupNode, 'kind')) ?? defaultKind;
      const kindNode = kind === undefined ? undefined : kinds.get(kind)?.value;
      const typeNode = own.get('type')?.value ?? field(groupNode, 'type') ?? field(kindNode, 'type') ?? defaultTypeNode;
      const labels = new Map<string, LabLabel>();
      for (const source of [lab.defaultsLabels, labelsOf(kindNode), labelsOf(groupNode)]) for (const [k, v] of source) labels.set(k, v);
      const ownLabels = labelsOf(pair.value);
      site(ownLabels, 'node');
      for (const [k, v] of ownLabels) labels.set(k, v);
      const node: LabNode = {
        name,
        index: lab.nodes.length,
        keyNode: pair.key,
        valueNode: pair.value,
        kind,
        type: stringValue(typeNode),
        typeNode,
        labels,
        nonDevice: kind !== undefined && NON_DEVICE_KINDS.has(kind),
      };
      lab.nodes.push(node);
      lab.byName.set(name, node);
    }
  }

  const linksNode = topo.get('links')?.value;
  const items = asSeqItems(linksNode) ?? [];
  if (linksNode !== undefined && asSeqItems(linksNode) === undefined && scalarValue(linksNode) !== null) problem(linksNode, '`topology.links` is a list of links.');
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const fields = mapFields(item);
    const type = stringValue(fields.get('type')?.value);
    // Only veth links join two nodes; host, mgmt-net, macvlan, vxlan and dummy links have one end in the lab.
    if (type !== undefined && type !== 'veth') continue;
    const endpointsField = fields.get('endpoints');
    const endpoints = asSeqItems(endpointsField?.value);
    if (endpointsField === undefined || endpoints === undefined || endpoints.length !== 2) {
      problem(endpointsField?.value ?? item, 'A link needs `endpoints:` with exactly two ends, like `["leaf1:e1-49", "spine1:e1-1"]`.');
      continue;
    }
    const ends = endpoints.map((e) => readEnd(e, text));
    if (ends.some((e) => e === undefined)) {
      problem(endpointsField.value, 'Each endpoint is `"node:interface"` or `{ node: NAME, interface: NAME }`.');
      continue;
    }
    const [a, b] = ends as [LabEnd, LabEnd];
    // Cables to containerlab's special endpoints (host:, mgmt-net:, macvlan:) leave the lab.
    if ([a, b].some((e) => e.name !== undefined && SPECIAL_ENDPOINTS.has(e.name) && !lab.byName.has(e.name))) continue;
    const labels = labelsOf(item);
    site(labels, 'link');
    lab.cables.push({ index, item, endpointsNode: endpointsField.value, ends: [a, b], labels });
  }
  return lab;
}

function readEnd(node: YamlNode, text: string): LabEnd | undefined {
  const resolved = resolveAlias(node);
  if (resolved === undefined) return undefined;
  if (resolved.kind === 'scalar') {
    if (typeof resolved.value !== 'string') return undefined;
    const at = resolved.value.indexOf(':');
    if (at <= 0) return undefined;
    const name = resolved.value.slice(0, at);
    const range = subRange(text, node, 0, at);
    const ifaceRange = subRange(text, node, at + 1, resolved.value.length);
    return { name, iface: resolved.value.slice(at + 1), nameNode: syntheticScalar(name, range.start, range.end), ifaceRange };
  }
  if (resolved.kind === 'map') {
    const fields = mapFields(resolved);
    const nameNode = fields.get('node')?.value;
    const nameValue = scalarValue(nameNode);
    if (nameNode === undefined || (typeof nameValue !== 'string' && typeof nameValue !== 'number')) return undefined;
    const ifaceNode = fields.get('interface')?.value;
    const iface = scalarValue(ifaceNode);
    return {
      name: String(nameValue),
      iface: typeof iface === 'string' || typeof iface === 'number' ? String(iface) : undefined,
      nameNode,
      ifaceRange: ifaceNode === undefined ? undefined : { start: ifaceNode.start, end: ifaceNode.end },
    };
  }
  return undefined;
}
