/**
 * What a generated lab holds, computed once from the fabric model for both lab formats: one node
 * per switch (named for the lab, with its kind, labels and front panel), one cable per parallel
 * link with the interfaces it takes, optional server hosts, the lab-wide labels, and the warnings
 * (the fabric's errors, which the lab reproduces; renamed switches; what a lab cannot say).
 * Deterministic: the same model gives the same plan, in source order.
 */
import type { Finding } from '../../findings';
import type { LintResult } from '../../lint';
import type { FabricModel, FabricSwitch, Role } from '../../model/fabricModel';
import { getValue, stringValue, keyName, asMap } from '../../yaml/treeQueries';
import { parseSpeed } from '../../model/speed';
import { DESIGN_KEYS, DESIGN_PREFIX, LABELS, SERVERS_PREFIX } from '../labels';
import { DEFAULT_KIND, EXTERNAL_KIND, kindInfo, type KindInfo } from '../kinds';
import { PortAllocator, PortLayout, type LayoutGroup, type PortUse } from '../interfaces';
import { speedText } from '../speedText';
import type { YamlNode } from '../../yaml/yamlTree';

export interface ExportOptions {
  /** The kind of every switch (default nokia_srlinux; externals are linux unless `kinds` says otherwise). */
  kind?: string;
  /** A kind per role, over `kind`. */
  kinds?: Partial<Record<Role, string>>;
  /** Up to this many Linux hosts per server group, wired to the group's leaves (default 0). */
  servers?: number;
  /** The source file's name, for the header comment. */
  sourceName?: string;
}

export interface PlanNode {
  name: string;
  kind: KindInfo;
  role: Role | 'server' | undefined;
  /** Topology Tutor's labels, in a fixed order. */
  labels: [string, string][];
  source: FabricSwitch | undefined;
}

export interface PlanEnd {
  node: string;
  iface: string;
  /** The speed of the port taken (undefined past the last port, or on a host). */
  portGbps: number | undefined;
}

export interface PlanCable {
  ends: [PlanEnd, PlanEnd];
  speedGbps: number | undefined;
  speedText: string | undefined;
  /** The speed must be stated: the ports the interfaces name do not imply it. */
  labelSpeed: boolean;
  peer: boolean;
  /** An end names no switch of the fabric (the lab reproduces the mistake). */
  dangling: boolean;
}

export interface Plan {
  name: string;
  nodes: PlanNode[];
  cables: PlanCable[];
  /** Lab-wide labels (`topology.defaults.labels`). */
  labLabels: [string, string][];
  warnings: string[];
}

/** A name the lab tool accepts: `sanitize` replaces what it does not; duplicates get `-2`, `-3`. */
class Names {
  private readonly used = new Set<string>();
  readonly map = new Map<string, string>();
  readonly renamed: [string, string][] = [];

  constructor(private readonly sanitize: (name: string) => string) {}

