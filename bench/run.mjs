#!/usr/bin/env node
/**
 * Performance benchmark: drives the real language server (server/out/server.js) over stdio
 * like an editor, on generated fabrics of three sizes, next to two references on the same
 * text: js-yaml's load() (the floor) and Red Hat's yaml-language-server with our JSON schema.
 *
 *   npm run bench                       (bundles the server, then runs this)
 *   node bench/run.mjs [options]
 *
 * Options:
 *   --json               one JSON object per size on stdout (one per line); the table goes to stderr
 *   --write-results      rewrite bench/RESULTS.md with this run's results and machine
 *   --sizes A,B,..       sizes as SPINESxLEAVES (default 16x256,32x1024,64x2048)
 *   --runs N             runs of our server and of the floor per size (default 3; medians)
 *   --yls-runs N         runs of yaml-language-server per size (default 2; 1 on the largest size)
 *   --no-yls             skip yaml-language-server
 *   --timeout-ms N       cap per yaml-language-server operation (default 60000; ours: 2 × that)
 *   --server-node-args "A B"  extra node flags for our server (e.g. "--max-semi-space-size=32"), for experiments
 *   --limit-size S       the size-limit run: one session on S (default 96x3840, 19.2 MB: the largest
 *                        fabric under topology.maxFileSizeMB's default 20 MB), for the ≤ 1 GB peak target
 *   --no-limit           skip the size-limit run
 *   --no-dense           skip the findings-dense shapes (bench/dense.mjs, bench/denseRun.mjs)
 *   --dense-only         run only the findings-dense shapes
 *   --profile [DIR]      instead: one session of our server under `node --cpu-prof` on the
 *                        largest size, then a self-time summary (default DIR /tmp/prof)
 *
 * Every run of our server is a fresh process, warmed with a small file first. Times are
 * wall-clock from sending the notification or request to receiving the answer.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateFabric, expectedFindings } from './generate.mjs';
import { LspProcess, TimeoutError, withTimeout } from './lspClient.mjs';
import { formatSummary, summarizeProfile } from './profileSummary.mjs';
import { denseTable, runDense } from './denseRun.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const SCHEMA = path.join(ROOT, 'schemas', 'topology.schema.json');
const RESULTS = path.join(ROOT, 'bench', 'RESULTS.md');
const DEBOUNCE_MS = 200; // server/src/server.ts: new Debouncer(200) for didChange
const HOVER_REPEATS = 5;
const INLAY_REPEATS = 5;
const EDITS_PER_RUN = 3;
const INLAY_LINES = 60;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { json: false, write: false, sizes: ['16x256', '32x1024', '64x2048'], runs: 3, ylsRuns: 2, yls: true, timeoutMs: 60_000, profile: undefined, serverNodeArgs: [], dense: true, denseOnly: false, limitSize: '96x3840', limit: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') opts.json = true;
    else if (a === '--write-results') opts.write = true;
    else if (a === '--sizes') opts.sizes = next().split(',').filter(Boolean);
    else if (a === '--runs') opts.runs = Math.max(1, Number(next()));
    else if (a === '--yls-runs') opts.ylsRuns = Math.max(1, Number(next()));
    else if (a === '--no-yls') opts.yls = false;
    else if (a === '--no-dense') opts.dense = false;
    else if (a === '--limit-size') opts.limitSize = next();
    else if (a === '--no-limit') opts.limit = false;
    else if (a === '--dense-only') opts.denseOnly = true;
    else if (a === '--timeout-ms') opts.timeoutMs = Number(next());
    else if (a === '--server-node-args') opts.serverNodeArgs = next().split(/\s+/).filter(Boolean);
    else if (a === '--profile') opts.profile = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : '/tmp/prof';
    else if (a === '--help' || a === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  for (const s of [...opts.sizes, opts.limitSize]) if (!/^\d+x\d+$/.test(s)) throw new Error(`bad size ${s}: use SPINESxLEAVES`);
  return opts;
}

const log = (msg) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------- statistics

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const round = (x, digits = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

// ---------------------------------------------------------------- the workload

/** Positions in the generated text: a leaf name in the last link, the last rack's count, a screen of leaves. */
function locate(text) {
  const lines = text.split('\n');
  let hover;
  for (let i = lines.length - 1; i >= 0; i--) {
    const at = lines[i].indexOf('between: [');
    if (at >= 0) {
      hover = { line: i, character: at + 'between: ['.length + 2 };
      break;
    }
  }
  const serversLine = lines.indexOf('servers:');
  const linksLine = lines.indexOf('links:');
  let edit;
  for (let i = linksLine; i > serversLine; i--) {
    const m = /^( {4}count: )(\d+)$/.exec(lines[i]);
    if (m !== null) {
      edit = { line: i, character: m[1].length, value: Number(m[2]) };
      break;
    }
  }
  // The last INLAY_LINES lines of `switches:` (the last leaves), where inlay hints are.
  const endLine = serversLine - 2;
  const inlay = { start: { line: Math.max(0, endLine - INLAY_LINES), character: 0 }, end: { line: endLine, character: lines[endLine].length } };
  if (hover === undefined || edit === undefined) throw new Error('generated text has no link or no server group');
  return { hover, edit, inlay, lineCount: text.endsWith('\n') ? lines.length - 1 : lines.length };
}

