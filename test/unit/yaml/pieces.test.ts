import { strict as assert } from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/** A full garbage collection (the cache must survive it while its tree is alive). */
function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}
import { clearParseCache, MAX_DEPTH, parseYaml, parseYamlWhole } from '../../../server/src/core/yaml/yamlTree';
import { CHUNKED_MIN_LENGTH, PIECE_LINES, PIECES_ON_OPEN_LENGTH, pieceSize, planChunks } from '../../../server/src/core/yaml/chunks';

const SMALL_PIECES = 2000;

/** A fabric big enough to be parsed in pieces; `style` varies how its collections are written. */
function fabric(leaves: number, style: { compact?: boolean; comments?: boolean; crlf?: boolean; block?: boolean } = {}): string {
  const out: string[] = ['# a generated fabric', 'topology: pieces', 'design:', '  max_oversubscription: 3', 'switches:'];
  out.push('  spine1:', '    role: spine', '    ports:', `    - { count: ${leaves}, speed: 100G }`);
  for (let j = 0; j < leaves; j++) {
    out.push(`  leaf${j}:`, '    role: leaf', '    ports:');
    out.push(style.compact ? '    - { count: 48, speed: 25G, for: servers }' : '      - { count: 48, speed: 25G, for: servers }');
    out.push(style.compact ? '    - count: 4' : '      - count: 4', style.compact ? '      speed: 100G' : '        speed: 100G');
    if (style.comments && j % 97 === 0) out.push('', '  # a comment between switches', '');
  }
  out.push('servers:');
  for (let j = 0; j < leaves; j++) {
    out.push(`  rack${j}: { count: 20, nics: { count: 1, speed: 25G }, leaves: [leaf${j}] }`);
    if (style.block && j % 50 === 0) out.push(`  note${j}:`, '    count: 1', '    nics: { count: 1, speed: 25G }', '    leaves:', '      - |-', `        leaf${j}`);
  }
  out.push('links:');
  const dash = style.compact ? '- ' : '  - ';
  for (let j = 0; j < leaves; j++) {
    out.push(`${dash}{ between: [leaf${j}, spine1], speed: 100G }`);
    if (style.comments && j % 101 === 0) out.push('# a comment at column 0 inside the list', '');
    if (style.block && j % 73 === 0) out.push(`${dash}between:`, `${style.compact ? '  ' : '    '}  - "leaf${j}"`, `${style.compact ? '  ' : '    '}  - spine1`, `${style.compact ? '  ' : '    '}speed: 100G`);
  }
  const text = `${out.join('\n')}\n`;
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

describe('parseYaml in pieces: the same tree as the whole parse, less memory, re-use on edits', () => {
  // Small pieces, so that files of a few thousand lines are cut many times.
  beforeEach(() => {
    clearParseCache();
    pieceSize.lines = SMALL_PIECES;
    // Parse in pieces from the first parse on (by default a file under 16 MB is parsed whole first).
    pieceSize.onOpenLength = 0;
  });
  afterEach(() => {
    pieceSize.lines = PIECE_LINES;
    pieceSize.onOpenLength = PIECES_ON_OPEN_LENGTH;
  });

  it('cuts only files of at least CHUNKED_MIN_LENGTH, at PIECE_LINES lines', () => {
    assert.equal(pieceSize.minLength, CHUNKED_MIN_LENGTH);
    pieceSize.lines = PIECE_LINES;
    const plan = planChunks(fabric(3000));
    assert.ok(plan !== undefined && plan.every((s) => s.body === undefined), 'sections under 2 × PIECE_LINES lines stay whole');
  });

  for (const [name, style] of [
    ['plain', {}],
    ['compact lists at the keys\' column', { compact: true }],
    ['comments and blank lines between entries', { comments: true }],
    ['CRLF line ends', { crlf: true }],
    ['block scalars and multi-line entries', { block: true }],
    ['all of them', { compact: true, comments: true, crlf: true, block: true }],
  ] as const) {
    it(`${name}: equal to the whole parse`, () => {
      const text = fabric(3000, style);
      assert.ok(text.length >= CHUNKED_MIN_LENGTH, `${text.length}`);
      const plan = planChunks(text);
      assert.ok(plan !== undefined && plan.some((s) => s.body !== undefined && s.body.pieces.length > 1), 'the file is cut');
      assert.deepStrictEqual(parseYaml(text), parseYamlWhole(text));
    });
  }

  it('files that could mean something else across a cut are parsed whole', () => {
    const text = fabric(3000);
    for (const variant of [
      text.replace('topology: pieces', 'topology: &a pieces'),
      text.replace('speed: 100G }', 'speed: !!str 100G }'),
      text.replace('# a generated', '%YAML 1.2\n---\n# a generated'),
      text.replace('    role: leaf', '\trole: leaf'),
      `\uFEFF${text}`,
      text.replace(/\n/, '\r'),
    ]) {
      assert.equal(planChunks(variant), undefined);
      assert.deepStrictEqual(parseYaml(variant), parseYamlWhole(variant));
    }
    assert.equal(planChunks(fabric(10)), undefined, 'small files are parsed whole');
  });

  it('a syntax error, a duplicate key or a depth limit anywhere gives exactly the whole parse\'s answer', () => {
    const text = fabric(3000);
    const deep = `${'['.repeat(MAX_DEPTH - 3)}x${']'.repeat(MAX_DEPTH - 3)}`;
    for (const variant of [
      text.replace('{ between: [leaf2500, spine1], speed: 100G }', '{ between: [leaf2500, spine1, speed: 100G }'),
      text.replace('  leaf2999:', '  leaf1:'),
      text.replace('links:', 'servers:\nlinks:'),
      text.replace('{ between: [leaf2600, spine1], speed: 100G }', `{ between: [leaf2600, spine1], speed: 100G, x: ${deep} }`),
      text.replace('{ between: [leaf2600, spine1], speed: 100G }', `{ between: [leaf2600, spine1], speed: 100G, x: [${deep}] }`),
      text.replace('  - { between: [leaf2700, spine1], speed: 100G }', '  - { between: [leaf2700, spine1], speed: 100G }\n x: 1'),
      text.replace('  - { between: [leaf2700, spine1], speed: 100G }', '  - { between: [leaf2700, spine1], speed: "100G\n  - x" }'),
    ]) {
      const whole = parseYamlWhole(variant);
      assert.deepStrictEqual(parseYaml(variant), whole);
    }
    assert.ok(parseYamlWhole(text.replace('  leaf2999:', '  leaf1:')).errors.length === 1);
  });

  it('a file opened under the open threshold is parsed whole, and its pieces serve the next edits', () => {
    pieceSize.onOpenLength = PIECES_ON_OPEN_LENGTH;
    for (const style of [{}, { compact: true, comments: true, crlf: true, block: true }]) {
      clearParseCache();
      const text = fabric(3000, style);
      const first = parseYaml(text);
      assert.deepStrictEqual(first, parseYamlWhole(text));
      const root = (tree: typeof first): unknown => (tree.root?.kind === 'map' ? tree.root.pairs[0].value : undefined);
      const atEnd = text.lastIndexOf('speed: 100G');
      const tail = `${text.slice(0, atEnd)}speed: 400G${text.slice(atEnd + 11)}`;
      collectGarbage();
      const second = parseYaml(tail);
      assert.deepStrictEqual(second, parseYamlWhole(tail));
      assert.equal(root(second), root(first), 'the whole parse\'s nodes serve the untouched pieces');
      let edited = text;
      for (const [from, to] of [
        ['count: 20', 'count: 21'],
        ['leaf2999, spine1', 'leaf2999,  spine1'],
        ['  leaf5:', '  leaf5b:'],
        ['[leaf5, spine1]', '[leaf5b, spine1]'],
      ]) {
        edited = edited.replace(from, to);
        assert.deepStrictEqual(parseYaml(edited), parseYamlWhole(edited), `${from} → ${to}`);
      }
    }
  });

  it('an edit re-parses only its piece: untouched pieces keep their nodes, moved pieces are shifted exactly', () => {
    const text = fabric(3000);
    const first = parseYaml(text);
    const at = text.lastIndexOf('count: 20');
    const sameLength = `${text.slice(0, at)}count: 21${text.slice(at + 9)}`;
    const second = parseYaml(sameLength);
    assert.deepStrictEqual(second, parseYamlWhole(sameLength));
    const links = (tree: typeof first): unknown[] => {
      const root = tree.root;
      assert.ok(root?.kind === 'map');
      const value = root.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === 'links')!.value;
      assert.ok(value.kind === 'seq');
      return value.items;
    };
    assert.equal(links(second)[0], links(first)[0], 'an untouched piece is re-used as it is');
    const early = text.indexOf('leaf1:');
    const longer = `${text.slice(0, early)}leaf1b:${text.slice(early + 6)}`.replace('[leaf1, spine1]', '[leaf1b, spine1]');
    const third = parseYaml(longer);
    assert.deepStrictEqual(third, parseYamlWhole(longer));
    assert.notEqual(links(third)[SMALL_PIECES + 10], links(second)[SMALL_PIECES + 10], 'a moved piece is a shifted copy');
  });
});
