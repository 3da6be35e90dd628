/** Fixes for unknown-switch: the closest defined name ("did you mean"), or a new switch of the role the link implies. */
import type { Finding } from '../findings';
import type { FabricModel, Role, UnknownReference } from '../model/fabricModel';
import { roleAbove } from '../model/scope';
import { speedText } from '../model/speedFacts';
import { editDistance } from '../text/closestName';
import { quote } from '../text/quote';
import { asMap, getPair, keyName, resolveAlias } from '../yaml/treeQueries';
import type { YamlNode } from '../yaml/yamlTree';
import { columnOf, insertLinesAfter, yamlString, yamlStringLike, type OffsetEdit } from '../editing/edits';
import { dashColumn, indentUnit, rootPair } from '../editing/layout';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import type { LintResult } from '../lint';

export const id = 'unknown-switch';

const DEFAULT_PORTS: Record<Exclude<Role, 'external'>, { count: number; speed: string; for?: string }[]> = {
  leaf: [
    { count: 48, speed: '25G', for: 'servers' },
    { count: 8, speed: '100G', for: 'fabric' },
  ],
  spine: [{ count: 32, speed: '400G' }],
  'super-spine': [{ count: 32, speed: '400G' }],
};

/** Port group fields as written: count, speed, for. */
function portFields(node: YamlNode): string[] | undefined {
  const map = asMap(node);
  if (map === undefined) return undefined;
  const out: string[] = [];
  for (const pair of map.pairs) {
    const value = resolveAlias(pair.value);
    if (value?.kind !== 'scalar') return undefined;
    out.push(`${keyName(pair.key)}: ${value.style === 'plain' ? value.text : JSON.stringify(value.text)}`);
  }
  return out;
}

/** The lines of a new switch entry under `switches`, or undefined when it cannot be placed. */
function defineSwitch(result: LintResult, model: FabricModel, name: string, role: Exclude<Role, 'external'>, pod: string | undefined, linkSpeed: number | undefined): OffsetEdit | undefined {
  const lines = result.lines;
  const pair = rootPair(result.parsed.root, 'switches');
  if (pair === undefined) return undefined;
  const value = pair.value;
  const unit = indentUnit(result.parsed.root, lines);
  let keyCol: number;
  let after: number;
  if (value.kind === 'map' && !value.flow && value.pairs.length > 0) {
    keyCol = columnOf(lines, value.pairs[0].key.start);
    const last = value.pairs[value.pairs.length - 1];
    after = Math.max(last.key.end, last.value.end);
  } else if (value.kind === 'scalar' && value.value === null && value.end === value.start) {
    keyCol = columnOf(lines, pair.key.start) + unit;
    after = pair.key.end;
  } else {
    return undefined;
  }
  const ind = ' '.repeat(keyCol);
  const propCol = keyCol + unit;
  const prop = ' '.repeat(propCol);
  const out = [`${ind}${yamlString(name)}:`, `${prop}role: ${role}`];
  if (pod !== undefined) out.push(`${prop}pod: ${yamlString(pod)}`);
  out.push(`${prop}ports:`);
  // Ports copied from an existing switch of that role, in its style.
  const template = [...model.switches.values()].find((sw) => sw.role === role && sw.portsComplete && sw.valueNode.kind === 'map' && !sw.valueNode.flow);
  const templateMap = asMap(template?.valueNode);
  const portsPair = templateMap === undefined ? undefined : getPair(templateMap, 'ports');
  let dashCol = propCol + unit;
  let flow = true;
  let groups: string[][] | undefined;
  if (template !== undefined && portsPair !== undefined && portsPair.value.kind === 'seq' && !portsPair.value.flow) {
    const items = portsPair.value.items;
    const dc = items.length > 0 ? dashColumn(lines, items[0].start) : undefined;
    if (dc !== undefined) dashCol = propCol + (dc - columnOf(lines, portsPair.key.start));
    flow = items.every((item) => item.kind === 'map' && item.flow);
    const fields = items.map(portFields);
    if (fields.every((f) => f !== undefined)) groups = fields;
  }
  if (groups === undefined) {
    const defaults = DEFAULT_PORTS[role].map((g) => ({ ...g }));
    if (role !== 'leaf' && linkSpeed !== undefined && linkSpeed > 400) defaults[0].speed = speedText(linkSpeed);
    groups = defaults.map((g) => [`count: ${g.count}`, `speed: ${g.speed}`, ...(g.for === undefined ? [] : [`for: ${g.for}`])]);
    flow = !model.switches.size || [...model.switches.values()].some((sw) => sw.portGroups.some((g) => g.node.kind === 'map' && g.node.flow));
  }
  const dash = ' '.repeat(Math.max(propCol, dashCol));
  for (const fields of groups) {
    if (flow) out.push(`${dash}- { ${fields.join(', ')} }`);
    else fields.forEach((field, i) => out.push(`${i === 0 ? `${dash}- ` : `${dash}  `}${field}`));
  }
  return insertLinesAfter(lines, after, out);
}

