/**
 * What the language server's main thread and its analysis workers say to each other. The
 * worker holds each document's lint result (text, tree, model: big) and answers that
 * document's requests itself, so only small messages cross: the text once per analysis,
 * diagnostics and request answers back. Plain data only (structured clone).
 */
import type {
  CodeAction,
  CodeActionParams,
  CompletionList,
  CompletionParams,
  DefinitionParams,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolParams,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
  Location,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
  SemanticTokens,
  SemanticTokensParams,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type {
  DiagramHoverInfo,
  DiagramHoverParams,
  DiagramLocateParams,
  DiagramParams,
  DiagramResult,
  DiagramSvgParams,
  ExportLabParams,
  ExportLabResult,
  FabricSummaryParams,
  FabricSummaryResult,
  LessonFiguresParams,
  LessonFiguresResult,
} from '../../../shared/protocol';
import type { LintSettings } from '../core/settings';

/** A ResponseError as plain data (the class does not survive structured clone). */
export interface WireError {
  code: number;
  message: string;
}

/** The requests a worker answers from a document's lint result: parameters and result per method. */
export interface WorkerRequests {
  hover: { params: HoverParams; result: Hover | null };
  inlayHints: { params: InlayHintParams; result: InlayHint[] };
  codeActions: { params: CodeActionParams; result: CodeAction[] };
  completion: { params: CompletionParams; result: CompletionList | null };
  symbols: { params: DocumentSymbolParams; result: DocumentSymbol[] };
  definition: { params: DefinitionParams; result: Location | null };
  references: { params: ReferenceParams; result: Location[] };
  prepareRename: { params: PrepareRenameParams; result: { range: Location['range']; placeholder: string } | null };
  rename: { params: RenameParams; result: WorkspaceEdit | null };
  semanticTokens: { params: SemanticTokensParams; result: SemanticTokens };
  fabricSummary: { params: FabricSummaryParams; result: FabricSummaryResult };
  exportLab: { params: ExportLabParams; result: ExportLabResult };
  lessonFigures: { params: LessonFiguresParams; result: LessonFiguresResult };
  diagram: { params: DiagramParams; result: DiagramResult };
  diagramHover: { params: DiagramHoverParams; result: DiagramHoverInfo | null };
  diagramLocate: { params: DiagramLocateParams; result: string | null };
  diagramSvg: { params: DiagramSvgParams; result: string | null };
}

export type WorkerMethod = keyof WorkerRequests;

// ------------------------------------------------------------------ main → worker

/** First message: what the worker needs to know once. */
export interface InitMessage {
  type: 'init';
  /** file: URL of the lessons folder (diagnostics and hovers link into it). */
  lessonsBase: string;
  /** Int32 cancellation slots shared with the main thread (absent where memory cannot be shared). */
  signals?: SharedArrayBuffer;
  /** Enables the test-only stall marker (TOPOLOGY_TEST_HOOKS). */
  testHooks: boolean;
}

export interface AnalyseMessage {
  type: 'analyse';
  seq: number;
  uri: string;
  version: number;
  text: string;
  settings: LintSettings;
  /** An earlier analysis of this very text ran out of time: syntax and schema only. */
  skipAnalysis?: 'over-budget';
}

export interface RequestMessage<M extends WorkerMethod = WorkerMethod> {
  type: 'request';
  seq: number;
  uri: string;
  /** Answer from a result of this version or newer; wait for one until then. */
  version: number;
  method: M;
  params: WorkerRequests[M]['params'];
}

/** Forget the document (closed, evicted, or moved to another worker). */
export interface DropMessage {
  type: 'drop';
  uri: string;
}

/** Lint a text once and keep nothing (topology/lintFile: Lint Workspace's unopened files). */
export interface LintTextMessage {
  type: 'lintText';
  seq: number;
  uri: string;
  text: string;
  settings: LintSettings;
  /** The text ran out of time before: syntax and schema only. */
  skipAnalysis?: 'over-budget';
}

/** Lint a small built-in fabric once and keep nothing: a spare worker's code is warm before a big document arrives. */
export interface WarmMessage {
  type: 'warm';
}

/** Cancels message `seq`, for workers without shared memory (with it, the main thread flags the slot). */
export interface CancelMessage {
  type: 'cancel';
  seq: number;
}

export type MainToWorker = InitMessage | AnalyseMessage | RequestMessage | DropMessage | CancelMessage | WarmMessage | LintTextMessage;

// ------------------------------------------------------------------ worker → main

export interface StartedMessage {
  type: 'started';
  seq: number;
}

/** The analysis reached the fabric phase, which has `remainingMs` of its budget left. */
export interface FabricStartedMessage {
  type: 'fabric';
  seq: number;
  remainingMs: number;
}

export type AnalysisOutcome = 'done' | 'cancelled' | 'failed';

export interface AnalysedMessage {
  type: 'analysed';
  seq: number;
  uri: string;
  version: number;
  outcome: AnalysisOutcome;
  /** For 'done': what to publish (already within the per-document budget). */
  diagnostics?: Diagnostic[];
  /** For 'done': the fabric analysis ran out of time (syntax and schema results only). */
  overBudget?: boolean;
  /** Characters of the text the worker now holds a result for (0 unless 'done'). */
  chars: number;
  /** For 'failed': what went wrong. */
  error?: string;
  ms: number;
}

export interface ResponseMessage {
  type: 'response';
  seq: number;
  uri: string;
  method: WorkerMethod;
  result?: unknown;
  error?: WireError;
  /** The request was cancelled before it was computed. */
  cancelled?: boolean;
}

export interface LogMessage {
  type: 'log';
  message: string;
}

/** The answer to `lintText`: its diagnostics (within the per-document budget), or why there are none. */
export interface LintedTextMessage {
  type: 'lintedText';
  seq: number;
  diagnostics?: Diagnostic[];
  cancelled?: boolean;
  error?: string;
}

/** The answer to `warm`: the warm-up lint took `ms`. */
export interface WarmedMessage {
  type: 'warmed';
  ms: number;
}

export type WorkerToMain = StartedMessage | FabricStartedMessage | AnalysedMessage | ResponseMessage | LogMessage | WarmedMessage | LintedTextMessage;

// ------------------------------------------------------------------ shared cancellation slots

/** Slots in the shared cancellation array; message `seq` owns slot `seq % SIGNAL_SLOTS`. */
export const SIGNAL_SLOTS = 4096;

/** Flags message `seq` as cancelled. */
export function signalCancel(signals: Int32Array, seq: number): void {
  Atomics.store(signals, seq % SIGNAL_SLOTS, seq);
}

/** True when message `seq` was flagged (a later message in the same slot overwrites it: then false, i.e. computed anyway). */
export function isSignalled(signals: Int32Array, seq: number): boolean {
  return Atomics.load(signals, seq % SIGNAL_SLOTS) === seq;
}
