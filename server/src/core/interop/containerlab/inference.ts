/**
 * What the lab linter inferred about a lab (roles from names, pods from links, …), kept beside
 * the fabric model it built, so the `inferred` rule can state it once per file and a node's hover
 * can say where its role came from.
 */
import type { FabricModel } from '../../model/fabricModel';
import type { YamlNode } from '../../yaml/yamlTree';
import { codeSpan } from '../../text/markdown';
import { quote } from '../../text/quote';
import type { Classification, NodeClass } from './roles';

export interface LabInference {
  /** The `topology.nodes` key. */
  anchor: YamlNode;
  classification: Classification;
}

const registry = new WeakMap<FabricModel, LabInference>();

export function registerInference(model: FabricModel, inference: LabInference): void {
  registry.set(model, inference);
}

export function inferenceOf(model: FabricModel): LabInference | undefined {
  return registry.get(model);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

function names(classes: NodeClass[]): string {
  const shown = classes.slice(0, 5).map((c) => quote(c.node.name));
  return classes.length > 5 ? `${shown.join(', ')} and ${classes.length - 5} more` : shown.join(', ');
}

/** The one sentence the `inferred` finding says; undefined when the labels state everything. */
export function inferenceMessage(inference: LabInference): string | undefined {
  const list = inference.classification.list;
  const byName = list.filter((c) => c.roleSource === 'name');
  const byLevel = list.filter((c) => c.roleSource === 'graph-level');
  const servers = list.filter((c) => c.roleSource === 'kind');
  const unknown = list.filter((c) => c.role === undefined && !c.node.nonDevice);
  const podLeaves = list.filter((c) => c.podSource === 'links' && c.role === 'leaf').length;
  const podSpines = list.filter((c) => c.podSource === 'links' && c.role === 'spine').length;
  const planeSpines = list.filter((c) => c.planeSource === 'links' && c.role === 'spine').length;
  const planeSupers = list.filter((c) => c.planeSource === 'links' && c.role === 'super-spine').length;
  const parts: string[] = [];
  if (byName.length > 0 && byLevel.length > 0) parts.push(`roles inferred from names for ${plural(byName.length, 'node')} and from \`graph-level\` for ${byLevel.length}`);
  else if (byName.length > 0) parts.push(`roles inferred from names for ${plural(byName.length, 'node')}`);
  else if (byLevel.length > 0) parts.push(`roles inferred from \`graph-level\` for ${plural(byLevel.length, 'node')}`);
  if (podLeaves + podSpines > 0) parts.push(`pods from links for ${plural(podLeaves, 'leaf').replace('leafs', 'leaves')}${podSpines > 0 ? ` and ${plural(podSpines, 'spine')}` : ''}`);
  if (planeSpines + planeSupers > 0) parts.push(`planes from links for ${plural(planeSpines, 'spine')}${planeSupers > 0 ? ` and ${plural(planeSupers, 'super-spine')}` : ''}`);
  if (servers.length > 0) parts.push(servers.length === 1 ? '1 Linux node taken as a server' : `${servers.length} Linux nodes taken as servers`);
  if (unknown.length > 0) parts.push(`no role for ${names(unknown)} (left out of the tier checks)`);
  if (parts.length === 0) return undefined;
  const labels: string[] = [];
  if (byName.length + byLevel.length + servers.length + unknown.length > 0) labels.push('`topology.role`');
  if (podLeaves + podSpines > 0) labels.push('`topology.pod`');
  if (planeSpines + planeSupers > 0) labels.push('`topology.plane`');
  const sentence = parts.join(', ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}; add labels ${labels.join('/')} to state them.`;
}

/** Lines for a node's hover: where its role, pod and plane came from. */
export function nodeNote(inference: LabInference, name: string): string | undefined {
  const c = inference.classification.classes.get(name);
  if (c === undefined) return undefined;
  const lines: string[] = [];
  const role = c.role === undefined ? undefined : codeSpan(c.role);
  if (c.roleSource === 'label') lines.push(`Role ${role} from its \`topology.role\` label.`);
  else if (c.roleSource === 'name') lines.push(`Role ${role} inferred from its name; add the label \`topology.role: ${c.role}\` to state it.`);
  else if (c.roleSource === 'graph-level') lines.push(`Role ${role} inferred from its \`graph-level\`; add the label \`topology.role: ${c.role}\` to state it.`);
  else if (c.roleSource === 'kind') lines.push('A Linux node with no role: taken as a server (its links are NICs).');
  else if (!c.node.nonDevice) lines.push('No role: not checked as a tier. Add the label `topology.role` (leaf, spine, super-spine, external or server).');
  if (c.podSource === 'links') lines.push(`Pod ${codeSpan(c.pod ?? '')} inferred from its links (the leaves and spines linked together); add \`topology.pod\` to state it.`);
  if (c.planeSource === 'links') lines.push(`Plane ${codeSpan(c.plane ?? '')} inferred from its links (the spines and super-spines linked together); add \`topology.plane\` to state it.`);
  return lines.length === 0 ? undefined : lines.join('\n\n');
}