const FLOOR_CHILD = `
const { readFileSync } = require('fs');
const { performance } = require('perf_hooks');
const yaml = require(process.argv[1]);
yaml.load(readFileSync(process.argv[3], 'utf8'));
const text = readFileSync(process.argv[2], 'utf8');
const t0 = performance.now();
yaml.load(text);
process.stdout.write(String(performance.now() - t0));
`;

/**
 * One load of `file` by the YAML loader module `name`, in a fresh process warmed on a small
 * file first, like our server is: ms, or null when the module is not installed.
 */
function loadFloorOnce(name, file, warmFile) {
  let resolved;
  try {
    resolved = require.resolve(name);
  } catch {
    return null;
  }
  const out = execFileSync(process.execPath, ['-e', FLOOR_CHILD, resolved, file, warmFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return Number(out);
}

function tryRequire(name) {
  try {
    return require(name);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- our server

async function initialize(server, capabilities, timeoutMs) {
  await withTimeout(
    server.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities }),
    timeoutMs,
    'initialize',
  );
  await server.notify('initialized', {});
}

const OUR_CAPABILITIES = {
  workspace: { configuration: false },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    inlayHint: {},
  },
};

async function openAndWait(server, uri, languageId, text, timeoutMs, version = 1) {
  const wait = server.nextDiagnostics(uri, server.versioned ? version : undefined);
  const t0 = performance.now();
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const got = await withTimeout(wait, timeoutMs, `diagnostics for ${uri}`);
  return { ms: got.at - t0, diagnostics: got.diagnostics };
}

async function timed(promise) {
  const t0 = performance.now();
  const value = await promise;
  return { ms: performance.now() - t0, value };
}

/** One fresh server process: warm-up, open, hovers, inlay hints, edits, memory. */
async function runOurs(text, where, label, { timeoutMs, nodeArgs = [] }) {
  const server = new LspProcess([...nodeArgs, SERVER, '--stdio'], { cwd: ROOT });
  server.versioned = true;
  try {
    await initialize(server, OUR_CAPABILITIES, timeoutMs);
    // Warm-up on a small fabric: JIT the parser, schema check, analysis, hover and hints.
    const warmUri = 'file:///bench/warm-up.topology.yaml';
    const warm = generateFabric({ spines: 4, leaves: 16, findings: true });
    const warmWhere = locate(warm);
    await openAndWait(server, warmUri, 'topology', warm, timeoutMs);
    await server.request('textDocument/hover', { textDocument: { uri: warmUri }, position: warmWhere.hover });
    await server.request('textDocument/inlayHint', { textDocument: { uri: warmUri }, range: warmWhere.inlay });
    await server.notify('textDocument/didClose', { textDocument: { uri: warmUri } });

    const uri = `file:///bench/fabric-${label}.topology.yaml`;
    const open = await openAndWait(server, uri, 'topology', text, timeoutMs);

    const hoverMs = [];
    let hoverText = '';
    for (let i = 0; i < HOVER_REPEATS; i++) {
      const h = await timed(withTimeout(server.request('textDocument/hover', { textDocument: { uri }, position: where.hover }), timeoutMs, 'hover'));
      hoverMs.push(h.ms);
      hoverText = h.value?.contents?.value ?? '';
    }
    const inlayMs = [];
    let inlayCount = 0;
    for (let i = 0; i < INLAY_REPEATS; i++) {
      const h = await timed(withTimeout(server.request('textDocument/inlayHint', { textDocument: { uri }, range: where.inlay }), timeoutMs, 'inlay hints'));
      inlayMs.push(h.ms);
      inlayCount = h.value?.length ?? 0;
    }

    // One-line edits: the last server group's count, 40 → 41 → 40 …, each waiting for its diagnostics.
    const editMs = [];
    let value = where.edit.value;
    for (let k = 0; k < EDITS_PER_RUN; k++) {
      const version = 2 + k;
      const oldText = String(value);
      value = k % 2 === 0 ? where.edit.value + 1 : where.edit.value;
      const range = { start: { line: where.edit.line, character: where.edit.character }, end: { line: where.edit.line, character: where.edit.character + oldText.length } };
      const wait = server.nextDiagnostics(uri, version);
      const t0 = performance.now();
      await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: String(value) }] });
      const got = await withTimeout(wait, timeoutMs, `diagnostics for version ${version}`);
      editMs.push(got.at - t0);
    }
    // Resident size at rest: an editor spends most of its life idle after an edit, and the
    // server gives memory back once idle (server/src/lsp/idleCollector.ts), so read it 3 s later.
    const busy = server.memory();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const memory = server.memory();
    memory.peakRssMb = Math.max(memory.peakRssMb ?? 0, busy.peakRssMb ?? 0);
    return {
      busyRssMb: busy.rssMb,
      openMs: open.ms,
      diagnostics: open.diagnostics,
      hoverMs,
      hoverOk: hoverText.length > 0,
      inlayMs,
      inlayCount,
      editMs,
      rssMb: memory.rssMb,
      peakRssMb: memory.peakRssMb,
    };
  } finally {
    await server.stop();
    if (server.child.exitCode !== 0 && server.stderr.trim() !== '') log(`  server stderr: ${server.stderr.trim().slice(0, 2000)}`);
  }
}

