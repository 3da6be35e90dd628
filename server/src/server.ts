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
import type { CancellationToken, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsService } from './lsp/settingsService';
import { IdleCollector } from './lsp/idleCollector';
import * as editing from './lsp/editing';
import { AnalysisScheduler, DEFAULT_LIMITS } from './lsp/analysisScheduler';
import type { SchedulerLimits } from './lsp/analysisScheduler';
import { ONE_PASS_DOCUMENTS } from './lsp/documentUpdate';
import { nodeWorkerStarter } from './lsp/nodeWorkerHost';
import { inlineWorkerStarter } from './lsp/inlineWorkerHost';
import { ANALYSIS_EVENT_METHOD } from './lsp/testHooks';
import { FABRIC_SUMMARY_METHOD } from '../../client/src/protocol';
import type { FabricSummaryParams } from '../../client/src/protocol';

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

const settings = new SettingsService(connection, () => pullConfiguration, {
  timeoutMs: 2000,
  onLateAnswer: (uri) => scheduler.settingsChanged(uri),
  log: (message) => connection.console.warn(message),
});

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
  document: (uri) => documents.get(uri),
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
  scheduler.warmUp();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: editing.CODE_ACTION_KINDS },
      completionProvider: { triggerCharacters: editing.COMPLETION_TRIGGERS },
      documentSymbolProvider: { label: 'Topology' },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      semanticTokensProvider: { legend: editing.SEMANTIC_LEGEND, full: true },
    },
    serverInfo: { name: 'topology-tutor', version: '0.1.0' },
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
connection.onRequest(FABRIC_SUMMARY_METHOD, (params: FabricSummaryParams, token: CancellationToken) => scheduler.request(params.uri, 'fabricSummary', params, token, null));

// TextDocuments reports an opened document as changed too, so one handler covers both.
documents.onDidChangeContent((event) => scheduler.changed(event.document.uri));
documents.onDidClose((event) => {
  scheduler.closed(event.document.uri);
  settings.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch((error: unknown) => logError('Clearing diagnostics failed', error));
});

connection.onDidChangeConfiguration((change) => {
  settings.setPushed(change.settings);
  scheduler.settingsChanged();
  if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch((error: unknown) => logError('Refreshing inlay hints failed', error));
});

connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
