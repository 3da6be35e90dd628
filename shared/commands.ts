/**
 * Every command the extension contributes (package.json `contributes.commands`), with the
 * arguments it takes. The ids are a public contract (keybindings, command links in hovers,
 * walkthroughs and quick fixes): never rename them. The client registers a handler for each; the
 * core and the walkthroughs build command links with these ids. Pure: no node or vscode import.
 */
import type { LessonTarget } from './lessons/lessonLinks';

export const COMMANDS = {
  restartServer: 'topology.restartServer',
  showOutput: 'topology.showOutput',
  openLessons: 'topology.openLessons',
  openLesson: 'topology.openLesson',
  openTryIt: 'topology.openTryIt',
  resetLessonProgress: 'topology.resetLessonProgress',
  newTopologyFile: 'topology.newTopologyFile',
  exportLab: 'topology.exportLab',
  lintWorkspace: 'topology.lintWorkspace',
  showDiagram: 'topology.showDiagram',
  exportDiagramSvg: 'topology.exportDiagramSvg',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/**
 * `topology.openLesson`: `{ lesson, section? }`, a `file://…/lessons/<id>.md#<anchor>` string, or
 * `<id>[#<anchor>]`; none: pick one. Handlers still check what they get (toLessonTarget).
 */
export type OpenLessonArg = LessonTarget | string;

/** `topology.openTryIt`: a lesson id (its front matter `tryIt`) or a repo-relative `examples/….topology.yaml` path; none: pick one. */
export type OpenTryItArg = string;

/**
 * `topology.exportLab`: the topology file to export (a URI string; none: the active editor's), then
 * optionally the format and the file to write (a URI string), which skip the quick pick and the
 * save dialog.
 */
export type ExportLabArgs = [uri?: string, format?: 'containerlab' | 'netlab', target?: string];

/** The arguments of each command, as a tuple (what command links and `executeCommand` pass). */
export interface CommandArgs {
  restartServer: [];
  showOutput: [];
  openLessons: [];
  openLesson: [target?: OpenLessonArg];
  openTryIt: [target?: OpenTryItArg];
  resetLessonProgress: [];
  newTopologyFile: [];
  exportLab: ExportLabArgs;
  lintWorkspace: [];
  /** The diagram of the active topology editor, beside it. */
  showDiagram: [];
  /** Saves the diagram panel's picture as an SVG file (asks where). */
  exportDiagramSvg: [];
}

/** The id of `topology.openLesson` (quick fixes and the status bar name it). */
export const OPEN_LESSON_COMMAND = COMMANDS.openLesson;
export const OPEN_TRY_IT_COMMAND = COMMANDS.openTryIt;

/** The only commands a hover's Markdown may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_ENABLED_COMMANDS: readonly CommandId[] = [OPEN_LESSON_COMMAND, OPEN_TRY_IT_COMMAND];

type ArgsOf<Id extends CommandId> = CommandArgs[{ [N in CommandName]: (typeof COMMANDS)[N] extends Id ? N : never }[CommandName]];

/** `command:<id>?<encoded JSON args>`: the command-link form VS Code runs from trusted Markdown. */
export function commandUri<Id extends CommandId>(id: Id, ...args: ArgsOf<Id>): string {
  return args.length === 0 ? `command:${id}` : `command:${id}?${encodeURIComponent(JSON.stringify(args))}`;
}
