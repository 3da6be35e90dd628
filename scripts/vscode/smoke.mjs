#!/usr/bin/env node
// UI smoke test in a real VS Code (web workbench, headless Chromium) that also makes the README screenshots.
// Needs a built extension (npm run build). Starts its own server on a free port with fresh data dirs,
// with the working tree linked in as an installed extension and a temp copy of examples/ open.
//   1. opens an example, waits for the Problems panel to list the expected rule id
//      -> media/screenshot-problems.png
//   2. hovers a key, waits for the hover widget's markdown -> media/screenshot-hover.png
// Exits 0 on success, 1 on failure (screenshot of the moment in .vscode-test/smoke-failure.png).
// Env: TOPOLOGY_SMOKE_FILE (default single-spine.topology.yaml), TOPOLOGY_SMOKE_RULE (default spine-redundancy),
//      TOPOLOGY_SMOKE_OUT (default media/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CACHE } from './paths.mjs';
import { setup } from './setup.mjs';
import { startServer, launchBrowser, linkExtension, openExplorerFile, freePort } from './launcher.mjs';

const FILE = process.env.TOPOLOGY_SMOKE_FILE || 'single-spine.topology.yaml';
const RULE = process.env.TOPOLOGY_SMOKE_RULE || 'spine-redundancy';
const OUT = path.resolve(ROOT, process.env.TOPOLOGY_SMOKE_OUT || 'media');
const HOVER_KEY = process.env.TOPOLOGY_SMOKE_HOVER || 'spine1';
const step = (m) => console.log(`[smoke] ${m}`);

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
  const srv = await startServer({ port, tmp, extraArgs: ['--default-folder', ws], beforeStart: (d) => linkExtension(d.ext) });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let code = 1;
  try {
    await page.goto(`http://127.0.0.1:${port}/?${new URLSearchParams({ folder: ws })}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    step(`open ${FILE}`);
    await openExplorerFile(page, ['lessons', FILE]);

    step(`wait for "${RULE}" in the Problems panel`);
    await page.waitForFunction(
      () => /[1-9]/.test(document.querySelector('#status\\.problems')?.textContent || ''), null, { timeout: 60000 });
    await page.locator('#status\\.problems').click();
    const markers = page.locator('.markers-panel');
    await markers.filter({ hasText: RULE }).waitFor({ timeout: 30000 });
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'screenshot-problems.png') });
    step(`saved ${path.relative(ROOT, path.join(OUT, 'screenshot-problems.png'))}`);

    step(`hover "${HOVER_KEY}"`);
    // Hide the panel, then scroll the editor until the key's line is rendered (Monaco virtualizes lines).
    await page.locator('.part.panel .action-label[aria-label^="Hide Panel"], .part.panel .codicon-panel-close').first().click({ timeout: 10000 }).catch(() => {});
    const token = page.locator('.editor-instance .view-line span span', { hasText: new RegExp(`^${HOVER_KEY}$`) }).first();
    const editor = page.locator('.editor-instance .view-lines').first();
    const box = await editor.boundingBox();
    for (let i = 0; i < 20 && !(await token.isVisible()); i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 200);
      await token.waitFor({ state: 'visible', timeout: 500 }).catch(() => {});
    }
    await token.hover();
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .markdown-hover');
    await hover.first().filter({ hasText: /\S/ }).waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(OUT, 'screenshot-hover.png') });
    step(`saved ${path.relative(ROOT, path.join(OUT, 'screenshot-hover.png'))}`);
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