// ---------------------------------------------------------------- yaml-language-server

function ylsEntry() {
  try {
    const pkg = require.resolve('yaml-language-server/package.json');
    const dir = path.dirname(pkg);
    const version = JSON.parse(readFileSync(pkg, 'utf8')).version;
    return { bin: path.join(dir, 'bin', 'yaml-language-server'), version };
  } catch {
    return undefined;
  }
}

function ylsSettings() {
  return {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    // No network: the schema store catalog would otherwise be fetched on start.
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(SCHEMA).href]: ['*.topology.yaml'] },
  };
}

/** One yaml-language-server process: warm-up (and a check that our schema is in force), open, hover. */
async function runYls(text, where, label, { timeoutMs }) {
  const entry = ylsEntry();
  const yaml = ylsSettings();
  const onRequest = (method, params) => {
    if (method === 'workspace/configuration') {
      return (params?.items ?? []).map((item) => {
        if (item.section === undefined || item.section === null) return { yaml };
        if (item.section === 'yaml') return yaml;
        if (item.section.startsWith('yaml.')) return item.section.slice(5).split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), yaml) ?? null;
        return null;
      });
    }
    return null; // client/registerCapability, window/workDoneProgress/create, custom/schema/request …
  };
  const server = new LspProcess([entry.bin, '--stdio'], { cwd: ROOT, onRequest });
  const dir = path.join(os.tmpdir(), 'topology-bench');
  const result = { openMs: null, hoverMs: null, diagnostics: null, rssMb: null, peakRssMb: null, timedOut: [] };
  try {
    await initialize(
      server,
      {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: false },
        textDocument: { synchronization: {}, publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
      timeoutMs,
    );
    await server.notify('workspace/didChangeConfiguration', { settings: { yaml } });

    // Warm-up with a schema error; wait until the schema's diagnostic shows (proves the schema is in force).
    const warmUri = pathToFileURL(path.join(dir, 'warm-up.topology.yaml')).href;
    const warm = generateFabric({ spines: 4, leaves: 16 }).replace('role: leaf', 'role: leef');
    const schemaSeen = new Promise((resolve) => {
      const check = () =>
        server.nextDiagnostics(warmUri).then((d) => (d.diagnostics.length > 0 ? resolve(d.diagnostics) : check()));
      check();
    });
    await server.notify('textDocument/didOpen', { textDocument: { uri: warmUri, languageId: 'yaml', version: 1, text: warm } });
    const warmDiagnostics = await withTimeout(schemaSeen, timeoutMs, 'yaml-language-server warm-up schema diagnostics');
    if (!warmDiagnostics.some((d) => /leef|accepted|allowed|enum/i.test(d.message))) log(`  warning: yaml-language-server warm-up gave unexpected diagnostics: ${JSON.stringify(warmDiagnostics).slice(0, 300)}`);
    await server.request('textDocument/hover', { textDocument: { uri: warmUri }, position: locate(warm).hover });
    await server.notify('textDocument/didClose', { textDocument: { uri: warmUri } });

    const uri = pathToFileURL(path.join(dir, `fabric-${label}.topology.yaml`)).href;
    try {
      const open = await openAndWait(server, uri, 'yaml', text, timeoutMs);
      result.openMs = open.ms;
      result.diagnostics = open.diagnostics.length;
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      result.timedOut.push('open');
      return result;
    }
    try {
      const h = await timed(withTimeout(server.request('textDocument/hover', { textDocument: { uri }, position: where.hover }), timeoutMs, 'yls hover'));
      result.hoverMs = h.ms;
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      result.timedOut.push('hover');
    }
    Object.assign(result, server.memory());
    return result;
  } finally {
    await server.stop(result.timedOut.length > 0 ? 1000 : 10_000);
  }
}

