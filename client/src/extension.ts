/**
 * The desktop extension's entry (package.json `main`): the language server runs in a Node process
 * (nodeLanguageClient.ts). Everything else is activation.ts, shared with the browser entry.
 */
import type * as vscode from 'vscode';
import { activateTopologyTutor, deactivateTopologyTutor } from './activation';
import type { TopologyTutorApi } from './activation';
import { createNodeClient } from './nodeLanguageClient';

export type { TopologyTutorApi };

export function activate(context: vscode.ExtensionContext): Promise<TopologyTutorApi> {
  return activateTopologyTutor(context, { runtime: 'node', createClient: createNodeClient });
}

export function deactivate(): Promise<void> {
  return deactivateTopologyTutor();
}
