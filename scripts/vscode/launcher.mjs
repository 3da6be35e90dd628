#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// It accepts the arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=, a folder,
// --extensionDevelopmentKind=web, and desktop-only flags that it ignores), then:
//   1. starts the real VS Code server (code-server's lib/vscode/out/server-main.js) with Node 24 on a free
//      127.0.0.1 port and fresh temporary data dirs,
//   2. opens the workbench in headless Debian Chromium (playwright-core) with a payload URL that makes the
//      web workbench load the extension under development and run the tests in the real extension host,
//   3. forwards the test log (codeAutomationLog) to stdout and exits with the test exit code
//      (codeAutomationExit). A failing mocha suite exits 1.
// A hard timeout (TOPOLOGY_VSCODE_TIMEOUT seconds, default 300) exits 1. Server and browser are always killed.
// On failure a screenshot goes to .vscode-test/failure.png and the server log tail is printed.
//
// Env: TOPOLOGY_VSCODE_TIMEOUT, TOPOLOGY_VSCODE_DEBUG=1 (echo server log + browser console),
//      TOPOLOGY_VSCODE_KEEP=1 (keep temp dirs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { ROOT, CACHE, NODE_BIN, SERVER_MAIN, CHROMIUM, CHROMIUM_ARGS } from './paths.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const DEBUG = process.env.TOPOLOGY_VSCODE_DEBUG === '1';
const TIMEOUT_S = Number(process.env.TOPOLOGY_VSCODE_TIMEOUT || 300);
const log = (msg) => console.log(`[vscode-launcher] ${msg}`);

export function parseArgs(argv) {
  const out = { devPaths: [], devKind: /** @type {string | undefined} */ (undefined), testsPath: undefined, folder: undefined, ignored: [] };
  // Flags of the desktop `code` CLI that take a separate value (when not written as --flag=value).
  const withValue = new Set(['--extensions-dir', '--user-data-dir', '--locale', '--log', '--inspect-extensions']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      if (out.folder === undefined) out.folder = a;
      else out.ignored.push(a);
      continue;
    }
    let [, name, value] = m;
    if (value === undefined && (name === 'extensionDevelopmentPath' || name === 'extensionTestsPath' || withValue.has(a))) {
      value = argv[++i];
    }
    if (name === 'extensionDevelopmentPath') out.devPaths.push(path.resolve(value));
    else if (name === 'extensionDevelopmentKind' && value !== undefined) out.devKind = value;
    else if (name === 'extensionTestsPath') out.testsPath = path.resolve(value);
    else if (name === 'folder-uri') out.folder = value.replace(/^file:\/\//, '');
    else out.ignored.push(a);
  }
  return out;
}

export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
};

// Workbench chatter that reaches codeAutomationLog along with the test output; hidden unless DEBUG.
const NOISE = [
  /^\[(AgentHost[^\]]*|ChatModelSelection|reconnection-grace-time|AccountPolicyGate|Service Worker)\]/,
  /^(Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin)/,
  /ENOTFOUND|EAI_AGAIN|open-vsx|github\.com|vscode-unpkg|marketplace/i,
];

/** codeAutomationLog receives console.log's arguments: printf-style format string first (mocha uses it). */
export function formatLog(logArgs) {
  const a = Array.isArray(logArgs) ? logArgs : [logArgs];
  return util.format(...a.map((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0 ? String(x) : x)));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function remoteUri(p, authority) {
  return `vscode-remote://${authority}${encodeURI(p.split(path.sep).join('/'))}`;
}

export function payloadUrl(base, { devPaths, devKind, testsPath, folder }) {
  // The server's authority as the workbench knows it (host:port): VS Code runs the tests in the
  // extension host of the extension whose folder holds them, and compares the URIs with it (with
  // another authority it falls back to the remote extension host, wherever the extension runs).
  const authority = new URL(base).host;
  const payload = devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(p, authority)]);
  // The web workbench reads this payload entry but does not apply it (it looks for the desktop
  // name); the `remote.extensionKind` setting (devKindSettings) is what moves the extension.
  if (devKind) payload.push(['extensionDevelopmentKind', devKind]);
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(testsPath, authority)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${base}/?${q.toString()}`;
}

/**
 * User settings that make the extension under development run where --extensionDevelopmentKind says:
 * `web` puts it (and so its tests, which VS Code runs in the extension's host) in the browser's web
 * worker extension host, from its package.json `browser` entry (npm run test:vscode:web).
 */
export function devKindSettings(devKind) {
  if (!devKind) return {};
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`]: [devKind] } };
}

