'use strict';
// Walkthrough contributions and the events that complete their steps, in the real editor.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, waitFor, waitForDiagnostics, codeValue } = require('./helpers');

function commandLinks(description) {
  return [...description.matchAll(/\]\(command:([\w.]+)(?:\?([^)\s]*))?\)/g)].map((m) => ({
    command: m[1],
    args: m[2] ? JSON.parse(decodeURIComponent(m[2])) : [],
  }));
}

async function closeActiveWithoutSaving() {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('walkthroughs', () => {
  let ext;
  let api;

  before(async () => {
    ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
  });

  it('contributes "Virtualization Fundamentals" and "Datacenter Network Topology"', () => {
    const titles = (ext.packageJSON.contributes.walkthroughs || []).map((w) => w.title).sort();
    assert.deepStrictEqual(titles, ['Datacenter Network Topology', 'Virtualization Fundamentals']);
  });

  it('has media files, registered commands and completion events the extension sets', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const keys = new Set(Object.keys(api.walkthrough.contextKeys()));
    const problems = [];
    for (const w of ext.packageJSON.contributes.walkthroughs) {
      for (const step of w.steps) {
        const where = `${w.id}/${step.id}`;
        const media = step.media && (step.media.markdown || step.media.image || step.media.svg);
        if (!media) problems.push(`${where}: no media`);
        else {
          try {
            await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, typeof media === 'string' ? media : media.dark));
          } catch {
            problems.push(`${where}: media ${JSON.stringify(media)} missing`);
          }
        }
        const links = commandLinks(step.description || '');
        if (links.length === 0) problems.push(`${where}: no buttons`);
        for (const link of links) if (!registered.has(link.command)) problems.push(`${where}: ${link.command} not registered`);
        for (const event of step.completionEvents || []) {
          const ctx = /^onContext:(.+)$/.exec(event);
          const cmd = /^onCommand:(.+)$/.exec(event);
          if (ctx && !keys.has(ctx[1])) problems.push(`${where}: context key ${ctx[1]} is never set`);
          else if (cmd && !registered.has(cmd[1])) problems.push(`${where}: ${cmd[1]} not registered`);
          else if (!ctx && !cmd) problems.push(`${where}: unexpected completion event ${event}`);
        }
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('"Open a sample fabric" completes when a topology file is open', async () => {
    await vscode.commands.executeCommand('topology.openTryIt', 'examples/lessons/virtualized-rack.topology.yaml');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.languageId === 'topology', 'a topology editor is active');
    assert.strictEqual(api.walkthrough.contextKeys()['topology.opened'], true);
  });

  it('"Fix the missing spine link" completes when spine-connectivity is fixed in the try-it file', async () => {
    await vscode.commands.executeCommand('topology.openTryIt', 'examples/lessons/missing-spine-link.topology.yaml');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('missing-spine-link.topology.yaml'), editor && editor.document.uri.toString());
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'spine-connectivity'));
    assert.strictEqual(api.walkthrough.contextKeys()['topology.fixed.spineConnectivity'], false, 'not complete before the fix');

    const edit = new vscode.WorkspaceEdit();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const prefix = doc.lineAt(doc.lineCount - 1).text.trim() === '' ? '' : '\n';
    edit.insert(doc.uri, end, `${prefix}  - between: [leaf3, spine2]\n    speed: 100G\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeValue(d) === 'spine-connectivity'));
    await waitFor(() => api.walkthrough.contextKeys()['topology.fixed.spineConnectivity'], {
      events: [vscode.languages.onDidChangeDiagnostics],
      what: 'topology.fixed.spineConnectivity',
    });
    await closeActiveWithoutSaving();
  });

  it('"Topology: New Topology File" opens an untitled topology document, unsaved', async () => {
    await vscode.commands.executeCommand('topology.newTopologyFile');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor');
    assert.strictEqual(editor.document.isUntitled, true);
    assert.strictEqual(editor.document.languageId, 'topology');
    assert.match(editor.document.getText(), /^# A topology file, format 1.1/);
    await waitForDiagnostics(editor.document.uri, () => true).catch(() => undefined);
    await closeActiveWithoutSaving();
  });
});
