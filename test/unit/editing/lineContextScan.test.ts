import { strict as assert } from 'assert';
import { matchBlockKey } from '../../../server/src/core/editing/lineContext';
import { lineContext } from '../../../server/src/core/editing/lineContext';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

/** The regex the scanner replaced (it backtracks quadratically on long lines): the reference. */
const KEY_RE = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],][^#:{}[\],]*?))[ \t]*:(?=[ \t]|$)/;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('lineContext scans lines without backtracking', () => {
  it('matchBlockKey matches exactly what the old key regex matched', () => {
    const random = rng(13);
    const alphabet = ['a', 'b', ' ', '\t', ':', '"', "'", '\\', '#', '{', '[', ',', '-', 'é'];
    for (let k = 0; k < 20000; k++) {
      const length = Math.floor(random() * 10);
      let line = '';
      for (let i = 0; i < length; i++) line += alphabet[Math.floor(random() * alphabet.length)];
      const expected = KEY_RE.exec(line);
      const got = matchBlockKey(line);
      assert.deepEqual(got, expected === null ? undefined : { raw: expected[1], length: expected[0].length }, JSON.stringify(line));
    }
  });

  it('answers on a 200,000-character line at once', () => {
    for (const line of ['a'.repeat(200_000), `a${' '.repeat(200_000)}`, `- { between: [${'x'.repeat(200_000)}`, `  ${'ab '.repeat(70_000)}`]) {
      const text = `links:\n${line}`;
      const lines = new LineIndex(text);
      const started = Date.now();
      lineContext(lines, text.length);
      // A liveness bound, not a speed test: the regexes took 20–39 s here.
      assert.ok(Date.now() - started < 5000, `${line.slice(0, 20)}…`);
    }
  });
});
