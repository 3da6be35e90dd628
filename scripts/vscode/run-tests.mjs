#!/usr/bin/env node
// npm run test:vscode — runs test/vscode/ inside a real VS Code extension host.
//
// Uses the standard @vscode/test-electron runTests() entry point. By default vscodeExecutablePath is our
// launcher (VS Code server from code-server + headless Chromium), because this machine cannot download a
// desktop VS Code. Where one can be downloaded, TOPOLOGY_VSCODE=desktop lets runTests download and use
// desktop VS Code instead (same suite, unchanged); TOPOLOGY_VSCODE=/path/to/code uses that executable.
//
// The workspace is a fresh temp copy of test/vscode/workspace (plus examples/ under examples/).
// Options: --no-setup (skip setup), --grep PATTERN (mocha grep inside the host),
//   --web (npm run test:vscode:web): the same suite, and test/vscode/web/*.test.js, with the extension
//   as a web extension in the browser's extension host (--extensionDevelopmentKind=web: its `browser`
//   entry, the language server in a Web Worker). The suite is bundled for the browser first
//   (test/vscode/out/web-tests.js: mocha's browser build, `assert` from test/vscode/web/assert.js);
//   a suite file whose first line is `// vscode-web: skip` is left out of it.
// The extension must be built first (npm run build): client/out/extension.js (and browserExtension.js).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, LAUNCHER } from './paths.mjs';
import { setup } from './setup.mjs';

const WEB_SKIP = /^\/\/ vscode-web: skip\b/;

const require = createRequire(path.join(ROOT, 'package.json'));
const argv = process.argv.slice(2);
const web = argv.includes('--web');
const t0 = Date.now();

/** Bundles the suite for the web extension host; returns the bundle's path. */
async function bundleWebSuite(grep) {
  const { build } = await import('esbuild');
  const testsDir = path.join(ROOT, 'test', 'vscode');
  const files = (dir) => fs.readdirSync(path.join(testsDir, dir)).filter((f) => f.endsWith('.test.js')).sort().map((f) => `./${dir}/${f}`);
  const included = [...files('suite'), ...files('web')].filter((f) => !WEB_SKIP.test(fs.readFileSync(path.join(testsDir, f), 'utf8')));
  const outfile = path.join(testsDir, 'out', 'web-tests.js');
  await build({
    stdin: {
      contents: `const { run } = require('./web/runner');\nmodule.exports = { run: () => run(() => {\n${included.map((f) => `  require(${JSON.stringify(f)});`).join('\n')}\n}, { grep: ${JSON.stringify(grep ?? null)} }) };\n`,
      resolveDir: testsDir,
      loader: 'js',
    },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    alias: { assert: './test/vscode/web/assert.js' },
    outfile,
    logLevel: 'warning',
  });
  console.log(`[test:vscode] web suite: ${included.map((f) => f.slice(2)).join(', ')}`);
  return outfile;
}

async function main() {
  const mode = process.env.TOPOLOGY_VSCODE || 'server';
  if (mode === 'server' && !argv.includes('--no-setup')) setup();

  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const main = (web ? pkg.browser : pkg.main) && path.join(ROOT, web ? pkg.browser : pkg.main);
  if (main && !fs.existsSync(main)) {
    console.error(`[test:vscode] ${path.relative(ROOT, main)} does not exist: run \`npm run build\` first.`);
    return 1;
  }
  const g = argv.indexOf('--grep');
  const grep = g >= 0 ? argv[g + 1] : undefined;
  const testsPath = web ? await bundleWebSuite(grep) : path.join(ROOT, 'test', 'vscode', 'index.js');

  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-vscode-ws-'));
  fs.cpSync(path.join(ROOT, 'test', 'vscode', 'workspace'), ws, { recursive: true });
  if (fs.existsSync(path.join(ROOT, 'examples'))) fs.cpSync(path.join(ROOT, 'examples'), path.join(ws, 'examples'), { recursive: true });

  const extensionTestsEnv = { TOPOLOGY_VSCODE_TESTS: '1' };
  if (grep) extensionTestsEnv.TOPOLOGY_VSCODE_GREP = grep;

  const { runTests } = require('@vscode/test-electron');
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testsPath,
    launchArgs: [ws, '--disable-extensions', ...(web ? ['--extensionDevelopmentKind=web'] : [])],
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
  console.log(`[test:vscode${web ? ':web' : ''}] ${code === 0 ? 'passed' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
