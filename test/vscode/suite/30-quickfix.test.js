'use strict';
// Quick fixes, completion and the outline through the real VS Code API.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, waitForDiagnostics, codeValue, summarize } = require('./helpers');

// An untitled document, so the walkthrough's fix tracking (which watches the try-it files) is not touched.
const TEXT = [
  'topology: quickfix-fixture',
  'switches:',
  '  spine1:',
  '    role: spine',
  '    ports:',
  '      - { count: 32, speed: 100G }',
  '  spine2:',
  '    role: spine',
  '    ports:',
  '      - { count: 32, speed: 100G }',
  '  leaf1:',
  '    role: leaf',
  '    ports:',
  '      - { count: 48, speed: 25G, for: servers }',
  '      - { count: 8, speed: 100G, for: fabric }',
  '  leaf2:',
  '    role: leaf',
  '    ports:',
  '      - { count: 48, speed: 25G, for: servers }',
  '      - { count: 8, speed: 100G, for: fabric }',
  '  leaf3:',
  '    role: leaf',
  '    ports:',
  '      - { count: 48, speed: 25G, for: servers }',
  '      - { count: 8, speed: 100G, for: fabric }',
  'servers:',
  '  app:',
  '    count: 24',
  '    nics: { count: 1, speed: 25G }',
  '    leaves: [leaf1, leaf2, leaf3]',
  'links:',
  '  - between: [leaf1, spine1]',
  '    speed: 100G',
  '  - between: [leaf1, spine2]',
  '    speed: 100G',
  '  - between: [leaf2, spine1]',
  '    speed: 100G',
  '  - between: [leaf2, spine2]',
  '    speed: 100G',
  '  - between: [leaf3, spine1]',
  '    speed: 100G',
  '',
].join('\n');

describe('quick fixes and editing features', () => {
  let doc;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    doc = await vscode.workspace.openTextDocument({ language: 'topology', content: TEXT });
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  after(async () => {
    // Leave the shared temp workspace as it was for the other suites.
    if (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document === doc) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('applies "Add link" for spine-connectivity and the diagnostic goes away', async () => {
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'spine-connectivity'));
    const diag = diags.find((d) => codeValue(d) === 'spine-connectivity');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const titles = actions.map((a) => a.title);
    const add = actions.find((a) => /^Add link `leaf3` ↔ `spine2`/.test(a.title));
    assert.ok(add, `no "Add link" action among ${JSON.stringify(titles)}`);
    assert.strictEqual(add.isPreferred, true);
    assert.ok(add.kind && add.kind.value === 'quickfix', `kind ${JSON.stringify(add.kind)}`);
    const lesson = actions.find((a) => /^Open lesson:/.test(a.title));
    assert.ok(lesson && lesson.command && lesson.command.command === 'topology.openLesson', `lesson action: ${JSON.stringify(lesson)}`);
    assert.ok(titles.includes('Disable spine-connectivity for this line'), JSON.stringify(titles));

    const applied = await vscode.workspace.applyEdit(add.edit);
    assert.strictEqual(applied, true, 'the workspace edit was not applied');
    assert.ok(doc.getText().includes('  - between: [leaf3, spine2]\n    speed: 100G\n'), doc.getText().slice(-200));
    const after = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeValue(d) === 'spine-connectivity'));
    assert.deepStrictEqual(after.map(summarize), []);
  });

  it('completes a link end with the switch names', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const prefix = doc.lineAt(doc.lineCount - 1).text === '' ? '' : '\n';
    await editor.edit((b) => b.insert(end, `${prefix}  - between: [leaf1, `));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['spine1', 'spine2', 'leaf2', 'leaf3']) assert.ok(labels.includes(name), `${name} missing from ${JSON.stringify(labels)}`);
    assert.ok(!labels.includes('leaf1'), `leaf1 is already the other end: ${JSON.stringify(labels)}`);
  });

  it('shows the outline grouped by role', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), TEXT));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'spine-connectivity'));
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(symbols.map((s) => s.name), ['Switches', 'Server groups', 'Links']);
    assert.deepStrictEqual(symbols[0].children.map((c) => c.name), ['Spines', 'Leaves']);
  });
});
