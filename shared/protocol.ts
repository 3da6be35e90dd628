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
import type { LessonFiguresResult } from './lessonFigures';
import type { LintFileParams, LintFileResult } from './lintWorkspace';
import type { DiagramHoverInfo, DiagramPalette, DiagramPosition, DiagramState, DiagramView } from './webview/diagramView';

export type { FabricSummary, LessonFiguresResult, LintFileParams, LintFileResult };

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
export interface LessonFiguresParams {
  /** The document URI, as the client sent it in textDocument/didOpen. */
  uri: string;
  /** A lesson id of the catalogue (shared/lessons/catalog.ts); an unknown one gets null. */
  lesson: string;
}

/**
 * `topology/lessonFigures`: "In your fabric", the figures of one open document that belong to a
 * lesson (shared/lessonFigures.ts), for the lessons panel. Null when the document is unknown to the
 * server or the lesson is not in the catalogue.
 */
export const LessonFiguresRequest = {
  method: 'topology/lessonFigures',
  type: new RequestType<LessonFiguresParams, LessonFiguresResult, void>('topology/lessonFigures'),
} as const;

/**
 * `topology/lintFile`: lints the text of a file that is not open (Topology: Lint Workspace) with that
 * file's settings and project config, and answers with its diagnostics; publishes nothing itself
 * (shared/lintWorkspace.ts).
 */
export const LintFileRequest = {
  method: 'topology/lintFile',
  type: new RequestType<LintFileParams, LintFileResult, void>('topology/lintFile'),
} as const;

/** `initializationOptions` the Topology Tutor client sends. Every field is optional; other clients send none. */
export interface TopologyInitializationOptions {
  /**
   * The client watches `**∕.topology-tutor.{yaml,yml}` itself and sends workspace/didChangeWatchedFiles
   * for them, so the server must not register a watcher of its own (events would arrive twice).
   */
  watchesConfigFiles?: boolean;
  /**
   * The URI of the extension's lessons folder (no trailing slash), for the lesson links in
   * diagnostics and hovers. The browser client sends it (its lessons are at the extension's URI);
   * the Node server knows its own folder and ignores it.
   */
  lessonsBase?: string;
}

export type { DiagramHoverInfo, DiagramPalette, DiagramPosition, DiagramState, DiagramView };

export interface DiagramParams {
  uri: string;
  /** The group boxes opened and the what-if failures (shared/webview/diagramView.ts). */
  state: DiagramState;
}

/** Result: the laid-out diagram of the current analysis, or null when the document is unknown to the server. */
export type DiagramResult = DiagramView | null;

/**
 * `topology/diagram`: the fabric diagram of one open document, laid out, aggregated and with the
 * what-if impact of `state.failed`, from the same lint result as the diagnostics (no second parse).
 */
export const DiagramRequest = {
  method: 'topology/diagram',
  type: new RequestType<DiagramParams, DiagramResult, void>('topology/diagram'),
} as const;

export interface DiagramHoverParams {
  uri: string;
  /** A node or link key of the view drawn with `state`. */
  key: string;
  state: DiagramState;
}

/** `topology/diagramHover`: the figures of a drawn switch (the editor hover's, as plain lines), link or group. */
export const DiagramHoverRequest = {
  method: 'topology/diagramHover',
  type: new RequestType<DiagramHoverParams, DiagramHoverInfo | null, void>('topology/diagramHover'),
} as const;

export interface DiagramLocateParams {
  uri: string;
  position: DiagramPosition;
  state: DiagramState;
}

/** `topology/diagramLocate`: the key of the drawn node or link for the switch or link under the editor cursor, or null. */
export const DiagramLocateRequest = {
  method: 'topology/diagramLocate',
  type: new RequestType<DiagramLocateParams, string | null, void>('topology/diagramLocate'),
} as const;

export interface DiagramSvgParams {
  uri: string;
  state: DiagramState;
  /** The webview's theme colours, resolved to values. */
  palette: DiagramPalette;
}

/** `topology/diagramSvg`: the same picture as a self-contained SVG document (no external references, styles inline). */
export const DiagramSvgRequest = {
  method: 'topology/diagramSvg',
  type: new RequestType<DiagramSvgParams, string | null, void>('topology/diagramSvg'),
} as const;

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
