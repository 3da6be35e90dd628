/**
 * The web extension's entry (package.json `browser`: vscode.dev, github.dev, any VS Code whose
 * extension host runs in the browser): the language server runs in a Web Worker
 * (browserLanguageClient.ts), and lessons, schemas and examples are read through the extension's
 * URI and `workspace.fs`. Everything else is activation.ts, shared with the desktop entry.
 * Nothing here or below may import a Node built-in: scripts/bundle.mjs fails the build otherwise.
 */
import * as vscode from 'vscode';
import { activateTopologyTutor, deactivateTopologyTutor } from './activation';
import type { TopologyTutorApi } from './activation';
import { createBrowserClient } from './browserLanguageClient';

export type { TopologyTutorApi };

/** The extension's lessons folder, where the server's lesson links point (parentheses encoded: they end a Markdown link). */
function lessonsBase(context: vscode.ExtensionContext): string {
  return vscode.Uri.joinPath(context.extensionUri, 'lessons').toString().replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export function activate(context: vscode.ExtensionContext): Promise<TopologyTutorApi> {
  return activateTopologyTutor(context, { runtime: 'web', createClient: createBrowserClient, lessonsBase });
}

export function deactivate(): Promise<void> {
  return deactivateTopologyTutor();
}
