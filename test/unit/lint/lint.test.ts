/** lintText: the pipeline around the rules — suppression comments, severity settings, limits. */
import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import { normalizeSettings } from '../../../server/src/core/settings';
import { at, yaml } from '../helpers';

const FABRIC = yaml`
  topology: lab
  switches:
    spine1: { role: spine, ports: [{ count: 32, speed: 100G }] }
    spine2: { role: spine, ports: [{ count: 32, speed: 100G }] }
    leaf1: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 8, speed: 100G }] }
    leaf2: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 8, speed: 100G }] }
    spare: { role: leaf, ports: [{ count: 48, speed: 25G }] }
  links:
    - { between: [leaf1, spine1], speed: 100G }
    - { between: [leaf1, spine2], speed: 100G }
    - { between: [leaf2, spine1], speed: 100G }
    - { between: [leaf2, spine2], speed: 100G }
    - { between: [leaf1, leaf2], speed: 100G }
`;

const rules = (text: string, settings?: unknown): string[] =>
  lintText(text, settings === undefined ? undefined : normalizeSettings(settings)).findings.map((f) => `${f.rule}@${at(f.range)}`);

describe('lintText', () => {
  it('reports the fabric findings in position order', () => {
    assert.deepEqual(rules(FABRIC), ['isolated-switch@7:3-7:8', 'tier-violation@13:16-13:30']);
  });

  it('honours topology-disable-next-line on the line above the finding, for one or several rules', () => {
    const text = FABRIC.replace('  - { between: [leaf1, leaf2]', '  # topology-disable-next-line tier-violation\n  - { between: [leaf1, leaf2]');
    assert.deepEqual(rules(text), ['isolated-switch@7:3-7:8']);
    const several = FABRIC.replace('  spare:', '  # topology-disable-next-line port-capacity, isolated-switch\n  spare:');
    assert.deepEqual(rules(several), ['tier-violation@14:16-14:30']);
  });

  it('does not let a next-line directive reach further than the next line', () => {
    const text = FABRIC.replace('  - { between: [leaf2, spine2]', '  # topology-disable-next-line tier-violation\n  - { between: [leaf2, spine2]');
    assert.deepEqual(rules(text), ['isolated-switch@7:3-7:8', 'tier-violation@14:16-14:30']);
  });

  it('honours topology-disable for the whole file, anywhere', () => {
    assert.deepEqual(rules(`${FABRIC}# topology-disable isolated-switch\n`), ['tier-violation@13:16-13:30']);
    assert.deepEqual(rules(`# topology-disable tier-violation, isolated-switch\n${FABRIC}`), []);
  });

  it('ignores directives that are not comments', () => {
    const text = FABRIC.replace('topology: lab', 'topology: "x # topology-disable isolated-switch"');
    assert.deepEqual(rules(text), ['isolated-switch@7:3-7:8', 'tier-violation@13:16-13:30']);
  });

  it('applies severity overrides and "off" from topology.rules, and ignores junk settings', () => {
    const result = lintText(FABRIC, normalizeSettings({ rules: { 'tier-violation': 'error', 'isolated-switch': 'off', 'no-such-rule': 'off', schema: 'loud' } }));
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['tier-violation', 'error']]);
    for (const junk of [null, 42, 'x', [], { rules: null }, { rules: [1] }]) {
      assert.deepEqual(rules(FABRIC, junk), ['isolated-switch@7:3-7:8', 'tier-violation@13:16-13:30']);
    }
  });

  it('skips the fabric analysis over maxFileSizeMB, with one info finding, but still checks the schema', () => {
    const text = FABRIC.replace('role: leaf, ports: [{ count: 48, speed: 25G }] }', 'role: leef, ports: [{ count: 48, speed: 25G }] }');
    const result = lintText(text, normalizeSettings({ maxFileSizeMB: 0.0001 }));
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['analysis-skipped', 'info'], ['schema', 'error']]);
    assert.match(result.findings[0].message, /over topology\.maxFileSizeMB \(0\.0001 MB\)/);
    assert.equal(result.analysis, undefined);
  });

  it('reports only yaml-syntax when the YAML does not parse', () => {
    const result = lintText(`${FABRIC}  bad: [\n`);
    assert.deepEqual(result.findings.map((f) => f.rule), ['yaml-syntax']);
    assert.equal(result.analysis, undefined);
  });

  it('explains an empty file', () => {
    const [finding, ...rest] = lintText('# nothing yet\n').findings;
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'schema');
    assert.match(finding.message, /^The file is empty/);
  });
});
