// Bundles the extension with esbuild: the desktop client, the language server (and its analysis
// worker) and the CLI for Node, and the web extension (client and server) for the browser.
// Type checking is done separately by `tsc -p .` (npm run typecheck).
//
// Checks every bundle, and fails the build when one breaks a rule:
//   - the browser bundles contain no Node built-in (fs, path, worker_threads, …): neither as an
//     input (the metafile) nor as a `require("…")` left in the output;
//   - no bundle generates code at run time (`new Function`, `eval`): the schema validators are
//     precompiled (scripts/schemas/generate-validators.mjs).
// Prints every bundle's size (and its gzip size), the browser ones next to the desktop ones.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { bundleProblems } from './bundleCheck.mjs';
import { writeValidators } from './schemas/generate-validators.mjs';

// The precompiled schema validators the core imports (also written by npm run typecheck).
writeValidators();

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  metafile: true,
};
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs' };
// Web extensions: VS Code's web extension host loads the client as CommonJS; the server is a
// classic Web Worker script.
const browser = { ...common, platform: 'browser', target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' } };

/** Every bundle: `web` ones run in a browser. */
const BUNDLES = [
  { name: 'client', web: false, options: { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] } },
  { name: 'language server', web: false, options: { ...node, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' } },
  { name: 'analysis worker', web: false, options: { ...node, entryPoints: ['server/src/analysisWorker.ts'], outfile: 'server/out/analysisWorker.js' } },
  { name: 'CLI', web: false, options: { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' } },
  { name: 'client', web: true, options: { ...browser, format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'client/out/browserExtension.js', external: ['vscode'] } },
  { name: 'language server', web: true, options: { ...browser, format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: 'server/out/browserServer.js' } },
];

const failures = [];
const results = await Promise.all(
  BUNDLES.map(async (bundle) => {
    try {
      return { bundle, result: await build(bundle.options) };
    } catch {
      // esbuild printed why (a Node built-in in a web bundle is "Could not resolve").
      failures.push(`${bundle.options.outfile} (${bundle.name}) did not build`);
      return { bundle, result: undefined };
    }
  }),
);

const rows = [];
for (const { bundle, result } of results) {
  if (result === undefined) continue;
  const file = bundle.options.outfile;
  const text = fs.readFileSync(file, 'utf8');
  for (const problem of bundleProblems({ web: bundle.web, metafile: result.metafile, text })) failures.push(`${file} (${bundle.web ? 'web' : 'desktop'} ${bundle.name}) ${problem}`);
  const bytes = Buffer.byteLength(text);
  rows.push({ bundle, file, bytes, gzip: zlib.gzipSync(text).length });
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`Bundles (${production ? 'production: minified' : 'development: not minified, with source maps'}):`);
for (const { bundle, file, bytes, gzip } of rows) {
  console.log(`  ${(bundle.web ? 'web     ' : 'desktop ') + bundle.name.padEnd(16)} ${file.padEnd(30)} ${kb(bytes).padStart(8)}  (gzip ${kb(gzip)})`);
}

if (failures.length > 0) {
  console.error(`\nThe bundle check failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
