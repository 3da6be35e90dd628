/**
 * The fabric diagram of a lint result (the same one the diagnostics and hovers read: no second
 * parse): the layout (layout.ts) of what is drawn (segments.ts: group boxes for big rows), each
 * switch with its role, ratio and worst finding, each link with its count, bandwidth and findings,
 * pods and planes as boxes, and the what-if impact of the failed switches and links
 * (whatIf/whatIf.ts). Every text is worded here, with the hovers' figures (formatRatio, formatGbps).
 */
import type {
  DiagramBox,
  DiagramImpact,
  DiagramLink,
  DiagramNode,
  DiagramState,
  DiagramTier,
  DiagramView,
  WhatIfView,
} from '../../../../shared/webview/diagramView';
import { MAX_WHAT_IF_ROWS } from '../../../../shared/webview/diagramView';
import type { Finding, Severity } from '../findings';
import type { LintResult } from '../lint';
import { formatGbps } from '../model/bandwidth';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatNumber, plural } from '../model/number';
import { formatRatio } from '../model/ratio';
import { asMap, getPair, scalarValue } from '../yaml/treeQueries';
import { cut, visible } from '../text/visible';
import { NO_FAILURES, oneSpinePerPod, resolveFailures, whatIf } from '../whatIf/whatIf';
import type { Failures, SwitchChange, WhatIfResult } from '../whatIf/whatIf';
import { changeCells, changeImpact, losesSomething, whatIfSentences, worstFirst } from '../whatIf/whatIfReport';
import { findingBuckets, worseOf, worstSeverity } from './findingsOnFabric';
import type { FindingBuckets } from './findingsOnFabric';
import { GEOMETRY, layout } from './layout';
import type { Layout, Placement } from './layout';
import { bundleLinks } from './linkBundles';
import type { Bundle } from './linkBundles';
import { drawnUnits, MAX_NODES, unitMembers } from './segments';
import type { DrawnUnits, Unit } from './segments';

/** Link captions are drawn when at most this many links are. */
export const MAX_LABELLED_LINKS = 80;

const TITLE_CHARS = 17;
const DETAIL_CHARS = 24;
const NAME_CHARS = 300;

/**
 * User text as the diagram shows it: invisible, bidi and line-breaking characters as visible
 * escapes (`\u202E`, as in messages and hovers), at most `max` characters.
 */
export function displayText(text: string, max: number): string {
  const clean = visible(text);
  return clean.length > max ? `${cut(clean, max - 1)}…` : clean;
}

const GLYPH: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };

export function badge(severity: Severity | undefined, count: number): string | null {
  return severity === undefined || count === 0 ? null : `${GLYPH[severity]} ${formatNumber(count, 0)}`;
}

const ROLE_WORD: Record<DiagramTier, string> = { 'super-spine': 'super-spine', spine: 'spine', leaf: 'leaf', external: 'external', none: 'no role' };
const TIER_LABEL: Record<DiagramTier, string> = { 'super-spine': 'super-spines', spine: 'spines', leaf: 'leaves', external: 'externals', none: 'no role' };
const NOUN: Record<DiagramTier, [string, string]> = {
  'super-spine': ['super-spine', 'super-spines'],
  spine: ['spine', 'spines'],
  leaf: ['leaf', 'leaves'],
  external: ['external', 'externals'],
  none: ['switch', 'switches'],
};

const IMPACT_RANK: Record<DiagramImpact, number> = { disconnected: 4, 'over-limit': 3, degraded: 2, changed: 1 };

/** The `topology:` name, or ''. */
function topologyName(result: LintResult): string {
  const root = asMap(result.parsed.root);
  const value = root === undefined ? undefined : scalarValue(getPair(root, 'topology')?.value);
  return typeof value === 'string' || typeof value === 'number' ? displayText(String(value), 80) : '';
}

function emptyView(result: LintResult, notice: string): DiagramView {
  return { name: topologyName(result), width: 0, height: 0, tiers: [], boxes: [], nodes: [], links: [], totals: { switches: 0, links: 0, findings: result.findings.length }, whatIf: null, onePerPod: [], notice };
}

