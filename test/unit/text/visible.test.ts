import { strict as assert } from 'assert';
import { visible, hasInvisible, cut } from '../../../server/src/core/text/visible';
import { quote } from '../../../server/src/core/text/quote';
import { codeSpan } from '../../../server/src/core/text/markdown';

describe('visible: names cannot hide, reorder or break what is around them', () => {
  it('escapes bidi overrides and isolates', () => {
    assert.equal(visible('leaf\u202Eevil'), 'leaf\\u202Eevil');
    assert.equal(visible('\u2066a\u2069'), '\\u2066a\\u2069');
    assert.equal(visible('a\u200Fb\u061Cc'), 'a\\u200Fb\\u061Cc');
  });

  it('escapes line and paragraph separators, NEL and C0/C1 controls', () => {
    assert.equal(visible('a\u2028b\u2029c'), 'a\\u2028b\\u2029c');
    assert.equal(visible('a\u0085b'), 'a\\u0085b');
    assert.equal(visible('a\u0007b\u001b[31m'), 'a\\u0007b\\u001b[31m');
    assert.equal(visible('a\u007f'), 'a\\u007f');
  });

  it('escapes zero-width and other invisible characters', () => {
    assert.equal(visible('sp\u200Bine\u200C\u200D\u2060\uFEFF'), 'sp\\u200Bine\\u200C\\u200D\\u2060\\uFEFF');
    assert.equal(visible('a\u00ADb\u3164c\u034F'), 'a\\u00ADb\\u3164c\\u034F');
    assert.equal(visible('x\uFE0F'), 'x\\uFE0F');
    // Tag characters (astral, invisible) are escaped by code point.
    assert.equal(visible('a\u{E0041}'), 'a\\u{E0041}');
  });

  it('escapes lone surrogates but keeps astral characters such as emoji', () => {
    assert.equal(visible('🚀leaf'), '🚀leaf');
    assert.equal(visible('a\uD800b'), 'a\\uD800b');
    assert.equal(visible('a\uDC00b'), 'a\\uDC00b');
  });

  it('tells NFC/NFD twins apart: a name not in NFC shows its combining marks escaped', () => {
    const nfc = 'caf\u00E9';
    const nfd = 'cafe\u0301';
    assert.equal(visible(nfc), 'café');
    assert.equal(visible(nfd), 'cafe\\u0301');
    assert.notEqual(quote(nfc), quote(nfd));
    assert.notEqual(codeSpan(nfc), codeSpan(nfd));
    assert.equal(hasInvisible(nfd), true);
    assert.equal(hasInvisible(nfc), false);
  });

  it('leaves ordinary names alone', () => {
    for (const name of ['leaf1', 'spine-01.dc2', 'Überleaf', '机架-1', 'x y']) assert.equal(visible(name), name);
  });

  it('quote and codeSpan escape the same characters, and cut without splitting a surrogate pair', () => {
    assert.equal(quote('evil\u202Efdp.exe'), '`evil\\u202Efdp.exe`');
    assert.equal(codeSpan('evil\u202Efdp.exe'), '`evil\\u202Efdp.exe`');
    assert.equal(quote('a\u0000b'), '`a\\u0000b`');
    assert.equal(cut('ab🚀', 3), 'ab');
    assert.equal(cut('ab🚀', 4), 'ab🚀');
    const long = `${'x'.repeat(58)}🚀🚀`;
    assert.equal(quote(long), `\`${'x'.repeat(58)}…\``);
  });
});
