/**
 * The CI entry points: action.yml (its lint step run with bash, `npx` standing in for the local bin)
 * and .pre-commit-hooks.yaml (entry and file pattern against the package and the CLI).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { load } from 'js-yaml';
import * as path from 'path';
import { BIN, ROOT, example, scratch } from './cliHarness';

interface Step { id?: string; if?: string; uses?: string; shell?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }> }
interface Hook { id: string; entry: string; language: string; files: string }

const action = load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = load(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

describe('CI entry points', () => {
  it('action.yml is a composite action: lint to SARIF, upload with codeql-action, then fail like the CLI', () => {
    assert.equal(action.runs.using, 'composite');
    const [lint, upload, fail] = action.runs.steps;
    assert.match(lint.run ?? '', /npx --yes "topology-tutor@\$\{TOPOLOGY_VERSION\}" lint --format sarif --output-file "\$TOPOLOGY_SARIF"/);
    assert.ok(!/\$\{\{/.test(lint.run ?? ''), 'inputs reach the script through env only (no script injection)');
    assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v3');
    assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
    assert.match(upload.if ?? '', /always\(\)/);
    assert.match(fail.run ?? '', /exit "\$\{TOPOLOGY_EXIT:-2\}"/);
    assert.equal(action.inputs.paths.default, '.');
  });

  it('its lint step writes the SARIF file, passes globs to the CLI unexpanded and records the exit code', () => {
    const s = scratch({ 'fabrics/a.topology.yaml': example('missing-spine-link.topology.yaml'), 'fabrics/b.topology.yaml': example('ecmp-imbalance.topology.yaml') });
    try {
      const shim = s.file('bin/npx');
      fs.mkdirSync(path.dirname(shim));
      // npx --yes topology-tutor@<version> lint … → the local CLI.
      fs.writeFileSync(shim, `#!/bin/sh\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
      const output = s.file('github-output');
      const r = spawnSync('bash', ['-e', '-c', action.runs.steps[0].run!], {
        cwd: s.dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${path.dirname(shim)}:${process.env.PATH ?? ''}`, GITHUB_OUTPUT: output, TOPOLOGY_PATHS: 'fabrics/*.topology.yaml', TOPOLOGY_ARGS: '--rule ecmp-imbalance=off', TOPOLOGY_VERSION: 'latest', TOPOLOGY_SARIF: 'out.sarif' },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(output, 'utf8'), 'exit-code=1\n');
      const sarif = JSON.parse(fs.readFileSync(s.file('out.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
      assert.deepEqual(sarif.runs[0].results.map((x) => x.ruleId), ['spine-connectivity']);
    } finally {
      s.cleanup();
    }
  });

  it('.pre-commit-hooks.yaml runs the package\'s bin on staged topology files', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['topology-tutor']);
    const [hook] = hooks;
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry.split(' ')[0], Object.keys(pkg.bin)[0]);
    assert.equal(hook.entry.split(' ')[1], 'lint');
    const files = new RegExp(hook.files);
    assert.ok(files.test('fabrics/pod-a.topology.yaml') && files.test('x.topology.yml') && !files.test('x.yaml') && !files.test('a.topology.yaml.bak'));
  });
});
