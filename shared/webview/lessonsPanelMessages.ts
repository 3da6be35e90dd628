/**
 * Messages between the lessons panel (client/src/lessonsPanel/lessonsPanel.ts) and its webview
 * script (media/lessons.js, which names these types in JSDoc), and their validation. Pure: no node
 * or vscode import, so a webview bundle may import it too. Everything that arrives from the webview
 * is checked field by field; unknown or malformed messages come back as undefined and are ignored.
 * Lesson ids must be in the catalogue.
 *
 * "In your fabric" (FabricPart): the figures of the open topology file beside the lesson. The
 * webview gets text only (labels, figures, notes; what the user named is shown with textContent);
 * every link in it is a number, and the extension maps it to what it does (reveal a switch, open a
 * try-it file), so nothing the webview sends can name a file or a range.
 */
import { isKnownLesson } from '../lessons/catalog';
import { isAnchor } from '../lessons/lessonLinks';
import type { FigureStatus } from '../lessonFigures';

/** A figure as the webview shows it; `link` (when present) is what clicking it sends back. */
export interface FabricFigureView {
  label: string;
  text: string;
  status: FigureStatus;
  link?: number;
}

export interface FabricGroupView {
  /** The lesson section the group belongs to (its title links there). */
  section: string;
  title: string;
  note?: string;
  figures: FabricFigureView[];
  /** Figures left out. */
  more: number;
  /** A try-it file offered (its file name) and the link that opens it. */
  tryIt?: { name: string; link: number };
}

/** What the "In your fabric" part shows. */
export type FabricView =
  /** No topology editor: the lesson's try-it file is offered instead. */
  | { kind: 'noFile'; tryIt?: { name: string; link: number } }
  /** The server has not answered (yet) for this file. */
  | { kind: 'loading'; file: string }
  | { kind: 'unavailable'; file: string; reason: string }
  | { kind: 'figures'; file: string; note?: string; groups: FabricGroupView[] };

export interface FabricPart {
  lesson: string;
  /** Changes with every update: a link of an older part is refused. */
  seq: number;
  view: FabricView;
}

/** What the test hook reads of the "In your fabric" part in the webview's DOM. */
export interface FabricDom {
  /** The heading, with the file name it shows. */
  heading: string;
  groups: { title: string; note?: string; figures: { label: string; text: string; link?: number }[] }[];
  /** The link of the try-it button, when one shows. */
  tryIt?: number;
}

/** Buttons the test hook may click in the webview (they exist in its DOM with data-action="…"). */
export const CLICK_ACTIONS = ['done', 'previous', 'next', 'tryIt'] as const;
export type ClickAction = (typeof CLICK_ACTIONS)[number];

export interface DomSnapshot {
  /** The lesson title shown (the h1 of the lesson). */
  title: string;
  /** The text of every h2/h3 of the lesson. */
  headings: string[];
  /** The lesson list in the navigation, with the done marks it shows. */
  lessonList: { id: string; done: boolean }[];
  /** The section the view last scrolled to, if any. */
  section?: string;
  /** The "In your fabric" part, when it shows. */
  fabric?: FabricDom;
  /** What the webview saved with setState (the panel serializer restores from it after a reload). */
  saved?: SavedPanelState;
}

/** The webview's saved state (vscode.setState), which VS Code hands to the panel serializer after a window reload. */
export interface SavedPanelState {
  lesson: string;
  section?: string;
  scrollY?: number;
}

/** Webview → extension. */
export type FromWebview =
  | { type: 'getState' }
  | { type: 'openLesson'; lesson: string; section?: string }
  | { type: 'setDone'; lesson: string; done: boolean }
  | { type: 'tryIt'; lesson: string }
  | { type: 'dom'; requestId: number; dom: DomSnapshot }
  | { type: 'clicked'; requestId: number; ok: boolean }
  /** A link of the "In your fabric" part was clicked: reveal its switch, or open its try-it file. */
  | { type: 'fabricLink'; seq: number; link: number };

/** Extension → webview. */
export type ToWebview =
  | { type: 'render'; view: PanelView }
  | { type: 'requestDom'; requestId: number }
  | { type: 'click'; requestId: number; action: ClickAction }
  /** Updates only the "In your fabric" part (the figures changed; the lesson did not). */
  | { type: 'fabric'; fabric: FabricPart }
  /** Test hook: clicks the "In your fabric" link with this number. */
  | { type: 'clickFabricLink'; requestId: number; link: number };

export interface PanelView {
  tracks: { title: string; lessons: { id: string; title: string; minutes: number; done: boolean }[] }[];
  lesson: {
    id: string;
    title: string;
    trackTitle: string;
    minutes: number;
    summary: string;
    /** Rendered by renderMarkdown (escaped). */
    html: string;
    done: boolean;
    hasTryIt: boolean;
    previous?: { id: string; title: string };
    next?: { id: string; title: string };
  };
  section?: string;
  /** Changes with every render, so the webview scrolls again even to the same section. */
  seq: number;
  /** "In your fabric", when known. */
  fabric?: FabricPart;
}

