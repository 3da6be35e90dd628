/**
 * The import boundaries: client/ never imports server/ source and server/ never client/; shared/
 * imports neither; the core imports no vscode, LSP library, lsp/, client/ or webview; the webview
 * script loads nothing and names only shared/webview types. ESLint (eslint.config.mjs, rule
 * topology/import-boundaries) refuses the deliberately crossing fixtures in test/fixtures/boundaries/,
 * and a plain scan of the tree finds no crossing import.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';
import * as tseslint from 'typescript-eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'boundaries');

/** The project's own config; type information off (the boundary rule needs none), so the test is quick. */
function eslint(): ESLint {
  return new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });
}

/** Lints a fixture's text as if it were the file `as`; returns `line: message` of each boundary error. */
async function boundaryErrors(linter: ESLint, fixture: string, as: string): Promise<string[]> {
  const [result] = await linter.lintText(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), { filePath: path.join(ROOT, as) });
  const fatal = result.messages.filter((m) => m.fatal === true);
  assert.deepEqual(fatal, [], `${fixture} parses`);
  return result.messages.filter((m) => m.ruleId === 'topology/import-boundaries').map((m) => `${m.line}: ${m.message}`);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'out' || entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [rel] : [];
  });
}

/** Repo-relative targets of the relative imports of a file (import/export from, import(), require()). */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm)].map((m) => m[1]);
  return specifiers.map((s) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)).split(path.sep).join('/'));
}

describe('import boundaries', function () {
  this.timeout(60000);
  let linter: ESLint;
  before(() => {
    linter = eslint();
  });

  it('the core: no vscode, no LSP library, nothing from lsp/ or client/, no Node built-ins', async () => {
    assert.deepEqual(await boundaryErrors(linter, 'core.ts', 'server/src/core/findings.ts'), [
      '3: the pure core (server/src/core) must not import the package "vscode".',
      '4: the pure core (server/src/core) must not import the package "vscode-languageserver/node".',
      '5: the pure core (server/src/core) must not import the package "vscode-languageserver-types".',
      '6: the pure core (server/src/core) must not import "../lsp/diagnostics" (server/src/lsp/diagnostics): it may reach only server/src/core/, shared/, schemas/.',
      '7: the pure core (server/src/core) must not import "../../../client/src/statusBar" (client/src/statusBar): it may reach only server/src/core/, shared/, schemas/.',
      '8: the pure core (server/src/core) must not import Node\'s "fs" (it runs outside Node too).',
    ]);
  });

  it('the client: no server source, no server library', async () => {
    const errors = await boundaryErrors(linter, 'client.ts', 'client/src/template.ts');
    assert.deepEqual(errors, [
      '2: the client must not import "../../server/src/core/lint" (server/src/core/lint): it may reach only client/, shared/, package.json.',
      '3: the client must not import "../../server/src/core/lint" (server/src/core/lint): it may reach only client/, shared/, package.json.',
      '4: the client must not import the package "vscode-languageserver/node".',
      '9: the client must not import "../../server/out/server.js" (server/out/server.js): it may reach only client/, shared/, package.json.',
    ]);
  });

  it('the server: no client source', async () => {
    assert.deepEqual(await boundaryErrors(linter, 'server.ts', 'server/src/lsp/debouncer.ts'), [
      '2: the server must not import "../../../client/src/statusBar" (client/src/statusBar): it may reach only server/, shared/, schemas/, package.json.',
    ]);
  });

  it('shared/: neither side, no vscode, no Node built-ins (also in export-from and import() types)', async () => {
    const name = 'shared/ (what client, server and webviews speak)';
    assert.deepEqual(await boundaryErrors(linter, 'shared.ts', 'shared/walkthrough.ts'), [
      `2: ${name} must not import "../client/src/extension" (client/src/extension): it may reach only shared/.`,
      `3: ${name} must not import "../server/src/core/lint" (server/src/core/lint): it may reach only shared/.`,
      `4: ${name} must not import Node's "path" (it runs outside Node too).`,
      `5: ${name} must not import the package "vscode".`,
      `8: ${name} must not import "../client/src/extension" (client/src/extension): it may reach only shared/.`,
    ]);
  });

  it('the webview script: loads nothing', async () => {
    assert.deepEqual(await boundaryErrors(linter, 'webview.js', 'media/lessons.js'), [
      '5: the webview script (media/) must not import "../client/src/extension" (client/src/extension): it may reach only nothing.',
    ]);
  });

  it('passes the files as they are (the whole tree is linted by npm run lint)', async () => {
    for (const file of ['server/src/core/analysis/analyze.ts', 'server/src/server.ts', 'client/src/extension.ts', 'shared/protocol.ts', 'media/lessons.js']) {
      const [result] = await linter.lintFiles([path.join(ROOT, file)]);
      assert.deepEqual(result.messages.filter((m) => m.ruleId === 'topology/import-boundaries').map((m) => m.message), [], file);
    }
  });

  it('no file under server/ reaches client/ or media/, none under client/ reaches server/ or media/, shared/ stays in shared/', () => {
    const crossings: string[] = [];
    const rules: [string, (target: string) => boolean][] = [
      ['server', (t) => t.startsWith('client/') || t.startsWith('media/')],
      ['client', (t) => t.startsWith('server/') || t.startsWith('media/')],
      ['shared', (t) => !t.startsWith('shared/')],
    ];
    for (const [dir, crosses] of rules) {
      const files = sourceFiles(dir);
      assert.ok(files.length > 5, `${dir}/ has sources`);
      for (const file of files) for (const target of relativeImports(file)) if (crosses(target)) crossings.push(`${file} → ${target}`);
    }
    assert.deepEqual(crossings, []);
  });

  it('the webview script names only shared/webview types in its JSDoc', () => {
    for (const file of sourceFiles('media')) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const types = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => path.relative(ROOT, path.resolve(ROOT, 'media', m[1])).split(path.sep).join('/'));
      assert.ok(types.length > 0, `${file} names the shared message types`);
      for (const target of types) assert.ok(target.startsWith('shared/webview/'), `${file} → ${target}`);
    }
  });
});