// ---------------------------------------------------------------- one size

async function benchSize(label, opts, isLargest) {
  const [spines, leaves] = label.split('x').map(Number);
  const text = generateFabric({ spines, leaves, findings: true });
  const where = locate(text);
  const bytes = Buffer.byteLength(text);
  const links = spines * leaves;
  log(`${label}: ${where.lineCount} lines, ${(bytes / 1048576).toFixed(1)} MB, ${links} links`);

  // The text on disk for the floor's child processes (and for anyone who wants to open it).
  const dir = path.join(os.tmpdir(), 'topology-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fabric-${label}.topology.yaml`);
  const warmFile = path.join(dir, 'warm-up.topology.yaml');
  writeFileSync(file, text);
  writeFileSync(warmFile, generateFabric({ spines: 4, leaves: 16 }));

  // Runs interleave the floor and our server so that both see the same machine load.
  const floor5 = [];
  const floor4 = [];
  const ours = [];
  for (let r = 0; r < opts.runs; r++) {
    floor5.push(loadFloorOnce('js-yaml', file, warmFile));
    floor4.push(loadFloorOnce('js-yaml4', file, warmFile));
    log(`  run ${r + 1}: js-yaml 5 load ${floor5[r].toFixed(0)} ms${floor4[r] === null ? '' : `, js-yaml 4 load ${floor4[r].toFixed(0)} ms`}`);
    try {
      const run = await runOurs(text, where, label, { timeoutMs: 2 * opts.timeoutMs, nodeArgs: opts.serverNodeArgs });
      ours.push(run);
      log(`  run ${r + 1}: ours open ${run.openMs.toFixed(0)} ms (${run.diagnostics.length} diagnostics), hover ${run.hoverMs.map((x) => x.toFixed(1)).join('/')} ms, inlay ${median(run.inlayMs).toFixed(1)} ms (${run.inlayCount} hints), edit ${run.editMs.map((x) => x.toFixed(0)).join('/')} ms, RSS ${run.rssMb?.toFixed(0)} MB (peak ${run.peakRssMb?.toFixed(0)})`);
    } catch (error) {
      log(`  run ${r + 1}: ours FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const floorMs = median(floor5);
  const floor4Ms = median(floor4);
  const expected = expectedFindings(spines, leaves);
  const got = ours[0]?.diagnostics ?? [];
  const missing = expected.filter((e) => !got.some((d) => d.code === e.rule || d.message.includes(e.name)));
  if (missing.length > 0 || got.length !== expected.length) {
    log(`  warning: expected ${expected.length} diagnostics (${expected.map((e) => e.rule).join(', ')}), got ${got.length}: ${got.map((d) => d.code).join(', ')}`);
  }

  const yls = [];
  if (opts.yls && ylsEntry() !== undefined) {
    const runs = isLargest ? 1 : opts.ylsRuns;
    for (let r = 0; r < runs; r++) {
      const run = await runYls(text, where, label, { timeoutMs: opts.timeoutMs });
      yls.push(run);
      log(`  yaml-language-server run ${r + 1}: open ${run.openMs === null ? 'timeout' : `${run.openMs.toFixed(0)} ms (${run.diagnostics} diagnostics)`}, hover ${run.hoverMs === null ? (run.timedOut.includes('hover') ? 'timeout' : '-') : `${run.hoverMs.toFixed(0)} ms`}, RSS ${run.rssMb?.toFixed(0) ?? '-'} MB`);
    }
  }
  const ylsOpen = yls.length === 0 ? null : yls.some((r) => r.openMs === null) ? null : median(yls.map((r) => r.openMs));
  const ylsHover = yls.length === 0 ? null : yls.some((r) => r.hoverMs === null) ? null : median(yls.map((r) => r.hoverMs));
  const editMs = median(ours.flatMap((r) => r.editMs));
  return {
    size: label,
    lines: where.lineCount,
    floorMs: round(floorMs),
    oursOpenMs: round(median(ours.map((r) => r.openMs))),
    oursHoverMs: round(median(ours.flatMap((r) => r.hoverMs)), 2),
    oursEditMs: round(editMs),
    oursRssMb: round(median(ours.map((r) => r.rssMb))),
    oursBusyRssMb: round(median(ours.map((r) => r.busyRssMb))),
    ylsOpenMs: round(ylsOpen),
    ylsHoverMs: round(ylsHover),
    // extras
    bytes,
    links,
    floorJsYaml4Ms: round(floor4Ms),
    oursInlayMs: round(median(ours.flatMap((r) => r.inlayMs)), 2),
    oursInlayHints: ours[0]?.inlayCount ?? null,
    oursHoverMaxMs: ours.length === 0 ? null : round(Math.max(...ours.flatMap((r) => r.hoverMs)), 2),
    oursHoverFirstMs: round(median(ours.map((r) => r.hoverMs[0])), 2),
    oursEditNetMs: editMs === null ? null : round(editMs - DEBOUNCE_MS),
    oursPeakRssMb: ours.length === 0 ? null : round(Math.max(...ours.map((r) => r.peakRssMb ?? 0))),
    oursDiagnostics: got.length,
    oursRuns: ours.length,
    oursFailedRuns: opts.runs - ours.length,
    ylsRuns: yls.length,
    ylsTimedOut: yls.flatMap((r) => r.timedOut),
    ylsDiagnostics: yls[0]?.diagnostics ?? null,
    ylsRssMb: round(median(yls.map((r) => r.rssMb))),
  };
}

// ---------------------------------------------------------------- report

function machine() {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? cpu;
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu;
  }
  let memAvailable;
  try {
    const m = /^MemAvailable:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (m !== null) memAvailable = Number(m[1]) / 1048576;
  } catch {
    memAvailable = undefined;
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memGb: os.totalmem() / 1073741824,
    memAvailableGb: memAvailable,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadavg: os.loadavg(),
  };
}

const fmt = (x, digits = 0) => (typeof x !== 'number' || !Number.isFinite(x) ? '–' : x.toFixed(digits));

function table(rows) {
  const out = [];
  out.push('| size | lines | MB | links | floor js-yaml 5 (ms) | js-yaml 4 (ms) | ours open→diag (ms) | open ×floor | hover (ms) | inlay 60 lines (ms) | edit→diag raw (ms) | edit − 200 ms debounce (ms) | edit raw ×floor | peak RSS VmHWM / at rest (MB) | YLS open→diag (ms) | YLS hover (ms) |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const yOpen = r.ylsRuns === 0 ? 'not run' : r.ylsOpenMs === null ? 'timeout' : fmt(r.ylsOpenMs);
    const yHover = r.ylsRuns === 0 ? 'not run' : r.ylsHoverMs === null ? (r.ylsOpenMs === null ? '–' : 'timeout') : fmt(r.ylsHoverMs);
    out.push(
      `| ${r.size} | ${r.lines} | ${(r.bytes / 1048576).toFixed(1)} | ${r.links} | ${fmt(r.floorMs)} | ${fmt(r.floorJsYaml4Ms)} | ${fmt(r.oursOpenMs)} | ${fmt(r.oursOpenMs / r.floorMs, 2)} | ${fmt(r.oursHoverMs, 2)} | ${fmt(r.oursInlayMs, 2)} | ${fmt(r.oursEditMs)} | ${fmt(r.oursEditNetMs)} | ${fmt(r.oursEditMs / r.floorMs, 2)} | ${fmt(r.oursPeakRssMb)} / ${fmt(r.oursRssMb)} | ${yOpen} | ${yHover} |`,
    );
  }
  return out.join('\n');
}

/** Growth exponent of y against x between the smallest and largest size: 1 = linear. */
function exponent(rows, key) {
  const a = rows[0];
  const b = rows[rows.length - 1];
  if (rows.length < 2 || !a[key] || !b[key]) return null;
  return Math.log(b[key] / a[key]) / Math.log(b.links / a.links);
}

/** The default of topology.maxFileSizeMB (package.json): the size-limit run must stay under it. */
const MAX_FILE_SIZE_MB = 20;

function targets(rows, timeoutMs, limitRow) {
  const r = rows[rows.length - 1];
  const t = [];
  const add = (name, ok, measured) => t.push({ name, status: ok === null ? 'n/a' : ok ? 'PASS' : 'MISS', measured });
  add('open→all diagnostics ≤ 2 × floor', r.oursOpenMs / r.floorMs <= 2, `${fmt(r.oursOpenMs / r.floorMs, 2)} × (${fmt(r.oursOpenMs)} ms vs ${fmt(r.floorMs)} ms)`);
  if (r.ylsRuns === 0) add('open→all diagnostics ≤ 0.1 × yaml-language-server', null, 'yaml-language-server not run');
  else if (r.ylsOpenMs === null) add('open→all diagnostics ≤ 0.1 × yaml-language-server', r.oursOpenMs <= 0.1 * timeoutMs, `< ${fmt(r.oursOpenMs / timeoutMs, 3)} × (yaml-language-server: no diagnostics within ${timeoutMs / 1000} s)`);
  else add('open→all diagnostics ≤ 0.1 × yaml-language-server', r.oursOpenMs / r.ylsOpenMs <= 0.1, `${fmt(r.oursOpenMs / r.ylsOpenMs, 3)} × (${fmt(r.oursOpenMs)} ms vs ${fmt(r.ylsOpenMs)} ms)`);
  add('hover ≤ 20 ms', r.oursHoverMs <= 20, `${fmt(r.oursHoverMs, 2)} ms median (first hover after open ${fmt(r.oursHoverFirstMs, 2)} ms, max ${fmt(r.oursHoverMaxMs, 2)} ms)`);
  add('first hover after open ≤ 20 ms', r.oursHoverFirstMs <= 20, `${fmt(r.oursHoverFirstMs, 2)} ms median of the runs' first hovers`);
  add('inlay hints (60 lines) ≤ 20 ms', r.oursInlayMs <= 20, `${fmt(r.oursInlayMs, 2)} ms median (${r.oursInlayHints} hints)`);
  add('one-line edit → diagnostics ≤ 1 × floor (raw, incl. 200 ms debounce)', r.oursEditMs / r.floorMs <= 1, `${fmt(r.oursEditMs / r.floorMs, 2)} × (${fmt(r.oursEditMs)} ms; minus debounce ${fmt(r.oursEditNetMs)} ms = ${fmt(r.oursEditNetMs / r.floorMs, 2)} ×)`);
  add('peak RSS (VmHWM, the whole session) ≤ 400 MB', r.oursPeakRssMb <= 400, `${fmt(r.oursPeakRssMb)} MB peak (at rest 3 s after the last edit: ${fmt(r.oursRssMb)} MB)`);
  const eOpen = exponent(rows, 'oursOpenMs');
  const eEdit = exponent(rows, 'oursEditNetMs');
  const eRss = exponent(rows, 'oursRssMb');
  add(
    'cost grows linearly in links (growth exponent ≤ 1.15, smallest → largest size)',
    eOpen === null ? null : eOpen <= 1.15 && (eEdit === null || eEdit <= 1.15),
    eOpen === null ? 'needs two sizes' : `open ${fmt(eOpen, 2)}, edit−debounce ${fmt(eEdit, 2)}, RSS ${fmt(eRss, 2)} (links ×${fmt(r.links / rows[0].links, 0)})`,
  );
  if (limitRow !== undefined) {
    const mb = limitRow.bytes / 1048576;
    add(
      `peak RSS (VmHWM) ≤ 1 GB on a file up to topology.maxFileSizeMB (${limitRow.size}, ${fmt(mb, 1)} MB${mb > MAX_FILE_SIZE_MB ? ': over the limit, not analysed' : ''})`,
      limitRow.oursPeakRssMb === null ? null : limitRow.oursPeakRssMb <= 1024,
      limitRow.oursPeakRssMb === null ? 'the run failed' : `${fmt(limitRow.oursPeakRssMb)} MB peak (at rest ${fmt(limitRow.oursRssMb)} MB; open ${fmt(limitRow.oursOpenMs)} ms, ${fmt(limitRow.oursOpenMs / limitRow.floorMs, 2)} × its floor)`,
    );
  }
  return { size: r.size, list: t };
}

function targetsText(tg) {
  const out = [`Targets on ${tg.size}${tg.size === '64x2048' ? '' : ' (the largest size run; the targets are defined for 64x2048)'}:`, ''];
  out.push('| target | status | measured |');
  out.push('|---|---|---|');
  for (const t of tg.list) out.push(`| ${t.name} | ${t.status} | ${t.measured} |`);
  return out.join('\n');
}

function resultsMarkdown(rows, tg, m, opts, elapsedS) {
  const ylsVersion = ylsEntry()?.version;
  const js5 = require('js-yaml/package.json').version;
  const js4 = tryRequire('js-yaml4/package.json')?.version;
  return `# Benchmark results

Generated by \`npm run bench -- --write-results\` (bench/run.mjs) on ${m.date.slice(0, 10)}; edit by re-running, not by hand.

## Machine

| | |
|---|---|
| CPU | ${m.cpu} |
| nproc | ${m.nproc} |
| memory | ${m.memGb.toFixed(1)} GB${m.memAvailableGb === undefined ? '' : ` (${m.memAvailableGb.toFixed(1)} GB available at start)`} |
| load average at start | ${m.loadavg.map((x) => x.toFixed(2)).join(' ')} |
| OS | ${m.platform} |
| Node | ${m.node} |
| date | ${m.date} |
| references | js-yaml ${js5} (floor)${js4 ? `, js-yaml ${js4}` : ''}${ylsVersion ? `, yaml-language-server ${ylsVersion}` : ''} |
| runs | ours and floor: ${opts.runs} per size (medians); yaml-language-server: ${opts.ylsRuns} per size, 1 on the largest; cap ${opts.timeoutMs / 1000} s per yaml-language-server operation |
| total bench time | ${elapsedS.toFixed(0)} s |

## Results

Fabrics from \`bench/generate.mjs SPINES LEAVES --findings\` (full leaf-spine mesh, one server group per leaf, three findings).

${table(rows)}

${targetsText(tg)}

## How it is measured

- Each run of our server is a fresh \`node server/out/server.js --stdio\` process driven over stdio with vscode-jsonrpc, initialised with \`workspace.configuration: false\`, and warmed on a small 4×16 fabric (open, hover, inlay hints) before the measured file is opened.
- **open→diag**: from sending \`didOpen\` (the whole text) to receiving \`publishDiagnostics\` for version 1.
- **hover**: \`textDocument/hover\` on the leaf name in the file's last link, ${HOVER_REPEATS}× per run, median over all runs; the first hover after the diagnostics is also reported on its own (it pays for anything the server builds lazily).
- **inlay**: \`textDocument/inlayHint\` for the last ${INLAY_LINES} lines of \`switches:\` (the last leaves, where hints are), ${INLAY_REPEATS}× per run.
- **edit**: an incremental \`didChange\` of one count value (the last server group's \`count\`) to receiving \`publishDiagnostics\` for that version, ${EDITS_PER_RUN}× per run. The server waits ${DEBOUNCE_MS} ms (its debounce) before linting after a change; the raw time includes it, and the next column subtracts it. The target is judged on the raw time.
- **peak RSS**: the largest VmHWM (the process's high-water mark of resident memory, from \`/proc/<pid>/status\`) over the whole session; **at rest** beside it is VmRSS 3 s after the last edit (median over runs).
- **floor**: \`require('js-yaml').load(text)\` on the same text, each time in a fresh \`node\` process warmed on a small file first (as our server is), interleaved with our runs, median of ${opts.runs}; js-yaml 4 is the \`js-yaml4\` alias devDependency, measured the same way.
- **YLS**: yaml-language-server ${ylsVersion ?? ''} \`--stdio\`, initialised, sent \`workspace/didChangeConfiguration\` with \`yaml: { validate, hover, schemas: { <schemas/topology.schema.json>: ["*.topology.yaml"] }, schemaStore: { enable: false } }\` (its \`workspace/configuration\` requests get the same section), warmed on a small file with a schema error (the run waits until that error is reported, so the schema is known to be in force), then the same text is opened as \`yaml\` with a \`file:///…/fabric-SIZE.topology.yaml\` uri; open→diag is to its first \`publishDiagnostics\` for that uri, then one hover at the same position. "timeout" means no answer within the cap.
- **size limit**: one more session, like the others but once and without yaml-language-server, on the largest fabric under \`topology.maxFileSizeMB\`'s default of 20 MB (${opts.limit ? opts.limitSize : 'not run'}); its peak is judged against ≤ 1 GB. From 16 MB on, the server parses a file in pieces (\`server/src/core/yaml/chunks.ts\`), so this run also takes that path.
- Linearity: growth exponent = log(t_largest / t_smallest) / log(links_largest / links_smallest); 1.0 is linear.
- These machines are noisy (look at the load average); compare ratios from one run, not absolute times across runs.
`;
}

// ---------------------------------------------------------------- profile mode

async function profile(opts) {
  const label = opts.sizes[opts.sizes.length - 1];
  const [spines, leaves] = label.split('x').map(Number);
  const dir = path.resolve(opts.profile);
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const text = generateFabric({ spines, leaves, findings: true });
  log(`profiling our server on ${label} (cpu profiles in ${dir})`);
  const run = await runOurs(text, locate(text), label, { timeoutMs: 2 * opts.timeoutMs, nodeArgs: [...opts.serverNodeArgs, '--cpu-prof', `--cpu-prof-dir=${dir}`] });
  log(`  open ${run.openMs.toFixed(0)} ms, hover ${median(run.hoverMs).toFixed(1)} ms, inlay ${median(run.inlayMs).toFixed(1)} ms, edit ${run.editMs.map((x) => x.toFixed(0)).join('/')} ms`);
  const fresh = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (fresh.length === 0) throw new Error(`no new .cpuprofile in ${dir}`);
  process.stdout.write(`== ${fresh[0]}\n(session: warm-up, open, ${HOVER_REPEATS} hovers, ${INLAY_REPEATS} inlay requests, ${EDITS_PER_RUN} edits on ${label})\n`);
  process.stdout.write(`${formatSummary(summarizeProfile(JSON.parse(readFileSync(fresh[0], 'utf8'))), 30)}\n`);
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(SERVER)) throw new Error(`${path.relative(ROOT, SERVER)} is missing: run \`npm run build\` (or \`npm run bundle\`) first`);
  if (opts.profile !== undefined) return profile(opts);
  const started = performance.now();
  const m = machine();
  log(`Topology Tutor benchmark: ${m.cpu}, ${m.nproc} CPUs, ${m.memGb.toFixed(1)} GB, Node ${m.node}, load ${m.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
  if (opts.yls && ylsEntry() === undefined) log('yaml-language-server is not installed (npm install): its columns are skipped');
  const rows = [];
  for (let i = 0; i < (opts.denseOnly ? 0 : opts.sizes.length); i++) {
    const row = await benchSize(opts.sizes[i], opts, i === opts.sizes.length - 1);
    rows.push(row);
    if (opts.json) process.stdout.write(`${JSON.stringify(row)}\n`);
  }
  let dense = '';
  if (opts.dense || opts.denseOnly) {
    log('findings-dense shapes (bench/dense.mjs), through the core and the CLI:');
    const denseResults = await runDense({ timeoutMs: opts.timeoutMs });
    if (opts.json) process.stdout.write(`${JSON.stringify({ dense: denseResults })}\n`);
    dense = `## Findings-dense shapes: linear worst case\n\nEvery shape of \`bench/dense.mjs\` at three sizes, each run in a fresh \`node\` process: through the core (\`lintText\`, after a warm-up) and through the CLI (\`main(['lint', '--format', 'json', FILE])\`, in-process, after a warm-up). Times are wall-clock with CPU time (user + system) in brackets; peak is VmHWM of that process, at rest VmRSS after a full collection.\n\n${denseTable(denseResults, opts.timeoutMs)}\n`;
  }
  let limitRow;
  if (opts.limit && !opts.denseOnly) {
    log(`size-limit run (one session, no yaml-language-server):`);
    limitRow = await benchSize(opts.limitSize, { ...opts, runs: 1, yls: false }, false);
  }
  const tg = rows.length > 0 ? targets(rows, opts.timeoutMs, limitRow) : undefined;
  const report = `\n${tg === undefined ? '' : `${table(rows)}\n\n${targetsText(tg)}\n\nEdit times include the server's ${DEBOUNCE_MS} ms debounce ("raw"); the "− 200 ms" column subtracts it.\n`}${dense === '' ? '' : `\n${dense}`}`;
  (opts.json ? process.stderr : process.stdout).write(report);
  const elapsedS = (performance.now() - started) / 1000;
  if (opts.write && tg === undefined) log('--write-results needs the fabric sizes too (not --dense-only): RESULTS.md left as it is');
  else if (opts.write) {
    const analysisFile = path.join(ROOT, 'bench', 'ANALYSIS.md');
    const analysis = existsSync(analysisFile) ? `\n${readFileSync(analysisFile, 'utf8')}` : '';
    writeFileSync(RESULTS, resultsMarkdown(rows, tg, m, opts, elapsedS) + (dense === '' ? '' : `\n${dense}`) + analysis);
    log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
  }
  log(`bench time: ${elapsedS.toFixed(0)} s`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
