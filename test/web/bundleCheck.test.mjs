// The bundle check that `npm run build` runs (scripts/bundleCheck.mjs): it must catch a Node built-in
// in a web bundle, as an input or as a run-time require, and run-time code generation in any bundle;
// and the bundles built from this tree pass it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleProblems, isNodeBuiltin } from '../../scripts/bundleCheck.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLES = [
  { file: 'client/out/extension.js', web: false },
  { file: 'server/out/server.js', web: false },
  { file: 'server/out/analysisWorker.js', web: false },
  { file: 'server/out/cli.js', web: false },
  { file: 'client/out/browserExtension.js', web: true },
  { file: 'server/out/browserServer.js', web: true },
];

describe('bundle check', () => {
  it('knows Node built-ins, with and without node:', () => {
    for (const name of ['fs', 'node:fs', 'fs/promises', 'path', 'worker_threads', 'node:test', 'v8', 'vm', 'perf_hooks']) assert.ok(isNodeBuiltin(name), name);
    for (const name of ['vscode', 'vscode-languageserver/browser', 'ajv/dist/runtime/ucs2length', './fs']) assert.ok(!isNodeBuiltin(name), name);
  });

  it('fails a web bundle with a Node built-in among its inputs or required at run time, not a desktop one', () => {
    const metafile = { inputs: { 'server/src/io/x.ts': { imports: [{ path: 'fs', external: true }, { path: 'server/src/y.ts' }] } } };
    assert.deepEqual(bundleProblems({ web: true, metafile, text: '' }), ['imports Node\'s "fs" (from server/src/io/x.ts)']);
    assert.deepEqual(bundleProblems({ web: true, metafile: { inputs: {} }, text: 'var w = require("node:worker_threads"); require( \'path\' );' }), [
      'requires Node\'s "node:worker_threads" at run time',
      'requires Node\'s "path" at run time',
    ]);
    assert.deepEqual(bundleProblems({ web: false, metafile, text: 'require("fs")' }), []);
    assert.deepEqual(bundleProblems({ web: true, metafile: { inputs: {} }, text: 'require("vscode"); require("./local")' }), []);
  });

  it('fails any bundle that generates code at run time', () => {
    assert.deepEqual(bundleProblems({ web: false, metafile: { inputs: {} }, text: 'const f = new Function("a", "return a")' }), ['generates code at run time (new Function)']);
    assert.deepEqual(bundleProblems({ web: true, metafile: { inputs: {} }, text: 'eval ("1")' }), ['generates code at run time (eval)']);
    assert.deepEqual(bundleProblems({ web: true, metafile: { inputs: {} }, text: 'retrieval(x); obj.eval(y); const evaluate = 1;' }), []);
  });

  it('catches a real esbuild web bundle that imports a Node built-in', async () => {
    const stdin = { contents: 'import * as path from "path"; export const base = path.basename("/a/b");', resolveDir: ROOT, loader: 'ts' };
    // Left unresolved, esbuild itself refuses a built-in for the browser…
    await assert.rejects(build({ stdin, bundle: true, platform: 'browser', write: false, logLevel: 'silent' }), /Could not resolve "path"/);
    // …and marked external, the check finds it in the metafile and in the output.
    const result = await build({ stdin, bundle: true, platform: 'browser', format: 'cjs', external: ['path'], write: false, metafile: true, logLevel: 'silent' });
    const problems = bundleProblems({ web: true, metafile: result.metafile, text: result.outputFiles[0].text });
    assert.deepEqual(problems, ['imports Node\'s "path" (from <stdin>)', 'requires Node\'s "path" at run time']);
  });

  for (const { file, web } of BUNDLES) {
    it(`${file} passes (${web ? 'web' : 'desktop'})`, () => {
      const full = path.join(ROOT, file);
      assert.ok(fs.existsSync(full), `${file} is missing: run npm run build`);
      assert.deepEqual(bundleProblems({ web, metafile: { inputs: {} }, text: fs.readFileSync(full, 'utf8') }), []);
    });
  }
});
