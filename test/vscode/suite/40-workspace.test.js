'use strict';
// Workspace-level features through the real VS Code API: the editor-title "Open Lessons" button,
// the project config file's diagnostics in its editor, the client-side config file watcher, and
// "Topology: Lint Workspace" filling the Problems panel for files that are not open.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, fixtureUri, openFixture, waitFor, waitForDiagnostics, codeValue, summarize } = require('./helpers');

const isOpen = (uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
const codes = (diagnostics) => diagnostics.map((d) => `${codeValue(d)}:${d.severity}@${d.range.start.line + 1}`).sort();

async function closeTextEditors() {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

describe('workspace features', () => {
  let ext;
  let api;

  before(async () => {
    ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
  });

  after(async () => {
    await closeTextEditors();
    const lessons = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    if (lessons.length > 0) await vscode.window.tabGroups.close(lessons);
  });

  it('puts an "Open Lessons" button on the title bar of topology editors, and it opens the lessons', async () => {
    const menu = ext.packageJSON.contributes.menus['editor/title'];
    assert.deepStrictEqual(menu.find((m) => m.command === 'topology.openLessons'), { command: 'topology.openLessons', when: 'resourceLangId == topology', group: 'navigation' });
    const command = ext.packageJSON.contributes.commands.find((c) => c.command === 'topology.openLessons');
    assert.strictEqual(command.icon, '$(book)', 'a title-bar button needs an icon');
    const doc = await openFixture('fabric/worst-leaf.topology.yaml');
    assert.strictEqual(vscode.window.activeTextEditor.document.languageId, 'topology', 'the `when` clause holds for this editor');
    assert.strictEqual(doc.languageId, 'topology');
    // What the button runs, from that editor.
    await vscode.commands.executeCommand('topology.openLessons');
    assert.ok(api.lessonsPanel.isOpen());
    assert.ok(api.lessonsPanel.currentLesson() !== undefined);
  });

  it('shows the problems of a project config file in its editor', async () => {
    const doc = await openFixture('bad-config/.topology-tutor.yaml');
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'config'));
    assert.deepStrictEqual(
      diagnostics.map((d) => [codeValue(d), d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [['config', vscode.DiagnosticSeverity.Error, 1, 2, 16, 'Unknown rule id `ecmp-imbalanse` in `rules`. Did you mean `ecmp-imbalance`?']],
    );
  });

  it('re-lints an open file when its config file is created and deleted on disk (the client watches config files)', async () => {
    const doc = await openFixture('watch-demo/isolated.topology.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'isolated-switch'));
    const config = fixtureUri('watch-demo/.topology-tutor.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  isolated-switch: off\n'));
    let diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0 && !ds.some((d) => codeValue(d) === 'isolated-switch'));
    assert.deepStrictEqual(codes(diagnostics), ['spine-connectivity:0@7']);
    await vscode.workspace.fs.delete(config);
    diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'isolated-switch'));
    assert.deepStrictEqual(codes(diagnostics), ['isolated-switch:1@6', 'spine-connectivity:0@7']);
  });

  it('"Topology: Lint Workspace" fills the Problems panel for unopened files, honouring .topology-tutor.yaml', async () => {
    await closeTextEditors();
    const unopened = fixtureUri('config-demo/unopened.topology.yaml');
    const ignored = fixtureUri('config-demo/drafts/ignored.topology.yaml');
    assert.ok(!isOpen(unopened) && !isOpen(ignored), 'the fixtures are not open');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(unopened), []);

    const summary = await vscode.commands.executeCommand('topology.lintWorkspace');
    assert.ok(summary && summary.cancelled === false, JSON.stringify(summary));
    assert.ok(summary.files >= 10 && summary.linted >= 8, JSON.stringify(summary));
    assert.ok(summary.ignored >= 1, `the drafts/ file is ignored: ${JSON.stringify(summary)}`);
    const diagnostics = vscode.languages.getDiagnostics(unopened);
    // isolated-switch is an error through config-demo/.topology-tutor.yaml (its default is a warning).
    assert.deepStrictEqual(codes(diagnostics), ['isolated-switch:0@7', 'spine-connectivity:0@8'], JSON.stringify(diagnostics.map(summarize)));
    const isolated = diagnostics.find((d) => codeValue(d) === 'isolated-switch');
    assert.strictEqual(isolated.source, 'topology-tutor');
    assert.strictEqual(isolated.code.target.authority, EXTENSION_ID, 'the rule code opens its lesson through the extension URI');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(ignored), [], 'ignored by the config file');
    assert.ok(vscode.languages.getDiagnostics(fixtureUri('examples/lessons/oversubscribed-leaf.topology.yaml')).some((d) => codeValue(d) === 'oversubscription'));

    assert.strictEqual(api.lintWorkspace.diagnostics(unopened).length, 2, 'in the Lint Workspace collection');

    // Opening the file: its live diagnostics take over (shown once, not twice).
    const doc = await vscode.workspace.openTextDocument(unopened);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(api.lintWorkspace.diagnostics(unopened).length, 0, 'the Lint Workspace entry left when the file opened');
    const live = await waitForDiagnostics(unopened, (ds) => ds.length === 2);
    assert.deepStrictEqual(codes(live), ['isolated-switch:0@7', 'spine-connectivity:0@8']);

    // Closing it for the language client: its live diagnostics are cleared and the file is linted
    // again from disk. (VS Code disposes a closed tab's document lazily; a language change closes it
    // for the language client at once, through the same onDidCloseTextDocument.)
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    const again = await waitFor(
      () => {
        const all = vscode.languages.getDiagnostics(unopened);
        return api.lintWorkspace.diagnostics(unopened).length === 2 && all.length === 2 ? all : undefined;
      },
      { events: [vscode.languages.onDidChangeDiagnostics], what: 'the file linted again from disk, the live diagnostics cleared', describe: () => JSON.stringify(vscode.languages.getDiagnostics(unopened).map(summarize)) },
    );
    assert.deepStrictEqual(codes(again), ['isolated-switch:0@7', 'spine-connectivity:0@8']);
    await closeTextEditors();
  });
});
