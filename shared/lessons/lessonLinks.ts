/**
 * The lesson-link format, built and parsed in this one module. A link to a lesson section has
 * three forms:
 * - the file form the server puts in diagnostics (`codeDescription.href`) and hovers:
 *   `<lessons folder URI>/<id>.md#<anchor>` (any LSP client can open it as a file);
 * - the command form VS Code runs from trusted Markdown: `command:topology.openLesson?<JSON args>`;
 * - the extension's own URI (`<scheme>://<extension id>/lesson?lesson=<id>&section=<anchor>`),
 *   which the Problems panel opens through the URI handler.
 * Parsing accepts only lessons of the catalogue and well-formed anchors. Pure: no node or vscode import.
 */
import { isKnownLesson } from './catalog';
import { COMMANDS, commandUri } from '../commands';

export interface LessonTarget {
  lesson: string;
  section?: string;
}

/** A lesson section as rules and hovers name it: lesson id and heading anchor. */
export interface LessonSectionRef {
  lesson: string;
  anchor: string;
}

const ANCHOR_RE = /^[\p{L}\p{N}_-]{1,200}$/u;

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

/** `<base>/<lesson>.md#<anchor>`; `base` is a URI of the lessons folder without a trailing slash. */
export function lessonHref(base: string, link: LessonSectionRef): string {
  return `${base}/${link.lesson}.md#${link.anchor}`;
}

export interface LessonHrefOptions {
  /** Parse a relative `<id>.md#<anchor>` (links between lesson files). */
  relative?: boolean;
  /**
   * Also accept links into this lessons folder URI (no trailing slash): the browser build's
   * server links into the extension's own `lessons` folder, which is not a `file:` URI there.
   */
  base?: string;
}

const RELATIVE_HREF = /^(?:\.\/)?([^/#?\s]+)\.md(?:#([^#\s]*))?$/;
const FILE_HREF = /^file:\/\/[^?#\s]*\/lessons\/([^/#?\s]+)\.md(?:#([^#\s]*))?$/i;

/**
 * `file://…/lessons/<id>.md#<anchor>` (or a relative `<id>.md#<anchor>` when `relative` is set, or
 * `<base>/<id>.md#<anchor>` when `base` is given) → its lesson target; undefined for anything else,
 * including unknown lessons or malformed anchors.
 */
export function parseLessonHref(href: string, options: LessonHrefOptions = {}): LessonTarget | undefined {
  const text = href.trim();
  let m: RegExpExecArray | null;
  if (options.relative === true) m = RELATIVE_HREF.exec(text);
  else if (options.base !== undefined && options.base !== '' && text.startsWith(`${options.base}/`)) m = RELATIVE_HREF.exec(text.slice(options.base.length + 1));
  else m = FILE_HREF.exec(text);
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
  return commandUri(COMMANDS.openLesson, arg);
}

/** The path of a lesson in the extension's own URI (`<uriScheme>://<extension id>/lesson?…`). */
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
