/**
 * Checks every `topology.*` label where it is written: a label in the wrong place, an unknown
 * label (with "did you mean"), or a value that does not parse is a `schema` finding at that
 * label, so a typo is never silently ignored. Labels not starting with `topology.` belong to
 * others (containerlab's own `graph-*` labels, users' tooling) and are left alone.
 */
import type { Finding } from '../../findings';
import type { LineIndex } from '../../text/lineIndex';
import { closestName } from '../../text/closestName';
import { quote } from '../../text/quote';
import { scalarValue } from '../../yaml/treeQueries';
import type { YamlNode } from '../../yaml/yamlTree';
import { parseSpeed } from '../../model/speed';
import { DESIGN_KEYS, DESIGN_PREFIX, LABELS, LAB_LABELS, LAB_ROLES, LINK_LABELS, NODE_LABELS, SERVERS_PREFIX, parsePorts, parseServers } from '../labels';
import type { Lab, LabLabel, LabelSite } from './labTree';
import { subRange } from './labTree';
import { labelId } from './roles';

/** The text a label value reads as (numbers as written), or undefined for a map, a list or null. */
export function labelText(node: YamlNode | undefined): string | undefined {
  const value = scalarValue(node);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && node !== undefined && node.kind === 'scalar') return node.text;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A design label's value as the format's design map would hold it; undefined when unusable. */
export function designValue(key: string, node: YamlNode): string | number | undefined {
  const text = labelText(node);
  if (text === undefined) return undefined;
  if (key === 'workload') return text === 'general' || text === 'rdma' ? text : undefined;
  if (key === 'server_homing') return text === 'single' || text === 'dual' ? text : undefined;
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return undefined;
  const n = Number(text);
  if (key === 'min_spines') return Number.isSafeInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : undefined;
}

const DESIGN_HELP: Record<string, string> = {
  workload: '`general` or `rdma`',
  server_homing: '`single` or `dual`',
  min_spines: 'a whole number from 1 to 1000',
  max_oversubscription: 'a number from 1 to 1000 (N means N:1)',
  max_spine_oversubscription: 'a number from 1 to 1000 (N means N:1)',
};

const KNOWN = [...NODE_LABELS, ...LINK_LABELS, ...LAB_LABELS, `${SERVERS_PREFIX}<group>`];

export function checkLabels(lab: Lab, text: string, lines: LineIndex): Finding[] {
  const findings: Finding[] = [];
  const at = (start: number, end: number, message: string): void => {
    findings.push({ rule: 'schema', severity: 'error', message, range: lines.range(start, Math.max(end, start + 1)) });
  };
  const onNode = (node: YamlNode, message: string): void => at(node.start, node.end, message);
  for (const { label, site } of lab.labelSites) checkOne(label, site, text, onNode, at);
  for (const problem of lab.problems) at(problem.start, problem.end, problem.message);
  return findings;

  function checkOne(
    label: LabLabel,
    site: LabelSite,
    source: string,
    onNode: (node: YamlNode, message: string) => void,
    at: (start: number, end: number, message: string) => void,
  ): void {
    const name = label.name;
    const isNode = NODE_LABELS.includes(name);
    const isLink = LINK_LABELS.includes(name);
    const isLab = LAB_LABELS.includes(name) || (name.startsWith(SERVERS_PREFIX) && name.length > SERVERS_PREFIX.length);
    if (!isNode && !isLink && !isLab) {
      const design = name.startsWith(DESIGN_PREFIX) ? closestName(name.slice(DESIGN_PREFIX.length), DESIGN_KEYS) : undefined;
      const suggestion = design !== undefined ? DESIGN_PREFIX + design : closestName(name, KNOWN);
      onNode(label.key, `Unknown label ${quote(name)}${suggestion !== undefined ? `; did you mean \`${suggestion}\`?` : ''} Topology Tutor reads ${KNOWN.map((k) => `\`${k}\``).join(', ')}.`);
      return;
    }
    if (isNode && site === 'link') return onNode(label.key, `\`${name}\` describes a node; a link takes \`${LABELS.speed}\` and \`${LABELS.kind}\`.`);
    if (isLink && site !== 'link') return onNode(label.key, `\`${name}\` describes a link: put it in the link's \`labels\`.`);
    if (isLab && site !== 'defaults') return onNode(label.key, `\`${name}\` describes the whole lab: put it under \`topology.defaults.labels\`.`);
    const value = label.value;
    const textValue = labelText(value);
    if (textValue === undefined || textValue.trim() === '') return onNode(value, `Label \`${name}\` needs a value (a string).`);
    if (name === LABELS.role) {
      if (!(LAB_ROLES as readonly string[]).includes(textValue)) {
        const suggestion = closestName(textValue, LAB_ROLES);
        onNode(value, `${quote(textValue)} is not a role: ${LAB_ROLES.map((r) => `\`${r}\``).join(', ')}${suggestion !== undefined ? `; did you mean \`${suggestion}\`?` : '.'}`);
      }
    } else if (name === LABELS.pod || name === LABELS.plane) {
      if (labelId(value) === undefined) onNode(value, `A ${name === LABELS.pod ? 'pod' : 'plane'} is a name or a whole number.`);
    } else if (name === LABELS.ports) {
      for (const problem of parsePorts(textValue).problems) {
        const range = subRange(source, value, problem.start, problem.end);
        at(range.start, range.end, `Label \`${LABELS.ports}\`: ${problem.message}.`);
      }
    } else if (name === LABELS.speed) {
      if (parseSpeed(textValue) === undefined) onNode(value, `${quote(textValue)} is not a speed: write a number and M, G or T (\`25G\`, \`100G\`, \`1.6T\`).`);
    } else if (name === LABELS.kind) {
      if (textValue !== 'peer' && textValue !== 'fabric') onNode(value, `${quote(textValue)} is not a link kind: \`peer\` (an MLAG/vPC/ESI peer link) or \`fabric\`.`);
    } else if (name.startsWith(DESIGN_PREFIX)) {
      const key = name.slice(DESIGN_PREFIX.length);
      if (designValue(key, value) === undefined) onNode(value, `\`${name}\` takes ${DESIGN_HELP[key]}.`);
    } else if (name.startsWith(SERVERS_PREFIX)) {
      const { problem } = parseServers(textValue);
      if (problem !== undefined) {
        const range = subRange(source, value, problem.start, problem.end);
        at(range.start, range.end, `Label ${quote(name)}: ${problem.message}.`);
      }
    }
  }
}
