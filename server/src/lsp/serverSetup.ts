/**
 * The Topology Tutor language server, whatever carries its messages. Both entries call
 * startLanguageServer with their connection and a ServerPlatform:
 *   - server/src/server.ts: Node (stdio, IPC, socket); analyses in worker_threads;
 *   - server/src/browserServer.ts: a Web Worker (vscode.dev, github.dev); analyses on the
 *     server worker's own thread (the inline host).
 * Thin glue: the connection's thread keeps the documents' texts and routes; every analysis, and
 * every request that needs a document's lint result, runs in an analysis worker
 * (lsp/analysisScheduler.ts), so no document delays another. Every LSP handler is registered here,
 * in this one function (the requests: one line each, in one block). Nothing here throws across the wire.
 */
import { TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { CancellationToken, Connection, Diagnostic, InitializeParams, InitializeResult } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagramHoverRequest, DiagramLocateRequest, DiagramRequest, DiagramSvgRequest, ExportLabRequest, FabricSummaryRequest, LessonFiguresRequest, LintFileRequest } from '../../../shared/protocol';
import { VERSION } from '../version';
import { AnalysisScheduler } from './analysisScheduler';
import type { SchedulerLimits } from './analysisScheduler';
import { ONE_PASS_DOCUMENTS } from './documentUpdate';
import * as editing from './editing';
import { FileLinter } from './fileLinter';
import { lintFile } from './lintFile';
import type { ProjectConfigHost, ProjectConfigService } from './projectConfig';
import { SettingsService } from './settingsService';
import { ANALYSIS_EVENT_METHOD } from './testHooks';
import { FallbackWorkerStarter } from './workerHost';
import type { StartWorker } from './workerHost';
import { WORKSPACE_FOLDERS_CAPABILITY } from './workspaceFolders';

/**
 * What the server does with project config files (.topology-tutor.yaml): lsp/projectConfig.ts
 * reads them from disk (Node); lsp/clientProjectConfig.ts has them from the client (the browser).
 */
export type ProjectConfigs = Pick<
  ProjectConfigService,
  'initialize' | 'register' | 'isConfigDocument' | 'isIgnored' | 'apply' | 'diagnosticsFor' | 'closed' | 'filesChanged'
> & {
  /** Settles once the configs are known (the browser's arrive from the client); settings wait for it. */
  ready?(): Promise<void>;
};

/** Lint Workspace's worker ends after this long without a file to lint. */
const LINT_FILES_IDLE_MS = 60_000;

/** Optional memory care on the connection's thread (Node: lsp/idleCollector.ts). */
export interface MemoryHooks {
  /** A document's diagnostics of a text this long were published. */
  linted(chars: number): void;
  /** A text this long was handed on to an analysis worker. */
  handedOn(chars: number): void;
}

/** What differs between the Node and the browser server. */
export interface ServerPlatform {
  /** Starts an analysis worker (Node: worker_threads; browser: the inline host). */
  startWorker: StartWorker;
  /** Used when `startWorker`'s workers do not start at all: the same runtime on the connection's thread. */
  inlineWorker?: StartWorker;
  /**
   * The URI of the lessons folder that lesson links in diagnostics and hovers point into, given the
   * client's `initializationOptions` (undefined before `initialize`).
   */
  lessonsBase(initializationOptions: unknown): string;
  /** The project config files' service; `lessonsBase` gives the base in effect when it is called. */
  projectConfigs(host: ProjectConfigHost, lessonsBase: () => string): ProjectConfigs;
  /** TOPOLOGY_TEST_HOOKS: analysis steps as `topology/test/analysis` notifications, the stall marker. */
  testHooks: boolean;
  limits: SchedulerLimits;
  memory?: MemoryHooks;
}

