/**
 * Cancellation for real: a newer version stops the analysis of the older one; a burst of 200
 * changes analyses at most the first and the last version; requests between versions wait for
 * the newest result instead of having every version analysed; cancelled requests are not
 * computed. Analyses are counted through the server's test hook (TOPOLOGY_TEST_HOOKS).
 */
import { strict as assert } from 'assert';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { assertAlive, codes, freshUri, generateFabricOfSize, positionOf, UNHURRIED, useSession } from './support';

const MB = 1024 * 1024;
const REQUEST_CANCELLED = -32800;

/** A comment line first, so that edits to it change nothing else. */
const BIG = `# burst\n${generateFabricOfSize(2 * MB)}`;
const appendToComment = (n: number): unknown[] => [{ range: { start: { line: 0, character: 7 + n }, end: { line: 0, character: 7 + n } }, text: 'x' }];

describe('robustness: cancellation (over the LSP server)', function () {
  this.timeout(120_000);
  const session = useSession({ testHooks: true, settings: UNHURRIED });

  it('a newer version stops the older analysis, and 200 rapid changes analyse only the first and the last', async () => {
    const uri = freshUri('burst');
    const firstStarted = session().nextEvent((e) => e.uri === uri && e.event === 'started');
    void session().open(uri, BIG);
    await firstStarted;
    let version = 1;
    for (let i = 0; i < 200; i++) version = await session().sendChanges(uri, appendToComment(i));
    assert.equal(version, 201);
    const diagnostics = await session().nextDiagnostics(uri, (p) => p.version === 201);
    assert.deepEqual(codes(diagnostics), []);
    const started = session().eventsFor(uri, 'started').map((e) => e.version);
    assert.deepEqual(started, [1, 201], 'analysed: the first version and the last');
    const first = session().eventsFor(uri).filter((e) => e.version === 1 && e.event !== 'started');
    assert.deepEqual(first.map((e) => e.event), ['cancelled'], 'the first analysis was stopped, not finished');
    assertAlive(session());
    await session().close(uri);
  });

  it('hovers between 20 versions wait for the newest result: one analysis, every hover answered', async () => {
    const uri = freshUri('hovers-between');
    await session().open(uri, BIG);
    const at = positionOf(BIG, 'spine7:');
    const hovers: Promise<Hover | null>[] = [];
    for (let i = 0; i < 20; i++) {
      await session().sendChanges(uri, appendToComment(i));
      hovers.push(session().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at }));
    }
    const answers = await Promise.all(hovers);
    for (const hover of answers) assert.ok(hover !== null && /Leaves reached/.test(JSON.stringify(hover.contents)), 'answered from the analysis');
    const started = session().eventsFor(uri, 'started').map((e) => e.version);
    assert.deepEqual(started, [1, 21], 'the open and the newest version only');
    await session().close(uri);
  });

  it('cancelled requests are answered RequestCancelled and never computed', async () => {
    const uri = freshUri('cancelled');
    const started = session().nextEvent((e) => e.uri === uri && e.event === 'started');
    void session().open(uri, BIG);
    await started;
    const outcomes: Promise<string>[] = [];
    for (let i = 0; i < 30; i++) {
      const source = new CancellationTokenSource();
      const reply = session()
        .connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, source.token)
        .then(
          (symbols) => `symbols:${symbols.length}`,
          (error: unknown) => (error instanceof ResponseError && error.code === REQUEST_CANCELLED ? 'cancelled' : `error:${String(error)}`),
        );
      if (i < 29) source.cancel();
      outcomes.push(reply);
    }
    const results = await Promise.all(outcomes);
    assert.deepEqual(results.slice(0, 29), Array<string>(29).fill('cancelled'));
    assert.match(results[29], /^symbols:[1-9]/);
    const computed = session().eventsFor(uri, 'computed').filter((e) => e.method === 'symbols');
    assert.equal(computed.length, 1, 'only the request that was not cancelled was computed');
    await session().close(uri);
    assertAlive(session());
  });
});
