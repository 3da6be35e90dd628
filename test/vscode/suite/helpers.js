'use strict';
// Helpers for tests that run inside the real extension host. They wait on VS Code events, not on timers.
// No Node module here: the suite also runs in the web extension host (npm run test:vscode:web).
const vscode = require('vscode');

const EXTENSION_ID = 'topology-tutor.topology-tutor';

function workspaceRoot() {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) throw new Error('no workspace folder is open');
  return folders[0].uri;
}

function fixtureUri(name) {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

async function openFixture(name) {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Resolves with check()'s first truthy result. check() runs now and again whenever one of the given
 * VS Code events fires. Rejects after timeoutMs with describe()'s text (the state seen last).
 */
function waitFor(check, { events = [], timeoutMs = 30000, what = 'condition', describe = () => '' } = {}) {
  return new Promise((resolve, reject) => {
    const subs = [];
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn(value);
    };
    const attempt = () => {
      if (done) return;
      Promise.resolve()
        .then(check)
        .then((v) => v && finish(resolve, v), (e) => finish(reject, e));
    };
    const timer = setTimeout(
      () => finish(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${describe()}`)),
      timeoutMs,
    );
    for (const ev of events) subs.push(ev(attempt));
    attempt();
  });
}

/** Waits until the diagnostics of `uri` satisfy `predicate` (signalled by onDidChangeDiagnostics). */
function waitForDiagnostics(uri, predicate, timeoutMs = 30000) {
  return waitFor(
    () => {
      const diags = vscode.languages.getDiagnostics(uri);
      return predicate(diags) ? diags : undefined;
    },
    {
      events: [
        (fn) => vscode.languages.onDidChangeDiagnostics((e) => {
          if (e.uris.some((u) => u.toString() === uri.toString())) fn();
        }),
      ],
      timeoutMs,
      what: `diagnostics on ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`,
      describe: () => `Diagnostics seen: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(summarize))}`,
    },
  );
}

function codeValue(diagnostic) {
  const c = diagnostic.code;
  return c !== null && typeof c === 'object' ? c.value : c;
}

function summarize(d) {
  return { code: codeValue(d), message: d.message, line: d.range.start.line, source: d.source };
}

function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

module.exports = { EXTENSION_ID, workspaceRoot, fixtureUri, openFixture, waitFor, waitForDiagnostics, codeValue, summarize, hoverText };
