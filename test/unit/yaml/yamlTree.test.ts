import { strict as assert } from 'assert';
import { parseYaml } from '../../../server/src/core/yaml/yamlTree';
import type { YamlNode } from '../../../server/src/core/yaml/yamlTree';
import { getValue, nodeAtPath, toPlainValue, ExpansionLimitError } from '../../../server/src/core/yaml/treeQueries';

function source(text: string, node: YamlNode | undefined): string {
  assert.ok(node, 'node exists');
  return text.slice(node.start, node.end);
}

describe('parseYaml: positions', () => {
  it('gives block-style keys and values their exact offsets', () => {
    const text = 'topology: pod-a\nswitches:\n  leaf1:\n    role: leaf\n';
    const { root, errors } = parseYaml(text);
    assert.deepEqual(errors, []);
    const target = nodeAtPath(root, ['switches', 'leaf1', 'role']);
    assert.equal(source(text, target?.node), 'leaf');
    assert.equal(source(text, target?.pair?.key), 'role');
    assert.equal(target?.node.start, text.indexOf('leaf\n'));
  });

  it('gives flow-style maps and lists exact offsets', () => {
    const text = 'ports:\n  - { count: 48, speed: 25G, for: servers }\nlinks:\n  - between: [leaf1, spine1]\n';
    const { root } = parseYaml(text);
    assert.equal(source(text, nodeAtPath(root, ['ports', '0', 'speed'])?.node), '25G');
    assert.equal(source(text, nodeAtPath(root, ['ports', '0'])?.node), '{ count: 48, speed: 25G, for: servers }');
    assert.equal(source(text, nodeAtPath(root, ['links', '0', 'between', '1'])?.node), 'spine1');
    assert.equal(source(text, nodeAtPath(root, ['links', '0', 'between'])?.node), '[leaf1, spine1]');
  });

  it('includes the quotes of quoted keys and values, and decodes them', () => {
    const text = '"leaf 1":\n  role: \'spine\'\n  model: "x\\ty"\n';
    const { root } = parseYaml(text);
    const target = nodeAtPath(root, ['leaf 1', 'role']);
    assert.equal(source(text, nodeAtPath(root, ['leaf 1'])?.pair?.key), '"leaf 1"');
    assert.equal(source(text, target?.node), "'spine'");
    const model = nodeAtPath(root, ['leaf 1', 'model'])?.node;
    assert.equal(model?.kind === 'scalar' ? model.value : undefined, 'x\ty');
  });

  it('spans multi-line values: block scalars and folded plain scalars', () => {
    const text = 'description: |\n  line one\n  line two\ntopology: a\nmodel: a long\n  plain value\n';
    const { root } = parseYaml(text);
    const description = nodeAtPath(root, ['description'])?.node;
    assert.equal(description?.kind === 'scalar' ? description.value : undefined, 'line one\nline two\n');
    assert.equal(source(text, description), '  line one\n  line two');
    const model = nodeAtPath(root, ['model'])?.node;
    assert.equal(model?.kind === 'scalar' ? model.value : undefined, 'a long plain value');
    assert.equal(source(text, model), 'a long\n  plain value');
  });

  it('resolves core-schema scalars', () => {
    const { root } = parseYaml('a: 12\nb: 1.5\nc: true\nd: ~\ne: "12"\nf: 25G\ng: 0x1F\nh: 1e308\n');
    const value = toPlainValue(root, 1000) as Record<string, unknown>;
    assert.deepEqual({ ...value }, { a: 12, b: 1.5, c: true, d: null, e: '12', f: '25G', g: 31, h: 1e308 });
  });

  it('handles CRLF line endings and a BOM', () => {
    const text = '\uFEFFtopology: a\r\nswitches: {}\r\n';
    const { root, errors } = parseYaml(text);
    assert.deepEqual(errors, []);
    assert.equal(source(text, nodeAtPath(root, ['switches'])?.pair?.key), 'switches');
  });
});

describe('parseYaml: errors', () => {
  it('reports a duplicate key at the second key', () => {
    const text = 'switches:\n  leaf1: {}\n  leaf1: {}\n';
    const { errors, root } = parseYaml(text);
    assert.equal(root, undefined);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, 'duplicated mapping key');
    assert.equal(errors[0].start, text.lastIndexOf('leaf1'));
    assert.equal(errors[0].end, text.lastIndexOf('leaf1') + 5);
  });

  it('reports tabs in indentation where js-yaml does', () => {
    const { errors } = parseYaml('a:\n\tb: 1\n');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /tab/);
    assert.equal(errors[0].start, 3);
  });

  it('rejects a second document', () => {
    const text = 'topology: a\n---\ntopology: b\n';
    const { errors } = parseYaml(text);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /one YAML document/);
    assert.equal(errors[0].start, text.indexOf('---'));
  });

  it('rejects unknown tags and unknown aliases', () => {
    assert.match(parseYaml('a: !foo 1\n').errors[0].message, /unknown .*tag/);
    assert.match(parseYaml('a: *nothing\n').errors[0].message, /unidentified alias/);
  });

  it('treats comment-only and empty text as empty', () => {
    for (const text of ['', '\n\n', '# just a comment\n']) {
      const parsed = parseYaml(text);
      assert.deepEqual(parsed.errors, [], JSON.stringify(text));
      assert.equal(parsed.root, undefined);
      assert.equal(parsed.empty, true);
    }
  });

  it('stops at the nesting limit instead of overflowing the stack', () => {
    const text = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const { errors } = parseYaml(text);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /maxDepth/);
  });
});

describe('aliases', () => {
  it('keeps aliases as references and expands them only within a budget', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const { root, errors, nodeCount } = parseYaml(`${levels.join('\n')}\n`);
    assert.deepEqual(errors, []);
    assert.ok(nodeCount < 200, `tree stays small (${nodeCount} nodes)`);
    assert.throws(() => toPlainValue(root, 100_000), ExpansionLimitError);
    assert.equal(getValue(root, 'i')?.kind, 'seq');
  });
});
