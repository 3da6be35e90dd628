/** The desktop extension's language client: the server (server/out/server.js) in a Node process over IPC. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { TopologyClient } from './languageClient';

export function createNodeClient(context: vscode.ExtensionContext, options: LanguageClientOptions): TopologyClient {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return new LanguageClient('topology', 'Topology Tutor', serverOptions, options);
}
