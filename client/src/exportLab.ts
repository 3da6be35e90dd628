/**
 * "Topology: Export as Lab…" (topology.exportLab): asks for the format (containerlab or netlab)
 * and where to save, has the server export the topology file (topology/exportLab), writes the lab
 * and opens it. The arguments (ExportLabArgs) can name the file, the format and the target, which
 * skips the questions. Glue only: the export itself is the server's.
 */
import * as vscode from 'vscode';
import type { TopologyClient } from './languageClient';
import { ExportLabRequest } from '../../shared/protocol';
import type { ExportLabFormat, ExportLabResult } from '../../shared/protocol';

const FORMATS: { label: ExportLabFormat; description: string; suffix: string }[] = [
  { label: 'containerlab', description: 'a .clab.yml topology for `containerlab deploy` (lint it back with Topology Tutor)', suffix: '.clab.yml' },
  { label: 'netlab', description: 'a netlab topology for `netlab up`', suffix: '.netlab.yml' },
];

/** The server's answer, checked: any server may answer. */
function checked(value: unknown): ExportLabResult | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return { error: v.error };
  if (typeof v.text === 'string' && Array.isArray(v.warnings) && v.warnings.every((w) => typeof w === 'string')) return { text: v.text, warnings: v.warnings };
  return undefined;
}

function sibling(uri: vscode.Uri, suffix: string): vscode.Uri {
  const base = uri.path.replace(/^.*\//, '').replace(/\.topology\.ya?ml$|\.ya?ml$/, '');
  return vscode.Uri.joinPath(uri, '..', `${base === '' ? 'lab' : base}${suffix}`);
}

export function exportLabCommand(getClient: () => TopologyClient | undefined, log: (message: string) => void): (uri?: unknown, format?: unknown, target?: unknown) => Promise<void> {
  return async (uriArg?: unknown, formatArg?: unknown, targetArg?: unknown) => {
    let document: vscode.TextDocument | undefined;
    if (typeof uriArg === 'string') document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriArg));
    else if (uriArg instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(uriArg);
    else document = vscode.window.activeTextEditor?.document;
    if (document === undefined || document.languageId !== 'topology') {
      void vscode.window.showErrorMessage('Topology Tutor: open a topology file (*.topology.yaml) to export it as a lab.');
      return;
    }
    let format = FORMATS.find((f) => f.label === formatArg);
    if (format === undefined) {
      format = await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Export the fabric as a lab for…' });
      if (format === undefined) return;
    }
    let target: vscode.Uri | undefined;
    if (typeof targetArg === 'string') target = vscode.Uri.parse(targetArg);
    else {
      target = await vscode.window.showSaveDialog({
        defaultUri: sibling(document.uri, format.suffix),
        filters: { 'Lab topology': ['yml', 'yaml'] },
        title: `Export as ${format.label} lab`,
      });
      if (target === undefined) return;
    }
    const client = getClient();
    if (client === undefined) {
      void vscode.window.showErrorMessage('Topology Tutor: the language server is not running.');
      return;
    }
    const answer = checked(await client.sendRequest(ExportLabRequest.type, { uri: document.uri.toString(), format: format.label }));
    if (answer === undefined || answer === null) {
      log(`${ExportLabRequest.method}: no usable answer for ${document.uri.toString()}`);
      void vscode.window.showErrorMessage('Topology Tutor: the server could not export this file (see "Topology: Show Server Output").');
      return;
    }
    if ('error' in answer) {
      void vscode.window.showErrorMessage(`Topology Tutor: cannot export: ${answer.error}`);
      return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.text));
    for (const warning of answer.warnings) log(`Export: ${warning}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
    if (answer.warnings.length > 0) {
      void vscode.window.showWarningMessage(`Topology Tutor: exported with warnings. ${answer.warnings[0]}${answer.warnings.length > 1 ? ' (all in "Topology: Show Server Output")' : ''}`);
    }
  };
}
