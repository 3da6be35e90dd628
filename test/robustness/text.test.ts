/**
 * Odd characters: a BOM, control characters (NUL, BEL, ESC, DEL), tabs, lone surrogates,
 * astral characters (UTF-16 positions), mixed line ends, and comments full of `#` before a
 * syntax error. Every answer stays in bounds and arrives in time.
 */
import { strict as assert } from 'assert';
import {
  assertAlive,
  assertDiagnosticsSane,
  assertHoverSane,
  codes,
  freshUri,
  generateFabric,
  lineLengths,
  openTimed,
  positionOf,
  timedHover,
  timedInlayHints,
  useSession,
} from './support';
import type { LspSession } from './support';

const FABRIC = generateFabric({ spines: 2, leaves: 2 });

async function hoverEverywhere(session: LspSession, uri: string, text: string, what: string): Promise<void> {
  const lengths = lineLengths(text);
  for (let line = 0; line < Math.min(lengths.length, 40); line++) {
    for (const character of [0, Math.floor(lengths[line] / 2), lengths[line]]) {
      assertHoverSane(await timedHover(session, uri, { line, character }), text, `${what} ${line}:${character}`);
    }
  }
}

describe('robustness: BOM and control characters (over the LSP server)', function () {
  this.timeout(15000);
  const session = useSession();

  it('a BOM before a clean fabric changes nothing', async () => {
    const text = `\uFEFF${FABRIC}`;
    const uri = freshUri('bom');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), []);
    const hover = await timedHover(session(), uri, positionOf(text, 'spine1:'));
    assert.ok(hover !== null, 'hover still finds the switch after a BOM');
    assertHoverSane(hover, text, 'bom');
    const hints = await timedInlayHints(session(), uri, text);
    assert.equal(hints.length, 4);
  });

  it('a BOM alone, and a BOM before a comment, are an empty file', async () => {
    for (const text of ['\uFEFF', '\uFEFF# nothing yet\n']) {
      const diagnostics = await openTimed(session(), freshUri('bom-empty'), text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      assert.deepEqual(codes(diagnostics), ['schema']);
    }
  });

  for (const [name, ch] of [
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['C1 control', '\u0085'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', '\udc00'],
    ['U+FFFE', '\ufffe'],
  ] as const) {
    for (const where of ['in a plain name', 'in a quoted name', 'in a comment', 'at the start']) {
      it(`${name} ${where}: at most one yaml-syntax error, positions in range`, async () => {
        const text =
          where === 'in a plain name'
            ? FABRIC.replace('leaf1:', `le${ch}af1:`)
            : where === 'in a quoted name'
              ? FABRIC.replace('leaf1:', `"le${ch}af1":`)
              : where === 'in a comment'
                ? `# a comment with ${ch} in it\n${FABRIC}`
                : `${ch}${FABRIC}`;
        const uri = freshUri('ctrl');
        const diagnostics = await openTimed(session(), uri, text, 5000);
        assertDiagnosticsSane(diagnostics, text);
        const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
        assert.ok(syntax.length <= 1, JSON.stringify(diagnostics));
        // No message may carry the raw control character itself (it would break the line).
        // eslint-disable-next-line no-control-regex
        for (const d of diagnostics) assert.doesNotMatch(d.message, /[\u0000-\u0008\u000b-\u001f\u007f]/, d.message);
        await hoverEverywhere(session(), uri, text, `${name} ${where}`);
        await timedInlayHints(session(), uri, text);
        assertAlive(session());
      });
    }
  }

  it('escaped control characters in a double-quoted name are shown visibly, not raw', async () => {
    const text = FABRIC.replace('between: [leaf1, spine1]', 'between: [leaf1, "sp\\u0007ine\\u001b[31m1\\nX"]');
    const uri = freshUri('escaped');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-switch');
    assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(unknown[0].message, /[\u0000-\u001f\u007f]/, 'no raw control character or newline in the message');
    await hoverEverywhere(session(), uri, text, 'escaped');
  });

  it('tabs used for indentation give one yaml-syntax error', async () => {
    const text = FABRIC.replace('  leaf1:\n    role: leaf', '  leaf1:\n\trole: leaf');
    const diagnostics = await openTimed(session(), freshUri('tabs'), text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), ['yaml-syntax']);
  });

  it('astral characters (emoji) in names keep UTF-16 positions exact', async () => {
    const text = FABRIC.replace(/leaf1/g, '🚀leaf1').replace('between: [🚀leaf1, spine1]', 'between: [🚀leaf1, 🛰spine1]');
    const uri = freshUri('emoji');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-switch');
    assert.ok(unknown !== undefined, JSON.stringify(diagnostics));
    const line = text.split('\n')[unknown.range.start.line];
    assert.equal(line.slice(unknown.range.start.character, unknown.range.end.character), '🛰spine1');
    const hover = await timedHover(session(), uri, positionOf(text, '🚀leaf1:', 0, 3));
    assert.ok(hover !== null);
    assertHoverSane(hover, text, 'emoji');
    await timedInlayHints(session(), uri, text);
  });

  it('mixed CR, LF and CRLF line ends keep positions inside the document', async () => {
    const lines = FABRIC.replace('between: [leaf2, spine2]', 'between: [leaf2, spine9]').split('\n');
    const text = lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join('');
    const uri = freshUri('mixed-eol');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-switch');
    assert.ok(unknown !== undefined, JSON.stringify(diagnostics));
    const line = text.split(/\r\n|\r|\n/)[unknown.range.start.line];
    assert.equal(line.slice(unknown.range.start.character, unknown.range.end.character), 'spine9');
    await hoverEverywhere(session(), uri, text, 'mixed-eol');
  });
});

describe('robustness: comments before a half-typed line (over the LSP server)', function () {
  // A hang here blocks the server for good: fail fast (the after hook kills the hung process).
  this.timeout(6000);
  const session = useSession();

  // Banner comments are common at the top of config files; while the user types, the rest of
  // the file is often invalid YAML. Linting must stay linear in the comment's length.
  for (const [name, header] of [
    ['a 40-character #### banner', `${'#'.repeat(40)}\n`],
    ['a boxed header', `${'#'.repeat(30)}\n# Lab fabric, building 2\n${'#'.repeat(30)}\n`],
    ['a "# # # #" ruler', `#${' #'.repeat(30)}\n`],
  ] as const) {
    it(`${name}, then a syntax error: diagnostics within 3 s`, async () => {
      const text = `${header}topology: lab\nswitches: {\n`;
      const uri = freshUri('banner');
      const diagnostics = await openTimed(session(), uri, text, 3000);
      assertDiagnosticsSane(diagnostics, text);
      assert.deepEqual(codes(diagnostics), ['yaml-syntax']);
      assertHoverSane(await timedHover(session(), uri, { line: 0, character: 3 }), text, name);
      assertAlive(session());
    });
  }
});
