/**
 * Which role each lab node plays, and in which pod and plane. What the labels state wins; where
 * a node has no `topology.role`, its name decides (a name part starting with `super` or `ss` is a
 * super-spine, `spine` a spine, `leaf` a leaf: `leaf1`, `dc1-leaf1`, `p1_spine2`), then its
 * `graph-level` label (with two levels in the lab, the lower number is the spines; with three,
 * super-spines, spines, leaves); a Linux node that is none of these is a server. Where roles were
 * inferred and no node has a pod or plane label, pods and planes come from the link graph: the
 * connected components of the leaf–spine links are the pods, those of the spine–super-spine links
 * the planes (only in a 5-stage lab: a 3-stage lab gets pods from components only when each has
 * at least two spines and two leaves, so a single mis-wired leaf is still reported, not made a pod).
 */
import type { YamlNode } from '../../yaml/yamlTree';
import { scalarValue } from '../../yaml/treeQueries';
import { LABELS, LAB_ROLES, type LabRole } from '../labels';
import type { Lab, LabNode } from './labTree';

export type RoleSource = 'label' | 'name' | 'graph-level' | 'kind';

export interface NodeClass {
  node: LabNode;
  role: LabRole | undefined;
  roleSource: RoleSource | undefined;
  /** The label value that states the role, when a label does. */
  roleNode: YamlNode | undefined;
  pod: string | undefined;
  podNode: YamlNode | undefined;
  podSource: 'label' | 'links' | undefined;
  plane: string | undefined;
  planeNode: YamlNode | undefined;
  planeSource: 'label' | 'links' | undefined;
}

export interface Classification {
  classes: Map<string, NodeClass>;
  /** In lab order. */
  list: NodeClass[];
}