/** Why the fabric cannot be drawn, or undefined when it can. */
function unavailable(result: LintResult): string | undefined {
  const model = result.analysis?.model;
  if (model !== undefined) return model.switches.size === 0 ? 'No switches yet: define them under `switches:` to see the fabric.' : undefined;
  const syntax = result.findings.find((f) => f.rule === 'yaml-syntax');
  if (syntax !== undefined) return `The file is not valid YAML yet (line ${syntax.range.start.line + 1}): the diagram shows the fabric again once it parses.`;
  const skipped = result.findings.find((f) => f.rule === 'analysis-skipped');
  if (skipped !== undefined) return skipped.message;
  return 'Nothing to draw: the file defines no fabric yet.';
}

/** What the diagram needs of a result and state, computed once per request. */
export interface DiagramContext {
  result: LintResult;
  model: FabricModel;
  drawn: DrawnUnits;
  placed: Layout;
  buckets: FindingBuckets;
  failures: Failures;
  whatIf: WhatIfResult | undefined;
  changes: Map<FabricSwitch, SwitchChange>;
  unknownFailed: string[];
}

export function diagramContext(result: LintResult, state: DiagramState): DiagramContext | undefined {
  const model = result.analysis?.model;
  if (model === undefined || model.switches.size === 0) return undefined;
  const drawn = drawnUnits(model, new Set(state.expanded));
  const placed = layout(drawn);
  const buckets = findingBuckets(result);
  const resolved = resolveFailures(model, state.failed);
  const unknownFailed = [...resolved.unknownSwitches, ...resolved.unknownLinks.map(([a, b]) => `${a} – ${b}`)];
  const any = resolved.failures.switches.size > 0 || resolved.failures.links.size > 0;
  const outcome = any ? whatIf(model, resolved.failures) : undefined;
  const changes = new Map<FabricSwitch, SwitchChange>();
  for (const c of [...(outcome?.leaves ?? []), ...(outcome?.spines ?? [])]) changes.set(c.switch, c);
  return { result, model, drawn, placed, buckets, failures: any ? resolved.failures : NO_FAILURES, whatIf: outcome, changes, unknownFailed };
}

function switchFindings(ctx: DiagramContext, members: readonly FabricSwitch[]): { severity: Severity | undefined; count: number } {
  if (members.length === 1) {
    const list = ctx.buckets.bySwitch.get(members[0]);
    return { severity: list === undefined ? undefined : worstSeverity(list), count: list?.length ?? 0 };
  }
  const seen = new Set<Finding>();
  let severity: Severity | undefined;
  for (const sw of members) {
    for (const f of ctx.buckets.bySwitch.get(sw) ?? []) {
      if (seen.has(f)) continue;
      seen.add(f);
      severity = worseOf(severity, f.severity);
    }
  }
  return { severity, count: seen.size };
}

/** `⚑ 2:1 → 4:1`, `⊘ no uplink left`, `↓ 400G → 200G up`: what a failure does to one switch. */
function changeText(change: SwitchChange): string {
  if (change.disconnected) return `⊘ no uplink left`;
  const glyph = change.after.overLimit ? '⚑' : losesSomething(change) ? '↓' : '•';
  if (change.before.ratio !== undefined && change.after.ratio !== undefined) return `${glyph} ${formatRatio(change.before.ratio)} → ${formatRatio(change.after.ratio)}`;
  return `${glyph} ${formatGbps(change.before.uplinkGbps)} → ${formatGbps(change.after.uplinkGbps)} up`;
}

function switchDetail(ctx: DiagramContext, sw: FabricSwitch, tier: DiagramTier): string {
  if (ctx.failures.switches.has(sw)) return '✕ failed';
  const change = ctx.changes.get(sw);
  if (change !== undefined) return changeText(change);
  const parts = [ROLE_WORD[tier]];
  if (sw.role === 'spine' && ctx.model.planes.size > 0 && sw.plane !== undefined) parts.push(`plane ${displayText(sw.plane, 6)}`);
  if (sw.ratio !== undefined) parts.push(formatRatio(sw.ratio));
  return displayText(parts.join(' · '), DETAIL_CHARS);
}

