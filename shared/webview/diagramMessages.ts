/**
 * Messages between the fabric diagram panel (client/src/diagram/diagramPanel.ts) and its webview
 * script (media/diagram.js, which names these types in JSDoc), and their validation. Pure: no node
 * or vscode import. Everything that arrives from the webview is checked field by field; unknown or
 * malformed messages come back as undefined and are ignored.
 */
import { isDiagramKey, parsePalette } from './diagramView';
import type { DiagramHoverInfo, DiagramPalette, DiagramView } from './diagramView';

/** Toolbar buttons (data-action="…" in the webview) the test hook may press. */
export const DIAGRAM_ACTIONS = ['failSelected', 'failOneSpinePerPod', 'clearFailures', 'collapseAll', 'fit', 'zoomIn', 'zoomOut', 'export'] as const;
export type DiagramAction = (typeof DIAGRAM_ACTIONS)[number];

/** What the webview's DOM shows, for the real-editor tests. */
export interface DiagramDom {
  /** Nodes and links drawn (SVG elements with data-key). */
  nodes: number;
  links: number;
  nodeKeys: string[];
  /** The node or link highlighted for the editor's cursor, if any. */
  highlighted: string | null;
  /** The item that has the keyboard focus, if any. */
  focused: string | null;
  /** Items drawn as failed. */
  failed: string[];
  /** The text of the what-if summary panel, one entry per line. */
  summary: string[];
  /** The notice banner, if shown. */
  notice: string | null;
  /** The lines of the hover tooltip, when it is shown. */
  tooltip: string[];
  /** The revision of the last view rendered. */
  revision: number;
}

/** Webview → extension. */
export type FromDiagramWebview =
  | { type: 'ready' }
  | { type: 'select'; key: string }
  | { type: 'expand'; key: string }
  /** A group box key to close (what was opened inside it is remembered), or `all`: close every group. */
  | { type: 'collapse'; key: string }
  | { type: 'toggleFailed'; key: string }
  | { type: 'failOneSpinePerPod' }
  | { type: 'clearFailures' }
  | { type: 'hover'; key: string }
  | { type: 'exportSvg'; palette: DiagramPalette }
  | { type: 'rendered'; revision: number }
  | { type: 'dom'; requestId: number; dom: DiagramDom }
  | { type: 'clicked'; requestId: number; ok: boolean };

/** Extension → webview. */
export type ToDiagramWebview =
  | { type: 'render'; view: DiagramView; revision: number }
  | { type: 'highlight'; key: string | null }
  | { type: 'hoverInfo'; info: DiagramHoverInfo }
  /** Read the theme's colours and answer with exportSvg. */
  | { type: 'export' }
  | { type: 'requestDom'; requestId: number }
  /** Test hook: click the node or link `key` (with Alt: mark it failed), or press a toolbar button. */
  | { type: 'click'; requestId: number; key: string; alt: boolean }
  | { type: 'press'; requestId: number; action: DiagramAction }
  /** Test hook: focus the node or link `on`, then press `key` there (a KeyboardEvent key: ArrowRight, Enter, f, …). */
  | { type: 'key'; requestId: number; on: string; key: string };

const MAX_DOM_ITEMS = 100_000;
const MAX_TEXT = 2_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isRequestId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;
const isKeyOrNull = (x: unknown): x is string | null => x === null || isDiagramKey(x);

function parseDom(value: unknown): DiagramDom | undefined {
  if (!isRecord(value)) return undefined;
  const v = value;
  const keys = (x: unknown): x is string[] => Array.isArray(x) && x.length <= MAX_DOM_ITEMS && x.every(isDiagramKey);
  if (!isRequestId(v.nodes) || !isRequestId(v.links) || !isRequestId(v.revision) || !keys(v.nodeKeys) || !keys(v.failed)) return undefined;
  if (!isKeyOrNull(v.highlighted) || !isKeyOrNull(v.focused) || !(v.notice === null || isText(v.notice))) return undefined;
  if (!Array.isArray(v.summary) || v.summary.length > 500 || !v.summary.every(isText)) return undefined;
  if (!Array.isArray(v.tooltip) || v.tooltip.length > 100 || !v.tooltip.every(isText)) return undefined;
  return {
    nodes: v.nodes,
    links: v.links,
    nodeKeys: [...v.nodeKeys],
    highlighted: v.highlighted,
    focused: v.focused,
    failed: [...v.failed],
    summary: [...(v.summary)],
    notice: v.notice,
    tooltip: [...v.tooltip],
    revision: v.revision,
  };
}

/** Validates one message from the diagram webview; undefined for anything unexpected. */
export function parseDiagramWebviewMessage(message: unknown): FromDiagramWebview | undefined {
  if (!isRecord(message) || typeof message.type !== 'string') return undefined;
  const m = message;
  switch (m.type) {
    case 'ready':
    case 'failOneSpinePerPod':
    case 'clearFailures':
      return { type: m.type };
    case 'select':
    case 'expand':
    case 'toggleFailed':
    case 'hover':
      return isDiagramKey(m.key) ? { type: m.type, key: m.key } : undefined;
    case 'collapse':
      return m.key === 'all' || (isDiagramKey(m.key) && m.key.startsWith('g:')) ? { type: 'collapse', key: m.key } : undefined;
    case 'exportSvg':
      return isRecord(m.palette) ? { type: 'exportSvg', palette: parsePalette(m.palette) } : undefined;
    case 'rendered':
      return isRequestId(m.revision) ? { type: 'rendered', revision: m.revision } : undefined;
    case 'dom': {
      if (!isRequestId(m.requestId)) return undefined;
      const dom = parseDom(m.dom);
      return dom === undefined ? undefined : { type: 'dom', requestId: m.requestId, dom };
    }
    case 'clicked':
      return isRequestId(m.requestId) && typeof m.ok === 'boolean' ? { type: 'clicked', requestId: m.requestId, ok: m.ok } : undefined;
    default:
      return undefined;
  }
}
