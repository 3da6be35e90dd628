/**
 * Answers `topology/configFiles` (shared/protocol.ts): every project config file of the workspace
 * with its text, read through `workspace.fs`, so that a server that cannot read files (the browser
 * build's) applies them as the Node server does from disk. Works on any file system the editor
 * has (file:, vscode-vfs: in github.dev, …).
 */
import * as vscode from 'vscode';
import { CONFIG_FILES_GLOB } from '../../shared/protocol';
import type { ConfigFileEntry, ConfigFilesParams, ConfigFilesResult } from '../../shared/protocol';

/** The server's limits, checked (any server may send anything), within the client's own. */
function limits(params: unknown): ConfigFilesParams {
  const p = params !== null && typeof params === 'object' ? (params as Partial<ConfigFilesParams>) : {};
  const bounded = (value: unknown, max: number): number => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, max) : max);
  return { maxFiles: bounded(p.maxFiles, 1000), maxBytes: bounded(p.maxBytes, 1024 * 1024) };
}

async function readEntry(uri: vscode.Uri, maxBytes: number): Promise<ConfigFileEntry> {
  const key = uri.toString();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0) return { uri: key, error: 'it is not a file' };
    if (stat.size > maxBytes) return { uri: key, error: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
    return { uri: key, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    return { uri: key, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function readConfigFiles(params: unknown, token: vscode.CancellationToken, log: (message: string) => void): Promise<ConfigFilesResult> {
  const { maxFiles, maxBytes } = limits(params);
  try {
    const uris = await vscode.workspace.findFiles(CONFIG_FILES_GLOB, undefined, maxFiles, token);
    uris.sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
    return { files: await Promise.all(uris.map((uri) => readEntry(uri, maxBytes))) };
  } catch (error) {
    log(`Finding the project config files failed: ${String(error)}`);
    return { files: [] };
  }
}
