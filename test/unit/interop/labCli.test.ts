/** The CLI for labs: `export`, `import`, and `lint` on .clab.yml files (named, in folders, on stdin). */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument } from '../../../server/src/core/lintDocument';
import { lintText } from '../../../server/src/core/lint';
import { EXAMPLES, run, scratch } from '../cli/cliHarness';

const CLEAN = path.join(EXAMPLES, 'clean-fabric.topology.yaml');
const MISTAKES = path.join(EXAMPLES, 'broken', 'fabric-mistakes.topology.yaml');

describe('CLI: labs', () => {
  it('export --to containerlab writes the lab to stdout or -o, warnings to stderr, and exits 0 even for a fabric with errors', async () => {
    const out = await run(['export', '--to', 'containerlab', CLEAN]);
    assert.equal(out.code, 0, out.err);
    assert.equal(out.err, '');
    assert.match(out.out, /^name: pod-a$/m);
    const s = scratch();
    try {
      const target = s.file('labs/mistakes.clab.yml');
      const r = await run(['export', '--to', 'containerlab', '--servers', '1', '--kind', 'spine=arista_ceos', MISTAKES, '-o', target]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '');
      assert.match(r.err, /^topology-tutor: warning: The fabric has 4 errors; the lab reproduces them/);
      assert.match(r.err, /\n {2}58:24 unknown-switch: `spine3` is not a switch/);
      const lab = fs.readFileSync(target, 'utf8');
      assert.match(lab, /^ {4}spine1:\n {6}kind: arista_ceos$/m);
      assert.match(lab, /"web-1:eth1", "leaf1:e1-1"/);
      // lint reads it back as a lab (exit 1: the errors are reproduced).
      const lint = await run(['lint', target]);
      assert.equal(lint.code, 1);
      assert.match(lint.out, /mistakes\.clab\.yml:\d+:\d+ error unknown-switch `spine3` is not a switch/);
    } finally {
      s.cleanup();
    }
  });

  it('export --to netlab, and its usage errors exit 2', async () => {
    const r = await run(['export', '--to', 'netlab', CLEAN]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^provider: clab$/m);
    for (const [args, message] of [
      [['export', CLEAN], /--to is required: containerlab or netlab/],
      [['export', '--to', 'gns3', CLEAN], /--to takes containerlab or netlab; got "gns3"/],
      [['export', '--to', 'netlab', '--kind', 'arista_ceso', CLEAN], /unknown kind "arista_ceso"; did you mean "arista_ceos"\?/],
      [['export', '--to', 'netlab', '--servers', 'many', CLEAN], /--servers takes a whole number from 0 to 1000/],
      [['export', '--to', 'netlab'], /no file given/],
      [['export', '--to', 'netlab', 'missing.topology.yaml'], /cannot read missing\.topology\.yaml/],
      [['export', '--to', 'netlab', path.join(EXAMPLES, 'broken', 'yaml-syntax.topology.yaml')], /cannot export .*: the fabric could not be analysed \(yaml-syntax/],
    ] as const) {
      const bad = await run([...args]);
      assert.equal(bad.code, 2, args.join(' '));
      assert.match(bad.err, message, args.join(' '));
    }
    assert.match((await run(['export', '--help'])).out, /^Usage: topology-tutor export --to containerlab\|netlab FILE/);
  });

  it('import writes the equivalent topology file (format 1.1), and says what the lab does not say', async () => {
    const lab = path.join(EXAMPLES, 'labs', 'five-stage.clab.yml');
    const r = await run(['import', lab]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.deepEqual(lintText(r.out).findings, []);
    assert.deepEqual(lintText(r.out).analysis!.model.pods.size, 2);
    const bare = await run(['import', path.join(EXAMPLES, 'labs', 'five-stage-unlabelled.clab.yml')]);
    assert.equal(bare.code, 0);
    assert.match(bare.out, /^ {2}p2-spine1:\n {4}role: spine\n {4}pod: 2\n {4}plane: 1$/m);
    assert.match(bare.err, /16 switches have no ports in the lab/);
    assert.match(bare.err, /24 links have no speed in the lab/);
    assert.equal((await run(['import'])).code, 2);
  });

  it('lint takes .clab.yml files by name, in folders and on stdin', async () => {
    const s = scratch({ 'a/pod.topology.yaml': fs.readFileSync(CLEAN, 'utf8'), 'a/lab.clab.yml': fs.readFileSync(path.join(EXAMPLES, 'labs', 'five-stage-unlabelled.clab.yml'), 'utf8'), 'a/other.yaml': 'x: 1\n' });
    try {
      const r = await run(['lint', s.dir]);
      assert.equal(r.code, 0);
      assert.match(r.out, /lab\.clab\.yml:13:3 info inferred Roles inferred from names/);
      assert.match(r.out, /2 file\(s\) checked/);
      const stdin = await run(['lint', '-', '--stdin-filename', 'x.clab.yaml'], { stdin: fs.readFileSync(s.file('a/lab.clab.yml'), 'utf8') });
      assert.match(stdin.out, /^x\.clab\.yaml:13:3 info inferred /);
      // --fix never edits a lab (its findings have no fixes).
      const before = fs.readFileSync(s.file('a/lab.clab.yml'), 'utf8');
      assert.equal((await run(['lint', '--fix', s.file('a/lab.clab.yml')])).code, 0);
      assert.equal(fs.readFileSync(s.file('a/lab.clab.yml'), 'utf8'), before);
      assert.equal(lintDocument(s.file('a/lab.clab.yml'), before).findings.length, 1);
    } finally {
      s.cleanup();
    }
  });
});
