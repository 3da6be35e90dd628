/**
 * Wire robustness: a per-document budget for published diagnostics and related locations (so a
 * file with millions of related locations still publishes), one didChange with 4,000 edits
 * (Replace All) applied in one pass, and a client that never answers workspace/configuration
 * (the server waits 2 s, then lints with the defaults; a late answer re-lints).
 */
import { strict as assert } from 'assert';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import {
  assertAlive,
  assertDiagnosticsSane,
  codes,
  freshUri,
  generateFabric,
  generateFabricOfSize,
  generateLeavesMissingLinks,
  LspSession,
  stopSession,
  UNHURRIED,
  useSession,
} from './support';

const MB = 1024 * 1024;

function relatedCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.reduce((sum, d) => sum + (d.relatedInformation?.length ?? 0), 0);
}

describe('robustness: the diagnostics budget on the wire (over the LSP server)', function () {
  this.timeout(120_000);
  const session = useSession();

  it('4,000 findings with 50 related locations each: 10,000 related locations are published, the rest dropped', async () => {
    const text = generateLeavesMissingLinks({ spines: 100, leaves: 4000, linked: 1 });
    const diagnostics = await session().open(freshUri('related'), text);
    assertDiagnosticsSane(diagnostics, text);
    const connectivity = diagnostics.filter((d) => d.code === 'spine-connectivity');
    assert.ok(connectivity.length >= 1000, `${connectivity.length} spine-connectivity diagnostics`);
    assert.ok(diagnostics.length <= 5001);
    assert.equal(relatedCount(diagnostics), 10_000);
    assert.equal(connectivity[0].relatedInformation?.length, 50);
  });

  it('an 8.5 MB fabric whose findings hold millions of related locations publishes within the budget', async () => {
    const text = generateLeavesMissingLinks({ spines: 100, leaves: 65_000, linked: 1 });
    assert.ok(text.length > 8 * MB, `${(text.length / MB).toFixed(1)} MB`);
    const started = Date.now();
    const diagnostics = await session().open(freshUri('related-big'), text);
    assert.ok(Date.now() - started < 90_000);
    assertDiagnosticsSane(diagnostics, text);
    assert.ok(diagnostics.length >= 1 && diagnostics.length <= 5001, `${diagnostics.length} diagnostics`);
    assert.ok(relatedCount(diagnostics) <= 10_000);
    if (codes(diagnostics).includes('analysis-skipped') && diagnostics.length === 1) assert.match(diagnostics[0].message, /maxAnalysisSeconds/);
    assertAlive(session());
  });
});

describe('robustness: one change notification with 4,000 edits (over the LSP server)', function () {
  this.timeout(60_000);
  const session = useSession({ settings: UNHURRIED });

  it('is applied in one pass: the edited 8 MB text is exactly right (clean, and the new keys are where the edits put them)', async () => {
    const text = generateFabricOfSize(8 * MB);
    const uri = freshUri('replace-all');
    assert.deepEqual(await session().open(uri, text), []);
    const lines = text.split('\n');
    const changes: unknown[] = [];
    const edited: number[] = [];
    // Backwards from the end, as an editor sends a Replace All: `speed: 100G }` → `speed: 100G, count: 1 }` in the last 4,000 links.
    for (let line = lines.length - 1; line >= 0 && changes.length < 4000; line--) {
      const at = lines[line].indexOf('speed: 100G }');
      if (!lines[line].startsWith('  - { between:') || at === -1) continue;
      const from = at + 'speed: 100G'.length;
      changes.push({ range: { start: { line, character: from }, end: { line, character: from } }, text: ', count: 1' });
      edited.push(line);
    }
    assert.equal(changes.length, 4000);
    const started = Date.now();
    await session().sendChanges(uri, changes);
    const diagnostics = await session().nextDiagnostics(uri, (p) => p.version === 2);
    assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
    assert.deepEqual(codes(diagnostics), [], 'every edit landed where it was meant to (a misplaced one breaks the YAML)');
    const line = edited[1234];
    const hover = await session().request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: lines[line].indexOf('speed: 100G }') + 'speed: 100G, c'.length },
    });
    assert.ok(hover !== null && /count/.test(JSON.stringify(hover.contents)), `the hover at the new key explains count: ${JSON.stringify(hover?.contents).slice(0, 200)}`);
    await session().close(uri);
  });
});

describe('robustness: a client that never answers workspace/configuration (over the LSP server)', function () {
  this.timeout(30_000);

  it('gets diagnostics with the default settings after the 2 s timeout', async () => {
    const session = await LspSession.start({ configuration: true });
    try {
      session.answerConfiguration = false;
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', 'between: [leaf1, spine9]');
      const started = Date.now();
      const diagnostics = await session.open(freshUri('no-configuration'), text);
      assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
      assert.ok(codes(diagnostics).includes('unknown-switch'), 'linted with the defaults');
      assertAlive(session);
    } finally {
      assert.equal(await stopSession(session), 0);
    }
  });

  it('an answer that comes late re-lints with it', async () => {
    const session = await LspSession.start({ configuration: true });
    try {
      session.answerConfiguration = 3000;
      session.configuration = { rules: { 'unknown-switch': 'off' } };
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', 'between: [leaf1, spine9]');
      const uri = freshUri('late-configuration');
      const relinted = session.nextDiagnostics(uri, (p) => p.diagnostics.every((d) => d.code !== 'unknown-switch'));
      const first = await session.open(uri, text);
      assert.ok(codes(first).includes('unknown-switch'), 'first with the defaults');
      assert.ok(!codes(await relinted).includes('unknown-switch'), 'then with the late answer');
    } finally {
      assert.equal(await stopSession(session), 0);
    }
  });
});
