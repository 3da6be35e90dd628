/** Registers a handler for every command the extension contributes (ids: shared/commands.ts). */
import * as vscode from 'vscode';
import { COMMANDS } from '../../shared/commands';
import type { CommandName } from '../../shared/commands';

/**
 * One handler per command. Arguments arrive from anywhere (command links, other extensions,
 * keybindings), so handlers take `unknown` and check it; shared/commands.ts declares what callers pass.
 */
export interface CommandHandlers extends Record<CommandName, (arg?: unknown) => unknown> {
  restartServer: () => Promise<void>;
  showOutput: () => void;
  /** No argument: the current (or first) lesson. */
  openLessons: () => Promise<void>;
  /** An OpenLessonArg; none: pick one. */
  openLesson: (arg?: unknown) => Promise<void>;
  /** An OpenTryItArg; none: pick one. */
  openTryIt: (arg?: unknown) => Promise<void>;
  resetLessonProgress: () => Promise<void>;
  newTopologyFile: () => Promise<void>;
  /** ExportLabArgs: the file, the format and the target; none: the active editor, then ask. */
  exportLab: (uri?: unknown, format?: unknown, target?: unknown) => Promise<void>;
  /** Lints the unopened topology files into the Problems panel; resolves with what it did. */
  lintWorkspace: () => Promise<unknown>;
  /** The fabric diagram of the active topology editor. */
  showDiagram: () => Promise<void>;
  /** Saves the diagram's picture as an SVG file. */
  exportDiagramSvg: () => Promise<void>;
}

export function registerCommands(context: vscode.ExtensionContext, handlers: CommandHandlers): void {
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMANDS[name], handlers[name]));
  }
}
