/**
 * The fabric diagram as the server lays it out (`topology/diagram`, computed by the core in
 * server/src/core/diagram/) and as the diagram webview (media/diagram.js) and the SVG export draw
 * it: every node, link, group box and text line is placed and worded by the core; the drawers only
 * draw. Only what is drawn is sent: a collapsed group of 2048 leaves is one node. The client checks a
 * view it receives with parseDiagramView before it passes it on. Pure: no node or vscode import.
 *
 * Keys: a switch is `s:<name>`, a group box of switches `g:<json>`, a link `l:<json of its two node keys>`.
 * Only the core builds or reads the inside of a key; everyone else compares keys as opaque strings.
 */

/** The rows of the diagram, top to bottom. `none`: switches without a usable role. */
export const DIAGRAM_TIERS = ['super-spine', 'spine', 'leaf', 'external', 'none'] as const;
export type DiagramTier = (typeof DIAGRAM_TIERS)[number];

export type DiagramSeverity = 'error' | 'warning' | 'info';
const SEVERITIES: readonly DiagramSeverity[] = ['error', 'warning', 'info'];

/**
 * What a what-if failure does to a switch (or, for a group, the worst for any member): no uplink
 * left; over its design limit; loses uplink, paths or ratio; or its figures change for the better
 * (a spine whose failed leaf no longer sends it traffic).
 */
export const DIAGRAM_IMPACTS = ['disconnected', 'over-limit', 'degraded', 'changed'] as const;
export type DiagramImpact = (typeof DIAGRAM_IMPACTS)[number];

export type DiagramLinkKind = 'fabric' | 'peer' | 'north-south';
const LINK_KINDS: readonly DiagramLinkKind[] = ['fabric', 'peer', 'north-south'];

/** Zero-based line and UTF-16 character, as LSP positions. */
export interface DiagramPosition {
  line: number;
  character: number;
}

export interface DiagramRange {
  start: DiagramPosition;
  end: DiagramPosition;
}

/** Failed switches (by name) and links (by the names of their two ends) of a what-if. */
export interface DiagramFailures {
  switches: string[];
  links: [string, string][];
}

/** What the user asked the diagram to show: the group boxes opened, and the what-if failures. */
export interface DiagramState {
  expanded: string[];
  failed: DiagramFailures;
}

export interface DiagramNode {
  key: string;
  kind: 'switch' | 'group';
  tier: DiagramTier;
  /** A switch's full name, or a group's description ("leaves 1–64 of pod 1: `a` … `b`"), for screen readers. */
  name: string;
  /** The first line drawn (the name, shortened to fit). */
  title: string;
  /** The second line drawn: role and ratio (`leaf · 2.5:1`), a group's worst ratio, or the what-if change. */
  detail: string;
  /** Top-left corner and size, in diagram units. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The worst finding about it (a group: about any member) and how many there are. */
  severity: DiagramSeverity | null;
  findings: number;
  /** `▲ 2`: severity glyph and count, or null without findings (the glyph carries the meaning, not only the colour). */
  badge: string | null;
  /** Marked failed in the what-if (a group: every member). */
  failed: boolean;
  impact: DiagramImpact | null;
  /** A group: how many switches it stands for. 1 for a switch. */
  members: number;
  /** A switch: its name key under `switches`, which a click selects in the editor. */
  select: DiagramRange | null;
  /** The group box this node was shown from (collapsing it hides this node), if any. */
  parent: string | null;
}

export interface DiagramLink {
  key: string;
  /** The node keys at both ends (the upper or left one first). */
  from: string;
  to: string;
  kind: DiagramLinkKind;
  /** A straight line from (x1, y1) to (x2, y2); with (cx, cy), a quadratic curve (a link within one row). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  cx: number | null;
  cy: number | null;
  /** The middle of the line or curve: where a failed or finding mark (✕ ✖ ▲ ●) goes. */
  mx: number;
  my: number;
  /** Stroke width, by the bandwidth per `links` entry. */
  width: number;
  /** `2 × 100G`, `3 entries · 300G`, `131072 links · 13107.2T`: for tooltips and screen readers. */
  label: string;
  /**
   * The text drawn beside the link at (lx, ly), or null: when every link into a node has the same
   * label, only one of them carries it (`2 × 100G each`, above that node); with many links, none.
   */
  caption: string | null;
  lx: number;
  ly: number;
  /** Σ parallel links (count), `links` entries, bandwidth in Gbps (of the entries with a usable speed and count). */
  count: number;
  entries: number;
  gbps: number;
  severity: DiagramSeverity | null;
  findings: number;
  /** Down in the what-if: marked failed, or an end is failed (a bundle: every link in it). */
  failed: boolean;
  /** Both ends are switches: their names (what marking the link failed sends). */
  ends: [string, string] | null;
  /** The first entry's `between` value, which a click selects in the editor. */
  select: DiagramRange | null;
}