  of(name: string): string {
    const known = this.map.get(name);
    if (known !== undefined) return known;
    const base = this.sanitize(name);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}-${n}`;
    this.used.add(candidate);
    this.map.set(name, candidate);
    if (candidate !== name) this.renamed.push([name, candidate]);
    return candidate;
  }

  /** A new name (a host the lab adds), never one a switch has. */
  fresh(base: string): string {
    const clean = this.sanitize(base);
    let candidate = clean;
    for (let n = 2; this.used.has(candidate) || this.map.has(candidate); n++) candidate = `${clean}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

export function containerlabName(name: string): string {
  let clean = name.replace(/[^a-zA-Z0-9._-]/g, '-');
  if (!/^[a-zA-Z0-9]/.test(clean)) clean = `n${clean}`;
  return clean.slice(0, 64);
}

export function netlabName(name: string): string {
  let clean = name.replace(/[^a-zA-Z0-9_-]/g, '_');
  if (!/^[a-zA-Z]/.test(clean)) clean = `n${clean}`;
  return clean.slice(0, 64);
}

/** The text a speed was written as, when it reads as `gbps`; else the canonical text. */
function writtenSpeed(node: YamlNode | undefined, gbps: number): string {
  const text = stringValue(node);
  return text !== undefined && parseSpeed(text) === gbps ? text : speedText(gbps);
}

function layoutOf(sw: FabricSwitch | undefined): { layout: PortLayout; label: string | undefined } {
  if (sw === undefined) return { layout: new PortLayout([]), label: undefined };
  const groups: LayoutGroup[] = [];
  const items: string[] = [];
  for (const g of sw.portGroups) {
    if (!g.usable) continue;
    const count = g.physical?.count ?? g.count!;
    const speedGbps = g.physical?.speedGbps ?? g.speedGbps!;
    const speedNode = getValue(g.node, 'speed');
    let item = `${count}x${writtenSpeed(speedNode, speedGbps)}`;
    if (g.purpose !== undefined) item += ` ${g.purpose}`;
    if (g.breakout !== undefined) item += ` breakout ${g.breakout.ways}x${speedText(g.breakout.speedGbps)}`;
    items.push(item);
    groups.push({ count, lanes: g.breakout?.ways ?? 1, laneGbps: g.breakout?.speedGbps ?? speedGbps, purpose: g.purpose });
  }
  return { layout: new PortLayout(groups), label: items.length === 0 ? undefined : items.join(', ') };
}

function errorLines(findings: readonly Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === 'error');
  const shown = errors.slice(0, 20).map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}: ${f.message.replace(/\s+/g, ' ')}`);
  if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
  return shown;
}

export function kindFor(role: Role | 'server' | undefined, options: ExportOptions): KindInfo {
  if (role === 'server') return kindInfo('linux')!;
  const chosen = (role !== undefined && role !== 'external' ? options.kinds?.[role] : undefined) ?? (role === 'external' ? (options.kinds?.external ?? EXTERNAL_KIND) : undefined) ?? options.kind ?? DEFAULT_KIND;
  return kindInfo(chosen) ?? kindInfo(DEFAULT_KIND)!;
}

export function buildPlan(result: LintResult, model: FabricModel, options: ExportOptions, sanitize: (name: string) => string): Plan {
  const warnings: string[] = [];
  const errorCount = result.findings.filter((f) => f.severity === 'error').length;
  if (errorCount > 0) {
    warnings.push(`The fabric has ${errorCount} error${errorCount === 1 ? '' : 's'}; the lab reproduces ${errorCount === 1 ? 'it' : 'them'} (labs are where mistakes are reproduced):`, ...errorLines(result.findings));
  }
  const names = new Names(sanitize);
  const topologyName = stringValue(getValue(result.parsed.root, 'topology')) ?? 'fabric';
  const labName = sanitize(topologyName);

  const nodes: PlanNode[] = [];
  const allocators = new Map<string, PortAllocator>();
  for (const sw of model.switches.values()) {
    const name = names.of(sw.name);
    const kind = kindFor(sw.role, options);
    const { layout, label } = layoutOf(sw);
    const labels: [string, string][] = [];
    if (sw.role !== undefined) labels.push([LABELS.role, sw.role]);
    if (sw.pod !== undefined && (sw.role === 'leaf' || sw.role === 'spine')) labels.push([LABELS.pod, sw.pod]);
    if (sw.plane !== undefined && (sw.role === 'spine' || sw.role === 'super-spine')) labels.push([LABELS.plane, sw.plane]);
    if (label !== undefined) labels.push([LABELS.ports, label]);
    const modelText = stringValue(getValue(sw.valueNode, 'model'));
    if (modelText !== undefined && modelText.trim() !== '') labels.push([LABELS.model, modelText]);
    if (sw.role === undefined) warnings.push(`\`${sw.name}\` has no usable role: the lab gives it none, so the lab linter infers one from its name or leaves it out.`);
    if (sw.portGroups.some((g) => !g.usable)) warnings.push(`\`${sw.name}\` has port groups without a usable count or speed; the lab leaves them out.`);
    nodes.push({ name, kind, role: sw.role, labels, source: sw });
    allocators.set(sw.name, new PortAllocator(layout, kind.style));
  }
  const allocatorOf = (name: string): PortAllocator => {
    let allocator = allocators.get(name);
    if (allocator === undefined) {
      allocator = new PortAllocator(new PortLayout([]), kindFor(undefined, options).style);
      allocators.set(name, allocator);
    }
    return allocator;
  };

  const cables: PlanCable[] = [];
  const take = (name: string, gbps: number | undefined, use: PortUse): PlanEnd => {
    const port = allocatorOf(name).take(gbps, use);
    return { node: names.of(name), iface: port.name, portGbps: port.gbps };
  };
  const cable = (a: PlanEnd, b: PlanEnd, gbps: number | undefined, text: string | undefined, peer: boolean, dangling: boolean): PlanCable => {
    const known = [a.portGbps, b.portGbps].filter((g): g is number => g !== undefined);
    const implied = known.length === 0 ? undefined : Math.min(...known);
    return { ends: [a, b], speedGbps: gbps, speedText: text, labelSpeed: gbps !== undefined && implied !== gbps, peer, dangling };
  };
  let unspeeded = 0;
  for (const link of model.links) {
    const ends = link.ends;
    if (ends === undefined || ends[0].name === undefined || ends[1].name === undefined) {
      warnings.push(`Entry ${link.index + 1} of \`links\` has no two usable switch names; the lab leaves it out.`);
      continue;
    }
    const count = link.count ?? 1;
    if (link.count === undefined) warnings.push(`Entry ${link.index + 1} of \`links\` has no usable count; the lab has 1 cable for it.`);
    if (link.speedGbps === undefined) unspeeded++;
    const text = link.speedGbps === undefined ? undefined : writtenSpeed(link.speedNode, link.speedGbps);
    const dangling = ends[0].switch === undefined || ends[1].switch === undefined;
    for (let i = 0; i < count; i++) {
      const a = take(ends[0].name, link.speedGbps, 'fabric');
      const b = take(ends[1].name, link.speedGbps, 'fabric');
      cables.push(cable(a, b, link.speedGbps, text, link.kind === 'peer', dangling));
    }
  }
  if (unspeeded > 0) warnings.push(`${unspeeded} link entr${unspeeded === 1 ? 'y has' : 'ies have'} no usable speed; in the lab ${unspeeded === 1 ? 'it runs' : 'they run'} at the speed of the ports ${unspeeded === 1 ? 'it takes' : 'they take'}.`);

  // Server groups: lab-wide labels, and up to --servers hosts per group.
  const labLabels: [string, string][] = [];
  if (labName !== topologyName) labLabels.push([LABELS.name, topologyName]);
  const description = stringValue(getValue(result.parsed.root, 'description'));
  if (description !== undefined && description.trim() !== '') labLabels.push([LABELS.description, description]);
  const designMap = asMap(getValue(result.parsed.root, 'design'));
  for (const pair of designMap?.pairs ?? []) {
    const k = keyName(pair.key);
    if (!DESIGN_KEYS.includes(k)) continue;
    const d = model.design;
    const value = k === 'workload' ? d.workload : k === 'server_homing' ? d.serverHoming : k === 'min_spines' ? d.minSpines : k === 'max_oversubscription' ? d.maxOversubscription : d.maxSpineOversubscription;
    labLabels.push([DESIGN_PREFIX + k, String(value)]);
  }
  const serversWanted = Math.max(0, Math.floor(options.servers ?? 0));
  const hosts: PlanNode[] = [];
  for (const group of model.serverGroups.values()) {
    const leafNames = group.leaves.map((l) => l.name).filter((n): n is string => n !== undefined);
    if (group.count === undefined || group.nicCount === undefined || group.nicSpeedGbps === undefined || leafNames.length === 0) {
      warnings.push(`Server group \`${group.name}\` has no usable count, NICs or leaves; the lab leaves it out.`);
      continue;
    }
    if (/[\s,]/.test(group.name) || group.name === '') warnings.push(`Server group \`${group.name}\` has a space or a comma in its name; its label may not read back.`);
    const nicText = writtenSpeed(getValue(group.nicsNode, 'speed'), group.nicSpeedGbps);
    labLabels.push([SERVERS_PREFIX + group.name, `${group.count}x${group.nicCount}x${nicText} on ${leafNames.map((n) => names.of(n)).join(',')}`]);
    const leaves = group.knownLeaves;
    const n = Math.min(serversWanted, group.count);
    if (n > 0 && leaves.length === 0) warnings.push(`Server group \`${group.name}\` lists no known leaf, so the lab has no host for it.`);
    for (let h = 0; h < n && leaves.length > 0; h++) {
      const hostName = names.fresh(`${group.name}-${h + 1}`);
      const host: PlanNode = { name: hostName, kind: kindInfo('linux')!, role: 'server', labels: [[LABELS.role, 'server'], [LABELS.group, group.name]], source: undefined };
      hosts.push(host);
      for (let j = 0; j < group.nicCount; j++) {
        const leaf = leaves[(h * group.nicCount + j) % leaves.length];
        const leafEnd = take(leaf.name, group.nicSpeedGbps, 'nic');
        cables.push(cable({ node: hostName, iface: `eth${j + 1}`, portGbps: undefined }, leafEnd, group.nicSpeedGbps, nicText, false, false));
      }
    }
  }
  nodes.push(...hosts);
  if (names.renamed.length > 0) {
    warnings.push(`Renamed for the lab (names it cannot take as they are): ${names.renamed.slice(0, 10).map(([from, to]) => `\`${from}\` → \`${to}\``).join(', ')}${names.renamed.length > 10 ? ` and ${names.renamed.length - 10} more` : ''}.`);
  }
  return { name: labName, nodes, cables, labLabels, warnings };
}
