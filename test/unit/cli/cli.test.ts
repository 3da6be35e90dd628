/** The CLI: `topology-tutor lint` flags, formats and exit codes (main() in-process, the bin for stdin). */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { applyPatch } from 'diff';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../server/src/core/lint';
import { labFiles, topologyFiles } from '../helpers';
import { EXAMPLES, ROOT, example, ruleLines, run, scratch, spawnCli } from './cliHarness';

const PKG_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MISSING = path.join(EXAMPLES, 'lessons', 'missing-spine-link.topology.yaml');
const ECMP = path.join(EXAMPLES, 'lessons', 'ecmp-imbalance.topology.yaml');
const OVERSUB = path.join(EXAMPLES, 'lessons', 'oversubscribed-leaf.topology.yaml');
const MISTAKES = path.join(EXAMPLES, 'broken', 'fabric-mistakes.topology.yaml');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('CLI', () => {
  describe('human output and exit codes', () => {
    it('prints compiler-style lines and exits 1 when an error is found', async () => {
      const { code, out } = await run(['lint', MISSING]);
      assert.equal(code, 1);
      const lines = out.trim().split('\n');
      assert.match(lines[0], new RegExp(`^${escapeRe(MISSING)}:42:3 error spine-connectivity \`leaf3\` has no link to \`spine2\``));
      assert.equal(lines[lines.length - 1], '1 file(s) checked: 1 error(s), 0 warning(s), 0 info.');
    });

    it('exits 0 when only warnings are found, and lints folders recursively', async () => {
      assert.equal((await run(['lint', ECMP])).code, 0);
      const all = await run(['lint', 'examples']);
      assert.equal(all.code, 1);
      assert.match(all.out, new RegExp(`\\n${topologyFiles(EXAMPLES).length + labFiles(EXAMPLES).length} file\\(s\\) checked`));
      assert.ok(all.out.startsWith('examples/broken/alias-bomb.topology.yaml:1:1 info analysis-skipped'), all.out.slice(0, 200));
    });

    it('exits 2 on bad usage, naming the problem', async () => {
      for (const args of [[], ['check', 'x'], ['lint'], ['lint', '--format', 'xml', 'x'], ['lint', '--rule', 'a=loud', 'x'], ['lint', '--bogus', 'x'],
        ['lint', '--max-warnings', '-1', 'x'], ['lint', '--max-warnings', 'many', 'x'], ['lint', '--fix', '--fix-dry-run', 'x'], ['lint', '--fix', '-'],
        ['lint', '--stdin-filename', 'a.topology.yaml', 'x'], ['lint', '-', '-'], ['lint', '--lessons-base-url', 'not a url', 'x'], ['lint', '--max-file-size-mb', '0', 'x']]) {
        const r = await run(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, /^topology-tutor: .+\n\nUsage: topology-tutor lint/, args.join(' '));
      }
      assert.match((await run(['lint', '--bogus', 'x'])).err, /Unknown option '--bogus'/);
      assert.match((await run(['lint', '--fix', '-'])).err, /--fix cannot write back to stdin/);
    });

    it('exits 2 on an unknown rule id in --rule, with "did you mean"', async () => {
      const r = await run(['lint', '--rule', 'oversubscripton=off', OVERSUB]);
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown rule id "oversubscripton"; did you mean "oversubscription"\?/);
      assert.match((await run(['lint', '--rule', 'zzzzzz=off', OVERSUB])).err, /unknown rule id "zzzzzz" \(known: yaml-syntax, schema, /);
    });

    it('honours --rule overrides (repeatable, =-form too)', async () => {
      const r = await run(['lint', '--rule', 'spine-connectivity=warning', '--rule=oversubscription=off', MISSING, OVERSUB]);
      assert.equal(r.code, 0);
      assert.deepEqual(ruleLines(r.out), ['spine-connectivity@42']);
      assert.match(r.out, / warning spine-connectivity /);
    });

    it('shows help and the version from package.json (also as lint --version and -V)', async () => {
      assert.match((await run(['--help'])).out, /^Usage: topology-tutor lint/);
      assert.match((await run(['lint', '-h'])).out, /--no-error-on-unmatched-pattern/);
      for (const args of [['--version'], ['-V'], ['-v'], ['lint', '--version'], ['lint', '-V']]) assert.equal((await run(args)).out, `${PKG_VERSION}\n`, args.join(' '));
    });
  });

  describe('paths, globs and unmatched patterns', () => {
    it('expands quoted glob patterns itself, in sorted order', async () => {
      const r = await run(['lint', 'examples/lessons/*spine*.topology.yaml']);
      assert.equal(r.code, 1);
      assert.deepEqual(r.out.split('\n').filter((l) => /^examples/.test(l)).map((l) => l.split(':')[0]), [
        'examples/lessons/missing-spine-link.topology.yaml',
        'examples/lessons/single-spine.topology.yaml',
      ]);
      assert.match(r.out, /2 file\(s\) checked/);
      const deep = await run(['lint', 'examples/**/oversubscribed-*.yaml', '--format', 'json']);
      assert.deepEqual((JSON.parse(deep.out) as { files: { file: string }[] }).files.map((f) => f.file), ['examples/lessons/oversubscribed-leaf.topology.yaml']);
    });

    it('a pattern or path that matches nothing exits 2, unless --no-error-on-unmatched-pattern', async () => {
      const none = await run(['lint', 'examples/**/*.nothing.yaml']);
      assert.equal(none.code, 2);
      assert.match(none.err, /no file matches examples\/\*\*\/\*\.nothing\.yaml \(use --no-error-on-unmatched-pattern to allow this\)/);
      const missing = await run(['lint', 'no-such-file.topology.yaml']);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /cannot read no-such-file\.topology\.yaml: no such file or folder \(ENOENT\)/);
      const s = scratch({ 'readme.txt': 'nothing here' });
      try {
        const empty = await run(['lint', s.dir]);
        assert.equal(empty.code, 2);
        assert.match(empty.err, /no \*\.topology\.yaml, \*\.topology\.yml, \*\.clab\.yml or \*\.clab\.yaml file in /);
        const allowed = await run(['lint', '--no-error-on-unmatched-pattern', s.dir, 'examples/**/*.nothing.yaml', 'missing.topology.yaml']);
        assert.equal(allowed.code, 0, allowed.err);
        assert.equal(allowed.err, '');
        assert.equal(allowed.out, '0 file(s) checked: 0 error(s), 0 warning(s), 0 info.\n');
        // Still linted and counted when another argument matches.
        assert.equal((await run(['lint', '--no-error-on-unmatched-pattern', 'examples/**/*.nothing.yaml', MISSING])).code, 1);
      } finally {
        s.cleanup();
      }
    });

    it('lints a file named twice (or reached through a link) once', async () => {
      const r = await run(['lint', MISSING, MISSING, 'examples/lessons/missing-*.topology.yaml']);
      assert.match(r.out, /1 file\(s\) checked: 1 error/);
    });
  });

  describe('stdin', () => {
    it('lints `-` as <stdin>, or under --stdin-filename', async () => {
      const text = example('missing-spine-link.topology.yaml');
      const plain = await run(['lint', '-'], { stdin: text });
      assert.equal(plain.code, 1);
      assert.match(plain.out, /^<stdin>:42:3 error spine-connectivity /);
      const named = await run(['lint', '--stdin-filename', 'fabrics/pod-a.topology.yaml', '-', '--format', 'json'], { stdin: text });
      assert.equal((JSON.parse(named.out) as { files: { file: string }[] }).files[0].file, 'fabrics/pod-a.topology.yaml');
    });

    it('reads real stdin through the bin, with the same exit codes', () => {
      const r = spawnCli(['lint', '-', '--stdin-filename', 'piped.topology.yaml'], { input: example('ecmp-imbalance.topology.yaml') });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^piped\.topology\.yaml:32:3 warning ecmp-imbalance /);
      const bad = spawnCli(['lint', '-'], { input: 'topology: x\nswitches: [\n' });
      assert.equal(bad.code, 1);
      assert.match(bad.out, /^<stdin>:\d+:\d+ error yaml-syntax /);
    });

    it('--fix-dry-run on stdin prints the diff', async () => {
      const r = await run(['lint', '--fix-dry-run', '-', '--stdin-filename', 'x.topology.yaml'], { stdin: example('missing-spine-link.topology.yaml') });
      assert.equal(r.code, 0);
      assert.match(r.out, /^--- a\/x\.topology\.yaml\n\+\+\+ b\/x\.topology\.yaml\n@@ /);
    });
  });

  describe('--fix and --fix-dry-run', () => {
    const fixable = ['duplicate-link', 'link-speed', 'spine-connectivity'];
    const errorsByRule = (text: string): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const f of lintText(text).findings) if (f.severity === 'error') counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
      return counts;
    };

    for (const name of ['missing-spine-link.topology.yaml', '../broken/fabric-mistakes.topology.yaml']) {
      it(`--fix leaves ${path.basename(name)} with no fixable finding and no new error`, async () => {
        const before = fs.readFileSync(path.join(EXAMPLES, 'lessons', name), 'utf8');
        const s = scratch({ 'fabric.topology.yaml': before });
        try {
          const r = await run(['lint', '--fix', 'fabric.topology.yaml'], { cwd: s.dir });
          const after = fs.readFileSync(s.file('fabric.topology.yaml'), 'utf8');
          assert.notEqual(after, before, 'the file was rewritten');
          const left = lintText(after).findings;
          assert.deepEqual(left.filter((f) => fixable.includes(f.rule)).map((f) => f.rule), []);
          const was = errorsByRule(before);
          for (const [rule, count] of errorsByRule(after)) assert.ok(count <= (was.get(rule) ?? 0), `new ${rule} error`);
          // The report is of the fixed file.
          assert.deepEqual(ruleLines(r.out), left.map((f) => `${f.rule}@${f.range.start.line + 1}`));
          assert.equal(r.code, left.some((f) => f.severity === 'error') ? 1 : 0);
          // A second run has nothing left to fix.
          await run(['lint', '--fix', 'fabric.topology.yaml'], { cwd: s.dir });
          assert.equal(fs.readFileSync(s.file('fabric.topology.yaml'), 'utf8'), after);
        } finally {
          s.cleanup();
        }
      });
    }

    it('--fix keeps a file that has nothing to fix byte for byte', async () => {
      const text = example('oversubscribed-leaf.topology.yaml');
      const s = scratch({ 'a.topology.yaml': text });
      try {
        const mtime = fs.statSync(s.file('a.topology.yaml')).mtimeMs;
        assert.equal((await run(['lint', '--fix', s.dir])).code, 0);
        assert.equal(fs.readFileSync(s.file('a.topology.yaml'), 'utf8'), text);
        assert.equal(fs.statSync(s.file('a.topology.yaml')).mtimeMs, mtime, 'not rewritten');
      } finally {
        s.cleanup();
      }
    });

    it('--fix-dry-run prints a unified diff that turns the file into what --fix writes, and writes nothing', async () => {
      const before = fs.readFileSync(MISTAKES, 'utf8');
      const s = scratch({ 'f.topology.yaml': before, 'clean.topology.yaml': example('oversubscribed-leaf.topology.yaml') });
      try {
        const dry = await run(['lint', '--fix-dry-run', '.'], { cwd: s.dir });
        assert.equal(fs.readFileSync(s.file('f.topology.yaml'), 'utf8'), before, 'dry run wrote nothing');
        assert.equal(dry.code, 1, 'port-capacity is still an error after the fixes');
        assert.match(dry.out, /^--- a\/f\.topology\.yaml\n\+\+\+ b\/f\.topology\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
        assert.ok(!dry.out.includes('clean.topology.yaml'), 'no diff for a file without fixes');
        assert.match(dry.out, /^- {2}- \{ between: \[leaf2, spine1\], speed: 400G \}$/m);
        assert.match(dry.out, /^\+ {2}- \{ between: \[leaf2, spine1\], speed: 100G \}$/m);
        await run(['lint', '--fix', 'f.topology.yaml'], { cwd: s.dir });
        assert.equal(applyPatch(before, dry.out), fs.readFileSync(s.file('f.topology.yaml'), 'utf8'));
      } finally {
        s.cleanup();
      }
    });
  });

  describe('--max-warnings, --quiet, -o', () => {
    it('--max-warnings N exits 1 only above N warnings', async () => {
      assert.equal((await run(['lint', '--max-warnings', '1', ECMP])).code, 0);
      const over = await run(['lint', '--max-warnings', '0', ECMP]);
      assert.equal(over.code, 1);
      assert.match(over.err, /1 warning\(s\), more than --max-warnings 0/);
      assert.equal((await run(['lint', '--max-warnings', '0', '--rule', 'ecmp-imbalance=info', ECMP])).code, 0);
    });

    it('--quiet reports errors only (and --max-warnings still counts the hidden warnings)', async () => {
      const r = await run(['lint', '--quiet', MISTAKES]);
      assert.equal(r.code, 1);
      assert.deepEqual(ruleLines(r.out), ['port-capacity@31', 'unknown-switch@58', 'link-speed@59', 'link-speed@60']);
      assert.match(r.out, /1 file\(s\) checked: 4 error\(s\), 0 warning\(s\), 0 info\.\n$/);
      assert.deepEqual(ruleLines((await run(['lint', '-q', ECMP])).out), []);
      assert.equal((await run(['lint', '-q', '--max-warnings', '0', ECMP])).code, 1);
    });

    it('-o / --output-file writes the report there (creating folders) and nothing to stdout', async () => {
      const s = scratch();
      try {
        const r = await run(['lint', '-o', 'reports/lint.sarif', '--format', 'sarif', OVERSUB], { cwd: s.dir });
        assert.equal(r.code, 0);
        assert.equal(r.out, '');
        const sarif = JSON.parse(fs.readFileSync(s.file('reports/lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
        assert.deepEqual(sarif.runs[0].results.map((x) => x.ruleId), ['oversubscription']);
        const human = await run(['lint', `--output-file=${s.file('out.txt')}`, MISSING]);
        assert.equal(human.code, 1);
        assert.match(fs.readFileSync(s.file('out.txt'), 'utf8'), /error spine-connectivity/);
        fs.mkdirSync(s.file('dir'));
        const unwritable = await run(['lint', '-o', s.file('dir'), MISSING]);
        assert.equal(unwritable.code, 2);
        assert.match(unwritable.err, /cannot write /);
      } finally {
        s.cleanup();
      }
    });
  });

  describe('--format json, github', () => {
    it('writes JSON', async () => {
      const json = JSON.parse((await run(['lint', '--format', 'json', OVERSUB])).out) as { files: { findings: { rule: string; line: number; column: number }[] }[] };
      assert.deepEqual(json.files[0].findings.map((f) => [f.rule, f.line, f.column]), [['oversubscription', 27, 3]]);
    });

    it('writes GitHub workflow commands with escaped properties and messages', async () => {
      const s = scratch({ 'pods/a,b:c%.topology.yaml': example('missing-spine-link.topology.yaml'), 'pods/ok.topology.yaml': example('ecmp-imbalance.topology.yaml') });
      try {
        const r = await run(['lint', '--format', 'github', 'pods'], { cwd: s.dir });
        assert.equal(r.code, 1);
        const lines = r.out.trim().split('\n');
        assert.equal(lines.length, 3);
        assert.match(lines[0], /^::error file=pods\/a%2Cb%3Ac%25\.topology\.yaml,line=42,endLine=42,col=3,endColumn=8,title=topology-tutor spine-connectivity::`leaf3` has no link to `spine2`/);
        assert.match(lines[0], /%0ALearn why: https:\/\/github\.com\/topology-tutor\/topology-tutor\/blob\/main\/lessons\/spine-leaf-hierarchy\.md#why-every-server-is-equidistant$/);
        assert.match(lines[1], /^::warning file=pods\/ok\.topology\.yaml,line=32,endLine=32,col=3,endColumn=8,title=topology-tutor ecmp-imbalance::/);
        assert.equal(lines[2], '2 file(s) checked: 1 error(s), 1 warning(s), 0 info.');
        const info = await run(['lint', '--format', 'github', '--rule', 'ecmp-imbalance=info', '--lessons-base-url', 'https://example.org/l/', 'pods/ok.topology.yaml'], { cwd: s.dir });
        assert.match(info.out, /^::notice file=pods\/ok\.topology\.yaml,.*%0ALearn why: https:\/\/example\.org\/l\/ecmp\.md#equal-cost-means-equal-bandwidth\n/);
      } finally {
        s.cleanup();
      }
    });
  });

  describe('files that are not regular, links, hostile names (issue 13)', function () {
    this.timeout(20000);

    it('refuses a FIFO without waiting for a writer, and a link to /dev/zero without reading it', () => {
      const s = scratch();
      try {
        spawnSyncOk('mkfifo', [s.file('pipe.topology.yaml')]);
        fs.symlinkSync('/dev/zero', s.file('zero.topology.yaml'));
        fs.writeFileSync(s.file('ok.topology.yaml'), example('ecmp-imbalance.topology.yaml'));
        const r = spawnCli(['lint', 'pipe.topology.yaml', 'zero.topology.yaml', 'ok.topology.yaml'], { cwd: s.dir, timeoutMs: 10000 });
        assert.equal(r.code, 2);
        assert.match(r.err, /cannot read pipe\.topology\.yaml: it is a FIFO \(named pipe\), not a regular file/);
        assert.match(r.err, /cannot read zero\.topology\.yaml: it is a character device, not a regular file/);
        assert.match(r.out, /^ok\.topology\.yaml:32:3 warning ecmp-imbalance .*\n1 file\(s\) checked/, 'the readable file is still linted');
        // A folder walk leaves both out: only regular files (and links to them) are linted.
        const walk = spawnCli(['lint', '.', '--format', 'json'], { cwd: s.dir, timeoutMs: 10000 });
        assert.equal(walk.code, 0, walk.err);
        assert.deepEqual((JSON.parse(walk.out) as { files: { file: string }[] }).files.map((f) => f.file), ['ok.topology.yaml']);
      } finally {
        s.cleanup();
      }
    });

    it('refuses a folder given as --config, and a file over the read cap before reading it', async () => {
      const s = scratch();
      try {
        fs.mkdirSync(s.file('conf.yaml'));
        const r = await run(['lint', '--config', 'conf.yaml', OVERSUB], { cwd: s.dir });
        assert.equal(r.code, 2);
        assert.match(r.err, /conf\.yaml:1:1 error config The config file cannot be read: it is a folder, not a regular file\./);
        const big = s.file('big.topology.yaml');
        fs.writeFileSync(big, '');
        fs.truncateSync(big, 65 * 1024 * 1024); // sparse: nothing is written
        const capped = await run(['lint', big]);
        assert.equal(capped.code, 2);
        assert.match(capped.err, /cannot read .*big\.topology\.yaml: it is 65\.0 MB, over the limit of 64\.0 MB/);
      } finally {
        s.cleanup();
      }
    });

    it('follows links to files in folders, does not enter links to folders (no loop)', async () => {
      const s = scratch({ 'fabrics/real.topology.yaml': example('missing-spine-link.topology.yaml'), 'elsewhere/other.topology.yaml': example('ecmp-imbalance.topology.yaml') });
      try {
        fs.symlinkSync(s.file('elsewhere/other.topology.yaml'), s.file('fabrics/linked.topology.yaml'));
        fs.symlinkSync('..', s.file('fabrics/loop'));
        fs.symlinkSync(s.file('elsewhere'), s.file('fabrics/dirlink'));
        const r = await run(['lint', 'fabrics', '--format', 'json'], { cwd: s.dir });
        assert.deepEqual((JSON.parse(r.out) as { files: { file: string }[] }).files.map((f) => f.file), ['fabrics/linked.topology.yaml', 'fabrics/real.topology.yaml']);
        // A link named on the command line is linted, the file behind it once.
        assert.match((await run(['lint', 'fabrics/linked.topology.yaml', 'elsewhere/other.topology.yaml'], { cwd: s.dir })).out, /1 file\(s\) checked/);
      } finally {
        s.cleanup();
      }
    });

    it('escapes control, ANSI, newline and bidi characters in file names (human output and messages on stderr)', async () => {
      const names = ['evil\nx.topology.yaml:1:1 error fake.topology.yaml', 'ansi\u001b[31mred.topology.yaml', 'bidi\u202eylm.topology.yaml'];
      const s = scratch(Object.fromEntries(names.map((n) => [n, example('missing-spine-link.topology.yaml')])));
      try {
        const r = await run(['lint', '.'], { cwd: s.dir });
        const lines = r.out.trim().split('\n');
        assert.equal(lines.length, 4, r.out);
        assert.ok(lines.slice(0, 3).every((l) => / error spine-connectivity /.test(l)));
        assert.ok(!r.out.includes('\u001b') && !r.out.includes('\u202e'), 'no raw escape or bidi character');
        assert.ok(lines.includes(`"ansi\\e[31mred.topology.yaml":42:3 error spine-connectivity ${lines[0].split(' error spine-connectivity ')[1]}`));
        assert.ok(lines.some((l) => l.startsWith('"bidi\\u202eylm.topology.yaml":42:3 ')));
        assert.ok(lines.some((l) => l.startsWith('"evil\\nx.topology.yaml:1:1 error fake.topology.yaml":42:3 ')));
        const missing = await run(['lint', 'gone\u001b[2J.topology.yaml'], { cwd: s.dir });
        assert.ok(!missing.err.includes('\u001b'), missing.err);
        assert.match(missing.err, /gone\\x1b\[2J|gone\\e\[2J/);
      } finally {
        s.cleanup();
      }
    });
  });
});

function spawnSyncOk(cmd: string, args: string[]): void {
  assert.equal(spawnSync(cmd, args).status, 0, `${cmd} failed`);
}
