/**
 * The Topology Tutor language server. Thin glue: the connection's thread keeps the documents'
 * texts and routes; every analysis, and every request that needs a document's lint result, runs
 * in an analysis worker (lsp/analysisScheduler.ts), so no document delays another. Nothing here
 * throws across the wire.
 *
 * Run standalone with `node server/out/server.js --stdio` (or --node-ipc / --socket=N).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { performance } from 'perf_hooks';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { CancellationToken, Diagnostic, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsService } from './lsp/settingsService';
import { ProjectConfigService, WORKSPACE_FOLDERS_CAPABILITY } from './lsp/projectConfig';
import { IdleCollector } from './lsp/idleCollector';
import * as editing from './lsp/editing';
import { lintFile } from './lsp/lintFile';
import { DiagramHoverRequest, DiagramLocateRequest, DiagramRequest, DiagramSvgRequest, ExportLabRequest, FabricSummaryRequest, LessonFiguresRequest, LintFileRequest } from '../../shared/protocol';
import { VERSION } from './version';
import { AnalysisScheduler, DEFAULT_LIMITS } from './lsp/analysisScheduler';
import type { SchedulerLimits } from './lsp/analysisScheduler';
import { ONE_PASS_DOCUMENTS } from './lsp/documentUpdate';
import { nodeWorkerStarter } from './lsp/nodeWorkerHost';
import { inlineWorkerStarter } from './lsp/inlineWorkerHost';
import { ANALYSIS_EVENT_METHOD } from './lsp/testHooks';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments<TextDocument>(ONE_PASS_DOCUMENTS);
let pullConfiguration = false;
let canRefreshInlayHints = false;
const idleCollector = new IdleCollector(1500, 1_000_000);
/** TOPOLOGY_TEST_HOOKS=1: report each analysis step as a `topology/test/analysis` notification (tests count them). */
const testHooks = process.env.TOPOLOGY_TEST_HOOKS === '1';

/** The bundled worker next to this file; the test hooks may point elsewhere (a missing script tests the fallback). */
const workerScript = (testHooks ? process.env.TOPOLOGY_TEST_WORKER_SCRIPT : undefined) ?? path.join(__dirname, 'analysisWorker.js');

/** The lessons folder ships next to server/ in the extension and the npm package. */
const lessonsBase = pathToFileURL(path.resolve(__dirname, '..', '..', 'lessons')).toString();

function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`${context}: ${detail}`);
}

// Project config files (.topology-tutor.yaml): see lsp/projectConfig.ts for every integration point.
const projectConfigs = new ProjectConfigService(
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
  lessonsBase,
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

/** TOPOLOGY_TEST_LIMITS (with the test hooks only): JSON overriding some of the scheduler's limits, so tests need no huge files. */
function schedulerLimits(): SchedulerLimits {
  const raw = testHooks ? process.env.TOPOLOGY_TEST_LIMITS : undefined;
  if (raw === undefined) return DEFAULT_LIMITS;
  const overrides = JSON.parse(raw) as Partial<SchedulerLimits>;
  return { ...DEFAULT_LIMITS, ...overrides };
}

const scheduler = new AnalysisScheduler({
  startWorker: nodeWorkerStarter(workerScript, (message) => connection.console.log(message)),
  inlineWorker: inlineWorkerStarter(() => performance.now()),
  lessonsBase,
  testHooks,
  document: analysedDocument,
  settings: (uri) => settings.forDocument(uri),
  publish: (uri, version, diagnostics) => {
    connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => logError(`Publishing diagnostics for ${uri} failed`, error));
    idleCollector.linted(documents.get(uri)?.getText().length ?? 0);
  },
  posted: (chars) => idleCollector.handedOn(chars),
  log: (message) => connection.console.error(message),
  event: testHooks
    ? (event) => {
        connection.sendNotification(ANALYSIS_EVENT_METHOD, event).catch((error: unknown) => logError('Test hook failed', error));
      }
    : undefined,
}, schedulerLimits());

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
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
connection.onRequest(LintFileRequest.type, (p) => lintFile(p, { settings, projectConfigs, isOpen: (uri) => documents.get(uri) !== undefined, lessonsBase, logError }));

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

connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
