#!/usr/bin/env node
// npm run test:vscode — runs test/vscode/ inside a real VS Code extension host.
//
// Uses the standard @vscode/test-electron runTests() entry point. By default vscodeExecutablePath is our
// launcher (VS Code server from code-server + headless Chromium), because this machine cannot download a
// desktop VS Code. Where one can be downloaded, TOPOLOGY_VSCODE=desktop lets runTests download and use
// desktop VS Code instead (same suite, unchanged); TOPOLOGY_VSCODE=/path/to/code uses that executable.
//
// The workspace is a fresh temp copy of test/vscode/workspace (plus examples/ under examples/).
// Options: --no-setup (skip setup), --grep PATTERN (mocha grep inside the host).
// The extension must be built first (npm run build): client/out/extension.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, LAUNCHER } from './paths.mjs';
import { setup } from './setup.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const argv = process.argv.slice(2);
const t0 = Date.now();

async function main() {
  const mode = process.env.TOPOLOGY_VSCODE || 'server';
  if (mode === 'server' && !argv.includes('--no-setup')) setup();

  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const main = pkg.main && path.join(ROOT, pkg.main);
  if (main && !fs.existsSync(main)) {
    console.error(`[test:vscode] ${path.relative(ROOT, main)} does not exist: run \`npm run build\` first.`);
    return 1;
  }

  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-vscode-ws-'));
  fs.cpSync(path.join(ROOT, 'test', 'vscode', 'workspace'), ws, { recursive: true });
  if (fs.existsSync(path.join(ROOT, 'examples'))) fs.cpSync(path.join(ROOT, 'examples'), path.join(ws, 'examples'), { recursive: true });

  const extensionTestsEnv = { TOPOLOGY_VSCODE_TESTS: '1' };
  const g = argv.indexOf('--grep');
  if (g >= 0 && argv[g + 1]) extensionTestsEnv.TOPOLOGY_VSCODE_GREP = argv[g + 1];

  const { runTests } = require('@vscode/test-electron');
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'test', 'vscode', 'index.js'),
    launchArgs: [ws, '--disable-extensions'],
    extensionTestsEnv,
  };
  if (mode === 'server') options.vscodeExecutablePath = LAUNCHER;
  else if (mode !== 'desktop') options.vscodeExecutablePath = mode;

  let code = 0;
  try {
    await runTests(options);
  } catch (err) {
    console.error(`[test:vscode] FAILED: ${err.message || err}`);
    code = 1;
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
  console.log(`[test:vscode] ${code === 0 ? 'passed' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
