#!/usr/bin/env node
// UI smoke test in a real VS Code (web workbench, headless Chromium) that also makes the README screenshots.
// Needs a built extension (npm run build). Starts its own server on a free port with fresh data dirs,
// with the working tree linked in as an installed extension and a temp copy of examples/ open. 1280x800.
//   1. opens examples/lessons/oversubscribed-leaf.topology.yaml, waits for the Problems panel to list
//      `oversubscription`, reveals it in the editor                        -> media/screenshot-problems.png
//   2. hovers the leaf's name where it is defined (`  leaf1:`), waits for the hover widget's
//      "Oversubscription:" line                                            -> media/screenshot-hover.png
//   3. command palette "Topology: Open Lessons", waits for the "Topology Lessons" tab and the lesson
//      list inside the webview (an iframe in an iframe)                    -> media/screenshot-lessons.png
//   4. command palette "Welcome: Open Walkthrough...", picks "Datacenter Network Topology", waits for
//      the walkthrough page and the first step's markdown                  -> media/screenshot-walkthrough.png
//   5. opens examples/clean-fabric.topology.yaml, puts the cursor on `leaf1`, runs "Topology: Show Fabric
//      Diagram", waits for the diagram beside the editor (the nodes in the webview, leaf1 highlighted),
//      presses "Fail one spine per pod" and waits for the what-if summary -> media/screenshot-diagram.png
// Every step waits on UI elements (Playwright waitFor / polling frames), never on fixed sleeps.
// Exits 0 on success, 1 on failure (screenshot of the moment in .vscode-test/smoke-failure.png).
// Env: TOPOLOGY_SMOKE_FILE (default oversubscribed-leaf.topology.yaml, under examples/lessons/),
//      TOPOLOGY_SMOKE_RULE (default oversubscription), TOPOLOGY_SMOKE_HOVER (default leaf1),
//      TOPOLOGY_SMOKE_HOVER_TEXT (default "Oversubscription:"), TOPOLOGY_SMOKE_OUT (default media/),
//      TOPOLOGY_VSCODE_DEBUG=1 (browser console).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CACHE } from './paths.mjs';
import { setup } from './setup.mjs';
import { startServer, launchBrowser, linkExtension, openExplorerFile, freePort, DEFAULT_SETTINGS } from './launcher.mjs';

const FILE = process.env.TOPOLOGY_SMOKE_FILE || 'oversubscribed-leaf.topology.yaml';
const RULE = process.env.TOPOLOGY_SMOKE_RULE || 'oversubscription';
const HOVER_KEY = process.env.TOPOLOGY_SMOKE_HOVER || 'leaf1';
const HOVER_TEXT = process.env.TOPOLOGY_SMOKE_HOVER_TEXT || 'Oversubscription:';
const OUT = path.resolve(ROOT, process.env.TOPOLOGY_SMOKE_OUT || 'media');
const DEBUG = process.env.TOPOLOGY_VSCODE_DEBUG === '1';
const LESSONS_TITLE = 'Topology Lessons';
const WALKTHROUGH_TITLE = 'Datacenter Network Topology';
const LESSON_TITLE = 'Modern Datacenter Network Topology'; // the lesson of the example; first step of the walkthrough
const DIAGRAM_FILE = 'clean-fabric.topology.yaml'; // topology: pod-a
const DIAGRAM_TITLE = 'Fabric Diagram — pod-a';
const step = (m) => console.log(`[smoke] ${m}`);