export function startLanguageServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments<TextDocument>(ONE_PASS_DOCUMENTS);
  let pullConfiguration = false;
  let canRefreshInlayHints = false;
  let lessonsBase = platform.lessonsBase(undefined);
  const { testHooks, memory } = platform;

  function logError(context: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`${context}: ${detail}`);
  }

  // Project config files (.topology-tutor.yaml): see lsp/projectConfig.ts for every integration point.
  const projectConfigs = platform.projectConfigs(
    {
      publish: (uri, diagnostics) => {
        connection.sendDiagnostics({ uri, diagnostics }).catch((error: unknown) => logError('Publishing config diagnostics failed', error));
      },
      relintAll: () => {
        for (const document of documents.all()) lintOpenDocument(document);
      },
      isOpen: (uri) => documents.get(uri) !== undefined,
      logError,
    },
    () => lessonsBase,
  );
  const settings = new SettingsService(
    connection,
    () => pullConfiguration,
    {
      timeoutMs: 2000,
      onLateAnswer: (uri) => scheduler.settingsChanged(uri),
      log: (message) => connection.console.warn(message),
    },
    projectConfigs,
  );

  /** A document the analysis workers see: not a project config file, not one the config ignores. */
  function analysedDocument(uri: string): TextDocument | undefined {
    if (projectConfigs.isConfigDocument(uri) || projectConfigs.isIgnored(uri)) return undefined;
    return documents.get(uri);
  }

  // One starter for the scheduler's workers and Lint Workspace's: if workers do not start, both fall back together.
  const workers = new FallbackWorkerStarter(platform.startWorker, platform.inlineWorker, (message) => connection.console.error(message));

  const scheduler = new AnalysisScheduler(
    {
      workers,
      get lessonsBase() {
        return lessonsBase;
      },
      testHooks,
      document: analysedDocument,
      settings: (uri) => settings.forDocument(uri),
      publish: (uri, version, diagnostics) => {
        connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => logError(`Publishing diagnostics for ${uri} failed`, error));
        memory?.linted(documents.get(uri)?.getText().length ?? 0);
      },
      posted: memory === undefined ? undefined : (chars) => memory.handedOn(chars),
      log: (message) => connection.console.error(message),
      event: testHooks
        ? (event) => {
            connection.sendNotification(ANALYSIS_EVENT_METHOD, event).catch((error: unknown) => logError('Test hook failed', error));
          }
        : undefined,
    },
    platform.limits,
  );

  const fileLinter = new FileLinter(
    {
      workers,
      get lessonsBase() {
        return lessonsBase;
      },
      testHooks,
      log: (message) => connection.console.error(message),
    },
    { graceMs: platform.limits.graceMs, hungMs: platform.limits.hungMs, idleMs: LINT_FILES_IDLE_MS },
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    lessonsBase = platform.lessonsBase(params.initializationOptions);
    projectConfigs.initialize(params);
    scheduler.warmUp();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: editing.CODE_ACTION_KINDS },
        completionProvider: { triggerCharacters: editing.COMPLETION_TRIGGERS },
        documentSymbolProvider: { label: 'Topology' },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        semanticTokensProvider: { legend: editing.SEMANTIC_LEGEND, full: true },
        workspace: WORKSPACE_FOLDERS_CAPABILITY,
      },
      serverInfo: { name: 'topology-tutor', version: VERSION },
    };
  });

  // ---------------------------------------------------------------- requests, one line each
  // Document requests are answered where the document's lint result lives (an analysis worker):
  // lsp/requests.ts has their handlers, lsp/workerProtocol.ts their methods.
  connection.onHover((p, token) => scheduler.request(p.textDocument.uri, 'hover', p, token, null));
  connection.languages.inlayHint.on(async (p, token) => {
    if (!(await settings.forDocument(p.textDocument.uri)).inlayHints) return [];
    return scheduler.request(p.textDocument.uri, 'inlayHints', p, token, []);
  });
  connection.onCodeAction((p, token) => scheduler.request(p.textDocument.uri, 'codeActions', p, token, []));
  connection.onCompletion((p, token) => scheduler.request(p.textDocument.uri, 'completion', p, token, null));
  connection.onDocumentSymbol((p, token) => scheduler.request(p.textDocument.uri, 'symbols', p, token, []));
  connection.onDefinition((p, token) => scheduler.request(p.textDocument.uri, 'definition', p, token, null));
  connection.onReferences((p, token) => scheduler.request(p.textDocument.uri, 'references', p, token, []));
  connection.onPrepareRename((p, token) => scheduler.request(p.textDocument.uri, 'prepareRename', p, token, null));
  connection.onRenameRequest((p, token) => scheduler.request(p.textDocument.uri, 'rename', p, token, null));
  connection.languages.semanticTokens.on((p, token) => scheduler.request(p.textDocument.uri, 'semanticTokens', p, token, { data: [] }));
  connection.onRequest(FabricSummaryRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'fabricSummary', params, token, null));
  connection.onRequest(ExportLabRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'exportLab', params, token, null));
  connection.onRequest(LessonFiguresRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'lessonFigures', params, token, null));
  connection.onRequest(DiagramRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'diagram', params, token, null));
  connection.onRequest(DiagramHoverRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'diagramHover', params, token, null));
  connection.onRequest(DiagramLocateRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'diagramLocate', params, token, null));
  connection.onRequest(DiagramSvgRequest.type, (params, token: CancellationToken) => scheduler.request(params.uri, 'diagramSvg', params, token, null));
  connection.onRequest(LintFileRequest.type, (p, token) =>
    lintFile(p, {
      settings,
      projectConfigs,
      isOpen: (uri) => documents.get(uri) !== undefined,
      lint: (uri, text, lintSettings) => fileLinter.lint(uri, text, lintSettings, token),
      logError,
    }),
  );
  // ---------------------------------------------------------------- documents and notifications

  /**
   * Lints an open document the way it is now: a config file on this thread (small, capped at 1 MB),
   * a document the config ignores gets no diagnostics (and its analysis state goes), the rest goes
   * to the analysis workers.
   */
  function lintOpenDocument(document: TextDocument): void {
    const { uri, version } = document;
    const publish = (diagnostics: Diagnostic[]): void => {
      connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => logError(`Publishing diagnostics for ${uri} failed`, error));
    };
    if (projectConfigs.isConfigDocument(uri)) {
      publish(projectConfigs.diagnosticsFor(uri, document.getText()));
    } else if (projectConfigs.isIgnored(uri)) {
      scheduler.closed(uri);
      publish([]);
    } else {
      scheduler.changed(uri);
    }
  }

  // TextDocuments reports an opened document as changed too, so one handler covers both.
  documents.onDidChangeContent((event) => lintOpenDocument(event.document));
  documents.onDidClose((event) => {
    scheduler.closed(event.document.uri);
    settings.forget(event.document.uri);
    connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch((error: unknown) => logError('Clearing diagnostics failed', error));
    if (projectConfigs.isConfigDocument(event.document.uri)) projectConfigs.closed(event.document.uri);
  });
  documents.onDidSave((event) => projectConfigs.filesChanged([event.document.uri]));
  connection.onInitialized(() => projectConfigs.register(connection));
  connection.onDidChangeWatchedFiles((params) => projectConfigs.filesChanged(params.changes.map((change) => change.uri)));

  connection.onDidChangeConfiguration((change) => {
    settings.setPushed(change.settings);
    scheduler.settingsChanged();
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch((error: unknown) => logError('Refreshing inlay hints failed', error));
  });

  connection.onShutdown(() => {
    scheduler.dispose();
    fileLinter.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
