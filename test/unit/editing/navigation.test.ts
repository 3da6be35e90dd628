import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import { applyEdits, yamlString, yamlStringLike, speedText } from '../../../server/src/core/editing/edits';
import { appendLinks } from '../../../server/src/core/editing/layout';
import { definitionAt, prepareRenameAt, referencesAt, renameAt, RenameError } from '../../../server/src/core/editing/navigation';
import { documentSymbols } from '../../../server/src/core/editing/symbols';
import { semanticTokens } from '../../../server/src/core/editing/semanticTokens';
import { SWITCHES_BLOCK } from './fixtures';

const TEXT = `${SWITCHES_BLOCK}servers:
  web:
    count: 8
    nics: { count: 2, speed: 25G }
    leaves: [leaf1, 'leaf2']
design:
  max_oversubscription: 3
links:
  - { between: [leaf1, spine1], speed: 100G, count: 2 }
  - { between: [leaf1, spine2], speed: 100G, count: 2 }
  - { between: ['leaf2', spine1], speed: 100G }
  - { between: [leaf2, spine2], speed: 100G }
`;

const at = (needle: string, nth = 0, delta = 1): number => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = TEXT.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  return offset + delta;
};

describe('definition, references, rename', () => {
  const result = lintText(TEXT);

  it('goes from a link end to the key under `switches`', () => {
    const def = definitionAt(result, at('leaf1, spine2'));
    assert.deepEqual(def, { start: TEXT.indexOf('leaf1:'), end: TEXT.indexOf('leaf1:') + 5 });
    assert.equal(definitionAt(result, at('topology')), undefined);
  });

  it('finds the definition, link ends and server-group leaves', () => {
    const refs = referencesAt(result, at('leaf2:'), true).map((s) => TEXT.slice(s.start, s.end));
    assert.deepEqual(refs, ['leaf2', "'leaf2'", "'leaf2'", 'leaf2']);
    assert.equal(referencesAt(result, at('leaf2:'), false).length, 3);
  });

  it('renames every reference, keeping each one\'s quotes', () => {
    const edits = renameAt(result, at('leaf2:'), 'rack 2')!;
    const out = applyEdits(TEXT, edits);
    assert.ok(out.includes('  "rack 2":\n'));
    assert.ok(out.includes("leaves: [leaf1, 'rack 2']"));
    assert.ok(out.includes("{ between: ['rack 2', spine1]"));
    assert.ok(out.includes('{ between: ["rack 2", spine2]'));
    assert.deepEqual(lintText(out).findings, []);
  });

  it('refuses a name in use and an empty name; nothing to rename off a switch', () => {
    assert.throws(() => renameAt(result, at('leaf2:'), 'spine1'), (e: unknown) => e instanceof RenameError && /`spine1` already exists/.test(e.message));
    assert.throws(() => renameAt(result, at('leaf2:'), '  '), RenameError);
    assert.equal(renameAt(result, at('role'), 'x'), undefined);
    assert.equal(prepareRenameAt(result, at('role')), undefined);
    const quoted = prepareRenameAt(result, at("'leaf2'", 0, 2))!;
    assert.equal(TEXT.slice(quoted.span.start, quoted.span.end), 'leaf2');
  });
});

describe('document symbols', () => {
  it('groups switches by role with their figures, then server groups, links and design', () => {
    const symbols = documentSymbols(lintText(TEXT));
    const outline = symbols.map((s) => [s.name, s.detail, s.children.map((c) => [c.name, c.detail, c.children.map((g) => `${g.name}: ${g.detail}`)])]);
    assert.deepEqual(outline, [
      ['Switches', '4', [
        ['Spines', '2', ['spine1: 300G↓ · 2 leaves', 'spine2: 300G↓ · 2 leaves']],
        ['Leaves', '2', ['leaf1: 0.5:1 · 200G↓ 400G↑ · 4 paths', 'leaf2: 1:1 · 200G↓ 200G↑ · 2 paths']],
      ]],
      ['Server groups', '1', [['web', '8 × 2×25G → leaf1, leaf2', []]]],
      ['Links', '4', [
        ['leaf1 ↔ spine1 · 2×100G', undefined, []],
        ['leaf1 ↔ spine2 · 2×100G', undefined, []],
        ['leaf2 ↔ spine1 · 1×100G', undefined, []],
        ['leaf2 ↔ spine2 · 1×100G', undefined, []],
      ]],
      ['Design', undefined, [['max_oversubscription', '3', []]]],
    ]);
    for (const s of symbols) assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end);
  });

  it('is empty when the file does not parse', () => {
    assert.deepEqual(documentSymbols(lintText('switches: [')), []);
  });
});

describe('semantic tokens', () => {
  it('marks switch definitions and references, speeds and roles, in order and never overlapping', () => {
    const tokens = semanticTokens(lintText(TEXT));
    const show = tokens.slice(0, 4).map((t) => `${TEXT.slice(t.start, t.end)}:${t.type}${t.modifiers.map((m) => `.${m}`).join('')}`);
    assert.deepEqual(show, ['spine1:variable.declaration.spine', 'spine:enumMember', '100G:number', 'spine2:variable.declaration.spine']);
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end);
    assert.equal(tokens.filter((t) => t.type === 'variable').length, 4 + 2 + 8);
  });
});

describe('edit helpers', () => {
  it('writes names plain when they read back the same, else double-quoted; keeps a node\'s quote style', () => {
    assert.equal(yamlString('leaf-1'), 'leaf-1');
    assert.equal(yamlString('true'), '"true"');
    assert.equal(yamlString('123'), '"123"');
    assert.equal(yamlString('a b'), '"a b"');
    assert.equal(yamlStringLike("it's", { kind: 'scalar', style: 'single', value: 'x', text: 'x', start: 0, end: 3 }), "'it''s'");
    assert.deepEqual([speedText(100), speedText(1600), speedText(1000), speedText(0.1)], ['100G', '1.6T', '1T', '100M']);
  });

  it('appends a `links:` section at the end when there is none', () => {
    const text = SWITCHES_BLOCK.trimEnd();
    const result = lintText(text);
    const edit = appendLinks(result.parsed.root, result.lines, result.analysis!.model, [{ a: 'leaf1', b: 'spine1', speed: '100G', count: 2 }])!;
    assert.equal(applyEdits(text, [edit]), `${text}\nlinks:\n  - { between: [leaf1, spine1], speed: 100G, count: 2 }\n`);
  });
});