function groupNode(ctx: DiagramContext, unit: Extract<Unit, { kind: 'group' }>, p: Placement): DiagramNode {
  const members = unitMembers(unit);
  const { tier, column } = unit.segment;
  const [one, many] = NOUN[tier];
  const n = members.length;
  const where = column === '' ? '' : tier === 'super-spine' ? ` of plane ${displayText(column, 40)}` : ` of pod ${displayText(column, 40)}`;
  const total = unit.segment.members.length;
  const range = n === total ? '' : ` (${formatNumber(unit.lo + 1, 0)}–${formatNumber(unit.hi, 0)} of ${formatNumber(total, 0)})`;
  const name = `${plural(n, one, many)}${where}${range}: ${displayText(members[0].name, 40)} … ${displayText(members[n - 1].name, 40)}`;
  let failed = 0;
  let worstRatio: number | undefined;
  let impact: DiagramImpact | null = null;
  const impacts: Record<DiagramImpact, number> = { disconnected: 0, 'over-limit': 0, degraded: 0, changed: 0 };
  for (const sw of members) {
    if (ctx.failures.switches.has(sw)) failed++;
    if (sw.ratio !== undefined && (worstRatio === undefined || sw.ratio > worstRatio)) worstRatio = sw.ratio;
    const change = ctx.changes.get(sw);
    if (change !== undefined) {
      const what = changeImpact(change);
      impacts[what]++;
      if (impact === null || IMPACT_RANK[what] > IMPACT_RANK[impact]) impact = what;
    }
  }
  let detail: string;
  if (failed === n) detail = '✕ all failed';
  else if (failed > 0 || impact !== null) {
    const parts: string[] = [];
    if (failed > 0) parts.push(`✕ ${formatNumber(failed, 0)}`);
    if (impacts.disconnected > 0) parts.push(`⊘ ${formatNumber(impacts.disconnected, 0)}`);
    if (impacts['over-limit'] > 0) parts.push(`⚑ ${formatNumber(impacts['over-limit'], 0)}`);
    if (impacts.degraded > 0) parts.push(`↓ ${formatNumber(impacts.degraded, 0)}`);
    if (impacts.changed > 0) parts.push(`• ${formatNumber(impacts.changed, 0)}`);
    detail = parts.join(' · ');
  } else {
    detail = worstRatio === undefined ? `▸ ${many}` : `▸ worst ${formatRatio(worstRatio)}`;
  }
  const findings = switchFindings(ctx, members);
  return {
    key: unit.key,
    kind: 'group',
    tier,
    name: displayText(name, NAME_CHARS),
    title: `${formatNumber(n, 0)} ${many}`,
    detail: displayText(detail, DETAIL_CHARS),
    x: p.x,
    y: p.y,
    w: GEOMETRY.nodeW,
    h: GEOMETRY.nodeH,
    severity: findings.severity ?? null,
    findings: findings.count,
    badge: badge(findings.severity, findings.count),
    failed: failed === n,
    impact,
    members: n,
    select: null,
    parent: unit.parent,
  };
}

function switchNode(ctx: DiagramContext, unit: Extract<Unit, { kind: 'switch' }>, p: Placement): DiagramNode {
  const sw = unit.sw;
  const tier = unit.segment.tier;
  const findings = switchFindings(ctx, [sw]);
  const change = ctx.changes.get(sw);
  return {
    key: unit.key,
    kind: 'switch',
    tier,
    name: displayText(sw.name, NAME_CHARS),
    title: displayText(sw.name, TITLE_CHARS),
    detail: switchDetail(ctx, sw, tier),
    x: p.x,
    y: p.y,
    w: GEOMETRY.nodeW,
    h: GEOMETRY.nodeH,
    severity: findings.severity ?? null,
    findings: findings.count,
    badge: badge(findings.severity, findings.count),
    failed: ctx.failures.switches.has(sw),
    impact: change === undefined ? null : changeImpact(change),
    members: 1,
    select: ctx.result.lines.range(sw.keyNode.start, sw.keyNode.end),
    parent: unit.parent,
  };
}

/** Stroke width by the bandwidth per entry: 25G → 1, 100G → 3.5, 400G → 6, 1.6T and more → 8. */
export function linkWidth(gbpsPerEntry: number): number {
  const w = 1 + 1.25 * Math.log2(Math.max(1, gbpsPerEntry / 25));
  return Math.round(Math.min(8, Math.max(1, w)) * 10) / 10;
}

