'use strict';
// The fabric diagram (Topology: Show Fabric Diagram) through the real VS Code API and the test hook
// activate() returns (api.diagram: requestDom, click, press, onDidRender, exportSvgTo, …): it opens
// beside the editor, draws the fabric, selects definitions, follows the cursor, runs what-ifs without
// touching the file, updates as the user types, exports an SVG and follows the active topology editor.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, openFixture, waitFor, workspaceRoot } = require('./helpers');

const FABRIC = 'examples/clean-fabric.topology.yaml'; // topology: pod-a, 2 spines, 4 leaves, 8 links
const TITLE = 'Fabric Diagram — pod-a';

function diagramTabs() {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Fabric Diagram'));
}

/** Re-checks `check` (which may ask the webview) until it holds: on every render, and every 100 ms for what no event reports. */
function eventually(api, check, what, timeoutMs = 20000) {
  let timer;
  const tick = (fire) => {
    timer = setInterval(() => fire(), 100);
    return { dispose: () => clearInterval(timer) };
  };
  return waitFor(check, { events: [api.diagram.onDidRender, tick], timeoutMs, what });
}

describe('fabric diagram', () => {
  let api;
  let doc;
  let original;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
    assert.ok(api && api.diagram, 'activate() returns { diagram }');
    doc = await openFixture(FABRIC);
    original = doc.getText();
  });

  after(async () => {
    for (const tab of diagramTabs()) await vscode.window.tabGroups.close(tab);
    if (doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc.isDirty) await doc.save();
  });

  it('is contributed as "Topology: Show Fabric Diagram" with an editor-title button, and "Export Diagram as SVG"', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID).packageJSON;
    const command = (id) => pkg.contributes.commands.find((c) => c.command === id);
    assert.strictEqual(`${command('topology.showDiagram').category}: ${command('topology.showDiagram').title}`, 'Topology: Show Fabric Diagram');
    assert.strictEqual(command('topology.exportDiagramSvg').title, 'Export Diagram as SVG');
    assert.ok(pkg.contributes.menus['editor/title'].some((m) => m.command === 'topology.showDiagram' && m.when === 'resourceLangId == topology'));
  });

  it('opens beside the editor, titled with the topology name, and draws every switch and link', async () => {
    const column = vscode.window.activeTextEditor.viewColumn;
    await vscode.commands.executeCommand('topology.showDiagram');
    assert.ok(api.diagram.isOpen());
    await waitFor(() => diagramTabs().length === 1 && diagramTabs()[0].label === TITLE, {
      events: [vscode.window.tabGroups.onDidChangeTabs],
      what: `one tab titled "${TITLE}"`,
      describe: () => `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`,
    });
    assert.notStrictEqual(diagramTabs()[0].group.viewColumn, column, 'beside the editor');
    assert.strictEqual(api.diagram.documentUri(), doc.uri.toString());
    const dom = await eventually(api, async () => {
      const d = await api.diagram.requestDom();
      return d.nodes > 0 ? d : undefined;
    }, 'the first drawing');
    assert.strictEqual(dom.nodes, 6, JSON.stringify(dom.nodeKeys));
    assert.strictEqual(dom.links, 8);
    assert.deepStrictEqual(dom.nodeKeys, ['s:spine1', 's:spine2', 's:leaf1', 's:leaf2', 's:leaf3', 's:leaf4'], 'reading order: spines, then leaves');
    assert.match(dom.summary.join('\n'), /6 switches, 8 links, 0 findings/);
  });

  it('a click on a leaf selects its definition in the editor', async () => {
    await api.diagram.click('s:leaf3');
    const editor = await waitFor(() => {
      const e = vscode.window.visibleTextEditors.find((v) => v.document.uri.toString() === doc.uri.toString());
      return e && e.document.getText(e.selection) === 'leaf3' ? e : undefined;
    }, { events: [vscode.window.onDidChangeTextEditorSelection], what: 'the editor to select leaf3' });
    assert.strictEqual(editor.document.lineAt(editor.selection.start.line).text, '  leaf3:');
    await eventually(api, async () => (await api.diagram.requestDom()).highlighted === 's:leaf3', 'leaf3 highlighted after the selection moved');
  });

  it('moving the cursor in the editor highlights that switch, then that link', async () => {
    const editor = vscode.window.visibleTextEditors.find((v) => v.document.uri.toString() === doc.uri.toString());
    const lines = doc.getText().split('\n');
    const inSpine2 = lines.indexOf('  spine2:') + 2; // its `model:` line
    editor.selection = new vscode.Selection(inSpine2, 4, inSpine2, 4);
    await eventually(api, async () => (await api.diagram.requestDom()).highlighted === 's:spine2', 'spine2 highlighted');
    const linkLine = lines.findIndex((l) => l.includes('between: [leaf4, spine1]'));
    editor.selection = new vscode.Selection(linkLine, 5, linkLine, 5);
    const dom = await eventually(api, async () => {
      const d = await api.diagram.requestDom();
      return typeof d.highlighted === 'string' && d.highlighted.startsWith('l:') ? d : undefined;
    }, 'the leaf4–spine1 link highlighted');
    assert.ok(dom.highlighted.includes('s:leaf4') && dom.highlighted.includes('s:spine1'), dom.highlighted);
  });

  it('is keyboard navigable: arrows move between switches, Enter selects, F marks failed', async () => {
    await api.diagram.key('s:leaf1', 'ArrowRight');
    assert.strictEqual((await api.diagram.requestDom()).focused, 's:leaf2');
    // Focus (like the mouse) shows the editor hover's figures, from the server.
    const tip = await eventually(api, async () => {
      const d = await api.diagram.requestDom();
      return d.tooltip.length > 0 ? d.tooltip : undefined;
    }, "leaf2's hover figures");
    assert.strictEqual(tip[0], 'leaf2 · leaf');
    assert.ok(tip.includes("Oversubscription: 2.5:1 (within the design's 3:1)"), tip.join('\n'));
    assert.ok(tip.includes('ECMP: 4 equal-cost paths (2 spines × 2 links)'), tip.join('\n'));
    await api.diagram.key('s:leaf2', 'ArrowUp');
    assert.strictEqual((await api.diagram.requestDom()).focused, 's:spine1', 'the nearest switch in the row above');
    await api.diagram.key('s:spine1', 'ArrowRight');
    assert.strictEqual((await api.diagram.requestDom()).focused, 's:spine2');
    await api.diagram.key('s:spine2', 'l');
    const onLink = (await api.diagram.requestDom()).focused;
    assert.ok(onLink && onLink.startsWith('l:') && onLink.includes('s:spine2'), `L walks spine2's links: ${onLink}`);
    await api.diagram.key('s:leaf4', 'Enter');
    await waitFor(() => {
      const e = vscode.window.visibleTextEditors.find((v) => v.document.uri.toString() === doc.uri.toString());
      return e && e.document.getText(e.selection) === 'leaf4';
    }, { events: [vscode.window.onDidChangeTextEditorSelection], what: 'Enter on leaf4 selects it in the editor' });
    const revision = api.diagram.renderedRevision();
    await api.diagram.key('s:spine2', 'f');
    await eventually(api, async () => {
      if (api.diagram.renderedRevision() <= revision) return undefined;
      return (await api.diagram.requestDom()).summary[0] === 'What if spine2 fails';
    }, 'F marks spine2 failed');
    await api.diagram.press('clearFailures');
    await eventually(api, async () => (await api.diagram.requestDom()).failed.length === 0, 'cleared');
  });

  it('marks a spine failed and shows the impact in the summary; clearing restores it; the file never changes', async () => {
    let revision = api.diagram.renderedRevision();
    await api.diagram.click('s:spine1', true);
    let dom = await eventually(api, async () => {
      if (api.diagram.renderedRevision() <= revision) return undefined;
      const d = await api.diagram.requestDom();
      return d.summary[0] === 'What if spine1 fails' ? d : undefined;
    }, 'the what-if summary for spine1');
    const summary = dom.summary.join('\n');
    assert.match(summary, /4 leaves lose uplink bandwidth\./);
    assert.match(summary, /Pushed over the design limit: leaf1, leaf2\./);
    assert.match(summary, /The fabric does not survive this failure\./);
    // The hover's figures: leaf1 is 1000G ÷ 400G = 2.5:1; without spine1 it keeps 200G: 5:1.
    assert.ok(dom.summary.includes('leaf1 | 400G → 200G | 2.5:1 → 5:1 | 4 → 2 | ⚑ over its limit'), summary);
    assert.ok(dom.summary.includes('leaf3 | 400G → 200G | 1:1 → 2:1 | 4 → 2 | '), summary);
    assert.ok(dom.failed.includes('s:spine1'), JSON.stringify(dom.failed));
    assert.strictEqual(dom.failed.filter((k) => k.startsWith('l:')).length, 4, 'its four links are down');
    assert.strictEqual(doc.getText(), original, 'nothing in the file changes');
    assert.strictEqual(doc.isDirty, false);

    revision = api.diagram.renderedRevision();
    await api.diagram.press('clearFailures');
    dom = await eventually(api, async () => {
      if (api.diagram.renderedRevision() <= revision) return undefined;
      const d = await api.diagram.requestDom();
      return d.failed.length === 0 ? d : undefined;
    }, 'the marks cleared');
    assert.ok(!dom.summary.some((l) => l.startsWith('What if')), dom.summary.join('\n'));

    revision = api.diagram.renderedRevision();
    await api.diagram.press('failOneSpinePerPod');
    dom = await eventually(api, async () => {
      if (api.diagram.renderedRevision() <= revision) return undefined;
      const d = await api.diagram.requestDom();
      return d.summary[0] === 'What if spine1 fails' ? d : undefined;
    }, '"fail one spine per pod" (one pod: spine1)');
    await api.diagram.press('clearFailures');
    assert.strictEqual(doc.getText(), original);
  });

  it('updates as the user types', async () => {
    const lines = doc.getText().split('\n');
    const at = lines.indexOf('servers:');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(at, 0), '  leaf5:\n    role: leaf\n    ports:\n      - { count: 8, speed: 100G }\n');
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), `${original.endsWith('\n') ? '' : '\n'}  - { between: [leaf5, spine1], speed: 100G }\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const dom = await eventually(api, async () => {
      const d = await api.diagram.requestDom();
      return d.nodes === 7 ? d : undefined;
    }, 'the diagram to show leaf5');
    assert.strictEqual(dom.links, 9);
    assert.ok(dom.nodeKeys.includes('s:leaf5'));
  });

  it('exports the picture as a self-contained SVG', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'diagram-export.svg');
    await api.diagram.exportSvgTo(target);
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(svg.startsWith('<?xml'), svg.slice(0, 80));
    assert.match(svg, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<title>Fabric Diagram — pod-a<\/title>/);
    assert.match(svg, />leaf5</);
    assert.ok(!/href|url\(|var\(--|<style|<image|<script/i.test(svg), 'no external reference, no stylesheet, no script');
    assert.match(svg, /fill="(#[0-9a-f]+|rgba?\([^)]*\))"/i, 'colours resolved to values');
  });

  it('follows the active topology editor', async () => {
    const other = await openFixture('examples/five-stage-clos.topology.yaml');
    await waitFor(() => api.diagram.documentUri() === other.uri.toString() && diagramTabs().some((t) => t.label === 'Fabric Diagram — clean-5-stage'), {
      events: [vscode.window.tabGroups.onDidChangeTabs, vscode.window.onDidChangeActiveTextEditor],
      what: 'the diagram to follow the 5-stage fabric',
    });
    const dom = await eventually(api, async () => {
      const d = await api.diagram.requestDom();
      return d.nodes === 16 ? d : undefined;
    }, 'the 5-stage fabric drawn');
    assert.strictEqual(dom.links, 24);
    assert.strictEqual(diagramTabs().length, 1, 'one diagram panel');
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor(() => api.diagram.documentUri() === doc.uri.toString(), { events: [vscode.window.onDidChangeActiveTextEditor], what: 'back to pod-a' });
  });
});
