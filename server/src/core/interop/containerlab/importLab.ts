/**
 * `topology-tutor import FILE.clab.yml`: a containerlab topology as the equivalent topology file
 * (format 1.1), from the same fabric model the lab linter builds. What the lab only implies is
 * written out (inferred roles, pods and planes become keys); what it does not say at all (a port
 * group, a speed, a role) is left out with a comment and a warning, never invented. Pure.
 */
import { getValue, stringValue } from '../../yaml/treeQueries';
import { LABELS } from '../labels';
import { speedText } from '../speedText';
import { yamlString } from '../yamlText';
import { designOf } from './labModel';
import { labelText } from './labelChecks';
import { inferenceMessage, inferenceOf } from './inference';
import { lintLab } from './lintLab';

export type ImportOutcome = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

function speedOf(node: Parameters<typeof stringValue>[0], gbps: number | undefined): string | undefined {
  if (gbps === undefined) return undefined;
  return stringValue(node) ?? speedText(gbps);
}

/** A pod or plane id: a whole number as a number (as topology files usually write it), else a string. */
function groupId(id: string): string {
  return /^(?:0|[1-9]\d{0,14})$/.test(id) ? id : yamlString(id);
}

export function importLab(text: string, sourceName?: string): ImportOutcome {
  const result = lintLab(text);
  const model = result.analysis?.model;
  const info = result.lab;
  if (model === undefined || info === undefined) {
    const why = result.findings.find((f) => f.severity === 'error');
    return { ok: false, error: `the lab could not be read${why !== undefined ? ` (${why.rule}: ${why.message})` : ''}` };
  }
  const { lab } = info;
  const warnings: string[] = [];
  const out: string[] = [];
  out.push(`# Imported by Topology Tutor from the containerlab topology ${sourceName !== undefined ? sourceName.replace(/[\r\n]/g, ' ') : ''}`.trimEnd() + ' (topology format 1.1).');
  const inference = inferenceOf(model);
  const inferred = inference === undefined ? undefined : inferenceMessage(inference);
  if (inferred !== undefined) out.push(`# From the lab: ${inferred}`);
  const name = labelText(lab.defaultsLabels.get(LABELS.name)?.value) ?? lab.name ?? 'lab';
  out.push(`topology: ${yamlString(name)}`);
  const description = labelText(lab.defaultsLabels.get(LABELS.description)?.value);
  if (description !== undefined) out.push(`description: ${yamlString(description)}`);
  const design = designOf(lab);
  if (design.size > 0) {
    out.push('design:');
    for (const [k, v] of design) out.push(`  ${k}: ${typeof v === 'number' ? String(v) : yamlString(v)}`);
  }

  out.push('switches:');
  if (model.switches.size === 0) out[out.length - 1] = 'switches: {}';
  let roleless = 0;
  let portless = 0;
  for (const sw of model.switches.values()) {
    out.push(`  ${yamlString(sw.name)}:`);
    if (sw.role === undefined) {
      roleless++;
      out.push('    # role: the lab does not say (add leaf, spine, super-spine or external)');
    } else {
      out.push(`    role: ${sw.role}`);
    }
    if (sw.pod !== undefined) out.push(`    pod: ${groupId(sw.pod)}`);
    if (sw.plane !== undefined) out.push(`    plane: ${groupId(sw.plane)}`);
    const hardware = labelText(lab.byName.get(sw.name)?.labels.get(LABELS.model)?.value);
    if (hardware !== undefined) out.push(`    model: ${yamlString(hardware)}`);
    const groups = sw.portGroups.filter((g) => g.usable);
    if (groups.length === 0) {
      if (sw.role !== 'external') portless++;
      out.push('    # ports: the lab does not say (no `topology.ports` label or known type)');
      continue;
    }
    out.push('    ports:');
    for (const g of groups) {
      const count = g.physical?.count ?? g.count!;
      const speed = speedOf(getValue(g.node, 'speed'), g.physical?.speedGbps ?? g.speedGbps);
      const fields = [`count: ${count}`, `speed: ${speed}`];
      if (g.purpose !== undefined) fields.push(`for: ${g.purpose}`);
      if (g.breakout !== undefined) fields.push(`breakout: ${g.breakout.ways}x${speedText(g.breakout.speedGbps)}`);
      out.push(`      - { ${fields.join(', ')} }`);
    }
  }

  if (model.serverGroups.size > 0) {
    out.push('servers:');
    for (const group of model.serverGroups.values()) {
      out.push(`  ${yamlString(group.name)}:`);
      out.push(`    count: ${group.count ?? 1}`);
      const speed = speedOf(getValue(group.nicsNode, 'speed'), group.nicSpeedGbps);
      if (speed === undefined) warnings.push(`Server group \`${group.name}\`: the lab does not say its NIC speed.`);
      out.push(`    nics: { count: ${group.nicCount ?? 1}${speed !== undefined ? `, speed: ${speed}` : ''} }${speed === undefined ? '   # speed: the lab does not say' : ''}`);
      out.push(`    leaves: [${group.leaves.map((l) => yamlString(l.name ?? '')).join(', ')}]`);
    }
  }

  let unspeeded = 0;
  if (model.links.length > 0) {
    out.push('links:');
    for (const link of model.links) {
      if (link.ends === undefined) continue;
      const fields = [`between: [${link.ends.map((e) => yamlString(e.name ?? '')).join(', ')}]`];
      const speed = speedOf(link.speedNode, link.speedGbps);
      if (speed !== undefined) fields.push(`speed: ${speed}`);
      else unspeeded++;
      if (link.count !== undefined && link.count !== 1) fields.push(`count: ${link.count}`);
      if (link.kind === 'peer') fields.push('kind: peer');
      out.push(`  - { ${fields.join(', ')} }${speed === undefined ? '   # speed: the lab does not say' : ''}`);
    }
  }
  if (roleless > 0) warnings.push(`${roleless} switch${roleless === 1 ? ' has' : 'es have'} no role in the lab; add one in the topology file.`);
  if (portless > 0) warnings.push(`${portless} switch${portless === 1 ? ' has' : 'es have'} no ports in the lab (no \`topology.ports\` label or known type); add them in the topology file.`);
  if (unspeeded > 0) warnings.push(`${unspeeded} link${unspeeded === 1 ? ' has' : 's have'} no speed in the lab; add ${unspeeded === 1 ? 'it' : 'them'} in the topology file.`);
  if (inferred !== undefined) warnings.push(`Inferred: ${inferred}`);
  return { ok: true, text: `${out.join('\n')}\n`, warnings };
}