function linkLabel(b: Bundle, single: boolean): string {
  const peer = b.kind === 'peer' ? 'peer ' : '';
  const bandwidth = b.complete ? formatGbps(b.gbps) : b.gbps > 0 ? `${formatGbps(b.gbps)}+` : '?';
  if (single && b.entries === 1) {
    const speed = b.speed === undefined ? '?' : formatGbps(b.speed);
    return `${peer}${b.count > 1 ? `${formatNumber(b.count, 0)} × ${speed}` : speed}`;
  }
  if (single) return `${peer}${plural(b.entries, 'entry', 'entries')} · ${bandwidth}`;
  return `${peer}${plural(b.count, 'link')} · ${bandwidth}`;
}

function linkOf(ctx: DiagramContext, b: Bundle): DiagramLink {
  const g = GEOMETRY;
  const single = b.from.unit.kind === 'switch' && b.to.unit.kind === 'switch';
  const x1 = b.from.x + g.nodeW / 2;
  const x2 = b.to.x + g.nodeW / 2;
  let y1: number;
  let y2: number;
  let cx: number | null = null;
  let cy: number | null = null;
  let lx: number;
  let ly: number;
  let mx: number;
  let my: number;
  if (b.from.row === b.to.row) {
    // Within one row: a curve below the leaves and the rows under them, above the spines and super-spines.
    const tier = b.from.unit.segment.tier;
    const below = tier === 'leaf' || tier === 'external' || tier === 'none';
    y1 = y2 = below ? b.from.y + g.nodeH : b.from.y;
    const bend = Math.min(90, 28 + 0.12 * Math.abs(x2 - x1));
    cx = (x1 + x2) / 2;
    cy = below ? y1 + bend : y1 - bend;
    mx = cx;
    my = (y1 + cy) / 2;
    lx = mx;
    ly = my + (below ? 14 : -6);
  } else {
    y1 = b.from.y + g.nodeH;
    y2 = b.to.y;
    mx = (x1 + x2) / 2;
    my = (y1 + y2) / 2;
    // Nearer the lower end, where the lines into one node fan out.
    lx = x1 + 0.75 * (x2 - x1);
    ly = y1 + 0.75 * (y2 - y1) - 3;
  }
  const perEntry = single ? b.gbps : b.gbps / Math.max(1, b.entries);
  const ends: [string, string] | null = single ? [(b.from.unit as { sw: FabricSwitch }).sw.name, (b.to.unit as { sw: FabricSwitch }).sw.name] : null;
  const between = b.first.betweenNode;
  return {
    key: b.key,
    from: b.from.unit.key,
    to: b.to.unit.key,
    kind: b.kind,
    x1,
    y1,
    x2,
    y2,
    cx,
    cy,
    mx: Math.round(mx),
    my: Math.round(my),
    width: linkWidth(perEntry),
    label: linkLabel(b, single),
    caption: linkLabel(b, single),
    lx: Math.round(lx),
    ly: Math.round(ly),
    count: b.count,
    entries: b.entries,
    gbps: Math.round(b.gbps * 1e6) / 1e6,
    severity: (b.severity ?? null),
    findings: b.findings,
    failed: b.down === b.entries,
    ends,
    select: single && between !== undefined ? ctx.result.lines.range(between.start, between.end) : null,
  };
}

/**
 * Which links carry their label on the picture: none when many are drawn; when every link into a
 * lower node has the same label, one of them, above that node (`2 × 100G each`); else each its own.
 */
function assignCaptions(links: DiagramLink[], nodes: Map<string, DiagramNode>): void {
  if (links.length > MAX_LABELLED_LINKS) {
    for (const link of links) link.caption = null;
    return;
  }
  const byLower = new Map<string, DiagramLink[]>();
  for (const link of links) {
    if (link.cy !== null) continue;
    const list = byLower.get(link.to);
    if (list === undefined) byLower.set(link.to, [link]);
    else list.push(link);
  }
  for (const [key, list] of byLower) {
    const lower = nodes.get(key);
    if (lower === undefined || list.length < 2 || !list.every((l) => l.label === list[0].label)) continue;
    list.forEach((l, i) => {
      l.caption = i === 0 ? `${l.label} each` : null;
      if (i === 0) {
        l.lx = Math.round(lower.x + lower.w / 2);
        l.ly = Math.round(lower.y - 9);
      }
    });
  }
}