/** A pod (around its spines and leaves) or a plane (around its super-spines). */
export interface DiagramBox {
  key: string;
  kind: 'pod' | 'plane';
  /** `pod 1`, `plane 2`, with a badge when it has findings. */
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  severity: DiagramSeverity | null;
  findings: number;
}

export interface DiagramTierLabel {
  tier: DiagramTier;
  label: string;
  y: number;
}

export interface WhatIfRow {
  name: string;
  tier: 'leaf' | 'spine';
  /** `400G → 200G`, `1.5:1 → 3:1` (`1.5:1 → none` when no uplink is left), `4 → 2`. */
  uplink: string;
  ratio: string;
  paths: string;
  impact: DiagramImpact;
}

/** What the failures do, in words and rows (the worst first, at most MAX_WHAT_IF_ROWS). */
export interface WhatIfView {
  /** The failed switches and links as shown (`spine1`, `leaf1 – spine2`). */
  failed: string[];
  /** Sentences: how many leaves lose uplink, are disconnected, are pushed over their limit. */
  lines: string[];
  rows: WhatIfRow[];
  /** Rows left out (more changes than MAX_WHAT_IF_ROWS). */
  more: number;
  /** No leaf is disconnected or pushed over its limit. */
  survives: boolean;
}

export interface DiagramView {
  /** The topology's `topology:` name (shortened), or '' when it has none. */
  name: string;
  width: number;
  height: number;
  tiers: DiagramTierLabel[];
  boxes: DiagramBox[];
  /** In reading order (row by row, left to right): the keyboard order. */
  nodes: DiagramNode[];
  links: DiagramLink[];
  /** The whole fabric, drawn or not. */
  totals: { switches: number; links: number; findings: number };
  whatIf: WhatIfView | null;
  /** The spines "fail one spine per pod" marks (the first of each pod's spines). */
  onePerPod: string[];
  /** Why there is nothing to draw (YAML errors, analysis skipped), or null. */
  notice: string | null;
}

/** The figures of one switch, link or group as the editor hover shows them, in plain lines. */
export interface DiagramHoverInfo {
  key: string;
  lines: string[];
}

/** Bounds the client enforces on what it receives. */
export const MAX_VIEW_NODES = 20_000;
export const MAX_VIEW_LINKS = 200_000;
export const MAX_WHAT_IF_ROWS = 50;
export const MAX_KEY_LENGTH = 20_000;
export const MAX_VIEW_TEXT = 2_000;
export const MAX_HOVER_LINES = 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isText = (x: unknown, max = MAX_VIEW_TEXT): x is string => typeof x === 'string' && x.length <= max;
export const isDiagramKey = (x: unknown): x is string => typeof x === 'string' && x.length >= 3 && x.length <= MAX_KEY_LENGTH && /^[sgl]:/.test(x);
const isSeverity = (x: unknown): x is DiagramSeverity | null => x === null || SEVERITIES.includes(x as DiagramSeverity);
const isImpact = (x: unknown): x is DiagramImpact | null => x === null || DIAGRAM_IMPACTS.includes(x as DiagramImpact);
const isTier = (x: unknown): x is DiagramTier => DIAGRAM_TIERS.includes(x as DiagramTier);

function isPosition(x: unknown): x is DiagramPosition {
  return isRecord(x) && isCount(x.line) && isCount(x.character);
}

function isRange(x: unknown): x is DiagramRange | null {
  return x === null || (isRecord(x) && isPosition(x.start) && isPosition(x.end));
}

