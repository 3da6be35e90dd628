// ESLint flat config: typed rules for every TypeScript and JavaScript source (no floating promises,
// strict any use in TypeScript), and the import boundaries between client/, server/, the pure core,
// shared/ and the webview script (scripts/eslint/importBoundaries.mjs; test/unit/shared/boundaries.test.ts
// proves a crossing import fails).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importBoundariesPlugin } from './scripts/eslint/importBoundaries.mjs';

const LSP_PACKAGES = ['vscode', 'vscode-languageclient', 'vscode-languageserver', 'vscode-languageserver-*', 'vscode-jsonrpc'];

/** One part of the project and what it may import. */
function boundary(files, options) {
  return { files, plugins: { topology: importBoundariesPlugin }, rules: { 'topology/import-boundaries': ['error', options] } };
}

export default tseslint.config(
  {
    ignores: [
      'out/**', 'client/out/**', 'server/out/**', 'node_modules/**', '.vscode-test/**', 'test/vscode/out/**',
      // Generated at build time (scripts/schemas/generate-validators.mjs): ajv standalone code.
      'server/src/core/generated/**',
      // Deliberately crossing imports, linted by the boundary test only.
      'test/fixtures/boundaries/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.scripts.json', './tsconfig.webview.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Plain JavaScript: scripts, the benchmark, the CLI shim, the real-editor harness, the webview.
    // Types come from inference and JSDoc only, so the any-tracking rules would flag every call.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['bin/*.js', 'test/vscode/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['test/vscode/suite/**/*.js', 'test/vscode/web/**/*.test.js', 'test/web/**/*.mjs'], languageOptions: { globals: { ...globals.mocha } } },
  // Playwright page functions (page.evaluate, waitForFunction) run in the browser.
  { files: ['scripts/vscode/serve.mjs', 'scripts/vscode/smoke.mjs'], languageOptions: { globals: { document: 'readonly' } } },
  { files: ['media/**/*.js'], languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } } },

  // Import boundaries (later blocks win for files that match several).
  boundary(['shared/**'], {
    name: 'shared/ (what client, server and webviews speak)',
    relative: ['shared/'],
    packages: { allow: ['vscode-languageserver-protocol'] },
    builtins: false,
  }),
  boundary(['server/**'], {
    name: 'the server',
    relative: ['server/', 'shared/', 'schemas/', 'package.json'],
    packages: { deny: ['vscode', 'vscode-languageclient'] },
  }),
  boundary(['server/src/core/**'], {
    name: 'the pure core (server/src/core)',
    relative: ['server/src/core/', 'shared/', 'schemas/'],
    packages: { deny: LSP_PACKAGES },
    builtins: false,
  }),
  boundary(['client/**'], {
    name: 'the client',
    relative: ['client/', 'shared/', 'package.json'],
    packages: { deny: ['vscode-languageserver', 'vscode-languageserver-textdocument'] },
  }),
  boundary(['media/**'], {
    name: 'the webview script (media/)',
    relative: [],
    packages: { allow: [] },
    builtins: false,
  }),
);
