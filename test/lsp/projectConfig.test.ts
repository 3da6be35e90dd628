/**
 * The project config file over LSP, against the real server process: severities and `ignore:` from
 * the nearest .topology-tutor.yaml, diagnostics on the config file itself (open or not), the watcher
 * registration, and re-linting open documents when the file changes on disk.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples', 'lessons');
const MISSING = fs.readFileSync(path.join(EXAMPLES, 'missing-spine-link.topology.yaml'), 'utf8'); // spine-connectivity error, line 42
const ECMP = fs.readFileSync(path.join(EXAMPLES, 'ecmp-imbalance.topology.yaml'), 'utf8'); // ecmp-imbalance warning, line 32

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${String(d.code)}:${d.severity}@${d.range.start.line + 1}`);

interface Registration {
  method: string;
  registerOptions: { watchers: { globPattern: string }[] };
}

describe('LSP over stdio: project config file', function () {
  this.timeout(30000);
  let dir: string;
  let session: LspSession;
  const registrations: Registration[] = [];
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).toString();
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  /** Tells the server that files changed on disk, as a client's file watcher does. */
  const changed = (names: string[], type = 2): Promise<void> =>
    session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: names.map((n) => ({ uri: uri(n), type })) });

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'topology-lsp-config-')));
    write('.topology-tutor.yaml', 'rules:\n  spine-connectivity: off\n  ecmp-imbalance: error\nignore:\n  - generated\n');
    write('team/.topology-tutor.yml', 'rules:\n  ecmp-imbalanse: info\n');
    session = new LspSession();
    session.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      registrations.push(...params.registrations);
      return null;
    });
    session.configuration = { rules: { 'ecmp-imbalance': 'info', 'spine-connectivity': 'warning' } };
    session.initializeResult = await session.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await session.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await session.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers a file watcher for config files when the client supports it', async () => {
    await session.request('textDocument/hover', { textDocument: { uri: uri('none.topology.yaml') }, position: { line: 0, character: 0 } });
    assert.deepEqual(registrations.map((r) => [r.method, r.registerOptions.watchers.map((w) => w.globPattern)]), [
      ['workspace/didChangeWatchedFiles', ['**/.topology-tutor.{yaml,yml}']],
    ]);
  });

  it('the config file wins over the setting: a rule turned off, a severity changed', async () => {
    assert.deepEqual(codes(await session.open(uri('pods/missing.topology.yaml'), MISSING)), []);
    assert.deepEqual(codes(await session.open(uri('pods/ecmp.topology.yaml'), ECMP)), ['ecmp-imbalance:1@32']);
  });

  it('an ignored file gets no diagnostics', async () => {
    assert.deepEqual(codes(await session.open(uri('generated/x.topology.yaml'), MISSING)), []);
  });

  it('an unknown rule id is an error on the config file, published even when it is not open', async () => {
    const configUri = uri('team/.topology-tutor.yml');
    const onConfig = session.nextDiagnostics(configUri);
    // The nearest config is team/'s: ecmp-imbalance falls back to the setting (info).
    assert.deepEqual(codes(await session.open(uri('team/ecmp.topology.yaml'), ECMP)), ['ecmp-imbalance:3@32']);
    const diagnostics = await onConfig;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]), [
      ['config', 1, 1, 2, 16, 'Unknown rule id `ecmp-imbalanse` in `rules`. Did you mean `ecmp-imbalance`?'],
    ]);
  });

  it('an open config file is linted as you type; hovers on it answer nothing', async () => {
    const configUri = uri('team/.topology-tutor.yml');
    const opened = await session.open(configUri, 'rules:\n  ecmp-imbalanse: info\n');
    assert.deepEqual(opened.map((d) => d.code), ['config']);
    assert.deepEqual(await session.change(configUri, 'rules:\n  ecmp-imbalance: info\n'), []);
    const typo = await session.change(configUri, 'rulez:\n  ecmp-imbalance: info\n');
    assert.deepEqual(typo.map((d) => d.message), ['Unknown key `rulez` in the config file. Did you mean `rules`? Allowed keys: rules, ignore.']);
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri: configUri }, position: { line: 0, character: 1 } }), null);
    // Closing it shows the on-disk problems again (the file on disk still has the typo).
    const afterClose = await session.close(configUri);
    assert.deepEqual(afterClose, []);
    const fromDisk = await session.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.match(fromDisk[0].message, /ecmp-imbalanse/);
  });

  it('re-lints open documents when a config file changes on disk, and when it is deleted', async () => {
    const ecmpUri = uri('pods/ecmp.topology.yaml');
    const missingUri = uri('pods/missing.topology.yaml');
    write('.topology-tutor.yaml', 'rules:\n  ecmp-imbalance: off\n');
    let ecmp = session.nextDiagnostics(ecmpUri);
    const missing = session.nextDiagnostics(missingUri);
    await changed(['.topology-tutor.yaml']);
    assert.deepEqual(codes(await ecmp), []);
    assert.deepEqual(codes(await missing), ['spine-connectivity:2@42'], 'back to the setting (warning)');

    fs.rmSync(path.join(dir, '.topology-tutor.yaml'));
    ecmp = session.nextDiagnostics(ecmpUri);
    const ignoredBefore = session.nextDiagnostics(uri('generated/x.topology.yaml'));
    await changed(['.topology-tutor.yaml'], 3);
    assert.deepEqual(codes(await ecmp), ['ecmp-imbalance:3@32'], 'the setting alone');
    assert.deepEqual(codes(await ignoredBefore), ['spine-connectivity:2@42'], 'no longer ignored');

    // A fixed config clears its diagnostics.
    const teamConfig = uri('team/.topology-tutor.yml');
    write('team/.topology-tutor.yml', 'rules:\n  ecmp-imbalance: warning\n');
    // (Earlier re-lints may still publish the old problems: wait for the result of this change.)
    const cleared = session.nextDiagnostics(teamConfig, (p) => p.diagnostics.length === 0);
    const team = session.nextDiagnostics(uri('team/ecmp.topology.yaml'), (p) => p.diagnostics.some((d) => d.severity === 2));
    await changed(['team/.topology-tutor.yml']);
    assert.deepEqual(await cleared, []);
    assert.deepEqual(codes(await team), ['ecmp-imbalance:2@32']);
  });
});