function isName(x: unknown): x is string {
  return typeof x === 'string' && x.length <= MAX_KEY_LENGTH;
}

function isNode(x: unknown): x is DiagramNode {
  if (!isRecord(x)) return false;
  return (
    isDiagramKey(x.key) && (x.kind === 'switch' || x.kind === 'group') && isTier(x.tier) && isName(x.name) && isText(x.title) && isText(x.detail) &&
    isNumber(x.x) && isNumber(x.y) && isNumber(x.w) && isNumber(x.h) && isSeverity(x.severity) && isCount(x.findings) &&
    (x.badge === null || isText(x.badge)) && typeof x.failed === 'boolean' && isImpact(x.impact) && isCount(x.members) && isRange(x.select) &&
    (x.parent === null || isDiagramKey(x.parent))
  );
}

function isLink(x: unknown): x is DiagramLink {
  if (!isRecord(x)) return false;
  const ends = x.ends;
  return (
    isDiagramKey(x.key) && isDiagramKey(x.from) && isDiagramKey(x.to) && LINK_KINDS.includes(x.kind as DiagramLinkKind) &&
    isNumber(x.x1) && isNumber(x.y1) && isNumber(x.x2) && isNumber(x.y2) && (x.cx === null || isNumber(x.cx)) && (x.cy === null || isNumber(x.cy)) &&
    isNumber(x.mx) && isNumber(x.my) && isNumber(x.lx) && isNumber(x.ly) && isNumber(x.width) && isText(x.label) && (x.caption === null || isText(x.caption)) && isCount(x.count) && isCount(x.entries) && isNumber(x.gbps) &&
    isSeverity(x.severity) && isCount(x.findings) && typeof x.failed === 'boolean' &&
    (ends === null || (Array.isArray(ends) && ends.length === 2 && ends.every(isName))) && isRange(x.select)
  );
}

function isBox(x: unknown): x is DiagramBox {
  return (
    isRecord(x) && isText(x.key, MAX_KEY_LENGTH) && (x.kind === 'pod' || x.kind === 'plane') && isText(x.label) &&
    isNumber(x.x) && isNumber(x.y) && isNumber(x.w) && isNumber(x.h) && isSeverity(x.severity) && isCount(x.findings)
  );
}

function isRow(x: unknown): x is WhatIfRow {
  return isRecord(x) && isText(x.name) && (x.tier === 'leaf' || x.tier === 'spine') && isText(x.uplink) && isText(x.ratio) && isText(x.paths) && isImpact(x.impact) && x.impact !== null;
}

function isWhatIf(x: unknown): x is WhatIfView | null {
  if (x === null) return true;
  if (!isRecord(x)) return false;
  const list = (v: unknown, max: number): boolean => Array.isArray(v) && v.length <= max && v.every((s) => isText(s));
  return list(x.failed, MAX_VIEW_NODES) && list(x.lines, 40) && Array.isArray(x.rows) && x.rows.length <= MAX_WHAT_IF_ROWS && x.rows.every(isRow) && isCount(x.more) && typeof x.survives === 'boolean';
}

/**
 * Checks a `topology/diagram` result from the wire (field by field, with bounds) and returns it;
 * undefined when it is not a DiagramView. The view is used as it came: the checks make sure every
 * field has the type the drawers expect.
 */
export function parseDiagramView(value: unknown): DiagramView | undefined {
  if (!isRecord(value)) return undefined;
  const v = value;
  if (!isText(v.name) || !isNumber(v.width) || !isNumber(v.height) || !(v.notice === null || isText(v.notice))) return undefined;
  if (!Array.isArray(v.tiers) || v.tiers.length > DIAGRAM_TIERS.length || !v.tiers.every((t) => isRecord(t) && isTier(t.tier) && isText(t.label) && isNumber(t.y))) return undefined;
  if (!Array.isArray(v.boxes) || v.boxes.length > MAX_VIEW_NODES || !v.boxes.every(isBox)) return undefined;
  if (!Array.isArray(v.nodes) || v.nodes.length > MAX_VIEW_NODES || !v.nodes.every(isNode)) return undefined;
  if (!Array.isArray(v.links) || v.links.length > MAX_VIEW_LINKS || !v.links.every(isLink)) return undefined;
  const totals = v.totals;
  if (!isRecord(totals) || !isCount(totals.switches) || !isCount(totals.links) || !isCount(totals.findings)) return undefined;
  if (!isWhatIf(v.whatIf)) return undefined;
  if (!Array.isArray(v.onePerPod) || v.onePerPod.length > MAX_VIEW_NODES || !v.onePerPod.every(isName)) return undefined;
  return value as unknown as DiagramView;
}

