/**
 * The per-document time budget (topology.maxAnalysisSeconds) and the hard size cap before
 * parsing. An analysis past its budget stops at its next checkpoint, or, if it does not reach
 * one (a loop without checkpoints, simulated by the test hook's stall marker), its worker is
 * terminated; either way the file gets its syntax and schema results plus one analysis-skipped
 * info saying why and how to raise the budget, and the other documents keep working. The CLI
 * takes the same limit (--max-analysis-seconds).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover } from 'vscode-languageserver-protocol';
import { assertAlive, assertDiagnosticsSane, codes, freshUri, generateFabric, generateFabricOfSize, LspSession, positionOf, SMALL_FABRIC, stopSession } from './support';

const MB = 1024 * 1024;
const CLI = path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'cli.js');

describe('robustness: the analysis time budget (over the LSP server)', function () {
  this.timeout(60_000);
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ configuration: true, testHooks: true });
  });
  after(async function () {
    this.timeout(15_000);
    assert.equal(await stopSession(session), 0);
  });

  it('an analysis over budget stops at a checkpoint: syntax and schema results plus one analysis-skipped', async () => {
    session.configuration = { maxAnalysisSeconds: 0.001 };
    const text = generateFabricOfSize(0.5 * MB).replace('role: leaf', 'role: laef');
    const uri = freshUri('over-budget');
    const diagnostics = await session.open(uri, text);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics).sort(), ['analysis-skipped', 'schema']);
    const skipped = diagnostics.find((d) => d.code === 'analysis-skipped')!;
    assert.equal(skipped.severity, 3);
    assert.match(skipped.message, /took longer than topology\.maxAnalysisSeconds \(0\.001 s\)/);
    assert.match(skipped.message, /Raise topology\.maxAnalysisSeconds/);
    assert.deepEqual(session.eventsFor(uri).map((e) => e.event), ['started', 'over-budget'], 'stopped by its own checkpoint, not killed');
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'role:', 0, 1) });
    assert.ok(hover !== null, 'key docs still answer without the analysis');
    await session.close(uri);
  });

  it('topology/lintFile (Lint Workspace) is held to the same budget: syntax and schema results plus one analysis-skipped', async () => {
    session.configuration = { maxAnalysisSeconds: 0.001 };
    const text = generateFabricOfSize(0.5 * MB).replace('role: leaf', 'role: laef');
    const result = await session.request<{ diagnostics: { code?: unknown; message: string }[] }>('topology/lintFile', { uri: freshUri('lint-file-over-budget'), text });
    assert.deepEqual(result.diagnostics.map((d) => d.code).sort(), ['analysis-skipped', 'schema']);
    assert.match(result.diagnostics.find((d) => d.code === 'analysis-skipped')!.message, /topology\.maxAnalysisSeconds \(0\.001 s\)/);
    assertAlive(session);
  });

  it('topology/lintFile on a rule that never reaches a checkpoint: its worker is terminated, the file gets analysis-skipped', async () => {
    session.configuration = { maxAnalysisSeconds: 0.3 };
    const text = `# topology-test-stall-ms: 60000\n${generateFabric({ spines: 2, leaves: 3 })}`;
    const started = Date.now();
    const result = await session.request<{ diagnostics: { code?: unknown; message: string }[] }>('topology/lintFile', { uri: freshUri('lint-file-stalled'), text });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 20_000, `answered after ${elapsed} ms: the 60 s stall was cut short`);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['analysis-skipped']);
    assert.match(result.diagnostics[0].message, /topology\.maxAnalysisSeconds \(0\.3 s\)/);
    const next = await session.request<{ diagnostics: unknown[] }>('topology/lintFile', { uri: freshUri('lint-file-after'), text: SMALL_FABRIC });
    assert.deepEqual(next.diagnostics, [], 'the next file is linted by a new worker');
    assertAlive(session);
  });

  it('a rule that never reaches a checkpoint: its worker is terminated after the budget, the file gets analysis-skipped, others keep working', async () => {
    session.configuration = { maxAnalysisSeconds: 0.3 };
    const bystander = freshUri('bystander');
    assert.deepEqual(await session.open(bystander, SMALL_FABRIC), []);
    const text = `# topology-test-stall-ms: 60000\n${generateFabric({ spines: 2, leaves: 3 })}`;
    const uri = freshUri('stalled');
    const started = Date.now();
    const diagnostics = await session.open(uri, text);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 20_000, `diagnostics after ${elapsed} ms: the 60 s stall was cut short`);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), ['analysis-skipped']);
    assert.match(diagnostics[0].message, /topology\.maxAnalysisSeconds \(0\.3 s\)/);
    const events = session.eventsFor(uri).map((e) => `${e.event}@${e.version}`);
    assert.deepEqual(events, ['started@1', 'killed@1', 'started@1', 'over-budget@1'], 'killed, then checked for syntax and schema only');
    // The bystander shared the stopped worker: it is analysed again on demand and answers.
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: bystander }, position: positionOf(SMALL_FABRIC, 'spine1:') });
    assert.ok(hover !== null && /Leaves reached/.test(JSON.stringify(hover.contents)), 'the other document still answers from its analysis');
    const own = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'role:', 0, 1) });
    assert.ok(own !== null, 'the stalled document answers from its syntax-and-schema result');
    assertAlive(session);
    await session.close(uri);
    await session.close(bystander);
  });

  it('over twice topology.maxFileSizeMB a file is not parsed at all: one info says why', async () => {
    session.configuration = { maxFileSizeMB: 0.5 };
    const text = `${generateFabricOfSize(1.2 * MB)}  broken: [\n`;
    const uri = freshUri('not-parsed');
    const diagnostics = await session.open(uri, text);
    assertDiagnosticsSane(diagnostics, text);
    assert.deepEqual(codes(diagnostics), ['analysis-skipped'], 'not even the syntax error: nothing was parsed');
    assert.match(diagnostics[0].message, /Not checked: the file is 1\.\d MB, over the 1 MB parsed at all \(twice topology\.maxFileSizeMB, 0\.5 MB\)/);
    // Between the two limits: syntax and schema, no fabric analysis.
    const between = generateFabricOfSize(0.8 * MB).replace('role: leaf', 'role: laef');
    const relinted = await session.change(uri, between);
    assert.deepEqual(codes(relinted).sort(), ['analysis-skipped', 'schema']);
    await session.close(uri);
  });
});

describe('robustness: analysis workers that cannot start (over the LSP server)', function () {
  this.timeout(30_000);

  it('after three failed starts the server analyses on its own thread: diagnostics and hovers still come', async () => {
    const session = await LspSession.start({ testHooks: true, env: { TOPOLOGY_TEST_WORKER_SCRIPT: path.join(os.tmpdir(), 'no-such-analysis-worker.js') } });
    try {
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', 'between: [leaf1, spine9]');
      const uri = freshUri('no-workers');
      assert.ok(codes(await session.open(uri, text)).includes('unknown-switch'));
      const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'spine1:') });
      assert.ok(hover !== null && /Leaves reached/.test(JSON.stringify(hover.contents)));
      assert.equal(session.logs.filter((line) => /stopped \(crashed/.test(line)).length, 3, 'three failed starts, then no more: no crash loop');
      assert.equal(session.logs.filter((line) => /analysing on the connection's thread from now on/.test(line)).length, 1);
      assertAlive(session);
    } finally {
      assert.equal(await stopSession(session), 0);
    }
  });
});

describe('robustness: the CLI takes the same time budget', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-budget-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--max-analysis-seconds: over it, syntax and schema findings plus one analysis-skipped; a bad value is a usage error', () => {
    const file = path.join(dir, 'big.topology.yaml');
    fs.writeFileSync(file, generateFabricOfSize(0.5 * MB).replace('role: leaf', 'role: laef'));
    const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--max-analysis-seconds', '0.001', file], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { findings: { rule: string; message: string }[] }[] };
    const findings = report.files[0].findings;
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['analysis-skipped', 'schema']);
    assert.match(findings.find((f) => f.rule === 'analysis-skipped')!.message, /maxAnalysisSeconds \(0\.001 s\).*--max-analysis-seconds/);
    const bad = spawnSync(process.execPath, [CLI, 'lint', '--max-analysis-seconds', 'soon', file], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-analysis-seconds takes a positive number/);
  });
});
