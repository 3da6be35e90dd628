/**
 * "In your fabric": the figures of an open topology file that belong to a lesson — the leaf with the
 * worst ratio and its arithmetic, ECMP paths per leaf, the N-1 loss per spine, east-west against
 * north-south, port use, tier violations, virtualization fields — as the server sends them
 * (`topology/lessonFigures`) and the lessons panel shows them beside the lesson. The server's core
 * computes them (server/src/core/lessons/lessonFigures.ts); the client checks what arrives with
 * parseLessonFigures before anything reaches the webview. Pure: no node or vscode import.
 */
import { isKnownLesson, lessonInfo } from './lessons/catalog';
import { isTryItPath } from './lessons/frontMatter';
import { isAnchor } from './lessons/lessonLinks';

/** ok: within the design; over: over a limit or broken (a finding's figure); info: just a figure. */
export type FigureStatus = 'ok' | 'over' | 'info';
export const FIGURE_STATUSES: readonly FigureStatus[] = ['ok', 'over', 'info'];

export interface FigurePosition {
  line: number;
  character: number;
}

/** Where a figure lives in the file: the switch's (or server group's) name key, or the finding's range. */
export interface FigureTarget {
  /** What the editor reveals, as the panel names it (a switch or server group name, clipped). */
  name: string;
  range: { start: FigurePosition; end: FigurePosition };
}

export interface LessonFigure {
  /** What the figure is about: a switch, a server group, a pod, "north-south". */
  label: string;
  /** The figure with its arithmetic: `1200G to servers ÷ 400G to spines = 3:1 (design allows 3:1)`. */
  text: string;
  status: FigureStatus;
  /** Absent for figures of the whole fabric (a bisection has no one switch). */
  target?: FigureTarget;
}

/** The figures of one lesson section. */
export interface FigureGroup {
  /** The lesson section (an anchor of the lesson) where the idea is taught. */
  section: string;
  /** The section's title, as the panel shows it. */
  title: string;
  figures: LessonFigure[];
  /** Figures left out to keep the list short (the most telling ones come first). */
  more: number;
  /** One sentence about the group: a count, or why there is nothing to show. */
  note?: string;
  /** A try-it file (`examples/….topology.yaml`) that has what this file lacks. */
  tryIt?: string;
}

export interface LessonFigures {
  lesson: string;
  /** In the lesson's reading order. */
  groups: FigureGroup[];
  /** Why there are no figures at all (the file does not parse, or the fabric was not analysed). */
  note?: string;
}

/** Result of `topology/lessonFigures`: null when the document is unknown to the server. */
export type LessonFiguresResult = LessonFigures | null;

/** The caps a result must keep (the server cuts to them; the client refuses anything beyond). */
export const FIGURE_LIMITS = { groups: 8, figures: 12, label: 120, text: 400, note: 400, title: 100 } as const;

/**
 * The try-it file the "In your fabric" part offers when no topology file is open (or the open one
 * lacks what the lesson is about): the lesson's own (front matter `tryIt`), or for the lessons
 * without one, the example that has what their figures need.
 */
const FALLBACK_TRY_IT = new Map<string, string>([
  ['ring0-problem', 'examples/lessons/virtualized-rack.topology.yaml'],
  ['hardware-virtualization', 'examples/lessons/virtualized-rack.topology.yaml'],
  ['vm-exits', 'examples/lessons/virtualized-rack.topology.yaml'],
  ['topology-format', 'examples/clean-fabric.topology.yaml'],
]);

export function fabricTryIt(lesson: string): string | undefined {
  return lessonInfo(lesson)?.tryIt ?? FALLBACK_TRY_IT.get(lesson);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function parsePosition(value: unknown): FigurePosition | undefined {
  if (!isRecord(value) || !isCount(value.line) || !isCount(value.character)) return undefined;
  return { line: value.line, character: value.character };
}

function parseTarget(value: unknown): FigureTarget | undefined {
  if (!isRecord(value) || !isText(value.name, FIGURE_LIMITS.label) || !isRecord(value.range)) return undefined;
  const start = parsePosition(value.range.start);
  const end = parsePosition(value.range.end);
  if (start === undefined || end === undefined) return undefined;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return undefined;
  return { name: value.name, range: { start, end } };
}

function parseFigure(value: unknown): LessonFigure | undefined {
  if (!isRecord(value) || !isText(value.label, FIGURE_LIMITS.label) || !isText(value.text, FIGURE_LIMITS.text)) return undefined;
  if (!FIGURE_STATUSES.includes(value.status as FigureStatus)) return undefined;
  const figure: LessonFigure = { label: value.label, text: value.text, status: value.status as FigureStatus };
  if (value.target !== undefined && value.target !== null) {
    const target = parseTarget(value.target);
    if (target === undefined) return undefined;
    figure.target = target;
  }
  return figure;
}

function parseGroup(value: unknown): FigureGroup | undefined {
  if (!isRecord(value) || !isAnchor(value.section) || !isText(value.title, FIGURE_LIMITS.title) || !isCount(value.more)) return undefined;
  if (!Array.isArray(value.figures) || value.figures.length > FIGURE_LIMITS.figures) return undefined;
  const figures: LessonFigure[] = [];
  for (const raw of value.figures) {
    const figure = parseFigure(raw);
    if (figure === undefined) return undefined;
    figures.push(figure);
  }
  const group: FigureGroup = { section: value.section, title: value.title, figures, more: value.more };
  if (value.note !== undefined && value.note !== null) {
    if (!isText(value.note, FIGURE_LIMITS.note)) return undefined;
    group.note = value.note;
  }
  if (value.tryIt !== undefined && value.tryIt !== null) {
    if (!isTryItPath(value.tryIt)) return undefined;
    group.tryIt = value.tryIt;
  }
  return group;
}

/**
 * Checks a `topology/lessonFigures` result from the wire (the other side may be any server) and
 * returns a clean copy: undefined when it is not the figures of `lesson`.
 */
export function parseLessonFigures(value: unknown, lesson: string): LessonFigures | undefined {
  if (!isRecord(value) || !isKnownLesson(value.lesson) || value.lesson !== lesson) return undefined;
  if (!Array.isArray(value.groups) || value.groups.length > FIGURE_LIMITS.groups) return undefined;
  const groups: FigureGroup[] = [];
  for (const raw of value.groups) {
    const group = parseGroup(raw);
    if (group === undefined) return undefined;
    groups.push(group);
  }
  const figures: LessonFigures = { lesson, groups };
  if (value.note !== undefined && value.note !== null) {
    if (!isText(value.note, FIGURE_LIMITS.note)) return undefined;
    figures.note = value.note;
  }
  return figures;
}
