/**
 * What hovering a drawn node or link shows: for a switch, the editor hover's own figures (hoverAt on
 * its name key, as plain lines) and its findings; for a link, each `links` entry's count and speed
 * and its findings; for a group box, the members' range, ratios and findings. With failures, the
 * what-if change too. Plain text: the webview puts each line in a text node.
 */
import type { DiagramHoverInfo, DiagramState } from '../../../../shared/webview/diagramView';
import { MAX_HOVER_LINES } from '../../../../shared/webview/diagramView';
import type { Finding } from '../findings';
import { hoverAt } from '../hover/hover';
import type { LintResult } from '../lint';
import { formatGbps } from '../model/bandwidth';
import type { FabricLink, FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatNumber, plural } from '../model/number';
import { formatRatio } from '../model/ratio';
import { resolveFailures, whatIf } from '../whatIf/whatIf';
import type { SwitchChange } from '../whatIf/whatIf';
import { changeCells } from '../whatIf/whatIfReport';
import { displayText } from './diagram';
import { findingBuckets } from './findingsOnFabric';
import { parseGroupKey, parseLinkKey, switchName } from './keys';
import { segmentId, segmentsOf } from './segments';

const LINE_CHARS = 400;
const MAX_FINDINGS = 6;

/** The text of one inline Markdown run (code spans, bold, links, escapes) as plain text. */
function inlineText(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = text.indexOf(fence, i + run);
      while (close !== -1 && text[close + run] === '`') close = text.indexOf(fence, close + run + 1);
      if (close !== -1) {
        let code = text.slice(i + run, close);
        if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        out += code;
        i = close + run;
        continue;
      }
      out += fence;
      i += run;
      continue;
    }
    if (text.startsWith('**', i)) {
      i += 2;
      continue;
    }
    if (ch === '[') {
      const close = text.indexOf('](', i);
      const end = close === -1 ? -1 : text.indexOf(')', close);
      if (close !== -1 && end !== -1) {
        out += inlineText(text.slice(i + 1, close));
        i = end + 1;
        continue;
      }
    }
    if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Hover Markdown (our own: code spans, bold, links, hard breaks) as plain lines, without the "Learn:" links. */
export function markdownLines(markdown: string): string[] {
  return markdown
    .split(/ {2}\n|\n/)
    .map((line) => inlineText(line).trim())
    .filter((line) => line !== '' && !line.startsWith('Learn:'));
}

const SEVERITY_GLYPH = { error: '✖', warning: '▲', info: '●' } as const;

function findingLines(findings: readonly Finding[]): string[] {
  const lines = findings.slice(0, MAX_FINDINGS).map((f) => `${SEVERITY_GLYPH[f.severity]} ${f.rule}: ${f.message}`);
  if (findings.length > MAX_FINDINGS) lines.push(`… and ${plural(findings.length - MAX_FINDINGS, 'more finding')}`);
  return lines;
}

