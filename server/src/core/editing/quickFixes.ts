/**
 * Quick fixes for findings, as text edits on the original text. Computed from the cached
 * lint result (model and findings), never by re-parsing. Every finding also gets "Disable
 * <rule> for this line" and "Open lesson: <title>".
 */
import type { Finding } from '../findings';
import type { LintResult } from '../lint';
import type { FabricLink, FabricModel, FabricSwitch, Role, ServerGroup } from '../model/fabricModel';
import { formatRatio } from '../model/ratio';
import { ruleInfo } from '../rules/catalog';
import { exceeds } from '../rules/oversubscription';
import { closestName } from '../text/closestName';
import type { LineIndex } from '../text/lineIndex';
import { quote } from '../text/quote';
import { asMap, getPair, keyName, resolveAlias, stringValue } from '../yaml/treeQueries';
import type { YamlNode } from '../yaml/yamlTree';
import { columnOf, insertLinesAfter, overlaps, speedText, yamlString, yamlStringLike, type OffsetEdit } from './edits';
import { appendLinks, dashColumn, deleteItem, indentUnit, linksSeq, rootPair, setLinkCount, type NewLink } from './layout';

export const OPEN_LESSON_COMMAND = 'topology.openLesson';

export interface CoreCommand {
  title: string;
  command: string;
  arguments: unknown[];
}

export interface CodeFix {
  title: string;
  kind: 'quickfix';
  isPreferred?: boolean;
  edits?: OffsetEdit[];
  command?: CoreCommand;
  /** The finding the fix is for. */
  finding: Finding;
}

/** Rules whose fixes are safe to apply all at once (source.fixAll). */
export const FIX_ALL_RULES: readonly string[] = ['duplicate-link', 'link-speed', 'spine-connectivity'];

function startOffset(result: LintResult, finding: Finding): number {
  return result.lines.offsetAt(finding.range.start);
}

// ---------------------------------------------------------------------------------------------
// spine-connectivity

/** The upstream links `low` lacks to reach `up`, and the switches below `sw` that lack `sw`. */
function missingPairs(model: FabricModel, sw: FabricSwitch): [FabricSwitch, FabricSwitch][] {
  const pairs: [FabricSwitch, FabricSwitch][] = [];
  if (sw.unknownPeerLinks.length === 0) {
    for (const up of sw.expectedUpstream ?? []) if (up !== sw && !sw.upstream.has(up.name)) pairs.push([sw, up]);
  }
  const below = sw.role === 'spine' ? model.leaves : sw.role === 'super-spine' ? model.spines : [];
  if (sw.role === 'spine' && sw.leavesReached.length === 0) {
    for (const low of below) {
      if (low.unknownPeerLinks.length === 0 && low.expectedUpstream?.includes(sw) === true && !low.upstream.has(sw.name)) pairs.push([low, sw]);
    }
  }
  return pairs;
}