/** A group id as the format reads one (`1` and `"1"` are the same pod). */
export function labelId(node: YamlNode | undefined): string | undefined {
  const value = scalarValue(node);
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

export function roleFromName(name: string): LabRole | undefined {
  for (const part of name.toLowerCase().split(/[-_.|]/)) {
    if (part.startsWith('super') || part.startsWith('ss')) return 'super-spine';
    if (part.startsWith('spine')) return 'spine';
    if (part.startsWith('leaf')) return 'leaf';
  }
  return undefined;
}

function graphLevel(node: LabNode): number | undefined {
  const value = scalarValue(node.labels.get('graph-level')?.value);
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** The switch a cable end names, when it is a known node of one of the roles. */
type Edge = [string, string];

export function classify(lab: Lab): Classification {
  const classes = new Map<string, NodeClass>();
  const list: NodeClass[] = [];
  for (const node of lab.nodes) {
    const roleLabel = node.labels.get(LABELS.role);
    const roleText = scalarValue(roleLabel?.value);
    const labelled = LAB_ROLES.find((r) => r === roleText);
    const podLabel = node.labels.get(LABELS.pod);
    const planeLabel = node.labels.get(LABELS.plane);
    const pod = labelId(podLabel?.value);
    const plane = labelId(planeLabel?.value);
    const c: NodeClass = {
      node,
      role: labelled,
      roleSource: labelled !== undefined ? 'label' : undefined,
      roleNode: labelled !== undefined ? roleLabel?.value : undefined,
      pod,
      podNode: pod !== undefined ? podLabel?.value : undefined,
      podSource: pod !== undefined ? 'label' : undefined,
      plane,
      planeNode: plane !== undefined ? planeLabel?.value : undefined,
      planeSource: plane !== undefined ? 'label' : undefined,
    };
    // A role label with a bad value is a schema finding; the node is then judged as if unlabelled.
    if (c.role === undefined && !node.nonDevice) {
      const byName = roleFromName(node.name);
      if (byName !== undefined) {
        c.role = byName;
        c.roleSource = 'name';
      }
    }
    classes.set(node.name, c);
    list.push(c);
  }

  // graph-level, relative: among the devices that are not Linux hosts.
  const levelled = list.filter((c) => !c.node.nonDevice && c.node.kind !== 'linux' && graphLevel(c.node) !== undefined);
  const levels = [...new Set(levelled.map((c) => graphLevel(c.node)!))].sort((x, y) => x - y);
  const tiers: LabRole[] | undefined = levels.length === 2 ? ['spine', 'leaf'] : levels.length === 3 ? ['super-spine', 'spine', 'leaf'] : undefined;
  if (tiers !== undefined) {
    for (const c of levelled) {
      if (c.role !== undefined) continue;
      c.role = tiers[levels.indexOf(graphLevel(c.node)!)];
      c.roleSource = 'graph-level';
    }
  }
  for (const c of list) {
    if (c.role === undefined && !c.node.nonDevice && c.node.kind === 'linux') {
      c.role = 'server';
      c.roleSource = 'kind';
    }
  }

  const anyInferred = list.some((c) => c.roleSource === 'name' || c.roleSource === 'graph-level');
  const anyScope = list.some((c) => c.podSource === 'label' || c.planeSource === 'label');
  if (anyInferred && !anyScope) inferScopes(lab, classes, list);
  return { classes, list };
}

function inferScopes(lab: Lab, classes: Map<string, NodeClass>, list: NodeClass[]): void {
  const roleOf = (name: string | undefined): LabRole | undefined => (name === undefined ? undefined : classes.get(name)?.role);
  const fiveStage = list.some((c) => c.role === 'super-spine');
  const podEdges: Edge[] = [];
  const planeEdges: Edge[] = [];
  for (const cable of lab.cables) {
    if (cable.labels.get(LABELS.kind) !== undefined && scalarValue(cable.labels.get(LABELS.kind)!.value) === 'peer') continue;
    const [a, b] = cable.ends.map((e) => e.name);
    if (a === undefined || b === undefined || a === b) continue;
    const ra = roleOf(a);
    const rb = roleOf(b);
    if ((ra === 'leaf' && rb === 'spine') || (ra === 'spine' && rb === 'leaf')) podEdges.push([a, b]);
    if ((ra === 'spine' && rb === 'super-spine') || (ra === 'super-spine' && rb === 'spine')) planeEdges.push([a, b]);
  }
  const pods = components(list, podEdges, 'leaf', 'spine', fiveStage ? 1 : 2);
  if (pods.length >= 2) {
    pods.forEach((members, i) => {
      for (const c of members) {
        c.pod = String(i + 1);
        c.podSource = 'links';
      }
    });
  }
  if (!fiveStage) return;
  const planes = components(list, planeEdges, 'spine', 'super-spine', 1);
  if (planes.length >= 2) {
    planes.forEach((members, i) => {
      for (const c of members) {
        c.plane = String(i + 1);
        c.planeSource = 'links';
      }
    });
  }
}

/**
 * Connected components over `edges` of the nodes with roles `lower` and `upper`, in lab order of
 * their first member; only components with at least `min` of each role.
 */
function components(list: NodeClass[], edges: Edge[], lower: LabRole, upper: LabRole, min: number): NodeClass[][] {
  const members = list.filter((c) => c.role === lower || c.role === upper);
  const index = new Map(members.map((c, i) => [c.node.name, i]));
  const parent = members.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const [a, b] of edges) {
    const x = index.get(a);
    const y = index.get(b);
    if (x === undefined || y === undefined) continue;
    const rx = find(x);
    const ry = find(y);
    // Union by the smaller index, so a component's root is its first member in lab order.
    if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
  }
  const groups = new Map<number, NodeClass[]>();
  members.forEach((c, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (group === undefined) {
      group = [];
      groups.set(root, group);
    }
    group.push(c);
  });
  return [...groups.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([, group]) => group)
    .filter((group) => group.filter((c) => c.role === lower).length >= min && group.filter((c) => c.role === upper).length >= min);
}
