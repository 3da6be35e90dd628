import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import { applyEdits } from '../../../server/src/core/editing/edits';
import { renameAt, RenameError } from '../../../server/src/core/editing/navigation';
import { documentSymbols } from '../../../server/src/core/editing/symbols';
import { SWITCHES_BLOCK } from './fixtures';

const TEXT = `${SWITCHES_BLOCK}servers:
  web:
    count: 8
    nics: { count: 2, speed: 25G }
    leaves:
      - |-
        leaf1
      - >-
        leaf2
links:
  - { between: [leaf1, spine1], speed: 100G }
  - { between: ['leaf1', spine2], speed: 100G }
  - { between: ["leaf2", spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;

/** Renames the switch defined at `name:` to `to`, re-lints, and returns the new text. */
function rename(name: string, to: string): string {
  const result = lintText(TEXT);
  const edits = renameAt(result, TEXT.indexOf(`${name}:`), to);
  assert.ok(edits !== undefined);
  return applyEdits(TEXT, edits);
}

describe('rename keeps the YAML valid or refuses clearly', () => {
  it('renames a block-scalar reference inside the block, keeping its indentation', () => {
    const text = rename('leaf1', 'rack-a leaf');
    const result = lintText(text);
    assert.deepEqual(result.parsed.errors, []);
    assert.ok(text.includes('      - |-\n        rack-a leaf\n'), text);
    assert.ok(text.includes("between: ['rack-a leaf', spine2]"), text);
    assert.ok(text.includes('between: ["rack-a leaf", spine1]'), text);
    const group = result.analysis!.model.serverGroups.get('web')!;
    assert.deepEqual(group.leaves.map((l) => l.name), ['rack-a leaf', 'leaf2']);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'unknown-switch'), []);
  });

  it('renames a folded reference too, and a name that needs quotes elsewhere', () => {
    const text = rename('leaf2', 'true');
    const result = lintText(text);
    assert.deepEqual(result.parsed.errors, []);
    assert.ok(text.includes('      - >-\n        true\n'), text);
    assert.ok(text.includes('between: ["true", spine1]'), text);
    assert.ok(text.includes('between: ["true", spine2]'), text);
    assert.deepEqual(result.analysis!.model.serverGroups.get('web')!.leaves.map((l) => l.name), ['leaf1', 'true']);
  });

  it('refuses a name a block scalar cannot hold (leading or trailing blanks)', () => {
    assert.throws(() => rename('leaf1', ' leaf1b'), (e: unknown) => e instanceof RenameError && /block scalar/.test(e.message) && /line 27/.test(e.message));
  });

  it('refuses control, bidi and other unusable characters, naming the code point', () => {
    for (const [name, cp] of [
      ['leaf\u0007x', 'U+0007'],
      ['leaf\tx', 'U+0009'],
      ['leaf\u0085x', undefined],
      ['leaf\u202Ex', 'U+202E'],
      ['leaf\u2066x', 'U+2066'],
      ['leaf\uFEFFx', 'U+FEFF'],
      ['leaf\uD800x', 'U+D800'],
      ['leaf\u009Bx', 'U+009B'],
    ] as const) {
      assert.throws(
        () => rename('spine1', name),
        (e: unknown) => e instanceof RenameError && (cp === undefined ? /cannot span lines/.test(e.message) : e.message.includes(cp)),
        JSON.stringify(name),
      );
    }
  });

  it('a renamed file with every accepted odd name still parses and keeps every reference', () => {
    for (const name of ['a: b', '#x', "it's", 'x"y', '🚀', 'ü', 'null', '- x', '[x]']) {
      const text = rename('spine1', name);
      const result = lintText(text);
      assert.deepEqual(result.parsed.errors, [], `${name}: ${text}`);
      assert.ok(result.analysis!.model.switches.has(name), name);
      assert.deepEqual(result.findings.filter((f) => f.rule === 'unknown-switch'), [], name);
    }
  });
});

describe('outline escapes names', () => {
  it('shows bidi and zero-width characters as escapes, and caps a group\'s leaves', () => {
    const leaves = Array.from({ length: 12 }, (_, i) => `l${i}`);
    const text = `topology: t
switches:
  "sp\\u202Eine":
    role: spine
    ports: [{ count: 64, speed: 100G }]
${leaves.map((l) => `  ${l}: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 4, speed: 100G }] }`).join('\n')}
servers:
  "web\\u200B":
    count: 8
    nics: { count: 1, speed: 25G }
    leaves: [${leaves.join(', ')}]
`;
    const symbols = documentSymbols(lintText(text));
    const spines = symbols[0].children.find((c) => c.name === 'Spines')!;
    assert.equal(spines.children[0].name, 'sp\\u202Eine');
    const group = symbols[1].children[0];
    assert.equal(group.name, 'web\\u200B');
    assert.equal(group.detail, '8 × 1×25G → l0, l1, l2, l3, l4, l5, l6, l7, … and 4 more');
  });
});
