'use strict';
// Only in the web run (npm run test:vscode:web): the extension really is the web extension, in the
// browser's extension host, with its language server in a Web Worker. The rest of the suite
// (test/vscode/suite/) runs there unchanged: activation, diagnostics, hover, the lessons panel,
// walkthroughs, quick fixes, labs.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, waitForDiagnostics, codeValue, hoverText } = require('../suite/helpers');

describe('web extension host', () => {
  let api;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
  });

  it('runs the browser entry, in a browser worker', () => {
    assert.strictEqual(api.runtime, 'web', 'activate() came from client/out/browserExtension.js');
    assert.strictEqual(globalThis.process?.versions?.node, undefined, 'no Node.js in this extension host');
    assert.strictEqual(typeof globalThis.navigator?.userAgent, 'string');
  });

  it('lints a file through the Web Worker server: lesson links, hover links, a project config file read through workspace.fs', async () => {
    // A config file in its own folder, written through the editor's file system (a virtual
    // workspace would be the same): the browser server gets it from the client.
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'web-config');
    const source = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'examples', 'lessons', 'oversubscribed-leaf.topology.yaml');
    const copy = vscode.Uri.joinPath(folder, 'leaf.topology.yaml');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.topology-tutor.yaml'), new TextEncoder().encode('rules:\n  oversubscription: error\n'));
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(source));
    const doc = await vscode.workspace.openTextDocument(copy);
    await vscode.window.showTextDocument(doc, { preview: false });
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'oversubscription' && d.severity === vscode.DiagnosticSeverity.Error));
    const finding = diags.find((d) => codeValue(d) === 'oversubscription');
    // The server linked the extension's lessons folder; the client made it the extension's lesson URI.
    assert.strictEqual(finding.code.target.authority, EXTENSION_ID);
    assert.strictEqual(finding.code.target.path, '/lesson');
    assert.match(finding.code.target.query, /lesson=modern-topology/);
    const line = doc.getText().split('\n').findIndex((l) => l === '  leaf1:');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3));
    const text = hoverText(hovers);
    assert.match(text, /4:1/);
    assert.match(text, /\]\(command:topology\.openLesson\?/, 'the lesson link in the hover opens the lessons panel');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