const MAX_TEXT = 500;
const MAX_ITEMS = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

function isLink(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value < 10_000;
}

function parseFabricDom(value: unknown): FabricDom | undefined {
  if (!isRecord(value) || !isShortText(value.heading) || !Array.isArray(value.groups) || value.groups.length > 20) return undefined;
  const groups: FabricDom['groups'] = [];
  for (const g of value.groups) {
    if (!isRecord(g) || !isShortText(g.title) || !Array.isArray(g.figures) || g.figures.length > 50) return undefined;
    const figures: FabricDom['groups'][number]['figures'] = [];
    for (const f of g.figures) {
      if (!isRecord(f) || !isShortText(f.label) || !isShortText(f.text)) return undefined;
      if (f.link !== undefined && f.link !== null && !isLink(f.link)) return undefined;
      figures.push(isLink(f.link) ? { label: f.label, text: f.text, link: f.link } : { label: f.label, text: f.text });
    }
    if (g.note !== undefined && g.note !== null && !isShortText(g.note)) return undefined;
    groups.push(typeof g.note === 'string' ? { title: g.title, note: g.note, figures } : { title: g.title, figures });
  }
  const dom: FabricDom = { heading: value.heading, groups };
  if (value.tryIt !== undefined && value.tryIt !== null) {
    if (!isLink(value.tryIt)) return undefined;
    dom.tryIt = value.tryIt;
  }
  return dom;
}

/** Checks a saved webview state (after a reload it comes from VS Code's storage: anything may be there). */
export function parseSavedPanelState(value: unknown): SavedPanelState | undefined {
  if (!isRecord(value) || !isKnownLesson(value.lesson)) return undefined;
  const state: SavedPanelState = { lesson: value.lesson };
  if (isAnchor(value.section)) state.section = value.section;
  if (typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY >= 0) state.scrollY = value.scrollY;
  return state;
}

function parseDom(value: unknown): DomSnapshot | undefined {
  if (!isRecord(value)) return undefined;
  const { title, headings, lessonList, section } = value;
  if (!isShortText(title)) return undefined;
  if (!Array.isArray(headings) || headings.length > MAX_ITEMS || !headings.every(isShortText)) return undefined;
  if (!Array.isArray(lessonList) || lessonList.length > MAX_ITEMS) return undefined;
  const list: DomSnapshot['lessonList'] = [];
  for (const entry of lessonList) {
    if (!isRecord(entry) || !isKnownLesson(entry.id) || typeof entry.done !== 'boolean') return undefined;
    list.push({ id: entry.id, done: entry.done });
  }
  const dom: DomSnapshot = { title, headings: [...headings], lessonList: list };
  if (section !== undefined && section !== null) {
    if (!isAnchor(section)) return undefined;
    dom.section = section;
  }
  if (value.fabric !== undefined && value.fabric !== null) {
    const fabric = parseFabricDom(value.fabric);
    if (fabric === undefined) return undefined;
    dom.fabric = fabric;
  }
  if (value.saved !== undefined && value.saved !== null) {
    const saved = parseSavedPanelState(value.saved);
    if (saved !== undefined) dom.saved = saved;
  }
  return dom;
}

/** Validates one message from the webview; undefined for anything unexpected. */
export function parseWebviewMessage(message: unknown): FromWebview | undefined {
  if (!isRecord(message) || typeof message.type !== 'string') return undefined;
  switch (message.type) {
    case 'getState':
      return { type: 'getState' };
    case 'openLesson': {
      if (!isKnownLesson(message.lesson)) return undefined;
      if (message.section === undefined || message.section === null) return { type: 'openLesson', lesson: message.lesson };
      return isAnchor(message.section) ? { type: 'openLesson', lesson: message.lesson, section: message.section } : undefined;
    }
    case 'setDone':
      return isKnownLesson(message.lesson) && typeof message.done === 'boolean'
        ? { type: 'setDone', lesson: message.lesson, done: message.done }
        : undefined;
    case 'tryIt':
      return isKnownLesson(message.lesson) ? { type: 'tryIt', lesson: message.lesson } : undefined;
    case 'dom': {
      if (!isRequestId(message.requestId)) return undefined;
      const dom = parseDom(message.dom);
      return dom === undefined ? undefined : { type: 'dom', requestId: message.requestId, dom };
    }
    case 'clicked':
      return isRequestId(message.requestId) && typeof message.ok === 'boolean'
        ? { type: 'clicked', requestId: message.requestId, ok: message.ok }
        : undefined;
    case 'fabricLink':
      return isRequestId(message.seq) && isLink(message.link) ? { type: 'fabricLink', seq: message.seq, link: message.link } : undefined;
    default:
      return undefined;
  }
}

