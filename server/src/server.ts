/**
 * The Topology Tutor language server. Thin glue: every handler looks up the document,
 * calls the pure core and returns; nothing here throws across the wire.
 *
 * Run standalone with `node server/out/server.js --stdio` (or --node-ipc / --socket=N).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/analysisCache';
import { SettingsService } from './lsp/settingsService';
import { toDiagnostic } from './lsp/diagnostics';
import { Debouncer } from './lsp/debouncer';
import { hover, hints } from './lsp/features';
import type { LintResult } from './core/lint';
import { fabricSummary } from './core/summary/fabricSummary';
import { FABRIC_SUMMARY_METHOD } from '../../client/src/protocol';
import type { FabricSummaryParams, FabricSummaryResult } from '../../client/src/protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
let pullConfiguration = false;
let canRefreshInlayHints = false;
const settings = new SettingsService(connection, () => pullConfiguration);
const debouncer = new Debouncer(200);

/** The lessons folder ships next to server/ in the extension and the npm package. */
const lessonsBase = pathToFileURL(path.resolve(__dirname, '..', '..', 'lessons')).toString();

function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`${context}: ${detail}`);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      inlayHintProvider: true,
    },
    serverInfo: { name: 'topology-tutor', version: '0.1.0' },
  };
});

async function validate(document: TextDocument): Promise<void> {
  const version = document.version;
  const lintSettings = await settings.forDocument(document.uri);
  const current = documents.get(document.uri);
  if (current === undefined || current.version !== version) return; // closed or changed meanwhile
  const result = cache.get(current, lintSettings);
  const diagnostics = result.findings.map((finding) => toDiagnostic(finding, document.uri, lessonsBase));
  await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
}

function schedule(document: TextDocument, delayMs: number | undefined): void {
  debouncer.run(document.uri, delayMs, () => {
    validate(document).catch((error: unknown) => logError(`Linting ${document.uri} failed`, error));
  });
}

/** The lint result of the document's current version, for requests; undefined if it is gone. */
async function resultFor(uri: string): Promise<{ document: TextDocument; result: LintResult } | undefined> {
  const lintSettings = await settings.forDocument(uri);
  const document = documents.get(uri);
  if (document === undefined) return undefined;
  return { document, result: cache.get(document, lintSettings) };
}

connection.onHover(async (params) => {
  try {
    const found = await resultFor(params.textDocument.uri);
    return found === undefined ? null : hover(found.result, found.document, params.position, lessonsBase);
  } catch (error) {
    logError('Hover failed', error);
    return null;
  }
});

connection.languages.inlayHint.on(async (params) => {
  try {
    const found = await resultFor(params.textDocument.uri);
    const lintSettings = await settings.forDocument(params.textDocument.uri);
    if (found === undefined || !lintSettings.inlayHints) return [];
    return hints(found.result, found.document, params.range);
  } catch (error) {
    logError('Inlay hints failed', error);
    return [];
  }
});

/** Documents linted at least once: the first lint (on open) runs at once, later ones are debounced. */
const linted = new Set<string>();

// TextDocuments reports an opened document as changed too, so one handler covers both.
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  schedule(event.document, linted.has(uri) ? undefined : 0);
  linted.add(uri);
});
documents.onDidClose((event) => {
  linted.delete(event.document.uri);
  debouncer.cancel(event.document.uri);
  cache.delete(event.document.uri);
  settings.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch((error: unknown) => logError('Clearing diagnostics failed', error));
});

connection.onDidChangeConfiguration((change) => {
  settings.setPushed(change.settings);
  cache.clear();
  for (const document of documents.all()) schedule(document, 0);
  if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch((error: unknown) => logError('Refreshing inlay hints failed', error));
});

connection.onRequest(FABRIC_SUMMARY_METHOD, async (params: FabricSummaryParams): Promise<FabricSummaryResult> => {
  try {
    const found = await resultFor(params.uri);
    return found === undefined ? null : fabricSummary(found.result);
  } catch (error) {
    logError('Fabric summary failed', error);
    return null;
  }
});

documents.listen(connection);
connection.listen();
