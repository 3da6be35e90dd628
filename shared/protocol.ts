/**
 * The custom LSP messages between the Topology Tutor client and server, declared once as typed
 * `RequestType`s, so the method name, the params and the result type are the same on both sides:
 * the server registers `connection.onRequest(FabricSummaryRequest.type, …)`, the client calls
 * `client.sendRequest(FabricSummaryRequest.type, params)` and gets a typed result (which it still
 * checks with parseFabricSummary: the other side may be any server). Method names are a contract
 * with other clients: never rename them. vscode-languageclient and vscode-languageserver both
 * re-export these types from this same vscode-languageserver-protocol package.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { FabricSummary } from './fabricSummary';

export type { FabricSummary };

export interface FabricSummaryParams {
  /** The document URI, as the client sent it in textDocument/didOpen. */
  uri: string;
}

/** Result: the summary, or null when the document is unknown to the server or cannot be analysed. */
export type FabricSummaryResult = FabricSummary | null;

/** `topology/fabricSummary`: the figures shown in the status bar for one open document. */
export const FabricSummaryRequest = {
  method: 'topology/fabricSummary',
  type: new RequestType<FabricSummaryParams, FabricSummaryResult, void>('topology/fabricSummary'),
} as const;

/** The lab formats `topology/exportLab` writes. */
export type ExportLabFormat = 'containerlab' | 'netlab';

export interface ExportLabParams {
  /** The topology document to export, as the client sent it in textDocument/didOpen. */
  uri: string;
  format: ExportLabFormat;
  /** A containerlab kind for every switch (default nokia_srlinux); the server ignores one it does not know. */
  kind?: string;
  /** Up to this many Linux hosts per server group (default 0). */
  servers?: number;
}

/** Result: the lab's text and warnings; an error the user should see; null when the document is unknown. */
export type ExportLabResult = { text: string; warnings: string[] } | { error: string } | null;

/** `topology/exportLab`: the open topology file as a containerlab or netlab topology ("Topology: Export as Lab…"). */
export const ExportLabRequest = {
  method: 'topology/exportLab',
  type: new RequestType<ExportLabParams, ExportLabResult, void>('topology/exportLab'),
} as const;

/** `initializationOptions` the Topology Tutor client sends. Every field is optional; other clients send none. */
export interface TopologyInitializationOptions {
  /**
   * The URI of the extension's lessons folder (no trailing slash), for the lesson links in
   * diagnostics and hovers. The browser client sends it (its lessons are at the extension's URI);
   * the Node server knows its own folder and ignores it.
   */
  lessonsBase?: string;
}

/** The project config files' names, as a glob (`topology/configFiles` finds these). */
export const CONFIG_FILES_GLOB = '**/.topology-tutor.{yaml,yml}';

export interface ConfigFilesParams {
  /** At most this many files. */
  maxFiles: number;
  /** Files larger than this many bytes are not read: their entry says so. */
  maxBytes: number;
}

/** One project config file as the client found it: its text, or why it was not read. */
export type ConfigFileEntry = { uri: string; text: string } | { uri: string; error: string };

export interface ConfigFilesResult {
  files: ConfigFileEntry[];
}

/**
 * `topology/configFiles` (server → client): every project config file (`.topology-tutor.yaml` /
 * `.yml`) in the workspace, with its text. Asked by a server that cannot read files itself (the
 * browser build's, lsp/clientProjectConfig.ts) after `initialized` and when watched config files
 * change; the Topology Tutor client answers with `workspace.findFiles` and `workspace.fs`.
 */
export const ConfigFilesRequest = {
  method: 'topology/configFiles',
  type: new RequestType<ConfigFilesParams, ConfigFilesResult, void>('topology/configFiles'),
} as const;
