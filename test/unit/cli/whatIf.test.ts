/** `topology-tutor what-if`: human and JSON output, exit codes, --fail-each spine, bad usage (main() in-process, the bin once). */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLES, run, scratch, spawnCli } from './cliHarness';

const CLEAN = path.join(EXAMPLES, 'clean-fabric.topology.yaml');
const FIVE = path.join(EXAMPLES, 'five-stage-clos.topology.yaml');
const SINGLE = path.join(EXAMPLES, 'lessons', 'single-spine.topology.yaml');

interface Report {
  failed: string[];
  disconnected: string[];
  leaves: { name: string; uplinkGbps: { before: number; after: number }; ratio: { before: string | null; after: string | null }; paths: { before: number; after: number }; overLimit: boolean }[];
}

async function json(args: string[]): Promise<{ code: number; report: Report; err: string }> {
  const r = await run(['what-if', ...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.out) as Report, err: r.err };
}

describe('CLI what-if', () => {
  it('human output: each leaf before → after, the outcome, exit 1 when a leaf is pushed over its limit', async () => {
    const r = await run(['what-if', CLEAN, '--fail', 'spine1']);
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      [
        `what-if ${CLEAN}: spine1 failed`,
        "  leaf1  uplink 400G → 200G  ratio 2.5:1 → 5:1  paths 4 → 2  over the design's 3:1",
        "  leaf2  uplink 400G → 200G  ratio 2.5:1 → 5:1  paths 4 → 2  over the design's 3:1",
        '  leaf3  uplink 400G → 200G  ratio 1:1 → 2:1  paths 4 → 2',
        '  leaf4  uplink 400G → 200G  ratio 1:1 → 2:1  paths 4 → 2',
        '4 leaves lose uplink bandwidth.',
        'Pushed over the design limit: `leaf1`, `leaf2`.',
        'The fabric does not survive this failure.',
        '',
      ].join('\n'),
    );
  });

  it('JSON: exactly { failed, disconnected, leaves: [{ name, uplinkGbps, ratio, paths, overLimit }] }', async () => {
    const { code, report } = await json([CLEAN, '--fail', 'spine1']);
    assert.equal(code, 1);
    assert.deepEqual(Object.keys(report), ['failed', 'disconnected', 'leaves']);
    assert.deepEqual(report.failed, ['spine1']);
    assert.deepEqual(report.disconnected, []);
    assert.deepEqual(report.leaves[0], { name: 'leaf1', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '2.5:1', after: '5:1' }, paths: { before: 4, after: 2 }, overLimit: true });
    assert.deepEqual(report.leaves.map((l) => `${l.name} ${l.ratio.before}→${l.ratio.after} ${l.overLimit}`), ['leaf1 2.5:1→5:1 true', 'leaf2 2.5:1→5:1 true', 'leaf3 1:1→2:1 false', 'leaf4 1:1→2:1 false']);
  });

  it('exit 0 when the fabric survives; a link as A--B (either order), names joined by commas', async () => {
    const five = await json([FIVE, '--fail', 'p1-spine1']);
    assert.equal(five.code, 0);
    assert.equal(five.report.leaves.length, 4);
    assert.ok(five.report.leaves.every((l) => l.ratio.before === '1.5:1' && l.ratio.after === '3:1' && !l.overLimit), 'exactly at the 3:1 limit is within it');
    const link = await json([CLEAN, '--fail', 'spine2--leaf3']);
    assert.equal(link.code, 0);
    assert.deepEqual(link.report, {
      failed: ['spine2--leaf3'],
      disconnected: [],
      leaves: [{ name: 'leaf3', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '1:1', after: '2:1' }, paths: { before: 4, after: 2 }, overLimit: false }],
    });
    const both = await json([CLEAN, '--fail', 'spine1,spine2']);
    assert.equal(both.code, 1);
    assert.deepEqual(both.report.failed, ['spine1', 'spine2']);
    assert.deepEqual(both.report.disconnected, ['leaf1', 'leaf2', 'leaf3', 'leaf4']);
    assert.ok(both.report.leaves.every((l) => l.ratio.after === null && l.uplinkGbps.after === 0 && l.paths.after === 0 && l.overLimit === false));
    assert.ok(!JSON.stringify(both.report).includes('∞'));
  });

  it('exit 1 when a failure disconnects a leaf; the human output says so', async () => {
    const r = await run(['what-if', SINGLE, '--fail', 'spine1']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^ {2}leaf1 {2}uplink 200G → 0G {2}ratio 2:1 → none {2}paths 2 → 0 {2}disconnected \(no spine left\)$/m);
    assert.match(r.out, /^Disconnected \(no spine left\): `leaf1`, `leaf2`\.$/m);
  });

  it('--fail-each spine: every spine in turn, the worst reported, exit 1 if any does not survive', async () => {
    const five = await run(['what-if', FIVE, '--fail-each', 'spine']);
    assert.equal(five.code, 0);
    assert.match(five.out, /^Tried 4 single-spine failures: the fabric survives each\. The worst: p1-spine1\.$/m);
    const single = await json([SINGLE, '--fail-each', 'spine']);
    assert.equal(single.code, 1);
    assert.deepEqual(single.report.failed, ['spine1']);
    assert.deepEqual(single.report.disconnected, ['leaf1', 'leaf2']);
    // On top of --fail: with spine1 already down, losing spine2 cuts every leaf off.
    const onTop = await json([CLEAN, '--fail', 'spine1', '--fail-each', 'spine']);
    assert.equal(onTop.code, 1);
    assert.deepEqual(onTop.report.failed, ['spine1', 'spine2']);
    assert.equal(onTop.report.disconnected.length, 4);
    const uneven = scratch({ 'u.topology.yaml': fs.readFileSync(CLEAN, 'utf8').replace('  - { between: [leaf3, spine2], speed: 100G, count: 2 }', '  - { between: [leaf3, spine2], speed: 100G, count: 1 }') });
    try {
      const worst = await json([uneven.file('u.topology.yaml'), '--fail-each', 'spine']);
      assert.deepEqual(worst.report.failed, ['spine1'], 'leaf1/leaf2 go to 5:1 either way; losing spine1 leaves leaf3 100G (10:1)');
      assert.equal(worst.report.leaves.find((l) => l.name === 'leaf3')?.ratio.after, '4:1');
    } finally {
      uneven.cleanup();
    }
  });

  it('exit 2: unknown switch (did you mean), no such link, nothing to fail, bad flags, unreadable or unparsable file', async () => {
    const cases: [string[], RegExp][] = [
      [[CLEAN, '--fail', 'spine3'], /no switch is named "spine3"; did you mean "spine1"\?/],
      [[CLEAN, '--fail', 'leaf1--leaf2'], /no link joins "leaf1" and "leaf2"/],
      [[CLEAN, '--fail', 'leaf1--spien2'], /names no link: write a link as A--B with two switch names \(no switch is named "spien2"; did you mean "spine2"\?\)/],
      [[CLEAN], /say what fails/],
      [[CLEAN, '--fail-each', 'leaf'], /--fail-each takes "spine"/],
      [[CLEAN, '--fail', 'spine1', '--format', 'sarif'], /unknown format "sarif"/],
      [['--fail', 'spine1'], /no file given/],
      [[CLEAN, CLEAN, '--fail', 'spine1'], /takes one file/],
      [[path.join(EXAMPLES, 'nope.topology.yaml'), '--fail', 'spine1'], /cannot read .*nope\.topology\.yaml/],
      [[path.join(EXAMPLES, 'broken', 'alias-bomb.topology.yaml'), '--fail', 'spine1'], /cannot analyse/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['what-if', ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
      assert.equal(r.out, '');
    }
    const help = await run(['what-if', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: topology-tutor what-if FILE --fail NAME\[,NAME…\]/);
    assert.match((await run(['--help'])).out, /topology-tutor what-if FILE --fail/);
  });

  it('reads a containerlab topology through the lab linter, like lint does', async () => {
    const lab = await json([path.join(EXAMPLES, 'labs', 'five-stage.clab.yml'), '--fail-each', 'spine']);
    assert.equal(lab.code, 0);
    assert.deepEqual(lab.report.failed, ['p1-spine1']);
    assert.deepEqual(lab.report.leaves.map((l) => `${l.name} ${l.ratio.before}→${l.ratio.after}`), ['p1-leaf1 1.5:1→3:1', 'p1-leaf2 1.5:1→3:1', 'p1-leaf3 1.5:1→3:1', 'p1-leaf4 1.5:1→3:1']);
  });

  it('reads stdin for -, and runs from the published bin', async () => {
    const stdin = await run(['what-if', '-', '--fail', 'spine1', '-f', 'json'], { stdin: fs.readFileSync(SINGLE, 'utf8') });
    assert.equal(stdin.code, 1);
    assert.deepEqual((JSON.parse(stdin.out) as Report).disconnected, ['leaf1', 'leaf2']);
    const bin = spawnCli(['what-if', CLEAN, '--fail', 'spine2', '--format', 'json']);
    assert.equal(bin.code, 1, bin.err);
    assert.deepEqual((JSON.parse(bin.out) as Report).failed, ['spine2']);
  });
});
