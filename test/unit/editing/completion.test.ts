import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import { completeAt } from '../../../server/src/core/editing/completion';
import { lineContext } from '../../../server/src/core/editing/lineContext';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { SWITCHES_BLOCK } from './fixtures';

/** Completions at the `|` of the text. */
function complete(textWithCursor: string): { labels: string[]; inserts: string[]; replaced: string; parsed: boolean } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const result = lintText(text);
  const found = completeAt(result, offset);
  return {
    labels: found.items.map((i) => i.label),
    inserts: found.items.map((i) => i.insertText),
    replaced: text.slice(found.replaceStart, found.replaceEnd),
    parsed: result.parsed.errors.length === 0,
  };
}

describe('completion', () => {
  it('offers the keys of a switch not yet present, with the key docs', () => {
    const text = `${SWITCHES_BLOCK}  leaf3:\n    role: leaf\n    |\n`;
    const found = complete(text);
    assert.deepEqual(found.labels, ['pod', 'plane', 'model', 'ports']);
    assert.deepEqual(found.inserts, ['pod: ', 'plane: ', 'model: ', 'ports:\n      - $0']);
    const offset = text.indexOf('|');
    const doc = completeAt(lintText(text.replace('|', '')), offset).items[0].documentation;
    assert.match(doc ?? '', /^\*\*pod\*\* — the pod/);
  });

  it('offers role values after `role: ` (null value) and after `role:` (trigger `:`, with a space)', () => {
    const empty = complete(`${SWITCHES_BLOCK}  leaf3:\n    role: |\n`);
    assert.equal(empty.parsed, true);
    assert.deepEqual(empty.labels, ['leaf', 'spine', 'super-spine', 'external']);
    assert.deepEqual(complete(`${SWITCHES_BLOCK}  leaf3:\n    role:|\n`).inserts, [' leaf', ' spine', ' super-spine', ' external']);
    assert.deepEqual(complete(`${SWITCHES_BLOCK}  leaf3:\n    role: sp|\n`), { labels: ['leaf', 'spine', 'super-spine', 'external'], inserts: ['leaf', 'spine', 'super-spine', 'external'], replaced: 'sp', parsed: true });
  });

  it('offers switch names in a half-typed `between` that does not parse, without the end already named', () => {
    const found = complete(`${SWITCHES_BLOCK}links:\n  - between: [leaf1, |`);
    assert.equal(found.parsed, false);
    assert.deepEqual(found.labels, ['spine1', 'spine2', 'leaf2']);
    assert.deepEqual(complete(`${SWITCHES_BLOCK}links:\n  - between: [leaf1,|`).inserts[0], ' spine1');
    assert.deepEqual(complete(`${SWITCHES_BLOCK}links:\n  - between: |`).inserts[0], '[spine1, $1]');
  });

  it('offers only leaves in a server group\'s `leaves`', () => {
    assert.deepEqual(complete(`${SWITCHES_BLOCK}servers:\n  web:\n    leaves: [|`).labels, ['leaf1', 'leaf2']);
    assert.deepEqual(complete(`${SWITCHES_BLOCK}servers:\n  web:\n    leaves:\n      - le|`).labels, ['leaf1', 'leaf2']);
  });

  it('offers the speeds both ends of a link carry, fastest first; common speeds for a port group', () => {
    const link = complete(`${SWITCHES_BLOCK}links:\n  - between: [leaf1, spine1]\n    speed: |\n`);
    assert.deepEqual(link.labels, ['100G', '25G']);
    const flow = complete(`${SWITCHES_BLOCK}links:\n  - { between: [leaf1, spine1], speed: 1|`);
    assert.deepEqual(flow.labels, ['100G', '25G']);
    assert.equal(flow.replaced, '1');
    const port = complete(`${SWITCHES_BLOCK}  leaf3:\n    role: leaf\n    ports:\n      - { count: 4, speed: |`);
    assert.deepEqual(port.labels, ['10G', '25G', '40G', '50G', '100G', '200G', '400G', '800G', '1.6T']);
  });

  it('offers a new-switch snippet under `switches` and a new-link snippet under `links`', () => {
    const sw = complete(`${SWITCHES_BLOCK}  |\n`);
    assert.deepEqual(sw.labels, ['new switch']);
    assert.equal(
      sw.inserts[0],
      '${1:leaf9}:\n    role: ${2|leaf,spine,super-spine|}\n    ports:\n      - { count: ${3:48}, speed: ${4:25G}, for: servers }\n      - { count: ${5:8}, speed: ${6:100G}, for: fabric }$0',
    );
    const link = complete(`${SWITCHES_BLOCK}links:\n  - between: [leaf1, spine1]\n    speed: 100G\n  |`);
    assert.deepEqual(link.inserts, ['- between: [${1:leaf1}, ${2:spine1}]\n    speed: ${3:100G}$0']);
    const flowLink = complete(`${SWITCHES_BLOCK}links:\n  - { between: [leaf1, spine1], speed: 100G }\n  |`);
    assert.deepEqual(flowLink.inserts, ['- { between: [${1:leaf1}, ${2:spine1}], speed: ${3:100G} }$0']);
    const afterDash = complete(`${SWITCHES_BLOCK}links:\n  - |`);
    assert.deepEqual(afterDash.labels, ['new link', 'between', 'speed', 'count', 'kind']);
  });

  it('offers the root keys not yet present, and nothing in a comment', () => {
    assert.deepEqual(complete(`${SWITCHES_BLOCK}|`).labels, ['description', 'design', 'servers', 'links']);
    assert.deepEqual(complete(`${SWITCHES_BLOCK}# role: |`).labels, []);
  });

  it('reads the switch names line by line when the file does not parse', () => {
    const found = complete(`topology: t\nswitches:\n  s1:\n    role: spine\n    ports: [{ count: 4, speed: 400G }]\n  l1:\n    role: leaf\n    ports: [{ count: 4, speed: 100G }]\nlinks:\n  - between: [l1, |\n  - { between: [`);
    assert.equal(found.parsed, false);
    assert.deepEqual(found.labels, ['s1']);
  });
});

describe('line context', () => {
  function ctx(textWithCursor: string) {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    return lineContext(new LineIndex(text), offset);
  }

  it('follows indentation, list dashes and flow brackets', () => {
    assert.deepEqual(ctx('links:\n  - between: [a, b]\n    sp|')?.path, ['links', '*']);
    assert.deepEqual(ctx('links:\n  - between: [a, b]\n    sp|')?.presentKeys, new Set(['between']));
    assert.deepEqual(ctx('switches:\n  x:\n    ports:\n      - { count: 2, speed: |')?.path, ['switches', 'x', 'ports', '*', 'speed']);
    assert.deepEqual(ctx('switches:\n  x:\n    ports:\n      - { count: 2, |')?.presentKeys, new Set(['count']));
    assert.deepEqual(ctx('a:\n  # comment\n\n  b:\n    c: |')?.path, ['a', 'b', 'c']);
    assert.equal(ctx('a: 1 # x|'), undefined);
  });
});
