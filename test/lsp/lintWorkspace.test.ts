/**
 * The server's part of "Topology: Lint Workspace" and of the project config lookup, against the real
 * server process: `topology/lintFile` (the text of an unopened file, linted with its settings and
 * config, `ignore:` honoured), workspace folder changes (they decide where the config lookup stops),
 * and no watcher registration when the client says it watches the config files itself.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';
import type { LintFileResult } from '../../shared/lintWorkspace';
import { LspSession } from './lspSession';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples', 'lessons');
const MISSING = fs.readFileSync(path.join(EXAMPLES, 'missing-spine-link.topology.yaml'), 'utf8'); // spine-connectivity error, line 42
const ECMP = fs.readFileSync(path.join(EXAMPLES, 'ecmp-imbalance.topology.yaml'), 'utf8'); // ecmp-imbalance warning, line 32

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${String(d.code)}:${d.severity}@${d.range.start.line + 1}`);

interface Registration {
  method: string;
}

describe('LSP over stdio: Lint Workspace, workspace folders, client-side config watcher', function () {
  this.timeout(30000);
  let dir: string;
  let session: LspSession;
  const registrations: Registration[] = [];
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).toString();
  const folder = (name: string): { uri: string; name: string } => ({ uri: pathToFileURL(path.join(dir, name)).toString(), name });
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'topology-lsp-workspace-')));
    // The config sits above the workspace folder `inner`: it applies only once `dir` is a folder.
    write('.topology-tutor.yaml', 'rules:\n  ecmp-imbalance: error\nignore:\n  - drafts\n');
    session = new LspSession();
    session.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      registrations.push(...params.registrations);
      return null;
    });
    session.initializeResult = await session.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folder('inner').uri,
      workspaceFolders: [folder('inner')],
      capabilities: {
        workspace: { configuration: false, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: { watchesConfigFiles: true },
    });
    await session.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await session.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces workspace folder change notifications, and registers no config watcher when the client watches', async () => {
    assert.deepEqual(session.initializeResult?.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    await session.request('textDocument/hover', { textDocument: { uri: uri('inner/none.topology.yaml') }, position: { line: 0, character: 0 } });
    assert.deepEqual(registrations.map((r) => r.method), []);
  });

  it('lints the text of an unopened file with its settings, and publishes nothing for it', async () => {
    const result = await session.request<LintFileResult>('topology/lintFile', { uri: uri('inner/ecmp.topology.yaml'), text: ECMP });
    assert.equal(result.uri, uri('inner/ecmp.topology.yaml'));
    assert.equal(result.ignored, false);
    // The lookup stops at the workspace folder `inner`: the config above it does not apply.
    assert.deepEqual(codes(result.diagnostics), ['ecmp-imbalance:2@32']);
    assert.equal(result.diagnostics[0].source, 'topology-tutor');
    assert.match(String(result.diagnostics[0].codeDescription?.href), /lessons\/ecmp\.md#equal-cost-means-equal-bandwidth$/);
    // Anything published before a later answer would have arrived by now (one connection, in order).
    await session.request('textDocument/hover', { textDocument: { uri: uri('inner/none.topology.yaml') }, position: { line: 0, character: 0 } });
    const latest = (session as unknown as { latest: Map<string, unknown> }).latest;
    assert.equal(latest.has(uri('inner/ecmp.topology.yaml')), false, 'nothing published for the unopened file');
  });

  it('after the workspace folders change, the config above the old folder applies: severities and ignore', async () => {
    const open = uri('inner/open.topology.yaml');
    assert.deepEqual(codes(await session.open(open, ECMP)), ['ecmp-imbalance:2@32']);
    const relinted = session.nextDiagnostics(open, (p) => p.diagnostics.some((d) => d.severity === 1));
    await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder('.')], removed: [folder('inner')] } });
    assert.deepEqual(codes(await relinted), ['ecmp-imbalance:1@32'], 'the open document is re-linted with the config');

    const file = await session.request<LintFileResult>('topology/lintFile', { uri: uri('inner/ecmp.topology.yaml'), text: ECMP });
    assert.deepEqual(codes(file.diagnostics), ['ecmp-imbalance:1@32']);
    const ignored = await session.request<LintFileResult>('topology/lintFile', { uri: uri('drafts/x.topology.yaml'), text: MISSING });
    assert.deepEqual(ignored, { uri: uri('drafts/x.topology.yaml'), ignored: true, diagnostics: [] });
    const notIgnored = await session.request<LintFileResult>('topology/lintFile', { uri: uri('fabrics/x.topology.yaml'), text: MISSING });
    assert.deepEqual(codes(notIgnored.diagnostics), ['spine-connectivity:1@42']);
  });

  it('answers bad params with an empty result instead of an error', async () => {
    assert.deepEqual(await session.request('topology/lintFile', { uri: 42 }), { uri: '', ignored: false, diagnostics: [] });
    assert.deepEqual(await session.request('topology/lintFile', { uri: uri('a.topology.yaml') }), { uri: uri('a.topology.yaml'), ignored: false, diagnostics: [] });
  });
});
