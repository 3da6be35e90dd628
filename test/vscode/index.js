// Entry point loaded by the real VS Code extension host (extensionTestsPath).
// Runs mocha over test/vscode/suite/*.test.js and rejects when any test fails.
// Plain CommonJS on purpose: nothing to compile.
'use strict';
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.TOPOLOGY_VSCODE_TEST_TIMEOUT || 60000),
    grep: process.env.TOPOLOGY_VSCODE_GREP || undefined,
  });
  const suiteDir = path.join(__dirname, 'suite');
  for (const f of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, f));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

module.exports = { run };
