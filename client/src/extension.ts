/**
 * Topology Tutor client: starts the language server and registers commands. Glue only:
 * every check and every explanation comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'topology' }],
    synchronize: { configurationSection: 'topology' },
    outputChannel: output,
  };
  return new LanguageClient('topology', 'Topology Tutor', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Topology Tutor');
  context.subscriptions.push(output);
  client = createClient(context, output);
  registerCommands(context, {
    restartServer: async () => {
      if (client !== undefined) await client.restart();
    },
    showOutput: () => output.show(true),
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client !== undefined) await client.stop();
  client = undefined;
}
