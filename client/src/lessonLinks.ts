/**
 * Lesson links, pure (no vscode import): the server links lessons as
 * `file:///…/lessons/<id>.md#<anchor>`; the client turns those into `command:topology.openLesson?…`
 * URIs so that hovers and the Problems panel open the lesson in our panel (desktop and browser alike).
 */
import { lessonInfo } from '../../server/src/core/lessons/lessonCatalog';

export const OPEN_LESSON_COMMAND = 'topology.openLesson';
export const OPEN_TRY_IT_COMMAND = 'topology.openTryIt';
/** The only commands a hover's Markdown may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_ENABLED_COMMANDS: readonly string[] = [OPEN_LESSON_COMMAND, OPEN_TRY_IT_COMMAND];

export interface LessonTarget {
  lesson: string;
  section?: string;
}

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ANCHOR_RE = /^[\p{L}\p{N}_-]{1,200}$/u;

export function isKnownLesson(id: unknown): id is string {
  return typeof id === 'string' && ID_RE.test(id) && lessonInfo(id) !== undefined;
}

export function isAnchor(section: unknown): section is string {
  return typeof section === 'string' && ANCHOR_RE.test(section);
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * `file://…/lessons/<id>.md#<anchor>` (or a relative `<id>.md#<anchor>` when `relative` is set) →
 * its lesson target; undefined for anything else, including unknown lessons or malformed anchors.
 */
export function parseLessonHref(href: string, options: { relative?: boolean } = {}): LessonTarget | undefined {
  const re = options.relative === true
    ? /^(?:\.\/)?([^/#?\s]+)\.md(?:#([^#\s]*))?$/
    : /^file:\/\/[^?#\s]*\/lessons\/([^/#?\s]+)\.md(?:#([^#\s]*))?$/i;
  const m = re.exec(href.trim());
  if (m === null) return undefined;
  const lesson = decode(m[1]);
  if (!isKnownLesson(lesson)) return undefined;
  if (m[2] === undefined || m[2] === '') return { lesson };
  const section = decode(m[2]);
  return isAnchor(section) ? { lesson, section } : { lesson };
}

/** `command:topology.openLesson?<encoded JSON args>`: the URI form VS Code's command links expect. */
export function lessonCommandUri(target: LessonTarget): string {
  const arg: LessonTarget = target.section === undefined ? { lesson: target.lesson } : { lesson: target.lesson, section: target.section };
  return `command:${OPEN_LESSON_COMMAND}?${encodeURIComponent(JSON.stringify([arg]))}`;
}

/** The path and query of a lesson in the extension's own URI (`<uriScheme>://<extension id>/lesson?…`). */
export const LESSON_URI_PATH = '/lesson';

export function lessonUriQuery(target: LessonTarget): string {
  const query = new URLSearchParams({ lesson: target.lesson });
  if (target.section !== undefined) query.set('section', target.section);
  return query.toString();
}

/** The lesson named by the extension's own URI (path `/lesson`); undefined for anything else. */
export function parseLessonUri(path: string, query: string): LessonTarget | undefined {
  if (path !== LESSON_URI_PATH) return undefined;
  const params = new URLSearchParams(query);
  return toLessonTarget({ lesson: params.get('lesson') ?? undefined, section: params.get('section') ?? undefined });
}

/** Rewrites a lesson link (file URI) to its command URI; any other link comes back unchanged. */
export function rewriteHref(href: string): string {
  const target = parseLessonHref(href);
  return target === undefined ? href : lessonCommandUri(target);
}

/** Rewrites every Markdown link `[label](file://…/lessons/<id>.md#a)` to the command URI. */
export function rewriteLessonLinks(markdown: string): { text: string; changed: boolean } {
  let changed = false;
  const text = markdown.replace(/\]\(\s*<?(file:\/\/[^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/g, (whole, href: string, title: string) => {
    const rewritten = rewriteHref(href);
    if (rewritten === href) return whole;
    changed = true;
    return `](${rewritten}${title})`;
  });
  return { text, changed };
}

/**
 * The argument of `topology.openLesson`, from any caller (command links, other extensions, tests):
 * `{ lesson, section? }`, a lesson file URI string, `<id>` or `<id>#<anchor>`. Unknown lessons → undefined;
 * a malformed section is dropped.
 */
export function toLessonTarget(arg: unknown): LessonTarget | undefined {
  if (typeof arg === 'string') {
    const text = arg.trim();
    if (/^file:/i.test(text)) return parseLessonHref(text);
    const [id, section] = text.split('#', 2);
    if (!isKnownLesson(id)) return undefined;
    return section !== undefined && isAnchor(section) ? { lesson: id, section } : { lesson: id };
  }
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return undefined;
  const record = arg as Record<string, unknown>;
  if (!isKnownLesson(record.lesson)) return undefined;
  return isAnchor(record.section) ? { lesson: record.lesson, section: record.section } : { lesson: record.lesson };
}
