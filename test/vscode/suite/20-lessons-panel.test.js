'use strict';
// The "Topology Lessons" webview panel, lesson links and progress, "In your fabric" and the panel
// serializer, through the real VS Code API and the test hook activate() returns (api.lessonsPanel:
// isOpen, currentLesson, currentSection, requestDom, click, fabric, onDidUpdateFabric,
// clickFabricLink, restore).
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, openFixture, waitFor, waitForDiagnostics, codeValue, hoverText } = require('./helpers');

/** Closes every text editor tab (the lessons panel stays). */
async function closeTextEditors() {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

/** Waits until the panel's DOM shows an "In your fabric" part that satisfies `check(fabricDom)`. */
function waitForFabric(api, check, what) {
  return waitFor(
    async () => {
      const dom = await api.lessonsPanel.requestDom();
      return dom.fabric && check(dom.fabric) ? dom.fabric : undefined;
    },
    {
      events: [api.lessonsPanel.onDidUpdateFabric],
      what,
      describe: () => `last part sent: ${JSON.stringify(api.lessonsPanel.fabric())}`,
    },
  );
}

const PANEL_TITLE = 'Topology Lessons';

function lessonTabs() {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.label === PANEL_TITLE);
}

describe('lessons panel', () => {
  let api;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
    assert.ok(api && api.lessonsPanel, 'activate() returns { lessonsPanel }');
    await vscode.commands.executeCommand('topology.resetLessonProgress');
  });

  after(async () => {
    for (const tab of lessonTabs()) await vscode.window.tabGroups.close(tab);
  });

  it('opens by command and shows tracks, lessons and the lesson', async () => {
    await vscode.commands.executeCommand('topology.openLessons');
    assert.ok(api.lessonsPanel.isOpen());
    // The tab model reaches the extension host asynchronously.
    await waitFor(() => lessonTabs().length === 1, {
      events: [vscode.window.tabGroups.onDidChangeTabs],
      what: 'one tab titled "Topology Lessons"',
      describe: () => `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`,
    });
    const dom = await api.lessonsPanel.requestDom();
    assert.strictEqual(dom.lessonList.length, 8, JSON.stringify(dom.lessonList));
    assert.deepStrictEqual(dom.lessonList.map((l) => l.done), new Array(8).fill(false));
    // The first lesson in reading order, when nothing was open before.
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'ring0-problem');
    assert.strictEqual(dom.title, 'The Ring-0 Problem');
    assert.ok(dom.headings.includes('The idea'), JSON.stringify(dom.headings));
  });

  it('deep-links to a section and reuses the open panel', async () => {
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'ecmp', section: 'parallel-links' });
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'ecmp');
    assert.strictEqual(api.lessonsPanel.currentSection(), 'parallel-links');
    const dom = await api.lessonsPanel.requestDom();
    assert.strictEqual(dom.title, 'ECMP Load Balancing');
    assert.strictEqual(dom.section, 'parallel-links', 'the webview scrolled to the section');
    assert.ok(dom.headings.includes('Parallel links'));
    assert.strictEqual(lessonTabs().length, 1, 'no second panel');
  });

  it('accepts a lesson file URI and ignores unknown lessons', async () => {
    await vscode.commands.executeCommand('topology.openLesson', 'file:///somewhere/lessons/vm-exits.md#the-vmcs');
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'vm-exits');
    assert.strictEqual(api.lessonsPanel.currentSection(), 'the-vmcs');
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'no-such-lesson' });
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'ecmp', section: 'no-such-section' });
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'ecmp');
    assert.strictEqual(api.lessonsPanel.currentSection(), undefined, 'an unknown section opens the top');
    assert.strictEqual(lessonTabs().length, 1);
  });

  it('sets the walkthrough context key of an opened lesson', () => {
    const keys = api.walkthrough.contextKeys();
    assert.strictEqual(keys['topology.lessonOpened.ecmp'], true);
    assert.strictEqual(keys['topology.lessonOpened.vm-exits'], true);
  });

  it('navigates with next / previous', async () => {
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'spine-leaf-hierarchy' });
    await api.lessonsPanel.click('next');
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'three-tier-vs-spine-leaf');
    await api.lessonsPanel.click('previous');
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'spine-leaf-hierarchy');
  });

  it('keeps progress across a reload of the panel, and resets it', async () => {
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'ecmp' });
    await api.lessonsPanel.click('done');
    let dom = await api.lessonsPanel.requestDom();
    assert.deepStrictEqual(dom.lessonList.filter((l) => l.done).map((l) => l.id), ['ecmp']);

    // Dispose the panel (close its tab) and open it again.
    for (const tab of lessonTabs()) await vscode.window.tabGroups.close(tab);
    await waitFor(() => !api.lessonsPanel.isOpen(), { events: [vscode.window.tabGroups.onDidChangeTabs], what: 'the panel to close' });
    await vscode.commands.executeCommand('topology.openLessons');
    dom = await api.lessonsPanel.requestDom();
    assert.deepStrictEqual(dom.lessonList.filter((l) => l.done).map((l) => l.id), ['ecmp'], 'done after reopening');

    await vscode.commands.executeCommand('topology.resetLessonProgress');
    dom = await api.lessonsPanel.requestDom();
    assert.deepStrictEqual(dom.lessonList.filter((l) => l.done), [], 'reset');
  });

  it('links diagnostic codes to the lesson through the extension URI, opened like a click on the code', async () => {
    const doc = await openFixture('unknown-key.topology.yaml');
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'schema'));
    const schema = diags.find((d) => codeValue(d) === 'schema');
    assert.ok(schema.code && typeof schema.code === 'object' && schema.code.target, 'the code has a target');
    const target = schema.code.target;
    assert.strictEqual(target.scheme, vscode.env.uriScheme, target.toString());
    assert.strictEqual(target.authority, EXTENSION_ID);
    assert.strictEqual(target.path, '/lesson');
    // vscode.open hands non-editor URIs to the opener service, the same path a click on the
    // rule code takes in the Problems panel, the hover and the peek view.
    await vscode.commands.executeCommand('vscode.open', target);
    await waitFor(() => api.lessonsPanel.currentLesson() === 'topology-format', {
      events: [vscode.window.tabGroups.onDidChangeTabs, vscode.window.onDidChangeActiveTextEditor],
      what: 'the lesson to open from the diagnostic link',
    });
    assert.strictEqual(api.lessonsPanel.currentSection(), 'the-format');
  });

  it('shows "In your fabric": the open file\'s worst leaf beside the oversubscription lesson; a click selects it in the editor', async () => {
    const doc = await openFixture('fabric/worst-leaf.topology.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'oversubscription'));
    // The selection starts elsewhere, so the click is what moves it to leaf2.
    vscode.window.activeTextEditor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'modern-topology', section: 'oversubscription-ratios' });
    const ratios = (fabric) => fabric.groups.find((g) => g.title === 'Oversubscription ratios');
    const fabric = await waitForFabric(
      api,
      (f) => f.heading === 'In your fabric: worst-leaf.topology.yaml' && ratios(f) !== undefined && ratios(f).figures.length > 0,
      'the figures of worst-leaf.topology.yaml',
    );
    const worst = ratios(fabric).figures[0];
    assert.deepStrictEqual({ label: worst.label, text: worst.text }, {
      label: 'leaf2',
      text: '800G to servers ÷ 200G to spines = 4:1: over the 3:1 the design allows',
    });
    assert.strictEqual(ratios(fabric).note, "1 of the 3 leaves with a ratio is over the design's 3:1.");
    assert.ok(typeof worst.link === 'number', 'the figure is a link');

    await api.lessonsPanel.clickFabricLink(worst.link);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('  leaf2:'));
    await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e !== undefined && e.document.uri.toString() === doc.uri.toString() && e.selection.isEqual(new vscode.Selection(line, 2, line, 7));
      },
      {
        events: [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
        what: `the selection on leaf2 (line ${line + 1})`,
        describe: () => {
          const e = vscode.window.activeTextEditor;
          return e ? `${e.document.uri.path} ${JSON.stringify(e.selection)}` : 'no active editor';
        },
      },
    );
    assert.strictEqual(vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection), 'leaf2');
  });

  it('follows the topology editor: another lesson shows that file\'s figures for its idea', async () => {
    await openFixture('fabric/worst-leaf.topology.yaml');
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'three-tier-vs-spine-leaf' });
    const fabric = await waitForFabric(
      api,
      (f) => f.heading === 'In your fabric: worst-leaf.topology.yaml' && f.groups.some((g) => g.title === 'Losing one spine (N-1)'),
      'the N-1 figures',
    );
    const n1 = fabric.groups.find((g) => g.title === 'Losing one spine (N-1)');
    assert.deepStrictEqual(n1.figures.map((f) => `${f.label}: ${f.text}`), [
      'spine1: each of its 3 leaves loses 100G of 200G = 50% of its uplink; leaf2 goes from 4:1 to 800G ÷ 100G = 8:1; the same for 1 other spine',
    ]);
  });

  it('with no topology file open, offers the lesson\'s try-it file, which then shows its figures', async () => {
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'modern-topology', section: 'oversubscription-ratios' });
    await closeTextEditors();
    const fabric = await waitForFabric(api, (f) => f.tryIt !== undefined && f.groups.length === 0, 'the try-it offer');
    assert.strictEqual(fabric.heading, 'In your fabric');
    assert.strictEqual(api.lessonsPanel.fabric().view.kind, 'noFile');
    await api.lessonsPanel.clickFabricLink(fabric.tryIt);
    await waitFor(() => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.path.endsWith('/examples/lessons/oversubscribed-leaf.topology.yaml'), {
      events: [vscode.window.onDidChangeActiveTextEditor],
      what: 'the try-it file to open',
    });
    const figures = await waitForFabric(api, (f) => f.heading === 'In your fabric: oversubscribed-leaf.topology.yaml' && f.groups.some((g) => g.title === 'Oversubscription ratios' && g.figures.length > 0), 'the try-it file\'s figures');
    assert.strictEqual(figures.groups.find((g) => g.title === 'Oversubscription ratios').figures[0].label, 'leaf1');
    await closeTextEditors();
  });

  it('survives a window reload: the serializer restores lesson and section (deserialize called directly: the harness cannot reload its own window)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext.packageJSON.activationEvents.includes('onWebviewPanel:topology.lessons'), 'activates to restore the panel');
    await vscode.commands.executeCommand('topology.openLesson', { lesson: 'ecmp', section: 'parallel-links' });
    const saved = (await api.lessonsPanel.requestDom()).saved;
    assert.deepStrictEqual({ lesson: saved.lesson, section: saved.section }, { lesson: 'ecmp', section: 'parallel-links' }, 'the webview saved where it is');
    for (const tab of lessonTabs()) await vscode.window.tabGroups.close(tab);
    await waitFor(() => !api.lessonsPanel.isOpen(), { events: [vscode.window.tabGroups.onDidChangeTabs], what: 'the panel to close' });

    // What VS Code does after a reload: a webview panel of our view type, and the state the script saved.
    const restored = vscode.window.createWebviewPanel('topology.lessons', 'Topology Lessons', vscode.ViewColumn.Beside, {});
    await api.lessonsPanel.restore(restored, JSON.parse(JSON.stringify(saved)));
    assert.ok(api.lessonsPanel.isOpen());
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'ecmp');
    assert.strictEqual(api.lessonsPanel.currentSection(), 'parallel-links');
    const dom = await api.lessonsPanel.requestDom();
    assert.strictEqual(dom.title, 'ECMP Load Balancing', 'the restored webview runs the panel script');
    assert.strictEqual(dom.lessonList.length, 8);

    // One panel at most: a second restored panel is closed.
    const second = vscode.window.createWebviewPanel('topology.lessons', 'Topology Lessons', vscode.ViewColumn.Beside, {});
    await api.lessonsPanel.restore(second, { lesson: 'vm-exits' });
    await waitFor(() => lessonTabs().length === 1, { events: [vscode.window.tabGroups.onDidChangeTabs], what: 'one lessons tab' });
    assert.strictEqual(api.lessonsPanel.currentLesson(), 'ecmp');
  });

  it('rewrites the "Learn" links of hovers to command URIs', async () => {
    const doc = await openFixture('unknown-key.topology.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('switches:'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2));
    const text = hoverText(hovers);
    assert.match(text, /Learn:/);
    assert.ok(!/\]\(file:[^)]*\/lessons\//.test(text), `a file:// lesson link is left: ${text}`);
    assert.match(text, /\]\(command:topology\.openLesson\?/);
  });
});

