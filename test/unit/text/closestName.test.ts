import { strict as assert } from 'assert';
import { closestName, editDistance, NameIndex, nameIndexFor } from '../../../server/src/core/text/closestName';

/** The textbook optimal-string-alignment distance, unbounded: the reference for the banded one. */
function reference(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A deterministic pseudo-random generator (no flaky tests). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('closestName: did-you-mean with bounded work', () => {
  it('the banded distance equals the full one whenever it is within the limit', () => {
    const random = rng(7);
    const word = (): string => Array.from({ length: Math.floor(random() * 9) }, () => 'ab-1'[Math.floor(random() * 4)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = word();
      for (const limit of [1, 2, 3]) {
        const full = reference(a, b);
        assert.equal(editDistance(a, b, limit), full <= limit ? full : limit + 1, `${a} / ${b} / ${limit}`);
      }
    }
    assert.equal(editDistance('laef', 'leaf', 1), 1);
    assert.equal(editDistance('', 'ab', 3), 2);
  });

  it('finds the obvious typo, case-insensitively, and nothing for a stranger', () => {
    assert.equal(closestName('spnie1', ['leaf1', 'spine1', 'spine2']), 'spine1');
    assert.equal(closestName('LEAF1', ['leaf1', 'leaf2']), 'leaf1');
    assert.equal(closestName('router', ['leaf1', 'spine1']), undefined);
    assert.equal(closestName('x'.repeat(201), ['x'.repeat(200)]), undefined);
  });

  it('suggests the NFC twin of a name that differs only in Unicode normalization', () => {
    assert.equal(closestName('cafe\u0301', ['caf\u00E9', 'cafe']), 'caf\u00E9');
    const index = new NameIndex(Array.from({ length: 3000 }, (_, i) => `leaf-${i}`).concat(['caf\u00E9']));
    assert.equal(index.closest('cafe\u0301'), 'caf\u00E9');
  });

  it('on 100,000 names still finds a typo early, late or in the middle of a name', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `leaf-${String(i).padStart(6, '0')}`);
    const index = new NameIndex(names);
    assert.equal(index.closest('lef-012345'), 'leaf-012345');
    assert.equal(index.closest('leaf-01234x'), 'leaf-012340');
    assert.equal(index.closest('leaf-0123456'), 'leaf-012345');
    assert.equal(index.closest('Leaf-099999'), 'leaf-099999');
    assert.equal(index.closest('spine-1'), undefined);
  });

  it('below the exhaustive limit, the index answers exactly what closestName does', () => {
    const names = ['leaf1', 'leaf2', 'leaf11', 'spine1', 'spine2', 'Spine3', 'border-leaf'];
    const index = new NameIndex(names);
    for (const query of ['leaf', 'laef1', 'spine', 'sppine2', 'SPINE3', 'border_leaf', 'zzz', 'leaf1']) {
      assert.equal(index.closest(query), closestName(query, names), query);
    }
  });

  it('builds one index per map', () => {
    const map = new Map([['leaf1', 1]]);
    assert.equal(nameIndexFor(map), nameIndexFor(map));
  });
});
