/**
 * The web extension's language server (server/out/browserServer.js) in a Web Worker of headless
 * Chromium, driven over postMessage the way VS Code for the web drives it: diagnostics with rule ids
 * and lesson links into the lessons folder the client names, hover, inlay hints, a quick fix that
 * removes its finding, and the project config files the client sends (topology/configFiles) applied
 * to documents behind virtual-workspace URIs (github.dev's vscode-vfs:).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, InitializeResult, InlayHint, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { ruleLessonHref } from '../../server/src/core/lessons/lessonLinks';
import type { ConfigFileEntry, ConfigFilesParams } from '../../shared/protocol';
import { ROOT, WorkerLspSession } from './workerSession';

const EXAMPLES = path.join(ROOT, 'examples', 'lessons');
const OVERSUBSCRIBED = fs.readFileSync(path.join(EXAMPLES, 'oversubscribed-leaf.topology.yaml'), 'utf8'); // oversubscription on leaf1 (4:1)
const MISSING = fs.readFileSync(path.join(EXAMPLES, 'missing-spine-link.topology.yaml'), 'utf8'); // spine-connectivity error, line 42

const FOLDER = 'vscode-vfs://github/acme/fabric';
const uri = (name: string): string => `${FOLDER}/${name}`;
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${String(d.code)}:${d.severity}@${d.range.start.line + 1}`);

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetOf(text, e.range.start.line, e.range.start.character), end: offsetOf(text, e.range.end.line, e.range.end.character), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('the web server bundle in a browser Web Worker (LSP over postMessage)', function () {
  this.timeout(60_000);
  let session: WorkerLspSession;
  let lessonsBase: string;
  let init: InitializeResult;
  /** What the "client" answers to topology/configFiles; tests change it. */
  let configFiles: ConfigFileEntry[] = [
    { uri: uri('.topology-tutor.yaml'), text: 'rules:\n  oversubscription: error\nignore:\n  - drafts\n' },
    { uri: uri('team/.topology-tutor.yml'), text: 'rules:\n  ecmp-imbalanse: info\n' },
  ];
  const asked: ConfigFilesParams[] = [];
  const registrations: string[] = [];

  before(async () => {
    session = await WorkerLspSession.launch();
    lessonsBase = `${session.baseUrl}/extension/lessons`;
    session.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    session.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] }) => {
      for (const r of params.registrations) registrations.push(`${r.method} ${r.registerOptions.watchers.map((w) => w.globPattern).join(',')}`);
      return null;
    });
    session.connection.onRequest('topology/configFiles', (params: ConfigFilesParams) => {
      asked.push(params);
      return { files: configFiles };
    });
    init = await session.request<InitializeResult>('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'fabric' }],
      initializationOptions: { lessonsBase },
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } },
      },
    });
    await session.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await session?.close();
  });

  it('starts in the worker and announces the same features as on Node', () => {
    assert.deepEqual(session.workerErrors, []);
    assert.equal(init.serverInfo?.name, 'topology-tutor');
    const c = init.capabilities;
    assert.equal(c.hoverProvider, true);
    assert.equal(c.inlayHintProvider, true);
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.topology'] });
    assert.equal(c.renameProvider !== undefined && c.definitionProvider === true && c.referencesProvider === true, true);
  });

  it('diagnostics carry rule ids and lesson links into the lessons folder the client named; the config file applies', async () => {
    const diagnostics = await session.open(uri('pods/oversubscribed-leaf.topology.yaml'), OVERSUBSCRIBED);
    // The project config makes oversubscription an error (its default is a warning).
    assert.deepEqual(codes(diagnostics), ['oversubscription:1@27']);
    const [d] = diagnostics;
    assert.equal(d.source, 'topology-tutor');
    const href = d.codeDescription?.href ?? '';
    assert.equal(href, ruleLessonHref(lessonsBase, 'oversubscription'));
    assert.ok(href.startsWith(`${lessonsBase}/modern-topology.md#`), href);
    assert.match(d.message, /4:1/);
    assert.deepEqual(asked, [{ maxFiles: 1000, maxBytes: 1024 * 1024 }], 'asked for the config files once, with the limits');
    assert.deepEqual(registrations, ['workspace/didChangeWatchedFiles **/.topology-tutor.{yaml,yml}']);
  });

  it('hover shows the figures and a lesson link', async () => {
    const line = OVERSUBSCRIBED.split('\n').findIndex((l) => l === '  leaf1:');
    const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri: uri('pods/oversubscribed-leaf.topology.yaml') }, position: { line, character: 3 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /leaf1/);
    assert.match(value, /4:1/);
    assert.ok(value.includes(`](${lessonsBase}/`), value);
  });

  it('inlay hints give each switch its figures', async () => {
    const hints = await session.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uri('pods/oversubscribed-leaf.topology.yaml') },
      range: { start: { line: 0, character: 0 }, end: { line: OVERSUBSCRIBED.split('\n').length, character: 0 } },
    });
    const line = OVERSUBSCRIBED.split('\n').findIndex((l) => l === '  leaf1:');
    const leaf1 = hints.find((h) => h.position.line === line);
    assert.ok(leaf1 !== undefined, JSON.stringify(hints));
    assert.equal(typeof leaf1.label, 'string');
    assert.match(leaf1.label as string, /4:1/);
  });

  it('a changed config file is asked for again and re-lints the open documents', async () => {
    configFiles = [{ uri: uri('.topology-tutor.yaml'), text: 'rules:\n  oversubscription: info\nignore:\n  - drafts\n' }, configFiles[1]];
    const relinted = session.nextDiagnostics(uri('pods/oversubscribed-leaf.topology.yaml'), (p) => p.diagnostics.some((x) => x.severity === 3));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.topology-tutor.yaml'), type: 2 }] });
    assert.deepEqual(codes(await relinted), ['oversubscription:3@27']);
    assert.equal(asked.length, 2);
  });

  it('a quick fix edits the file so that its finding goes', async () => {
    const docUri = uri('pods/oversubscribed-leaf.topology.yaml');
    const [diagnostic] = await session.change(docUri, OVERSUBSCRIBED);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    // The lesson's own fix: a second 100G uplink to each spine (800G / 400G = 2:1).
    const fix = actions.find((a) => a.title === 'Set count: 2 on each uplink of `leaf1` (4:1 → 2:1)');
    assert.ok(fix?.edit?.changes?.[docUri] !== undefined, `no uplink fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixed = applyEdits(OVERSUBSCRIBED, fix.edit.changes[docUri]);
    assert.deepEqual(codes(await session.change(docUri, fixed)), []);
  });

  it('ignore: in the config file, and the problems of a config file that is not open', async () => {
    assert.deepEqual(codes(await session.open(uri('drafts/old.topology.yaml'), MISSING)), [], 'ignored by the root config');
    const teamConfig = session.nextDiagnostics(uri('team/.topology-tutor.yml'));
    // The nearest config is team/'s (no cascading): spine-connectivity has its default severity.
    assert.deepEqual(codes(await session.open(uri('team/missing.topology.yaml'), MISSING)), ['spine-connectivity:1@42']);
    const problems = await teamConfig;
    assert.deepEqual(
      problems.map((d) => [d.code, d.severity, d.message]),
      [['config', 1, 'Unknown rule id `ecmp-imbalanse` in `rules`. Did you mean `ecmp-imbalance`?']],
    );
    assert.deepEqual(session.workerErrors, []);
  });
});