/** Checks a `topology/diagramHover` result; undefined when malformed. */
export function parseDiagramHover(value: unknown): DiagramHoverInfo | undefined {
  if (!isRecord(value) || !isDiagramKey(value.key) || !Array.isArray(value.lines) || value.lines.length > MAX_HOVER_LINES) return undefined;
  if (!value.lines.every((l) => isText(l))) return undefined;
  return { key: value.key, lines: [...(value.lines)] };
}

/** A clean copy of a state from anywhere (the webview, saved state): bad entries are dropped. */
export function parseDiagramState(value: unknown): DiagramState {
  const state: DiagramState = { expanded: [], failed: { switches: [], links: [] } };
  if (!isRecord(value)) return state;
  if (Array.isArray(value.expanded)) state.expanded = value.expanded.filter(isDiagramKey).slice(0, MAX_VIEW_NODES);
  const failed = value.failed;
  if (isRecord(failed)) {
    if (Array.isArray(failed.switches)) state.failed.switches = failed.switches.filter(isName).slice(0, MAX_VIEW_NODES);
    if (Array.isArray(failed.links)) {
      state.failed.links = failed.links
        .filter((l): l is [string, string] => Array.isArray(l) && l.length === 2 && isName(l[0]) && isName(l[1]))
        .map((l) => [l[0], l[1]] as [string, string])
        .slice(0, MAX_VIEW_NODES);
    }
  }
  return state;
}

/** The colours (and font) of the picture, resolved to values, for the SVG export. */
export const PALETTE_KEYS = [
  'background', 'foreground', 'muted', 'border', 'nodeFill', 'groupFill', 'boxBorder', 'link', 'error', 'warning', 'info', 'failed', 'impact', 'focus',
] as const;
export type PaletteKey = (typeof PALETTE_KEYS)[number];
export type DiagramPalette = Record<PaletteKey, string> & { fontFamily: string };

/** `#1e1e1e`, `rgb(30, 30, 30)`, `rgba(0, 0, 0, 0.5)`, `transparent`: colour values without url(), var() or quotes. */
export function isColourValue(x: unknown): x is string {
  return typeof x === 'string' && x.length <= 64 && (/^#[0-9a-fA-F]{3,8}$/.test(x) || /^rgba?\(\s*[0-9.]+%?\s*,?\s*[0-9.]+%?\s*,?\s*[0-9.]+%?\s*(?:[,/]\s*[0-9.]+%?\s*)?\)$/.test(x) || x === 'transparent');
}

/** A CSS font-family list of names, quotes, commas and spaces only. */
export function isFontFamily(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= 300 && /^[\w\s,"'.-]+$/.test(x);
}

/** The palette used when none (or a bad one) is given: VS Code's Light+ colours. */
export const DEFAULT_PALETTE: DiagramPalette = {
  background: '#ffffff',
  foreground: '#3b3b3b',
  muted: '#717171',
  border: '#c8c8c8',
  nodeFill: '#f8f8f8',
  groupFill: '#f3f3f3',
  boxBorder: '#a0a0a0',
  link: '#8a8a8a',
  error: '#e51400',
  warning: '#bf8803',
  info: '#1a85ff',
  failed: '#a0a0a0',
  impact: '#c24e00',
  focus: '#0090f1',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif',
};

/** A palette from the webview: each bad or missing value falls back to DEFAULT_PALETTE. */
export function parsePalette(value: unknown): DiagramPalette {
  const palette: DiagramPalette = { ...DEFAULT_PALETTE };
  if (!isRecord(value)) return palette;
  for (const key of PALETTE_KEYS) {
    const colour = value[key];
    if (isColourValue(colour)) palette[key] = colour;
  }
  if (isFontFamily(value.fontFamily)) palette.fontFamily = value.fontFamily;
  return palette;
}
