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

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
let pullConfiguration = false;
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
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
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

documents.onDidOpen((event) => schedule(event.document, 0));
documents.onDidChangeContent((event) => schedule(event.document, undefined));
documents.onDidClose((event) => {
  debouncer.cancel(event.document.uri);
  cache.delete(event.document.uri);
  settings.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch((error: unknown) => logError('Clearing diagnostics failed', error));
});

connection.onDidChangeConfiguration((change) => {
  settings.setPushed(change.settings);
  cache.clear();
  for (const document of documents.all()) schedule(document, 0);
});

documents.listen(connection);
connection.listen();
