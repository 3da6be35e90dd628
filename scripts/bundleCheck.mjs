// The rules every bundle must keep (scripts/bundle.mjs fails the build otherwise; test/web proves
// the check catches what it should):
//   - a web bundle (the browser extension's client and server) contains no Node built-in: no input
//     of the bundle imports one (esbuild's metafile), and no `require("…")` of one is left in it;
//   - no bundle generates code at run time (`new Function`, `eval`): the schema validators are
//     precompiled (scripts/schemas/generate-validators.mjs), so a Web Worker's CSP may forbid it.
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules);

/** `fs`, `node:fs`, `fs/promises`, … */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/**
 * What is wrong with one bundle. `metafile`: esbuild's (inputs and their imports); `text`: the
 * bundle's code; `web`: it runs in a browser.
 */
export function bundleProblems({ web, metafile, text }) {
  const problems = [];
  if (web) {
    for (const [input, info] of Object.entries(metafile?.inputs ?? {})) {
      for (const imported of info.imports ?? []) {
        if (isNodeBuiltin(imported.path)) problems.push(`imports Node's "${imported.path}" (from ${input})`);
      }
    }
    for (const m of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      if (isNodeBuiltin(m[1])) problems.push(`requires Node's "${m[1]}" at run time`);
    }
  }
  if (/\bnew Function\s*\(/.test(text)) problems.push('generates code at run time (new Function)');
  if (/(?<![.\w$])eval\s*\(/.test(text)) problems.push('generates code at run time (eval)');
  return [...new Set(problems)];
}
