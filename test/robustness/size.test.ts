/**
 * Big inputs: a 14 MB generated fabric (analysed under the default 20 MB limit, skipped with
 * one `analysis-skipped` info under an 8 MB limit: syntax and schema are still checked up to
 * twice the limit), a 200,000-character line, and many findings at once (at most 5,000
 * diagnostics plus one summary are published). Diagnostics within a few seconds, hover within
 * 2 s, process alive.
 */
import { strict as assert } from 'assert';
import {
  assertAlive,
  assertDiagnosticsSane,
  assertHoverSane,
  codes,
  freshUri,
  generateFabric,
  generateFabricOfSize,
  LspSession,
  openTimed,
  positionOf,
  stopSession,
  timedHover,
  timedInlayHints,
  UNHURRIED,
  useSession,
} from './support';

const MB = 1024 * 1024;
/** A liveness bound, not a speed target (npm run bench measures speed): a 14 MB file on a loaded 2-core machine; typically 4–8 s. */
const BIG_FILE_LIMIT_MS = 30000;

describe('robustness: a 14 MB file (over the LSP server)', function () {
  this.timeout(40000);
  const big = generateFabricOfSize(14 * MB);

  it('is generated at 14 MB', () => {
    assert.ok(big.length >= 14 * MB && big.length < 15 * MB, `${(big.length / MB).toFixed(2)} MB`);
  });

  describe('with the default topology.maxFileSizeMB (20)', () => {
    const session = useSession({ settings: UNHURRIED });

    it('is analysed in full: no findings, hover and hints within 2 s', async () => {
      const uri = freshUri('big');
      const diagnostics = await openTimed(session(), uri, big, BIG_FILE_LIMIT_MS);
      assertDiagnosticsSane(diagnostics, big);
      assert.deepEqual(codes(diagnostics), []);
      const spine = await timedHover(session(), uri, positionOf(big, 'spine7:'));
      assertHoverSane(spine, big, 'spine7');
      assert.ok(spine !== null && /Leaves reached/.test(JSON.stringify(spine.contents)), 'the spine hover shows the analysis');
      const lastLeaf = big.lastIndexOf('\n  leaf');
      const leafName = big.slice(lastLeaf + 3, big.indexOf(':', lastLeaf));
      assertHoverSane(await timedHover(session(), uri, positionOf(big, `${leafName}:`)), big, leafName);
      const hints = await timedInlayHints(session(), uri, big, 5000);
      assert.ok(hints.length > 1000, `${hints.length} hints`);
      assertAlive(session());
    });

    it('an edit that breaks one link is re-linted within the limit', async () => {
      const uri = freshUri('big-edit');
      await openTimed(session(), uri, big, BIG_FILE_LIMIT_MS);
      const edited = big.replace('between: [leaf1, spine1]', 'between: [leaf1, spine0]');
      const started = Date.now();
      const diagnostics = await session().change(uri, edited);
      assert.ok(Date.now() - started <= BIG_FILE_LIMIT_MS + 500);
      assertDiagnosticsSane(diagnostics, edited);
      assert.ok(codes(diagnostics).includes('unknown-switch'), JSON.stringify(codes(diagnostics)));
      await session().close(uri);
      assertAlive(session());
    });
  });

  describe('with topology.maxFileSizeMB 8 (from workspace/configuration)', () => {
    let session: LspSession;
    before(async () => {
      session = await LspSession.start({ configuration: true });
      session.configuration = { maxFileSizeMB: 8 };
    });
    after(async function () {
      this.timeout(15000);
      assert.equal(await stopSession(session), 0);
    });

    it('gives one analysis-skipped info naming the size and the setting; schema still runs', async () => {
      const uri = freshUri('big-limited');
      const diagnostics = await openTimed(session, uri, big, BIG_FILE_LIMIT_MS);
      assertDiagnosticsSane(diagnostics, big);
      assert.deepEqual(codes(diagnostics), ['analysis-skipped']);
      assert.equal(diagnostics[0].severity, 3);
      assert.match(diagnostics[0].message, /14(\.\d)? MB/);
      assert.match(diagnostics[0].message, /maxFileSizeMB/);
      assert.match(diagnostics[0].message, /\b8 MB/);
      assertHoverSane(await timedHover(session, uri, positionOf(big, 'spine7:')), big, 'spine7 (skipped)');
      const hints = await timedInlayHints(session, uri, big, 5000);
      assert.deepEqual(hints, [], 'no figures without an analysis');
      // Schema errors are still reported in a skipped file.
      const broken = big.replace('role: leaf', 'role: laef');
      const after = await session.change(uri, broken);
      assertDiagnosticsSane(after, broken);
      assert.deepEqual(codes(after).sort(), ['analysis-skipped', 'schema']);
      assertAlive(session);
    });

    it('a small file is still analysed', async () => {
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', 'between: [leaf1, spine9]');
      const diagnostics = await openTimed(session, freshUri('small-limited'), text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      assert.ok(codes(diagnostics).includes('unknown-switch'));
      assert.ok(!codes(diagnostics).includes('analysis-skipped'));
    });
  });

  describe('maxFileSizeMB pushed by a client without workspace/configuration', () => {
    const session = useSession();

    it('is honoured, and invalid values fall back to the default', async () => {
      const text = generateFabricOfSize(0.3 * MB);
      const uri = freshUri('pushed');
      assert.deepEqual(codes(await openTimed(session(), uri, text, 5000)), []);
      const skipped = session().nextDiagnostics(uri);
      await session().connection.sendNotification('workspace/didChangeConfiguration', { settings: { topology: { maxFileSizeMB: 0.1 } } });
      assert.deepEqual(codes(await skipped), ['analysis-skipped']);
      for (const bad of [-1, 0, 'lots', null, { nested: true }]) {
        const relinted = session().nextDiagnostics(uri);
        await session().connection.sendNotification('workspace/didChangeConfiguration', { settings: { topology: { maxFileSizeMB: bad } } });
        assert.deepEqual(codes(await relinted), [], `maxFileSizeMB ${JSON.stringify(bad)} means the default`);
      }
      assertAlive(session());
    });
  });
});

describe('robustness: long lines and many findings (over the LSP server)', function () {
  this.timeout(20000);
  const session = useSession();

  it('a 200,000-character line (a name) is linted, hovered and hinted within bounds', async () => {
    const long = 'x'.repeat(200_000);
    const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', `between: [leaf1, ${long}]`);
    const uri = freshUri('long-line');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.ok(codes(diagnostics).includes('unknown-switch'));
    for (const d of diagnostics) assert.ok(d.message.length < 2000, `message of ${d.message.length} characters`);
    const at = positionOf(text, long, 0, 100_000);
    assertHoverSane(await timedHover(session(), uri, at), text, 'long name');
    await timedInlayHints(session(), uri, text);
    assertAlive(session());
  });

  it('a 200,000-character line of flow content is linted within bounds', async () => {
    const items = Array.from({ length: 28_000 }, (_, i) => `s${i}`).join(', ');
    const text = `topology: wide\nswitches: {}\nlinks: [{ between: [${items}], speed: 100G }]\n`;
    assert.ok(text.length > 150_000);
    const uri = freshUri('wide');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.ok(codes(diagnostics).includes('schema'));
    assertHoverSane(await timedHover(session(), uri, { line: 2, character: 100_000 }), text, 'wide');
  });

  it('a 200,000-character single-line description is fine', async () => {
    const text = `topology: a\ndescription: "${'lorem ipsum '.repeat(17_000)}"\nswitches: {}\n`;
    const uri = freshUri('desc');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assertHoverSane(await timedHover(session(), uri, { line: 1, character: 100_000 }), text, 'description');
  });

  it('20,000 findings (unknown links) arrive within bounds, each sane, capped at 1,000 plus a summary', async () => {
    const lines = ['topology: many', 'switches:', '  leaf1: { role: leaf, ports: [{ count: 4, speed: 100G }] }', 'links:'];
    for (let i = 0; i < 20_000; i++) lines.push(`  - { between: [leaf1, ghost${i}], speed: 100G }`);
    const text = `${lines.join('\n')}\n`;
    const uri = freshUri('many');
    const diagnostics = await openTimed(session(), uri, text, 10000);
    assertDiagnosticsSane(diagnostics, text);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-switch');
    assert.ok(unknown.length === 1001, `${diagnostics.length} diagnostics`);
    assert.match(unknown[1000].message, /^… and 19000 more `unknown-switch` findings in this file, the first on line 1005:/);
    assertHoverSane(await timedHover(session(), uri, { line: 2, character: 3 }), text, 'leaf1');
  });
});
