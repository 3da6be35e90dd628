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
import type { DiagramHoverInfo, DiagramPalette, DiagramPosition, DiagramState, DiagramView } from './webview/diagramView';

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
