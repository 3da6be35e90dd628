import { strict as assert } from 'assert';
import { parseYaml } from '../../../server/src/core/yaml/yamlTree';
import { expansionBudget } from '../../../server/src/core/yaml/treeQueries';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { validateSchema } from '../../../server/src/core/schema/schemaValidation';
import type { Finding } from '../../../server/src/core/findings';
import { at, textAt, yaml } from '../helpers';

function check(text: string): Finding[] {
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.errors, []);
  assert.ok(parsed.root !== undefined);
  return validateSchema(parsed.root, text, new LineIndex(text), expansionBudget(1e6));
}

const VALID = yaml`
  topology: pod-a
  switches:
    spine1:
      role: spine
      ports:
        - { count: 32, speed: 400G }
    leaf1:
      role: leaf
      ports:
        - { count: 48, speed: 25G, for: servers }
        - { count: 8, speed: 100G, for: fabric }
  links:
    - between: [leaf1, spine1]
      speed: 100G
`;

describe('schema validation', () => {
  it('accepts a valid file', () => {
    assert.deepEqual(check(VALID), []);
  });

  it('points at the key of an unknown key and suggests the right one', () => {
    const text = VALID.replace('    role: leaf', '    role: leaf\n    rle: leaf');
    const findings = check(text);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0].range), 'rle');
    assert.equal(at(findings[0].range), '9:5-9:8');
    assert.equal(
      findings[0].message,
      'Unknown key `rle` in switch `leaf1`. Did you mean `role`? Allowed keys: role, pod, plane, model, ports.',
    );
  });

  it('points at the value of an enum typo, in the user\'s terms', () => {
    const text = VALID.replace('role: spine', 'role: spline');
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(textAt(text, finding.range), 'spline');
    assert.equal(finding.message, '`role` of switch `spine1` must be one of leaf, spine, super-spine, external; got `spline`. Did you mean `spine`?');
  });

  it('points at the value of a wrong type, inside flow maps', () => {
    const text = VALID.replace('count: 48', 'count: two');
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(textAt(text, finding.range), 'two');
    assert.equal(finding.message, '`count` of port group 1 of switch `leaf1` must be a whole number; got `two`.');
  });

  it('explains a malformed speed', () => {
    const text = VALID.replace('speed: 100G\n', 'speed: 100\n');
    const [finding] = check(text);
    assert.equal(textAt(text, finding.range), '100');
    assert.match(finding.message, /^`speed` of link 1 must be a speed such as 25G/);
  });

  it('rejects 0G and absurd counts', () => {
    const text = VALID.replace('speed: 100G\n', 'speed: 0G\n    count: 1e308\n');
    const findings = check(text);
    assert.deepEqual(findings.map((f) => textAt(text, f.range)), ['0G', '1e308']);
    assert.match(findings[1].message, /must be at most 1000000; got `1e308`/);
  });

  it('points at the parent key for a missing required key, and at 1:1 for the root', () => {
    const text = VALID.replace('    role: spine\n', '');
    const [finding] = check(text);
    assert.equal(textAt(text, finding.range), 'spine1');
    assert.equal(finding.message, 'Switch `spine1` is missing the required key `role`.');
    const noName = check('switches: {}\n');
    assert.equal(noName.length, 1);
    assert.equal(at(noName[0].range), '1:1-1:2');
    assert.equal(noName[0].message, 'The topology is missing the required key `topology`.');
  });

  it('needs exactly two names in between', () => {
    const text = VALID.replace('[leaf1, spine1]', '[leaf1, spine1, spine2]');
    const [finding] = check(text);
    assert.equal(textAt(text, finding.range), '[leaf1, spine1, spine2]');
    assert.equal(finding.message, '`between` of link 1 must name exactly two switches; got a list of 3.');
  });

  it('explains a top-level list', () => {
    const [finding] = check('- a\n- b\n');
    assert.match(finding.message, /^The file must be a map/);
  });

  it('treats object-property names as ordinary keys', () => {
    const text = VALID.replace('leaf1:\n', '__proto__:\n').replace('[leaf1,', '[__proto__,');
    assert.deepEqual(check(text), []);
    const unknown = check(VALID.replace('topology: pod-a', 'topology: pod-a\nconstructor: 1'));
    assert.equal(unknown.length, 1);
    assert.match(unknown[0].message, /^Unknown key `constructor` in the topology/);
  });
});
