'use strict';
// The real-editor suite in the web extension host (a browser worker: `npm run test:vscode:web`):
// mocha's browser build, the spec reporter on the console (the harness forwards it), and every
// test file the bundle's entry loads (scripts/vscode/run-tests.mjs --web generates it).
const mocha = require('mocha/mocha.js');

/** Runs the tests `load` defines; rejects when any fails (VS Code then exits with 1). */
function run(load, { timeout = 60000, grep = null } = {}) {
  if (typeof globalThis.location === 'undefined' || typeof globalThis.process?.versions?.node === 'string') {
    return Promise.reject(new Error('the web suite runs in the web extension host only (the extension was not started as a web extension)'));
  }
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout });
    if (grep) mocha.grep(grep);
    try {
      load();
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed in the web extension host.`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

module.exports = { run };