/** The speed text of a port group, as written. */
function groupSpeedText(sw: FabricSwitch, gbps: number): string | undefined {
  for (const g of sw.portGroups) {
    if (g.speedGbps !== gbps) continue;
    const node = resolveAlias(asMap(g.node) === undefined ? undefined : getPair(asMap(g.node)!, 'speed')?.value);
    const text = stringValue(node);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Speed and count for a new uplink from `low` to `up`: like `low`'s other uplinks, else the fastest both carry. */
function newUplink(low: FabricSwitch, up: FabricSwitch): NewLink {
  for (const peer of low.upstream.values()) {
    for (const link of peer.links) {
      const text = stringValue(link.speedNode);
      if (text !== undefined && link.speedGbps !== undefined) {
        return { a: low.name, b: up.name, speed: yamlString(text), count: Math.max(1, peer.linkCount) };
      }
    }
  }
  const fabric = low.portGroups.filter((g) => g.usable && g.purpose === 'fabric').map((g) => g.speedGbps!);
  const lowMax = fabric.length > 0 ? Math.max(...fabric) : low.maxPortGbps;
  const speed = lowMax === undefined ? up.maxPortGbps : up.maxPortGbps === undefined ? lowMax : Math.min(lowMax, up.maxPortGbps);
  const text = speed === undefined ? '100G' : (groupSpeedText(low, speed) ?? groupSpeedText(up, speed) ?? speedText(speed));
  return { a: low.name, b: up.name, speed: yamlString(text), count: 1 };
}

function connectivityLinks(model: FabricModel, switches: readonly FabricSwitch[]): NewLink[] {
  const seen = new Set<string>();
  const out: NewLink[] = [];
  for (const sw of switches) {
    for (const [low, up] of missingPairs(model, sw)) {
      const key = JSON.stringify([low.name, up.name]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(newUplink(low, up));
    }
  }
  return out;
}

function switchAtKey(model: FabricModel, offset: number): FabricSwitch | undefined {
  for (const sw of model.switches.values()) if (sw.keyNode.start === offset) return sw;
  return undefined;
}

function spineConnectivityFix(result: LintResult, model: FabricModel, finding: Finding): CodeFix[] {
  const sw = switchAtKey(model, startOffset(result, finding));
  if (sw === undefined) return [];
  const links = connectivityLinks(model, [sw]);
  const edit = appendLinks(result.parsed.root, result.lines, model, links);
  if (edit === undefined) return [];
  const title =
    links.length === 1
      ? `Add link ${quote(links[0].a)} ↔ ${quote(links[0].b)} (${links[0].count > 1 ? `${links[0].count} × ` : ''}${links[0].speed})`
      : `Add the ${links.length} missing links of ${quote(sw.name)}`;
  return [{ title, kind: 'quickfix', isPreferred: true, edits: [edit], finding }];
}

// ---------------------------------------------------------------------------------------------
// ecmp-imbalance and oversubscription

function singleLinkPeers(sw: FabricSwitch): FabricLink[] | undefined {
  const out: FabricLink[] = [];
  for (const peer of sw.upstream.values()) {
    if (peer.links.length !== 1) return undefined; // duplicate entries: merge them first
    const link = peer.links[0];
    if (link.speedGbps === undefined || link.count === undefined || link.speedNode?.kind !== 'scalar') return undefined;
    out.push(link);
  }
  return out.length > 0 ? out : undefined;
}

function ecmpFix(result: LintResult, model: FabricModel, finding: Finding): CodeFix[] {
  const sw = switchAtKey(model, startOffset(result, finding));
  if (sw === undefined) return [];
  const links = singleLinkPeers(sw);
  if (links === undefined) return [];
  let target = links[0];
  for (const link of links) if (link.bandwidthGbps! > target.bandwidthGbps!) target = link;
  const speed = result.text.slice(target.speedNode!.start, target.speedNode!.end);
  const count = target.count!;
  const edits: OffsetEdit[] = [];
  for (const link of links) {
    if (link.speedGbps !== target.speedGbps) edits.push({ start: link.speedNode!.start, end: link.speedNode!.end, newText: speed });
    if (link.count !== count || (link.countNode === undefined && count !== 1)) {
      const edit = setLinkCount(result.lines, link, count);
      if (edit === undefined) return [];
      edits.push(edit);
    }
  }
  if (edits.length === 0 || overlaps(edits)) return [];
  const upWord = sw.role === 'leaf' ? 'spine' : 'super-spine';
  return [{ title: `Give every ${upWord} ${count} × ${stringValue(target.speedNode) ?? speed} (count: ${count})`, kind: 'quickfix', isPreferred: true, edits, finding }];
}

/** Free ports of `speed` or faster (what port accounting left unused). */
function freePorts(sw: FabricSwitch, speed: number): number {
  let free = 0;
  for (const g of sw.portGroups) if (g.usable && g.speedGbps! >= speed) free += g.count! - g.used;
  return free;
}

function oversubscriptionFix(result: LintResult, model: FabricModel, finding: Finding): CodeFix[] {
  const sw = switchAtKey(model, startOffset(result, finding));
  if (sw === undefined || sw.ratio === undefined || sw.portShortfall !== undefined || !sw.portsComplete) return [];
  const links = singleLinkPeers(sw);
  if (links === undefined) return [];
  const max = model.design.maxOversubscription;
  const perStep = links.reduce((sum, l) => sum + l.speedGbps!, 0);
  const needed = sw.downlinkGbps / max - sw.uplinkGbps;
  let k = Math.max(1, Math.ceil(needed / perStep - 1e-9));
  while (exceeds(sw.downlinkGbps, sw.uplinkGbps + k * perStep, max)) k++;
  if (!Number.isSafeInteger(k) || k > 1_000_000) return [];
  // Ports: this switch needs k more at each uplink's speed, every upstream switch k more.
  const speeds = [...new Set(links.map((l) => l.speedGbps!))];
  for (const threshold of speeds) {
    const demand = links.filter((l) => l.speedGbps! >= threshold).length * k;
    if (demand > freePorts(sw, threshold)) return [];
  }
  for (const link of links) {
    const up = link.ends![0].switch === sw ? link.ends![1].switch! : link.ends![0].switch!;
    if (up.portShortfall !== undefined || !up.portsComplete || freePorts(up, link.speedGbps!) < k) return [];
  }
  const edits: OffsetEdit[] = [];
  for (const link of links) {
    const edit = setLinkCount(result.lines, link, link.count! + k);
    if (edit === undefined) return [];
    edits.push(edit);
  }
  if (overlaps(edits)) return [];
  const after = formatRatio(sw.downlinkGbps / (sw.uplinkGbps + k * perStep));
  const counts = [...new Set(links.map((l) => l.count! + k))];
  const what = counts.length === 1 ? `count: ${counts[0]} on each uplink` : `${k} more link${k === 1 ? '' : 's'} to each upstream switch`;
  return [{ title: `Set ${what} of ${quote(sw.name)} (${formatRatio(sw.ratio)} → ${after})`, kind: 'quickfix', edits, finding }];
}

// ---------------------------------------------------------------------------------------------
// unknown-switch

const DEFAULT_PORTS: Record<Role, { count: number; speed: string; for?: string }[]> = {
  leaf: [
    { count: 48, speed: '25G', for: 'servers' },
    { count: 8, speed: '100G', for: 'fabric' },
  ],
  spine: [{ count: 32, speed: '400G' }],
  'super-spine': [{ count: 32, speed: '400G' }],
};

function roleAbove(role: Role | undefined): Role {
  if (role === 'leaf') return 'spine';
  if (role === 'spine') return 'super-spine';
  if (role === 'super-spine') return 'spine';
  return 'leaf';
}

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
function defineSwitch(result: LintResult, model: FabricModel, name: string, role: Role, pod: string | undefined, linkSpeed: number | undefined): OffsetEdit | undefined {
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

function unknownSwitchFixes(result: LintResult, model: FabricModel, finding: Finding): CodeFix[] {
  const at = startOffset(result, finding);
  const ref = model.unknownReferences.find((r) => r.node.start === at);
  if (ref === undefined || ref.node.kind !== 'scalar') return [];
  const fixes: CodeFix[] = [];
  const suggestion = closestName(ref.name, model.switches.keys());
  if (suggestion !== undefined) {
    fixes.push({
      title: `Did you mean ${quote(suggestion)}?`,
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ start: ref.node.start, end: ref.node.end, newText: yamlStringLike(suggestion, ref.node) }],
      finding,
    });
  }
  let role: Role = 'leaf';
  let pod: string | undefined;
  let speed: number | undefined;
  if (ref.kind === 'link' && ref.link?.ends !== undefined) {
    const other = ref.link.ends[0].node === ref.node ? ref.link.ends[1].switch : ref.link.ends[0].switch;
    role = roleAbove(other?.role);
    if (role === 'spine' && other?.role === 'leaf') pod = other.pod;
    speed = ref.link.speedGbps;
  }
  const edit = defineSwitch(result, model, ref.name, role, pod, speed);
  if (edit !== undefined) fixes.push({ title: `Define switch ${quote(ref.name)} (${role})`, kind: 'quickfix', edits: [edit], finding });
  return fixes;
}

// ---------------------------------------------------------------------------------------------
// duplicate-link

function pairKey(link: FabricLink): string | undefined {
  const [x, y] = link.ends ?? [];
  if (x?.name === undefined || y?.name === undefined) return undefined;
  return JSON.stringify(x.name < y.name ? [x.name, y.name] : [y.name, x.name]);
}

/** Merges `later` entries into `first`: the summed count on `first`, the others deleted. */
function mergeEdits(lines: LineIndex, model: FabricModel, first: FabricLink, later: readonly FabricLink[]): OffsetEdit[] | undefined {
  const seq = linksSeq(model.root);
  if (seq === undefined || first.count === undefined || first.speedGbps === undefined) return undefined;
  let total = first.count;
  const edits: OffsetEdit[] = [];
  for (const link of later) {
    if (link.count === undefined || link.speedGbps !== first.speedGbps) return undefined;
    total += link.count;
    const edit = deleteItem(lines, seq, link.index);
    if (edit === undefined) return undefined;
    edits.push(edit);
  }
  const count = setLinkCount(lines, first, total);
  if (count === undefined) return undefined;
  edits.push(count);
  return overlaps(edits) ? undefined : edits;
}

function duplicateFix(result: LintResult, model: FabricModel, finding: Finding): CodeFix[] {
  const at = startOffset(result, finding);
  const link = model.links.find((l) => l.betweenNode?.start === at);
  const key = link === undefined ? undefined : pairKey(link);
  if (link === undefined || key === undefined) return [];
  const first = model.links.find((l) => pairKey(l) === key);
  if (first === undefined || first === link) return [];
  const edits = mergeEdits(result.lines, model, first, [link]);
  if (edits === undefined) return [];
  const line = result.lines.positionAt(first.node.start).line + 1;
  return [{ title: `Merge into the entry on line ${line} (count: ${first.count! + link.count!})`, kind: 'quickfix', isPreferred: true, edits, finding }];
}

// ---------------------------------------------------------------------------------------------
// link-speed

function slowestMax(switches: readonly FabricSwitch[]): { gbps: number; text: string } | undefined {
  let best: FabricSwitch | undefined;
  for (const sw of switches) {
    if (sw.maxPortGbps === undefined) return undefined;
    if (best === undefined || sw.maxPortGbps < best.maxPortGbps!) best = sw;
  }
  if (best === undefined) return undefined;
  const gbps = best.maxPortGbps!;
  return { gbps, text: groupSpeedText(best, gbps) ?? speedText(gbps) };
}

function linkSpeedFix(result: LintResult, model: FabricModel, finding: Finding): CodeFix[] {
  const at = startOffset(result, finding);
  const link = model.links.find((l) => l.speedNode?.start === at);
  let node: YamlNode | undefined;
  let target: { gbps: number; text: string } | undefined;
  let what = 'speed';
  if (link !== undefined && link.ends !== undefined && link.known) {
    node = link.speedNode;
    target = slowestMax([link.ends[0].switch!, link.ends[1].switch!]);
  } else {
    const group = [...model.serverGroups.values()].find((g: ServerGroup) => g.nicsNode?.start === at);
    if (group === undefined) return [];
    node = asMap(group.nicsNode) === undefined ? undefined : getPair(asMap(group.nicsNode)!, 'speed')?.value;
    target = slowestMax(group.knownLeaves);
    what = 'NIC speed';
  }
  if (node?.kind !== 'scalar' || target === undefined) return [];
  const text = node.style === 'plain' ? target.text : yamlStringLike(target.text, node);
  return [
    {
      title: `Change the ${what} to ${target.text} (the fastest ${link !== undefined ? 'both ends carry' : 'its leaves carry'})`,
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ start: node.start, end: node.end, newText: text }],
      finding,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Every finding: disable for this line, open the lesson.

const NEXT_LINE_DIRECTIVE = /^([ \t]*#[ \t]*topology-disable-next-line[ \t]+[A-Za-z0-9-]+(?:[ \t]*,[ \t]*[A-Za-z0-9-]+)*)/;

export function disableEdit(result: LintResult, finding: Finding): OffsetEdit {
  const lines = result.lines;
  const line = Math.min(finding.range.start.line, lines.lineCount - 1);
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const match = NEXT_LINE_DIRECTIVE.exec(above);
    if (match !== null) {
      const at = lines.lineStartOffset(line - 1) + match[1].length;
      return { start: at, end: at, newText: `, ${finding.rule}` };
    }
  }
  const indent = /^ */.exec(lines.lineText(line))![0];
  const at = lines.lineStartOffset(line);
  const nl = result.text.includes('\r\n') ? '\r\n' : '\n';
  return { start: at, end: at, newText: `${indent}# topology-disable-next-line ${finding.rule}${nl}` };
}

function commonFixes(result: LintResult, finding: Finding): CodeFix[] {
  const fixes: CodeFix[] = [{ title: `Disable ${finding.rule} for this line`, kind: 'quickfix', edits: [disableEdit(result, finding)], finding }];
  const learn = ruleInfo(finding.rule)?.learn;
  if (learn !== undefined) {
    fixes.push({
      title: `Open lesson: ${learn.title}`,
      kind: 'quickfix',
      command: { title: `Open lesson: ${learn.title}`, command: OPEN_LESSON_COMMAND, arguments: [{ lesson: learn.lesson, section: learn.anchor }] },
      finding,
    });
  }
  return fixes;
}

const RULE_FIXES: Record<string, (result: LintResult, model: FabricModel, finding: Finding) => CodeFix[]> = {
  'spine-connectivity': spineConnectivityFix,
  'ecmp-imbalance': ecmpFix,
  oversubscription: oversubscriptionFix,
  'unknown-switch': unknownSwitchFixes,
  'duplicate-link': duplicateFix,
  'link-speed': linkSpeedFix,
};

/** The fixes for one finding of `result`: the rule's own fixes first, then disable and lesson. */
export function fixesFor(result: LintResult, finding: Finding): CodeFix[] {
  const out: CodeFix[] = [];
  const model = result.analysis?.model;
  const specific = RULE_FIXES[finding.rule];
  if (model !== undefined && specific !== undefined) {
    try {
      out.push(...specific(result, model, finding));
    } catch {
      // A fix that cannot be computed is simply not offered.
    }
  }
  out.push(...commonFixes(result, finding));
  return out;
}

export interface FixAllResult {
  edits: OffsetEdit[];
  /** The findings the edits fix. */
  fixed: Finding[];
}

/**
 * The safe fixes of the whole file in one set of non-overlapping edits: duplicate-link merges,
 * link-speed changes and the missing spine-connectivity links. A fix whose edits would overlap
 * one already taken is left out (run fix-all again after applying).
 */
export function fixAll(result: LintResult): FixAllResult {
  const model = result.analysis?.model;
  const taken: OffsetEdit[] = [];
  const fixed: Finding[] = [];
  if (model === undefined) return { edits: taken, fixed };
  const take = (edits: OffsetEdit[] | undefined, findings: Finding[]): void => {
    if (edits === undefined || edits.length === 0) return;
    if (overlaps([...taken, ...edits])) return;
    taken.push(...edits);
    fixed.push(...findings);
  };
  const findings = result.findings;
  // Duplicate links: one merge per pair, of every later entry into the first.
  const byPair = new Map<string, { first: FabricLink; later: FabricLink[]; findings: Finding[] }>();
  for (const finding of findings.filter((f) => f.rule === 'duplicate-link')) {
    const at = startOffset(result, finding);
    const link = model.links.find((l) => l.betweenNode?.start === at);
    const key = link === undefined ? undefined : pairKey(link);
    if (link === undefined || key === undefined) continue;
    let entry = byPair.get(key);
    if (entry === undefined) {
      const first = model.links.find((l) => pairKey(l) === key)!;
      entry = { first, later: [], findings: [] };
      byPair.set(key, entry);
    }
    if (link !== entry.first) {
      entry.later.push(link);
      entry.findings.push(finding);
    }
  }
  for (const { first, later, findings: group } of byPair.values()) {
    if (later.length > 0) take(mergeEdits(result.lines, model, first, later), group);
  }
  for (const finding of findings.filter((f) => f.rule === 'link-speed')) {
    try {
      take(linkSpeedFix(result, model, finding)[0]?.edits, [finding]);
    } catch {
      // skip
    }
  }
  const connectivity = findings.filter((f) => f.rule === 'spine-connectivity');
  const switches = connectivity.map((f) => switchAtKey(model, startOffset(result, f))).filter((sw): sw is FabricSwitch => sw !== undefined);
  const edit = appendLinks(result.parsed.root, result.lines, model, connectivityLinks(model, switches));
  if (edit !== undefined) take([edit], connectivity);
  return { edits: taken, fixed };
}