/** Starts server-main; resolves once it listens. Returns { proc, logFile, kill }. */
export async function startServer({ port, tmp, host = '127.0.0.1', extraArgs = [], env = process.env, beforeStart, settings = {} }) {
  for (const f of [NODE_BIN, SERVER_MAIN]) {
    if (!fs.existsSync(f)) throw new Error(`missing ${f}: run \`npm run vscode:setup\` first`);
  }
  const dirs = { server: path.join(tmp, 'server-data'), user: path.join(tmp, 'user-data'), ext: path.join(tmp, 'extensions') };
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  // Quiet, predictable workbench: no welcome page, no chat side bar (it is offline anyway).
  const settingsFile = path.join(dirs.user, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n');
  }
  if (beforeStart) await beforeStart(dirs);
  const logFile = path.join(tmp, 'server.log');
  const logStream = fs.createWriteStream(logFile);
  const args = [
    SERVER_MAIN, '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--disable-telemetry', '--disable-update-check',
    '--server-data-dir', dirs.server, '--user-data-dir', dirs.user, '--extensions-dir', dirs.ext,
    ...extraArgs,
  ];
  const proc = spawn(NODE_BIN, args, {
    // detached: own process group, so kill(-pid) also ends the extension host and the language server.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined },
  });
  let exited = null;
  proc.on('exit', (code, sig) => (exited = code ?? sig));
  /** SIGTERM to the whole process group, SIGKILL after 3 s; resolves once the server has exited. */
  const kill = () => new Promise((resolve) => {
    const pid = proc.pid;
    if (exited !== null || !pid) return resolve();
    const group = (sig) => { try { process.kill(-pid, sig); } catch { /* already gone */ } };
    const t = setTimeout(() => { group('SIGKILL'); resolve(); }, 3000);
    proc.once('exit', () => { clearTimeout(t); group('SIGKILL'); resolve(); });
    group('SIGTERM');
  });
  await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60000);
    const onData = (d) => {
      logStream.write(d);
      if (DEBUG) process.stderr.write(`[server] ${d}`);
      buf += d;
      if (/Extension host agent listening on/.test(buf)) {
        clearTimeout(timer);
        buf = '';
        resolve();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited early with ${code}; log: ${logFile}`)); });
  });
  return { proc, logFile, kill, dirs };
}

/**
 * server-main ignores --extensionDevelopmentPath ("not supported for server"), so the working tree is
 * linked into the server's extensions dir as an installed extension <publisher>.<name>-<version>.
 */
export function linkExtension(extDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  fs.mkdirSync(extDir, { recursive: true });
  for (const e of fs.readdirSync(extDir)) {
    if (e.startsWith(`${id}-`)) fs.rmSync(path.join(extDir, e), { recursive: true, force: true });
  }
  // extensions.json caches the installed list; drop it so the server rescans the folder.
  fs.rmSync(path.join(extDir, 'extensions.json'), { force: true });
  fs.rmSync(path.join(extDir, '.obsolete'), { force: true });
  fs.symlinkSync(ROOT, path.join(extDir, `${id}-${pkg.version}`), 'dir');
}

/** Clicks through the Explorer tree (folder names, then the file) and waits for the editor. */
export async function openExplorerFile(page, parts) {
  const tree = page.locator('.explorer-folders-view');
  await tree.locator('.monaco-list-row').first().waitFor({ timeout: 60000 });
  for (const part of parts) {
    await tree.locator(`.monaco-list-row[aria-label^="${part}"]`).first().click({ timeout: 20000 });
  }
  await page.locator('.editor-instance .view-lines').first().waitFor({ timeout: 20000 });
}

export async function launchBrowser() {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright's launch() already gives the browser a fresh temporary profile (user-data-dir).
    args: CHROMIUM_ARGS,
  });
  return browser;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.devPaths.length || !args.testsPath) {
    console.error('usage: launcher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]');
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-vscode-'));
  let server, browser, page;
  let timer;
  const cleanup = async () => {
    clearTimeout(timer);
    try { await browser?.close(); } catch { /* ignore */ }
    await server?.kill();
    if (!process.env.TOPOLOGY_VSCODE_KEEP) {
      try { fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 }); } catch { /* ignore */ }
    }
  };
  const onSignal = (sig) => { log(`got ${sig}, stopping`); void cleanup().finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let code = 1;
  try {
    const t0 = Date.now();
    const port = await freePort();
    server = await startServer({ port, tmp, settings: devKindSettings(args.devKind) });
    if (args.devKind) log(`extension kind of the extension under development: ${args.devKind}`);
    log(`VS Code server ready on 127.0.0.1:${port} in ${Date.now() - t0} ms`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (DEBUG) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => DEBUG && process.stderr.write(`[pageerror] ${e.message}\n`));

    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (level, logArgs) => {
        const line = formatLog(logArgs);
        if (!DEBUG && NOISE.some((re) => re.test(line))) return;
        (level === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : line + '\n');
      });
      page.exposeFunction('codeAutomationExit', (c) => resolve(typeof c === 'number' ? c : Number(c) || 0));
    });
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => { console.error(`[vscode-launcher] TIMEOUT after ${TIMEOUT_S} s`); resolve('timeout'); }, TIMEOUT_S * 1000);
    });
    const url = payloadUrl(`http://127.0.0.1:${port}`, args);
    log(`opening ${decodeURIComponent(url)}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    const result = await Promise.race([done, timeout]);
    code = result === 'timeout' ? 1 : result;
    log(`tests finished with exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(`[vscode-launcher] ERROR: ${err.stack || err}`);
    code = 1;
  }
  if (code !== 0) {
    try {
      if (page) {
        fs.mkdirSync(CACHE, { recursive: true });
        await page.screenshot({ path: path.join(CACHE, 'failure.png'), timeout: 10000 });
        log(`screenshot: ${path.join(CACHE, 'failure.png')}`);
      }
    } catch { /* ignore */ }
    if (server?.logFile && fs.existsSync(server.logFile)) {
      const lines = fs.readFileSync(server.logFile, 'utf8').split('\n')
        .filter((l) => !/ENOTFOUND|open-vsx|telemetry/i.test(l)).slice(-40);
      console.error('[vscode-launcher] last server log lines:\n' + lines.join('\n'));
    }
  }
  await cleanup();
  return code;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('launcher.mjs')) {
  main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
}
