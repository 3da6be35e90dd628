/**
 * Replays every kept fuzz counterexample (test/fixtures/fuzz/*.topology.yaml) through the
 * core and through the server, with the same properties the fuzzers check.
 */
import { strict as assert } from 'assert';
import { checkCore, fixtureName, keptFixtures } from './properties';
import { assertAlive, assertDiagnosticsSane, assertHoverSane, lineLengths, LspSession, stopSession } from '../robustness/support';
import type { Hover } from 'vscode-languageserver-protocol';

const fixtures = keptFixtures();

describe(`fuzz: kept counterexamples (${fixtures.length} in test/fixtures/fuzz)`, function () {
  this.timeout(20000);
  let session: LspSession | undefined;

  before(async () => {
    if (fixtures.length > 0) session = await LspSession.start();
  });
  after(async function () {
    this.timeout(15000);
    if (session !== undefined) assert.equal(await stopSession(session), 0);
  });

  it('names each fixture by the hash of its content', () => {
    for (const { name, text } of fixtures) assert.equal(name, fixtureName(text), `${name} was edited: rename it to ${fixtureName(text)}`);
  });

  for (const { name, text } of fixtures) {
    it(`${name}: core properties hold`, () => {
      checkCore(text, undefined, [0, Math.floor(text.length / 2), text.length]);
    });

    it(`${name}: server properties hold`, async () => {
      const uri = `file:///fuzz-fixtures/${name}`;
      const diagnostics = await session!.open(uri, text);
      assertAlive(session!);
      assertDiagnosticsSane(diagnostics, text);
      const lengths = lineLengths(text);
      for (let line = 0; line < Math.min(lengths.length, 200); line++) {
        const hover = await session!.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: Math.floor(lengths[line] / 2) } });
        assertHoverSane(hover, text, `${name} line ${line}`);
      }
      await session!.close(uri);
      assertAlive(session!);
    });
  }
});
