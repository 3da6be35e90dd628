#!/usr/bin/env node
// Serves a real VS Code (web workbench from code-server's VS Code server) with Topology Tutor loaded from
// this working tree and examples/ open. Builds nothing: run `npm run build` first (client/out, server/out).
//
//   node scripts/vscode/serve.mjs            # serve on 127.0.0.1:8080 until Ctrl+C, print the URL
//   PORT=9000 HOST=127.0.0.1 node scripts/vscode/serve.mjs
//   node scripts/vscode/serve.mjs --check    # start, load the page in headless Chromium, open an example,
//                                            # save .vscode-test/start.png, verify the extension, stop
//
// The extension is this working tree, symlinked into the server's extensions dir (server-main ignores
// --extensionDevelopmentPath), so a rebuild + "Developer: Reload Window" picks up changes.
// User settings persist in .vscode-test/serve/ (delete it for a clean profile).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, CACHE } from './paths.mjs';
import { setup } from './setup.mjs';
import { startServer, launchBrowser, linkExtension, openExplorerFile } from './launcher.mjs';

const argv = process.argv.slice(2);
const CHECK = argv.includes('--check');
const PORT = Number(process.env.PORT || 8080);
const HOST = process.env.HOST || '127.0.0.1';
const FOLDER = path.resolve(process.env.TOPOLOGY_FOLDER || path.join(ROOT, 'examples'));

function url(port) {
  const q = new URLSearchParams({ folder: FOLDER });
  return `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${port}/?${q.toString()}`;
}

async function check(port) {
  const browser = await launchBrowser();
  const out = path.join(CACHE, 'start.png');
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url(port), { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
    // Open an example from the Explorer (lessons/ -> file).
    const file = process.env.TOPOLOGY_OPEN || 'single-spine.topology.yaml';
    await openExplorerFile(page, ['lessons', file]);
    await page.locator('.editor-instance .view-lines').first().waitFor({ timeout: 20000 });
    // The language mode in the status bar comes from the extension's contributes.languages.
    const mode = page.locator('#status\\.editor\\.mode');
    await mode.filter({ hasText: /topology/i }).waitFor({ timeout: 30000 });
    // Wait for the language server's findings when it is built (Problems counter in the status bar).
    const built = fs.existsSync(path.join(ROOT, 'client', 'out', 'extension.js'));
    let problems = 'n/a (extension not built)';
    if (built) {
      const status = page.locator('#status\\.problems');
      await page.waitForFunction(
        () => /[1-9]/.test(document.querySelector('#status\\.problems')?.textContent || ''),
        null, { timeout: 30000 },
      ).catch(() => {});
      problems = (await status.getAttribute('aria-label')) || (await status.textContent());
    }
    await page.screenshot({ path: out });
    console.log(`[serve] check ok: language mode "${(await mode.textContent()).trim()}", problems: ${problems}; screenshot ${out}`);
    return 0;
  } catch (err) {
    try { await browser.contexts()[0]?.pages()[0]?.screenshot({ path: out }); } catch { /* ignore */ }
    console.error(`[serve] check FAILED: ${err.message}\n  screenshot: ${out}`);
    return 1;
  } finally {
    await browser.close();
  }
}

async function main() {
  setup();
  if (!fs.existsSync(path.join(ROOT, 'client', 'out', 'extension.js'))) {
    console.warn('[serve] warning: client/out/extension.js is missing; run `npm run build` (the extension will not activate).');
  }
  const dir = path.join(CACHE, 'serve');
  fs.mkdirSync(dir, { recursive: true });
  const srv = await startServer({
    port: PORT,
    host: HOST,
    tmp: dir,
    extraArgs: ['--default-folder', FOLDER],
    beforeStart: (dirs) => linkExtension(dirs.ext),
  });
  const stop = (code) => srv.kill().then(() => process.exit(code));
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  if (CHECK) {
    const code = await check(PORT);
    await stop(code);
  }
  console.log(`\n  Topology Tutor in VS Code: ${url(PORT)}\n  (server log: ${srv.logFile}; Ctrl+C to stop)\n`);
  srv.proc.on('exit', (c) => { console.log(`[serve] server exited (${c})`); process.exit(c ?? 1); });
}

main().catch((e) => { console.error(`[serve] ${e.stack || e}`); process.exit(1); });