/** The unknown reference a finding is about: by the link entry (or server group) and the name. */
function referenceOf(model: FabricModel, finding: Finding): UnknownReference | undefined {
  const subject = finding.subject;
  if (subject?.name === undefined) return undefined;
  if (subject.link !== undefined) {
    const link = model.links[subject.link];
    const end = link?.ends?.find((e) => e.switch === undefined && e.name === subject.name);
    return end === undefined ? undefined : { name: subject.name, node: end.node, kind: 'link', link };
  }
  const group = subject.group === undefined ? undefined : model.serverGroups.get(subject.group);
  const leaf = group?.leaves.find((l) => l.switch === undefined && l.name === subject.name);
  return leaf === undefined ? undefined : { name: subject.name, node: leaf.node, kind: 'server-leaf', group };
}

/** Suggestions offered for one unknown name, at most. */
const MAX_SUGGESTIONS = 5;

/** The defined names closest to `name` (case-insensitive), all at the same distance, when close enough to be a typo. */
function closestNames(name: string, candidates: Iterable<string>): string[] {
  if (name.length > 200) return [];
  const lower = name.toLowerCase();
  let limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance > limit) continue;
    if (distance < limit) {
      limit = distance;
      best = [];
    }
    if (best.length < MAX_SUGGESTIONS) best.push(candidate);
  }
  return best;
}

/** The role a defined switch gets: the tier above a link's other end, a leaf for a server group. */
function impliedRole(role: Role | undefined): Exclude<Role, 'external'> {
  if (role === 'super-spine') return 'spine';
  const above = roleAbove(role);
  return above === 'spine' || above === 'super-spine' ? above : 'leaf';
}

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const { result, model } = ctx;
  const ref = referenceOf(model, finding);
  if (ref === undefined || ref.node.kind !== 'scalar') return [];
  const out: FixDraft[] = [];
  // Every name as close as the closest: the proof keeps the ones that leave the fabric without a new error.
  for (const suggestion of closestNames(ref.name, model.switches.keys())) {
    out.push({
      title: `Did you mean ${quote(suggestion)}?`,
      isPreferred: true,
      edits: [{ start: ref.node.start, end: ref.node.end, newText: yamlStringLike(suggestion, ref.node) }],
    });
  }
  let role: Exclude<Role, 'external'> = 'leaf';
  let pod: string | undefined;
  let speed: number | undefined;
  if (ref.kind === 'link' && ref.link?.ends !== undefined) {
    const other = ref.link.ends[0].node === ref.node ? ref.link.ends[1].switch : ref.link.ends[0].switch;
    role = impliedRole(other?.role);
    if (role === 'spine' && other?.role === 'leaf') pod = other.pod;
    speed = ref.link.speedGbps;
  }
  const edit = defineSwitch(result, model, ref.name, role, pod, speed);
  if (edit !== undefined) out.push({ title: `Define switch ${quote(ref.name)} (${role})`, edits: [edit] });
  return out;
}

export const fixes: RuleFixes = { id, drafts, fixAll: false };
