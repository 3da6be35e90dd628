/** The extension's command table: ids as contributed in package.json, and their handlers. */
import * as vscode from 'vscode';

export interface CommandHandlers {
  restartServer: () => Promise<void>;
  showOutput: () => void;
}

export const COMMAND_IDS = {
  restartServer: 'topology.restartServer',
  showOutput: 'topology.showOutput',
} as const satisfies Record<keyof CommandHandlers, string>;

export function registerCommands(context: vscode.ExtensionContext, handlers: CommandHandlers): void {
  for (const name of Object.keys(COMMAND_IDS) as (keyof CommandHandlers)[]) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMAND_IDS[name], handlers[name]));
  }
}
