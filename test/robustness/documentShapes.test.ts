/**
 * Documents that are not a topology map: empty, whitespace or comments only, a scalar, a
 * list, null, several `---` documents. Each gives the one expected finding.
 */
import { strict as assert } from 'assert';
import { assertAlive, assertDiagnosticsSane, assertHoverSane, codes, freshUri, openTimed, timedHover, timedInlayHints, useSession } from './support';

const CASES: { name: string; text: string; expected: string[]; message?: RegExp }[] = [
  { name: 'an empty file', text: '', expected: ['schema'], message: /empty/ },
  { name: 'only whitespace', text: '   \n\n  \n', expected: ['schema'], message: /empty/ },
  { name: 'only comments', text: '# nothing here yet\n# really\n', expected: ['schema'], message: /empty/ },
  { name: 'a plain scalar at the top', text: 'hello\n', expected: ['schema'], message: /must be a map/ },
  { name: 'a number at the top', text: '42\n', expected: ['schema'], message: /must be a map/ },
  { name: 'null at the top', text: 'null\n', expected: ['schema'] },
  { name: 'a block list at the top', text: '- topology: a\n- switches: {}\n', expected: ['schema'], message: /must be a map.*list/ },
  { name: 'a flow list at the top', text: '[1, 2, 3]\n', expected: ['schema'], message: /must be a map/ },
  { name: 'a document start marker alone', text: '---\n', expected: ['schema'] },
  { name: 'two documents', text: 'topology: a\nswitches: {}\n---\ntopology: b\nswitches: {}\n', expected: ['yaml-syntax'], message: /document/ },
  { name: 'three documents, the first empty', text: '---\n---\ntopology: b\n---\n', expected: ['yaml-syntax'], message: /document/ },
  { name: 'a document end marker then more', text: 'topology: a\nswitches: {}\n...\nmore: 1\n', expected: ['yaml-syntax'] },
  { name: 'a file without a final newline', text: 'topology: a', expected: ['schema'], message: /switches/ },
  { name: 'CRLF line ends', text: 'topology: a\r\nswitches: {}\r\nlinks: oops\r\n', expected: ['schema'] },
  { name: 'lone CR line ends', text: 'topology: a\rswitches: {}\rlinks: oops\r', expected: ['schema'] },
];

describe('robustness: document shapes (over the LSP server)', function () {
  this.timeout(15000);
  const session = useSession();

  for (const { name, text, expected, message } of CASES) {
    it(`${name} → ${expected.join(', ')}`, async () => {
      const uri = freshUri('shape');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      assert.deepEqual(codes(diagnostics).filter((c) => c !== 'spine-redundancy'), expected, JSON.stringify(diagnostics));
      if (message !== undefined) assert.match(diagnostics.find((d) => d.code === expected[0])!.message, message);
      const lines = text.split(/\r\n|\r|\n/);
      for (let line = 0; line < lines.length; line++) {
        for (const character of [0, lines[line].length]) {
          assertHoverSane(await timedHover(session(), uri, { line, character }), text, `${name} ${line}:${character}`);
        }
      }
      // A position past the end of the document (clients do send these).
      assertHoverSane(await timedHover(session(), uri, { line: lines.length + 5, character: 99 }), text, `${name} past the end`);
      await timedInlayHints(session(), uri, text);
      assertAlive(session());
    });
  }
});
