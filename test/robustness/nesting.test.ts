/**
 * 20,000-deep nesting, in every way YAML allows: flow lists, flow maps, compact block lists
 * (`- - - x`), and deep nesting under a real topology key. No stack overflow, one
 * `yaml-syntax` error, bounded time.
 */
import { strict as assert } from 'assert';
import { assertAlive, assertDiagnosticsSane, assertHoverSane, codes, freshUri, openTimed, timedHover, timedInlayHints, useSession } from './support';

const DEPTH = 20_000;

const CASES: [string, string][] = [
  ['flow lists [[[…]]]', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`],
  ['flow maps {a: {a: …}}', `${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`],
  ['compact block lists - - - x', `${'- '.repeat(DEPTH)}x\n`],
  ['unclosed flow lists [[[… (half-typed)', `${'['.repeat(DEPTH)}\n`],
  ['deep nesting under a topology key', `topology: deep\nswitches:\n  leaf1:\n    role: leaf\n    ports: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`],
  ['deep nesting in a key', `topology: deep\n? ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n: 1\n`],
];

describe('robustness: 20,000-deep nesting (over the LSP server)', function () {
  this.timeout(20000);
  const session = useSession();

  for (const [name, text] of CASES) {
    it(`${name}: one yaml-syntax error, hover and hints within 2 s`, async () => {
      const uri = freshUri('deep');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      assert.deepEqual(codes(diagnostics), ['yaml-syntax'], JSON.stringify(diagnostics));
      assert.match(diagnostics[0].message, /nesting|depth/i);
      for (const character of [0, 50, 150, DEPTH]) {
        assertHoverSane(await timedHover(session(), uri, { line: 0, character }), text, `deep at ${character}`);
      }
      await timedInlayHints(session(), uri, text);
      assertAlive(session());
    });
  }

  it('nesting just within the limit (depth 90) is parsed and checked by the schema', async () => {
    const text = `topology: deep\nswitches: {}\nextra: ${'['.repeat(90)}${']'.repeat(90)}\n`;
    const uri = freshUri('deep-ok');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.ok(codes(diagnostics).includes('schema'), JSON.stringify(diagnostics));
    assert.ok(!codes(diagnostics).includes('yaml-syntax'));
  });
});
