/** The extension's command table: ids as contributed in package.json, and their handlers. */
import * as vscode from 'vscode';

export interface CommandHandlers {
  restartServer: () => Promise<void>;
  showOutput: () => void;
  /** No argument: the current (or first) lesson. */
  openLessons: () => Promise<void>;
  /** `{ lesson, section? }`, a `file://…/lessons/<id>.md#<anchor>` string, or `<id>[#<anchor>]`; none: pick one. */
  openLesson: (arg?: unknown) => Promise<void>;
  /** A lesson id (its front matter `tryIt`) or a repo-relative `examples/….topology.yaml` path; none: pick one. */
  openTryIt: (arg?: unknown) => Promise<void>;
  resetLessonProgress: () => Promise<void>;
  newTopologyFile: () => Promise<void>;
}

export const COMMAND_IDS = {
  restartServer: 'topology.restartServer',
  showOutput: 'topology.showOutput',
  openLessons: 'topology.openLessons',
  openLesson: 'topology.openLesson',
  openTryIt: 'topology.openTryIt',
  resetLessonProgress: 'topology.resetLessonProgress',
  newTopologyFile: 'topology.newTopologyFile',
} as const satisfies Record<keyof CommandHandlers, string>;

export function registerCommands(context: vscode.ExtensionContext, handlers: CommandHandlers): void {
  for (const name of Object.keys(COMMAND_IDS) as (keyof CommandHandlers)[]) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMAND_IDS[name], handlers[name]));
  }
}
