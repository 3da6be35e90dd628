/** The project config file in the CLI: lookup, --config, severities, ignore globs, errors → exit 2. */
import { strict as assert } from 'assert';
import { example, ruleLines, run, scratch } from '../cli/cliHarness';

const MISSING = example('missing-spine-link.topology.yaml'); // spine-connectivity error on line 42
const ECMP = example('ecmp-imbalance.topology.yaml'); // ecmp-imbalance warning on line 32

describe('CLI with .topology-tutor.yaml', () => {
  it('turns a rule off and changes a severity, from the nearest config up the tree', async () => {
    const s = scratch({
      '.topology-tutor.yaml': 'rules:\n  spine-connectivity: warning\n',
      'pods/a/fabric.topology.yaml': MISSING,
      'pods/b/.topology-tutor.yml': 'rules:\n  spine-connectivity: off\n',
      'pods/b/fabric.topology.yaml': MISSING,
    });
    try {
      const r = await run(['lint', 'pods'], { cwd: s.dir });
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(r.out.trim().split('\n').map((l) => l.replace(/ `leaf3`.*/, '')), [
        'pods/a/fabric.topology.yaml:42:3 warning spine-connectivity',
        '2 file(s) checked: 0 error(s), 1 warning(s), 0 info.',
      ]);
    } finally {
      s.cleanup();
    }
  });

  it('--rule wins over the config file; a suppression comment wins over both', async () => {
    const s = scratch({ '.topology-tutor.yaml': 'rules:\n  ecmp-imbalance: error\n', 'a.topology.yaml': ECMP, 'b.topology.yaml': `${ECMP}# topology-disable ecmp-imbalance\n` });
    try {
      const fromConfig = await run(['lint', 'a.topology.yaml', 'b.topology.yaml'], { cwd: s.dir });
      assert.equal(fromConfig.code, 1);
      assert.deepEqual(ruleLines(fromConfig.out), ['ecmp-imbalance@32']);
      assert.match(fromConfig.out, /^a\.topology\.yaml:32:3 error ecmp-imbalance /);
      const flag = await run(['lint', '--rule', 'ecmp-imbalance=info', 'a.topology.yaml'], { cwd: s.dir });
      assert.equal(flag.code, 0);
      assert.match(flag.out, /^a\.topology\.yaml:32:3 info ecmp-imbalance /);
    } finally {
      s.cleanup();
    }
  });

  it('skips ignored files in folders and globs; an all-ignored pattern is unmatched; a named file gets a note', async () => {
    const s = scratch({
      '.topology-tutor.yaml': 'ignore:\n  - generated\n  - "*.draft.topology.yaml"\n',
      'fabric.topology.yaml': ECMP,
      'wip.draft.topology.yaml': MISSING,
      'generated/big.topology.yaml': MISSING,
    });
    try {
      const r = await run(['lint', '.', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 0, r.err);
      assert.deepEqual((JSON.parse(r.out) as { files: { file: string }[] }).files.map((f) => f.file), ['fabric.topology.yaml']);
      const glob = await run(['lint', 'generated/*.topology.yaml'], { cwd: s.dir });
      assert.equal(glob.code, 2);
      assert.match(glob.err, /every file matching generated\/\*\.topology\.yaml is ignored by \.topology-tutor\.yaml/);
      assert.equal((await run(['lint', '--no-error-on-unmatched-pattern', 'generated/*.topology.yaml'], { cwd: s.dir })).code, 0);
      const named = await run(['lint', 'wip.draft.topology.yaml'], { cwd: s.dir });
      assert.equal(named.code, 0);
      assert.match(named.err, /wip\.draft\.topology\.yaml is ignored by \.topology-tutor\.yaml; not linted/);
      assert.match(named.out, /^0 file\(s\) checked/);
      // stdin is looked up and ignored by its --stdin-filename.
      const piped = await run(['lint', '-', '--stdin-filename', 'generated/x.topology.yaml'], { cwd: s.dir, stdin: MISSING });
      assert.equal(piped.code, 0);
      assert.match(piped.err, /is ignored by/);
    } finally {
      s.cleanup();
    }
  });

  it('an unknown rule id in the config exits 2 with its position and "did you mean", and lints nothing', async () => {
    const s = scratch({ 'sub/.topology-tutor.yaml': '# team settings\nrules:\n  ecmp-imbalanse: off\n', 'sub/a.topology.yaml': ECMP });
    try {
      const r = await run(['lint', 'sub', '--format', 'sarif'], { cwd: s.dir });
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(
        r.err,
        'sub/.topology-tutor.yaml:3:3 error config Unknown rule id `ecmp-imbalanse` in `rules`. Did you mean `ecmp-imbalance`?\n' +
          'topology-tutor: fix the config file above; nothing was linted.\n',
      );
      const fromInside = await run(['lint', 'a.topology.yaml'], { cwd: s.file('sub') });
      assert.equal(fromInside.code, 2, "found from the file's folder too");
    } finally {
      s.cleanup();
    }
  });

  it('--config PATH applies one config to every file (globs relative to its folder), with no lookup', async () => {
    const s = scratch({
      'ci/topology.yaml': 'rules:\n  ecmp-imbalance: off\nignore:\n  - "../x/**"\n',
      'ci/strict.yaml': 'rules:\n  ecmp-imbalance: error\nignore:\n  - skip-me.topology.yaml\n',
      'fabrics/.topology-tutor.yaml': 'rules:\n  ecmp-imbalance: info\n',
      'fabrics/a.topology.yaml': ECMP,
      'fabrics/skip-me.topology.yaml': MISSING,
    });
    try {
      const bad = await run(['lint', '--config', 'ci/topology.yaml', 'fabrics'], { cwd: s.dir });
      assert.equal(bad.code, 2);
      assert.match(bad.err, /^ci\/topology\.yaml:4:5 error config Item 1 of `ignore` is not a usable glob pattern/);
      const strict = await run(['lint', '-c', 'ci/strict.yaml', 'fabrics'], { cwd: s.dir });
      assert.equal(strict.code, 1, strict.err);
      assert.deepEqual(ruleLines(strict.out), ['ecmp-imbalance@32', 'spine-connectivity@42']);
      assert.match(strict.out, /fabrics\/a\.topology\.yaml:32:3 error ecmp-imbalance/);
      const nearest = await run(['lint', 'fabrics/a.topology.yaml'], { cwd: s.dir });
      assert.match(nearest.out, /:32:3 info ecmp-imbalance/);
      const missing = await run(['lint', '--config', 'nope.yaml', 'fabrics'], { cwd: s.dir });
      assert.equal(missing.code, 2);
      assert.match(missing.err, /nope\.yaml:1:1 error config The config file cannot be read: no such file or folder \(ENOENT\)\./);
    } finally {
      s.cleanup();
    }
  });
});
