/**
 * The server applies one didChange's content changes in one pass (server/src/lsp/documentUpdate.ts).
 * Its text must be exactly what applying the changes one after the other gives: checked against
 * TextDocument, change by change, on generated edits in every order and with every line break.
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { applyContentChanges } from '../../server/src/lsp/documentUpdate';

/** The reference: each change applied to a fresh TextDocument of the text so far. */
function oneByOne(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  let current = text;
  for (const change of changes) {
    const document = TextDocument.create('file:///x', 'topology', 1, current);
    TextDocument.update(document, [change], 2);
    current = document.getText();
  }
  return current;
}

const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', 'xyz', '');
const textArb = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const positionArb = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 6 }) });
const changeArb: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: positionArb, end: positionArb }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length - 1;
}

describe('LSP glue: one-pass application of content changes', () => {
  it('gives the same text as applying the changes one by one (random changes, any order)', () => {
    fc.assert(
      fc.property(textArb, fc.array(changeArb, { maxLength: 12 }), (text, changes) => {
        assert.equal(applyContentChanges(text, changes), oneByOne(text, changes));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('gives the same text for non-overlapping edits sent backwards (as an editor sends Replace All) and forwards', () => {
    const text = Array.from({ length: 40 }, (_, i) => `  - { between: [leaf${i}, spine1], speed: 100G }`).join('\r\n');
    const edits = [];
    for (let line = 0; line < 40; line++) {
      const at = text.split('\r\n')[line].indexOf('100G');
      edits.push({ range: { start: { line, character: at }, end: { line, character: at + 4 } }, text: line % 3 === 0 ? '400G\r\n#' : '400G' });
    }
    // Backwards: every range refers to the original text.
    const backwards = [...edits].reverse();
    assert.equal(applyContentChanges(text, backwards), oneByOne(text, backwards));
    // Forwards: each range refers to the text after the previous edits (lines shift by the inserted breaks).
    const forwards: TextDocumentContentChangeEvent[] = [];
    let inserted = 0;
    for (const edit of edits) {
      forwards.push({ range: { start: { line: edit.range.start.line + inserted, character: edit.range.start.character }, end: { line: edit.range.end.line + inserted, character: edit.range.end.character } }, text: edit.text });
      if (edit.text.includes('\n')) inserted++;
    }
    const expected = oneByOne(text, forwards);
    assert.equal(applyContentChanges(text, forwards), expected);
    assert.equal(expected, oneByOne(text, backwards), 'both orders describe the same edit');
    assert.equal(lineOf(expected, expected.lastIndexOf('400G')), 39 + 13);
  });

  it('applies 4,000 edits to a 2 MB text in one pass (linear: well under a second)', () => {
    const lines = Array.from({ length: 45_000 }, (_, i) => `  - { between: [leaf${i}, spine${i % 16}], speed: 100G }`);
    const text = lines.join('\n');
    const changes: TextDocumentContentChangeEvent[] = [];
    for (let line = 44_999; line >= 0 && changes.length < 4000; line -= 11) {
      const at = lines[line].indexOf('100G');
      changes.push({ range: { start: { line, character: at }, end: { line, character: at + 4 } }, text: '400G' });
    }
    const started = Date.now();
    const result = applyContentChanges(text, changes);
    const elapsed = Date.now() - started;
    assert.equal(result.split('400G').length - 1, 4000);
    assert.equal(result.length, text.length);
    assert.ok(elapsed < 1000, `${elapsed} ms`);
  });
});
