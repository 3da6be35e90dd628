/**
 * Messages between the lessons panel (client/src/lessonsPanel/lessonsPanel.ts) and its webview
 * script (media/lessons.js, which names these types in JSDoc), and their validation. Pure: no node
 * or vscode import, so a webview bundle may import it too. Everything that arrives from the webview
 * is checked field by field; unknown or malformed messages come back as undefined and are ignored.
 * Lesson ids must be in the catalogue.
 */
import { isKnownLesson } from '../lessons/catalog';
import { isAnchor } from '../lessons/lessonLinks';

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
}

/** Webview → extension. */
export type FromWebview =
  | { type: 'getState' }
  | { type: 'openLesson'; lesson: string; section?: string }
  | { type: 'setDone'; lesson: string; done: boolean }
  | { type: 'tryIt'; lesson: string }
  | { type: 'dom'; requestId: number; dom: DomSnapshot }
  | { type: 'clicked'; requestId: number; ok: boolean };

/** Extension → webview. */
export type ToWebview =
  | { type: 'render'; view: PanelView }
  | { type: 'requestDom'; requestId: number }
  | { type: 'click'; requestId: number; action: ClickAction };

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
    default:
      return undefined;
  }
}