function findingSummary(findings: Iterable<Finding>): string | undefined {
  const counts = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, number>();
  let total = 0;
  for (const f of findings) {
    counts[f.severity]++;
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    total++;
  }
  if (total === 0) return undefined;
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${SEVERITY_GLYPH[s]} ${plural(counts[s], s === 'info' ? 'info' : s, s === 'info' ? 'infos' : `${s}s`)}`);
  const top = [...rules.entries()].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([rule, n]) => `${rule} × ${formatNumber(n, 0)}`);
  return `Findings: ${parts.join(', ')} (${top.join(', ')})`;
}

function changeLine(change: SwitchChange | undefined): string | undefined {
  if (change === undefined) return undefined;
  const cells = changeCells(change);
  const status = change.disconnected ? ' — disconnected' : change.pushedOver ? ` — pushed over the design's ${formatNumber(change.limit, 2)}:1` : change.after.overLimit ? ` — over the design's ${formatNumber(change.limit, 2)}:1` : '';
  return `What if: uplink ${cells.uplink}, ratio ${cells.ratio}, ECMP paths ${cells.paths}${status}`;
}

function changesFor(model: FabricModel, state: DiagramState): { failed: Set<FabricSwitch>; changes: Map<FabricSwitch, SwitchChange>; downLinks: ReadonlySet<FabricLink> } | undefined {
  if (state.failed.switches.length === 0 && state.failed.links.length === 0) return undefined;
  const { failures } = resolveFailures(model, state.failed);
  const outcome = whatIf(model, failures);
  const changes = new Map<FabricSwitch, SwitchChange>();
  for (const c of [...outcome.leaves, ...outcome.spines]) changes.set(c.switch, c);
  return { failed: new Set(failures.switches), changes, downLinks: failures.links };
}

/** The members a node key stands for: a switch, or a group's range of its segment. */
function membersOf(model: FabricModel, key: string): FabricSwitch[] | undefined {
  const name = switchName(key);
  if (name !== undefined) {
    const sw = model.switches.get(name);
    return sw === undefined ? undefined : [sw];
  }
  const ref = parseGroupKey(key);
  if (ref === undefined) return undefined;
  const segment = segmentsOf(model).segments.get(segmentId(ref.tier, ref.column));
  if (segment === undefined || ref.hi > segment.members.length) return undefined;
  return segment.members.slice(ref.lo, ref.hi);
}

function switchHover(result: LintResult, sw: FabricSwitch, state: DiagramState, lessonsBase: string): string[] {
  const model = result.analysis!.model;
  const lines = markdownLines(hoverAt(result, sw.keyNode.start, lessonsBase)?.markdown ?? sw.name);
  const whatIfNow = changesFor(model, state);
  if (whatIfNow?.failed.has(sw)) lines.push('Marked failed in the what-if.');
  const change = changeLine(whatIfNow?.changes.get(sw));
  if (change !== undefined) lines.push(change);
  lines.push(...findingLines(findingBuckets(result).bySwitch.get(sw) ?? []));
  return lines;
}

function groupHover(result: LintResult, members: FabricSwitch[], state: DiagramState): string[] {
  const first = members[0];
  const noun = first.role === 'leaf' ? ['leaf', 'leaves'] : first.role === 'spine' ? ['spine', 'spines'] : first.role === 'super-spine' ? ['super-spine', 'super-spines'] : first.role === 'external' ? ['external', 'externals'] : ['switch', 'switches'];
  const lines = [`${plural(members.length, noun[0], noun[1])}: ${displayText(first.name, 60)} … ${displayText(members[members.length - 1].name, 60)}`];
  let worst: FabricSwitch | undefined;
  let best: FabricSwitch | undefined;
  for (const sw of members) {
    if (sw.ratio === undefined) continue;
    if (worst === undefined || sw.ratio > worst.ratio!) worst = sw;
    if (best === undefined || sw.ratio < best.ratio!) best = sw;
  }
  if (worst !== undefined && best !== undefined) {
    lines.push(worst.ratio === best.ratio ? `Oversubscription: ${formatRatio(worst.ratio!)} each` : `Oversubscription: ${formatRatio(best.ratio!)} to ${formatRatio(worst.ratio!)} (worst: ${displayText(worst.name, 60)})`);
  }
  const buckets = findingBuckets(result);
  const seen = new Set<Finding>();
  for (const sw of members) for (const f of buckets.bySwitch.get(sw) ?? []) seen.add(f);
  const summary = findingSummary(seen);
  lines.push(summary ?? 'No findings.');
  const whatIfNow = changesFor(result.analysis!.model, state);
  if (whatIfNow !== undefined) {
    let failed = 0;
    let changed = 0;
    let disconnected = 0;
    for (const sw of members) {
      if (whatIfNow.failed.has(sw)) failed++;
      const c = whatIfNow.changes.get(sw);
      if (c !== undefined) changed++;
      if (c?.disconnected === true) disconnected++;
    }
    lines.push(`What if: ${formatNumber(failed, 0)} failed, ${formatNumber(changed, 0)} change, ${formatNumber(disconnected, 0)} disconnected`);
  }
  lines.push(`Click or press Enter to show ${members.length > 64 ? 'them in smaller groups' : 'each'}.`);
  return lines;
}

/** The `links` entries between the members of two nodes. */
function linksBetweenMembers(from: FabricSwitch[], to: FabricSwitch[]): FabricLink[] {
  const [few, many] = from.reduce((n, s) => n + s.links.length, 0) <= to.reduce((n, s) => n + s.links.length, 0) ? [from, to] : [to, from];
  const other = new Set(many);
  const out: FabricLink[] = [];
  const seen = new Set<FabricLink>();
  for (const sw of few) {
    for (const link of sw.links) {
      const ends = link.ends!;
      const peer = ends[0].switch === sw ? ends[1].switch! : ends[0].switch!;
      if (other.has(peer) && !seen.has(link)) {
        seen.add(link);
        out.push(link);
      }
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

function entryText(result: LintResult, link: FabricLink): string {
  const speed = link.speedGbps === undefined ? '?' : formatGbps(link.speedGbps);
  const count = link.count === undefined ? '?' : formatNumber(link.count, 0);
  const total = link.bandwidthGbps === undefined ? '' : ` = ${formatGbps(link.bandwidthGbps)}`;
  const kind = link.kind === 'peer' ? ', peer link (not an uplink)' : link.northSouth ? ', north-south' : link.scopeMismatch !== undefined ? `, across ${link.scopeMismatch.kind}s (not counted)` : '';
  return `line ${formatNumber(result.lines.positionAt(link.node.start).line + 1, 0)}: ${count} × ${speed}${total}${kind}`;
}

function linkHover(result: LintResult, from: FabricSwitch[], to: FabricSwitch[], state: DiagramState): string[] {
  const links = linksBetweenMembers(from, to);
  const name = (members: FabricSwitch[]): string => (members.length === 1 ? displayText(members[0].name, 60) : `${formatNumber(members.length, 0)} switches`);
  const count = links.reduce((n, l) => n + (l.count ?? 0), 0);
  const gbps = links.reduce((n, l) => n + (l.bandwidthGbps ?? 0), 0);
  const lines = [`${name(from)} – ${name(to)}: ${plural(count, 'link')}, ${formatGbps(gbps)}${links.length > 1 ? ` in ${plural(links.length, 'entry', 'entries')}` : ''}`];
  if (from.length === 1 && to.length === 1) {
    for (const link of links.slice(0, 5)) lines.push(entryText(result, link));
    if (links.length > 5) lines.push(`… and ${plural(links.length - 5, 'more entry', 'more entries')}`);
  }
  const whatIfNow = changesFor(result.analysis!.model, state);
  if (whatIfNow !== undefined) {
    const down = links.filter((l) => whatIfNow.downLinks.has(l) || l.ends!.some((e) => e.switch !== undefined && whatIfNow.failed.has(e.switch))).length;
    if (down > 0) lines.push(`What if: ${down === links.length ? 'down' : `${formatNumber(down, 0)} of ${formatNumber(links.length, 0)} entries down`}`);
  }
  const buckets = findingBuckets(result);
  const findings: Finding[] = [];
  for (const link of links) findings.push(...(buckets.byLink.get(link) ?? []));
  if (from.length === 1 && to.length === 1) lines.push(...findingLines(findings));
  else lines.push(findingSummary(findings) ?? 'No findings.');
  return lines;
}

/** The hover of a drawn node or link (its key from the view drawn with `state`); null for an unknown key. */
export function diagramHover(result: LintResult, key: string, state: DiagramState, lessonsBase: string): DiagramHoverInfo | null {
  const model = result.analysis?.model;
  if (model === undefined) return null;
  let lines: string[];
  const ends = parseLinkKey(key);
  if (ends !== undefined) {
    const from = membersOf(model, ends[0]);
    const to = membersOf(model, ends[1]);
    if (from === undefined || to === undefined || from.length === 0 || to.length === 0) return null;
    lines = linkHover(result, from, to, state);
  } else {
    const members = membersOf(model, key);
    if (members === undefined || members.length === 0) return null;
    lines = key.startsWith('s:') ? switchHover(result, members[0], state, lessonsBase) : groupHover(result, members, state);
  }
  const clean = lines.slice(0, MAX_HOVER_LINES).map((line) => displayText(line, LINE_CHARS));
  return { key, lines: clean };
}