// Only for the smoke run (the test runner keeps DEFAULT_SETTINGS): more room for the screenshots.
const SMOKE_SETTINGS = {
  ...DEFAULT_SETTINGS,
  'editor.minimap.enabled': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Polls until fn() returns a truthy value (UI state, not a fixed sleep), or throws after timeout ms. */
async function until(page, what, fn, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

/** Runs a command through the command palette (F1, type, Enter on the matching entry). */
async function runCommand(page, label) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${label}`);
  // The best match is focused first; wait until it is the command asked for, then run it.
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await row.filter({ hasText: new RegExp(`^\\s*${escapeRe(label)}`) }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

/** The frame (webview content, an iframe inside an iframe) in which `selector` exists. */
function findFrame(page, what, selector, timeout = 30000) {
  return until(page, what, async () => {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      if (await f.$(selector).catch(() => null)) return f;
    }
    return undefined;
  }, timeout);
}

/** Waits for running finite CSS animations (the hover's fade-in, a panel's slide) to end, in the page and its frames. */
async function settle(page) {
  for (const f of page.frames()) {
    await f.evaluate(() => Promise.race([
      Promise.all(document.getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => {}))),
      new Promise((r) => setTimeout(r, 3000)), // a paused animation never finishes
    ])).catch(() => {});
  }
}

async function shot(page, name) {
  await settle(page);
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  step(`saved ${path.relative(ROOT, file)}`);
}

async function main() {
  setup();
  if (!fs.existsSync(path.join(ROOT, 'client', 'out', 'extension.js'))) {
    console.error('[smoke] client/out/extension.js is missing: run `npm run build` first.');
    return 1;
  }
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-smoke-'));
  const ws = path.join(tmp, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  const port = await freePort();
  const srv = await startServer({
    port, tmp, extraArgs: ['--default-folder', ws],
    beforeStart: (d) => {
      linkExtension(d.ext);
      fs.writeFileSync(path.join(d.user, 'User', 'settings.json'), JSON.stringify(SMOKE_SETTINGS, null, 2) + '\n');
    },
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (DEBUG) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
  let code = 1;
  try {
    await page.goto(`http://127.0.0.1:${port}/?${new URLSearchParams({ folder: ws }).toString()}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });

    // 1. Problems panel ------------------------------------------------------------------------------
    step(`open lessons/${FILE}`);
    await openExplorerFile(page, ['lessons', FILE]);
    // The file is open: close the side bar so the editor, the Problems panel and later pages get the full width.
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10000 });
    step(`wait for "${RULE}" in the Problems panel`);
    await page.waitForFunction(
      () => /[1-9]/.test(document.querySelector('#status\\.problems')?.textContent || ''), null, { timeout: 60000 });
    await page.locator('#status\\.problems').click();
    // The rule id is shown as the marker's code: "topology-tutor(oversubscription)" (the parentheses are CSS).
    const marker = page.locator('.markers-panel .monaco-list-row', { hasText: new RegExp(`topology-tutor\\W*${escapeRe(RULE)}\\b`) }).first();
    await marker.waitFor({ timeout: 30000 });
    // Clicking the marker reveals its line in the editor, so the squiggle and the finding are both in view.
    await marker.click();
    const defLine = page.locator('.editor-instance .view-line', { hasText: new RegExp(`^\\s*${escapeRe(HOVER_KEY)}:`) }).first();
    const token = defLine.locator('span span', { hasText: new RegExp(`^${escapeRe(HOVER_KEY)}$`) }).first();
    await token.waitFor({ state: 'visible', timeout: 15000 });
    await page.locator('.editor-instance .squiggly-warning, .editor-instance .squiggly-error').first().waitFor({ timeout: 15000 });
    await shot(page, 'screenshot-problems.png');

    // 2. Hover ---------------------------------------------------------------------------------------
    step(`hover "${HOVER_KEY}" where it is defined`);
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
    // Monaco renders only the lines in view: scroll until the definition line is rendered.
    const editor = page.locator('.editor-instance .view-lines').first();
    const box = await editor.boundingBox();
    for (let i = 0; i < 20 && !(await token.isVisible()); i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 200);
      await token.waitFor({ state: 'visible', timeout: 500 }).catch(() => {});
    }
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: HOVER_TEXT }).first();
    await until(page, `a hover showing "${HOVER_TEXT}"`, async () => {
      // Move off and back on: a hover request that raced with scrolling is retried.
      await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5);
      await token.hover();
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      return true;
    }, 30000);
    await shot(page, 'screenshot-hover.png');

    // 3. Lessons panel -------------------------------------------------------------------------------
    step(`command palette: Topology: Open Lessons`);
    await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5);
    await runCommand(page, 'Topology: Open Lessons');
    await page.locator('.tabs-container .tab', { hasText: LESSONS_TITLE }).first().waitFor({ timeout: 30000 });
    const lessonsFrame = await findFrame(page, 'the lesson list in the webview', '#nav a[data-lesson]');
    await lessonsFrame.locator('#lesson h1').first().waitFor({ timeout: 30000 });
    const lessons = await lessonsFrame.locator('#nav a[data-lesson]').count();
    step(`lessons panel lists ${lessons} lessons`);
    if (lessons < 8) throw new Error(`expected at least 8 lessons in the panel, found ${lessons}`);
    // Give the panel the whole editor area so the lesson is readable.
    await runCommand(page, 'View: Join All Editor Groups');
    await page.locator('.tabs-container .tab.active', { hasText: LESSONS_TITLE }).first().waitFor({ timeout: 10000 });
    await runCommand(page, 'View: Close Other Editors in Group');
    await page.locator('.tabs-container .tab').nth(1).waitFor({ state: 'detached', timeout: 10000 });
    // Show the lesson this example belongs to (a click in the webview's lesson list).
    await lessonsFrame.locator('#nav a[data-lesson]', { hasText: LESSON_TITLE }).first().click();
    await lessonsFrame.locator('#lesson h1', { hasText: LESSON_TITLE }).first().waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'screenshot-lessons.png');

    // 4. Walkthrough ---------------------------------------------------------------------------------
    step(`walkthrough "${WALKTHROUGH_TITLE}"`);
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: WALKTHROUGH_TITLE }).first();
    await pick.waitFor({ timeout: 15000 });
    await page.locator('.quick-input-widget .quick-input-box input').fill(WALKTHROUGH_TITLE);
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: WALKTHROUGH_TITLE })
      .first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    const walkthrough = page.locator('.gettingStartedContainer', { hasText: WALKTHROUGH_TITLE }).first();
    await walkthrough.waitFor({ timeout: 30000 });
    await walkthrough.locator('.getting-started-step.expanded', { hasText: LESSON_TITLE }).first().waitFor({ timeout: 30000 });
    // The expanded step's markdown media is rendered in its own webview, beside the steps.
    // (The lessons webview may still be alive in the background: skip the frame with the lesson list.)
    await walkthrough.locator('.getting-started-media').first().waitFor({ state: 'visible', timeout: 30000 });
    const media = await findFrame(page, 'the walkthrough step markdown', 'body:not(:has(#nav)) h1', 30000);
    await media.locator('h1', { hasText: LESSON_TITLE }).first().waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'screenshot-walkthrough.png');

    // 5. Fabric diagram -------------------------------------------------------------------------------
    step(`diagram of ${DIAGRAM_FILE}`);
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10000 });
    await runCommand(page, 'View: Show Explorer');
    await openExplorerFile(page, [DIAGRAM_FILE]);
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10000 });
    const leafLine = page.locator('.editor-instance .view-line', { hasText: /^\s*leaf1:/ }).first();
    const leafToken = leafLine.locator('span span', { hasText: /^leaf1$/ }).first();
    await leafToken.waitFor({ state: 'visible', timeout: 15000 });
    await leafToken.click();
    await runCommand(page, 'Topology: Show Fabric Diagram');
    await page.locator('.tabs-container .tab', { hasText: DIAGRAM_TITLE }).first().waitFor({ timeout: 30000 });
    const diagramFrame = await findFrame(page, 'the diagram in the webview', 'svg.diagram g.node');
    await diagramFrame.locator('g.node.highlighted[data-key="s:leaf1"]').waitFor({ timeout: 30000 });
    const drawn = await diagramFrame.locator('g.node').count();
    step(`the diagram draws ${drawn} nodes`);
    if (drawn !== 6) throw new Error(`expected 6 nodes in the diagram of ${DIAGRAM_FILE}, found ${drawn}`);
    await diagramFrame.locator('button[data-action="failOneSpinePerPod"]').click();
    await diagramFrame.locator('#summary h2', { hasText: 'What if spine1 fails' }).waitFor({ timeout: 30000 });
    await diagramFrame.locator('g.node.failed[data-key="s:spine1"]').waitFor({ timeout: 10000 });
    await page.mouse.move(5, 795);
    await shot(page, 'screenshot-diagram.png');
    code = 0;
  } catch (err) {
    console.error(`[smoke] FAILED: ${err.message}`);
    try { await page.screenshot({ path: path.join(CACHE, 'smoke-failure.png') }); console.error(`  screenshot: ${path.join(CACHE, 'smoke-failure.png')}`); } catch { /* ignore */ }
  } finally {
    await browser.close().catch(() => {});
    await srv.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  step(`${code === 0 ? 'ok' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
