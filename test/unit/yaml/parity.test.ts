/**
 * yaml-syntax must fire exactly when js-yaml's load() rejects a document, at the offset js-yaml
 * reports. Checked over the examples with thousands of small random edits (deterministic seed).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { load } from 'js-yaml';
import { parseYaml } from '../../../server/src/core/yaml/yamlTree';
import { topologyFiles } from '../helpers';

const COMPLEX_KEYS = 'object-based map does not support complex keys';
const PIECES = ['\n', ' ', '  ', '-', ':', '[', ']', '{', '}', ',', '#', '"', "'", '&a', '*a', '!!str ', '\t', '---\n', '? ', '|', '>', 'a', '1', '\r\n'];

describe('yaml-syntax parity with js-yaml', () => {
  it('rejects exactly what js-yaml rejects, at the same offset', () => {
    const sources = topologyFiles().map((file) => fs.readFileSync(file, 'utf8'));
    let seed = 20261125;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      let text = sources[random(sources.length)];
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length);
        text = random(2) === 0 ? text.slice(0, at) + PIECES[random(PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + random(3));
      }
      let expected: number | undefined;
      let reason = '';
      try {
        load(text);
      } catch (error) {
        expected = (error as { mark?: { position: number } }).mark?.position ?? -1;
        reason = (error as { reason?: string }).reason ?? '';
      }
      const parsed = parseYaml(text);
      if (parsed.empty) continue; // js-yaml's load() rejects an empty stream; an empty file is a schema finding here
      const actual = parsed.errors[0];
      if (reason === COMPLEX_KEYS) {
        // js-yaml has no position for this one (it reports offset 0); we point at the key.
        assert.equal(actual?.message, COMPLEX_KEYS, `document ${i}:\n${text}`);
      } else if (expected === -1) {
        // No position from js-yaml (a second document): we point at its `---` with our own words.
        assert.ok(actual !== undefined, `document ${i}:\n${text}`);
      } else {
        assert.equal(actual?.start, expected, `document ${i}:\n${text}`);
        if (actual !== undefined) assert.equal(actual.message, reason, `document ${i}:\n${text}`);
      }
      if (expected !== undefined) rejected++;
    }
    assert.ok(rejected > 500, `enough rejected documents to mean something (${rejected})`);
  });
});
