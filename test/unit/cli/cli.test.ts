/** The CLI: `topology-tutor lint` output formats and exit codes (main() called in-process). */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../server/src/cli';
import { topologyFiles } from '../helpers';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

function run(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

describe('CLI', () => {
  it('prints compiler-style lines and exits 1 when an error is found', () => {
    const file = path.join(EXAMPLES, 'lessons', 'missing-spine-link.topology.yaml');
    const { code, out } = run('lint', file);
    assert.equal(code, 1);
    const lines = out.trim().split('\n');
    assert.match(lines[0], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error spine-connectivity \`leaf3\` has no link to \`spine2\``));
    assert.equal(lines[lines.length - 1], '1 file(s) checked: 1 error(s), 0 warning(s), 0 info.');
  });

  it('exits 0 when only warnings are found, and lints folders recursively', () => {
    assert.equal(run('lint', path.join(EXAMPLES, 'lessons', 'ecmp-imbalance.topology.yaml')).code, 0);
    const all = run('lint', EXAMPLES);
    assert.equal(all.code, 1);
    assert.match(all.out, new RegExp(`\\n${topologyFiles(EXAMPLES).length} file\\(s\\) checked`));
  });

  it('writes JSON and SARIF', () => {
    const file = path.join(EXAMPLES, 'lessons', 'oversubscribed-leaf.topology.yaml');
    const json = JSON.parse(run('lint', '--format', 'json', file).out) as { files: { findings: { rule: string; line: number; column: number }[] }[] };
    assert.deepEqual(json.files[0].findings.map((f) => [f.rule, f.line, f.column]), [['oversubscription', 27, 3]]);
    const sarif = JSON.parse(run('lint', '--format=sarif', file).out) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.level]), [['oversubscription', 'warning']]);
    assert.ok(sarif.runs[0].tool.driver.rules.every((r) => /lessons\/[a-z0-9-]+\.md#[a-z0-9-]+$/.test(r.helpUri)));
  });

  it('honours --rule overrides', () => {
    const file = path.join(EXAMPLES, 'lessons', 'missing-spine-link.topology.yaml');
    const { code, out } = run('lint', '--rule', 'spine-connectivity=warning', file);
    assert.equal(code, 0);
    assert.match(out, / warning spine-connectivity /);
  });

  it('exits 2 on bad usage and unreadable files', () => {
    assert.equal(run().code, 2);
    assert.equal(run('check', 'x').code, 2);
    assert.equal(run('lint').code, 2);
    assert.equal(run('lint', '--format', 'xml', 'x').code, 2);
    assert.equal(run('lint', '--rule', 'a=loud', 'x').code, 2);
    const missing = run('lint', path.join(os.tmpdir(), 'no-such-file.topology.yaml'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
  });

  it('shows help and version', () => {
    assert.match(run('--help').out, /^Usage: topology-tutor lint/);
    assert.equal(run('--version').out, `${JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'package.json'), 'utf8')).version as string}\n`);
  });
});