function boxes(ctx: DiagramContext): DiagramBox[] {
  return ctx.placed.boxes.map((box) => {
    const findings = (box.kind === 'pod' ? ctx.buckets.byPod : ctx.buckets.byPlane).get(box.id) ?? [];
    const severity = worstSeverity(findings);
    const mark = badge(severity, findings.length);
    return {
      key: `${box.kind}:${box.id}`,
      kind: box.kind,
      label: `${box.kind} ${displayText(box.id, 24)}${mark === null ? '' : ` · ${mark}`}`,
      x: box.x,
      y: box.y,
      w: box.w,
      h: box.h,
      severity: severity ?? null,
      findings: findings.length,
    };
  });
}

function whatIfView(ctx: DiagramContext): WhatIfView | null {
  const outcome = ctx.whatIf;
  if (outcome === undefined && ctx.unknownFailed.length === 0) return null;
  const shown = (name: string): string => displayText(name, 60);
  const failed: string[] = [];
  for (const sw of ctx.failures.switches) failed.push(shown(sw.name));
  const pairs = new Set<string>();
  for (const link of ctx.failures.links) {
    const text = `${shown(link.ends![0].name ?? '')} – ${shown(link.ends![1].name ?? '')}`;
    if (!pairs.has(text)) failed.push(text);
    pairs.add(text);
  }
  const lines: string[] = [];
  if (ctx.unknownFailed.length > 0) lines.push(`No longer in the file, so not failed: ${ctx.unknownFailed.slice(0, 5).map(shown).join(', ')}${ctx.unknownFailed.length > 5 ? ` and ${ctx.unknownFailed.length - 5} more` : ''}.`);
  if (outcome === undefined) return { failed, lines, rows: [], more: 0, survives: true };
  lines.push(...whatIfSentences(outcome, shown));
  const changes = worstFirst([...outcome.leaves, ...outcome.spines]);
  const rows = changes.slice(0, MAX_WHAT_IF_ROWS).map((c) => ({
    name: shown(c.switch.name),
    tier: c.switch.role === 'spine' ? ('spine' as const) : ('leaf' as const),
    ...changeCells(c),
    impact: changeImpact(c),
  }));
  return { failed, lines, rows, more: changes.length - rows.length, survives: outcome.survives };
}

function hiddenNotice(placed: Layout): string | null {
  const parts: string[] = [];
  if (placed.hiddenPods > 0) parts.push(plural(placed.hiddenPods, 'pod'));
  if (placed.hiddenPlanes > 0) parts.push(plural(placed.hiddenPlanes, 'plane'));
  return parts.length === 0 ? null : `The diagram draws at most ${formatNumber(MAX_NODES, 0)} nodes: ${parts.join(' and ')} at the end are not drawn (their switches and findings still count in every figure).`;
}

/** The diagram view of a lint result in a state (groups opened, what-if failures). */
export function buildDiagram(result: LintResult, state: DiagramState): DiagramView {
  const ctx = diagramContext(result, state);
  if (ctx === undefined) return emptyView(result, unavailable(result) ?? 'Nothing to draw.');
  const nodes = ctx.placed.placements.map((p) => (p.unit.kind === 'switch' ? switchNode(ctx, p.unit, p) : groupNode(ctx, p.unit, p)));
  const links = bundleLinks(ctx.model, ctx.drawn, ctx.placed, ctx.buckets, ctx.failures).map((b) => linkOf(ctx, b));
  assignCaptions(links, new Map(nodes.map((node) => [node.key, node])));
  return {
    name: topologyName(result),
    width: ctx.placed.width,
    height: ctx.placed.height,
    tiers: ctx.placed.tiers.map((t) => ({ tier: t.tier, label: TIER_LABEL[t.tier], y: t.y })),
    boxes: boxes(ctx),
    nodes,
    links,
    totals: { switches: ctx.model.switches.size, links: ctx.model.links.filter((l) => l.known).length, findings: result.findings.length },
    whatIf: whatIfView(ctx),
    onePerPod: oneSpinePerPod(ctx.model).map((s) => s.name),
    notice: hiddenNotice(ctx.placed),
  };
}
