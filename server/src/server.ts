/**
 * The Topology Tutor language server. Thin glue: every handler looks up the document,
 * calls the pure core and returns; nothing here throws across the wire.
 *
 * Run standalone with `node server/out/server.js --stdio` (or --node-ipc / --socket=N).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type {
  Hover,
  InlayHint,
  CodeAction,
  CompletionList,
  DocumentSymbol,
  InitializeParams,
  InitializeResult,
  Location,
  PrepareRenameResult,
  ResponseError,
  SemanticTokens,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/analysisCache';
import { SettingsService } from './lsp/settingsService';
import { ProjectConfigService, WORKSPACE_FOLDERS_CAPABILITY } from './lsp/projectConfig';
import { toDiagnostic } from './lsp/diagnostics';
import { Debouncer } from './lsp/debouncer';
import { IdleCollector } from './lsp/idleCollector';
import { hover, hints } from './lsp/features';
import * as editing from './lsp/editing';
import { lessonFiguresAnswer } from './lsp/lessonFigures';
import { lintFile } from './lsp/lintFile';
import type { LintResult } from './core/lint';
import type { LintSettings } from './core/settings';
import { fabricSummary } from './core/summary/fabricSummary';
import { FabricSummaryRequest, LessonFiguresRequest, LintFileRequest } from '../../shared/protocol';
import type { FabricSummaryResult, LessonFiguresResult } from '../../shared/protocol';
import { VERSION } from './version';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
let pullConfiguration = false;
let canRefreshInlayHints = false;
const debouncer = new Debouncer(200);
const idleCollector = new IdleCollector(1500, 1_000_000);

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
      cache.clear();
      for (const document of documents.all()) schedule(document, 0);
    },
    isOpen: (uri) => documents.get(uri) !== undefined,
    logError,
  },
  lessonsBase,
);
const settings = new SettingsService(connection, () => pullConfiguration, projectConfigs);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  projectConfigs.initialize(params);
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

async function validate(document: TextDocument): Promise<void> {
  const version = document.version;
  if (projectConfigs.isConfigDocument(document.uri)) {
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: projectConfigs.diagnosticsFor(document.uri, document.getText()) });
    return;
  }
  const lintSettings = await settings.forDocument(document.uri);
  const current = documents.get(document.uri);
  if (current === undefined || current.version !== version) return; // closed or changed meanwhile
  if (projectConfigs.isIgnored(document.uri)) {
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: [] });
    return;
  }
  const result = cache.get(current, lintSettings);
  // A bug in the core shows as one internal-error diagnostic; its stack goes to the log.
  for (const internal of result.analysis?.internalErrors ?? []) logError(`Internal error (${internal.context}) linting ${document.uri}`, internal.stack);
  const diagnostics = result.findings.map((finding) => toDiagnostic(finding, document.uri, lessonsBase));
  await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  idleCollector.linted(result.text.length);
}

function schedule(document: TextDocument, delayMs: number | undefined): void {
  debouncer.run(document.uri, delayMs, () => {
    validate(document).catch((error: unknown) => logError(`Linting ${document.uri} failed`, error));
  });
}

/**
 * The body of a request handler: looks up the cached lint result of the document's current
 * version (and the settings it was linted with) and calls `run`; any error is logged and
 * `fallback` returned, so nothing throws across the wire.
 */
async function withResult<R>(uri: string, name: string, fallback: R, run: (result: LintResult, lintSettings: LintSettings) => R): Promise<R> {
  try {
    if (projectConfigs.isConfigDocument(uri)) return fallback;
    const lintSettings = await settings.forDocument(uri);
    const document = documents.get(uri);
    return document === undefined ? fallback : run(cache.get(document, lintSettings), lintSettings);
  } catch (error) {
    logError(`${name} failed`, error);
    return fallback;
  }
}

connection.onHover((p) => withResult<Hover | null>(p.textDocument.uri, 'Hover', null, (r) => hover(r, p.position, lessonsBase)));
connection.languages.inlayHint.on((p) =>
  withResult<InlayHint[]>(p.textDocument.uri, 'Inlay hints', [], (r, lintSettings) => (lintSettings.inlayHints ? hints(r, p.range) : [])),
);
connection.onCodeAction((p) =>
  withResult<CodeAction[]>(p.textDocument.uri, 'Code actions', [], (r) => editing.codeActions(r, p.textDocument.uri, p, (context, error) => logError(context, error))),
);
connection.onCompletion((p) => withResult<CompletionList | null>(p.textDocument.uri, 'Completion', null, (r) => editing.completion(r, p.position)));
connection.onDocumentSymbol((p) => withResult<DocumentSymbol[]>(p.textDocument.uri, 'Document symbols', [], (r) => editing.symbols(r)));
connection.onDefinition((p) => withResult<Location | null>(p.textDocument.uri, 'Definition', null, (r) => editing.definition(r, p.textDocument.uri, p.position)));
connection.onReferences((p) =>
  withResult<Location[]>(p.textDocument.uri, 'References', [], (r) => editing.references(r, p.textDocument.uri, p.position, p.context.includeDeclaration)),
);
connection.onPrepareRename((p) => withResult<PrepareRenameResult | null>(p.textDocument.uri, 'Prepare rename', null, (r) => editing.prepareRename(r, p.position)));
connection.onRenameRequest((p) =>
  withResult<WorkspaceEdit | null | ResponseError<void>>(p.textDocument.uri, 'Rename', null, (r) => editing.rename(r, p.textDocument.uri, p.position, p.newName)),
);
connection.languages.semanticTokens.on((p) => withResult<SemanticTokens>(p.textDocument.uri, 'Semantic tokens', { data: [] }, (r) => editing.tokens(r)));

/** Documents linted at least once: the first lint (on open) runs at once, later ones are debounced. */
const linted = new Set<string>();

// TextDocuments reports an opened document as changed too, so one handler covers both.
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  // The old version's result is stale: let it go now, so two versions of a big file are never held at once.
  cache.delete(uri);
  schedule(event.document, linted.has(uri) ? undefined : 0);
  linted.add(uri);
});
documents.onDidClose((event) => {
  linted.delete(event.document.uri);
  debouncer.cancel(event.document.uri);
  cache.delete(event.document.uri);
  settings.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch((error: unknown) => logError('Clearing diagnostics failed', error));
  if (projectConfigs.isConfigDocument(event.document.uri)) projectConfigs.closed(event.document.uri);
});
documents.onDidSave((event) => projectConfigs.filesChanged([event.document.uri]));
connection.onInitialized(() => projectConfigs.register(connection));
connection.onDidChangeWatchedFiles((params) => projectConfigs.filesChanged(params.changes.map((change) => change.uri)));

connection.onDidChangeConfiguration((change) => {
  settings.setPushed(change.settings);
  cache.clear();
  for (const document of documents.all()) schedule(document, 0);
  if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch((error: unknown) => logError('Refreshing inlay hints failed', error));
});

connection.onRequest(FabricSummaryRequest.type, (params) =>
  withResult<FabricSummaryResult>(params.uri, 'Fabric summary', null, (r) => fabricSummary(r)),
);
connection.onRequest(LessonFiguresRequest.type, (p) => withResult<LessonFiguresResult>(p.uri, 'Lesson figures', null, (r) => lessonFiguresAnswer(r, p)));
connection.onRequest(LintFileRequest.type, (p) => lintFile(p, { settings, projectConfigs, isOpen: (uri) => documents.get(uri) !== undefined, lessonsBase, logError }));

documents.listen(connection);
connection.listen();
