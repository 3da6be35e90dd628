'use strict';
// The "Topology Lessons" webview panel, lesson links and progress, through the real VS Code API and the
// test hook activate() returns (api.lessonsPanel: isOpen, currentLesson, currentSection, requestDom, click).
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, openFixture, waitFor, waitForDiagnostics, codeValue, hoverText } = require('./helpers');

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

