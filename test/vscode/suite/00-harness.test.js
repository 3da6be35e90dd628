'use strict';
// Proves the harness itself: we run inside a real VS Code extension host with the test workspace open.
const assert = require('assert');
const vscode = require('vscode');
const { workspaceRoot, fixtureUri } = require('./helpers');

describe('harness', () => {
  it('runs inside a real VS Code extension host', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, remote: ${vscode.env.remoteName || 'none'})`);
  });

  it('has the test workspace open', async () => {
    const root = workspaceRoot();
    const stat = await vscode.workspace.fs.stat(fixtureUri('unknown-key.topology.yaml'));
    assert.strictEqual(stat.type, vscode.FileType.File, `fixture missing under ${root.toString()}`);
  });
});
