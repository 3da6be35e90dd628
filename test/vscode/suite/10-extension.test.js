'use strict';
// The Topology Tutor extension, exercised through the real VS Code API.
const assert = require('assert');
const vscode = require('vscode');
const {
  EXTENSION_ID, openFixture, waitFor, waitForDiagnostics, codeValue, summarize, hoverText,
} = require('./helpers');

describe('Topology Tutor extension', () => {
  let ext;
  let doc;

  before(() => {
    ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
  });

  it('activates when a .topology.yaml file opens', async () => {
    const activeBefore = ext.isActive;
    doc = await openFixture('unknown-key.topology.yaml');
    assert.strictEqual(doc.languageId, 'topology', 'the *.topology.yaml file did not get language id "topology"');
    // Activation has no event of its own; re-check whenever the editor or diagnostics change,
    // and await the activation promise the open started (ext.activate() returns the same one).
    await waitFor(() => ext.isActive, {
      events: [vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor, vscode.workspace.onDidOpenTextDocument],
      timeoutMs: 30000,
      what: `${EXTENSION_ID} to activate`,
    }).catch(async (err) => {
      // Distinguish "never activated by the open" from "activation throws".
      try { await ext.activate(); } catch (e) { throw new Error(`activation failed: ${e.stack || e}`); }
      throw err;
    });
    if (activeBefore) console.log('      (note: the extension was already active before the file opened)');
  });

  it('reports an unknown key as a `schema` diagnostic', async () => {
    doc = doc || (await openFixture('unknown-key.topology.yaml'));
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'schema'));
    const schema = diags.filter((d) => codeValue(d) === 'schema');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('colour:'));
    assert.ok(
      schema.some((d) => d.range.start.line === line),
      `expected a schema diagnostic on line ${line}, got ${JSON.stringify(diags.map(summarize))}`,
    );
  });

  it('shows hover markdown on a key', async () => {
    doc = doc || (await openFixture('unknown-key.topology.yaml'));
    // The server is up once diagnostics arrived (previous test); wait for them again if run alone.
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('switches:'));
    const pos = new vscode.Position(line, 2);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos);
    const text = hoverText(hovers);
    assert.ok(text.trim().length > 0, `no hover text at ${line}:2 (got ${JSON.stringify(hovers)})`);
  });

  it('registers every command it contributes', async () => {
    if (!ext.isActive) await ext.activate();
    const contributed = (ext.packageJSON.contributes && ext.packageJSON.contributes.commands) || [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
