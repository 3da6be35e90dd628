/** "Topology: New Topology File" template (client/src/template.ts): valid YAML and a clean lint. */
import { strict as assert } from 'assert';
import { load } from 'js-yaml';
import { lintText } from '../../../server/src/core/lint';
import { NEW_TOPOLOGY_TEMPLATE } from '../../../client/src/template';

describe('client new-file template', () => {
  it('is valid YAML with the required keys', () => {
    const doc = load(NEW_TOPOLOGY_TEMPLATE) as Record<string, unknown>;
    assert.equal(typeof doc.topology, 'string');
    assert.equal(typeof doc.switches, 'object');
  });

  it('explains itself in comments', () => {
    assert.ok(NEW_TOPOLOGY_TEMPLATE.split('\n').filter((l) => l.trimStart().startsWith('#')).length >= 3);
  });

  it('lints without findings', () => {
    const { findings } = lintText(NEW_TOPOLOGY_TEMPLATE);
    assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
  });
});
