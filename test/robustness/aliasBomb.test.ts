/**
 * YAML alias bombs: nested anchors that expand to billions of nodes if anything walks the
 * loaded value (ajv, the model, JSON.stringify, hover). The server must answer quickly with
 * one `analysis-skipped` info and stay up.
 */
import { strict as assert } from 'assert';
import {
  assertAlive,
  assertDiagnosticsSane,
  assertHoverSane,
  codes,
  freshUri,
  openTimed,
  positionOf,
  timedHover,
  timedInlayHints,
  useSession,
} from './support';

/** Billion laughs: 9 levels of 9 aliases each = 9^9 ≈ 387 million strings. */
function billionLaughs(levels = 9, width = 9): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** The same bomb hidden inside an otherwise valid topology: the switches' ports are the bomb. */
function bombInTopology(): string {
  const lines = ['topology: bomb', 'switches:', '  spine1:', '    role: spine', '    ports: &p0', '      - { count: 4, speed: 100G }'];
  // Each anchor is a list of 10 copies of the previous one.
  const defs: string[] = [];
  for (let i = 1; i <= 8; i++) defs.push(`  leaf${i}:`, '    role: leaf', `    ports: &p${i} [${Array(10).fill(`*p${i - 1}`).join(', ')}]`);
  const links = ['links:'];
  for (let i = 1; i <= 8; i++) links.push(`  - { between: [leaf${i}, spine1], speed: 100G }`);
  return `${[...lines, ...defs, ...links].join('\n')}\n`;
}

/** Map-merge style: a map whose values alias the previous level (keys expand too). */
function mapBomb(levels = 12): string {
  const lines = ['topology: maps', 'description: &d0 "x"', 'switches: {}', 'm0: &m0 { a: *d0, b: *d0, c: *d0, d: *d0 }'];
  for (let i = 1; i <= levels; i++) lines.push(`m${i}: &m${i} { a: *m${i - 1}, b: *m${i - 1}, c: *m${i - 1}, d: *m${i - 1} }`);
  return `${lines.join('\n')}\n`;
}

describe('robustness: YAML alias bombs (over the LSP server)', function () {
  this.timeout(20000);
  const session = useSession();

  for (const [name, make] of [
    ['billion laughs at the top level', () => billionLaughs()],
    ['a bomb inside a topology (ports of every leaf)', () => bombInTopology()],
    ['a bomb of nested maps', () => mapBomb()],
  ] as const) {
    it(`${name}: one analysis-skipped info, hover and hints answer within 2 s`, async () => {
      const text = make();
      const uri = freshUri('bomb');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      assert.deepEqual(codes(diagnostics), ['analysis-skipped']);
      assert.equal(diagnostics[0].severity, 3, 'an info');
      assert.match(diagnostics[0].message, /alias/);
      // Hover on an alias, an anchor and a key: each within 2 s.
      for (const at of [positionOf(text, '*', 0), positionOf(text, '&', 0, 2), positionOf(text, '*', 5), { line: 0, character: 1 }]) {
        assertHoverSane(await timedHover(session(), uri, at), text, `bomb at ${JSON.stringify(at)}`);
      }
      await timedInlayHints(session(), uri, text);
      assertAlive(session());
    });
  }

  it('a small alias graph (within the budget) is still fully analysed', async () => {
    const text = [
      'topology: anchors',
      'switches:',
      '  spine1: &spine { role: spine, ports: [{ count: 8, speed: 100G }] }',
      '  spine2: *spine',
      '  leaf1: &leaf { role: leaf, ports: [{ count: 8, speed: 25G, for: servers }, { count: 4, speed: 100G, for: fabric }] }',
      '  leaf2: *leaf',
      'links:',
      '  - { between: [leaf1, spine1], speed: 100G }',
      '  - { between: [leaf1, spine2], speed: 100G }',
      '  - { between: [leaf2, spine1], speed: 100G }',
      '  - { between: [leaf2, spine2], speed: 100G }',
      '',
    ].join('\n');
    const uri = freshUri('anchors');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), [], JSON.stringify(diagnostics));
    const hover = await timedHover(session(), uri, positionOf(text, 'leaf2:'));
    assertHoverSane(hover, text, 'aliased leaf');
    assert.ok(hover !== null, 'the aliased switch has a hover');
    const hints = await timedInlayHints(session(), uri, text);
    assert.equal(hints.length, 4, 'one hint per switch');
  });

  it('a change from a bomb back to a clean file is linted afresh', async () => {
    const uri = freshUri('bomb-edit');
    assert.deepEqual(codes(await openTimed(session(), uri, billionLaughs(), 5000)), ['analysis-skipped']);
    const clean = 'topology: ok\nswitches: {}\n';
    const after = await session().change(uri, clean);
    assertDiagnosticsSane(after, clean);
    assert.ok(!codes(after).includes('analysis-skipped'));
    assertAlive(session());
  });
});
