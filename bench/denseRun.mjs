#!/usr/bin/env node
/**
 * The linear-worst-case half of `npm run bench`: every findings-dense shape of
 * bench/dense.mjs at its three sizes, through the core (`lintText`) and through the CLI
 * (`topology-tutor lint --format json`), each run in a fresh node process. Reports time,
 * findings, peak memory (VmHWM) and memory at rest, and the growth exponent of the time:
 * the least-squares slope of log(time) against log(size) over the three sizes (1.0 is
 * linear; ≤ 1.15 passes).
 *
 *   node bench/denseRun.mjs [--shapes a,b] [--timeout-ms N] [--json]
 *
 * Used by bench/run.mjs; runnable on its own (it bundles the core itself).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { SHAPES, denseText } from './dense.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(os.tmpdir(), 'topology-bench', 'dense');
const CORE_BUNDLE = path.join(DIR, 'core-lint.js');
const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
/** The growth exponent that passes. */
export const MAX_EXPONENT = 1.15;

const log = (msg) => process.stderr.write(`${msg}\n`);

/** One run in a child: `mode` core or cli. Prints one JSON line: ms, findings, peak and at-rest memory. */
const CHILD = `
const { readFileSync } = require('fs');
const { performance } = require('perf_hooks');
const mode = process.argv[1];
const modulePath = process.argv[2];
const file = process.argv[3];
const warm = process.argv[4];
const status = () => {
  const s = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Number((new RegExp('^' + k + ':\\\\s+(\\\\d+)', 'm').exec(s) || [0, NaN])[1]);
  return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
};
let out = 0;
let ms;
let cpu;
let findings;
let byRule = {};
if (mode === 'core') {
  const { lintText } = require(modulePath);
  lintText(readFileSync(warm, 'utf8'));
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = lintText(text);
  ms = performance.now() - t0;
  cpu = process.cpuUsage(c0);
  findings = result.findings.length;
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] || 0) + 1;
  for (const f of result.findings) out += f.message.length + (f.related ? f.related.length : 0);
} else {
  const { main } = require(modulePath);
  main(['lint', '--format', 'json', warm], () => {}, () => {});
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let json = '';
  main(['lint', '--format', 'json', file], (t) => { json += t; }, () => {});
  ms = performance.now() - t0;
  cpu = process.cpuUsage(c0);
  out = json.length;
  const parsed = JSON.parse(json);
  const list = Array.isArray(parsed) ? parsed.flatMap((f) => f.findings || []) : (parsed.files || []).flatMap((f) => f.findings || []);
  findings = list.length;
  for (const f of list) byRule[f.rule] = (byRule[f.rule] || 0) + 1;
  json = '';
}
const peak = status().hwm;
global.gc();
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, findings, byRule, out, peakMb: peak, restMb: status().rss }));
`;

async function bundleCore() {
  mkdirSync(DIR, { recursive: true });
  await build({ entryPoints: [path.join(ROOT, 'server', 'src', 'core', 'lint.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: CORE_BUNDLE, logLevel: 'warning' });
}

function runChild(mode, file, warm, timeoutMs) {
  return new Promise((resolve) => {
    const modulePath = mode === 'core' ? CORE_BUNDLE : CLI;
    const child = spawn(process.execPath, ['--expose-gc', '-e', CHILD, mode, modulePath, file, warm], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ timeout: true });
      else if (code !== 0) resolve({ error: stderr.trim().split('\n').slice(-3).join(' ') || `exit ${code}` });
      else resolve(JSON.parse(stdout));
    });
  });
}

/** Least-squares slope of log(y) on log(x): the growth exponent. */
export function growthExponent(points) {
  const p = points.filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(y));
  if (p.length < 2) return null;
  const lx = p.map(([x]) => Math.log(x));
  const ly = p.map(([, y]) => Math.log(y));
  const mx = lx.reduce((a, b) => a + b, 0) / p.length;
  const my = ly.reduce((a, b) => a + b, 0) / p.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < p.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

/**
 * Every shape at its sizes: `[{ shape, what, unit, rows: [{ n, lines, mb, core, cli }], exponent: { core, cli } }]`.
 * A run that times out or fails makes its shape's exponent null (a MISS).
 */
export async function runDense({ shapes = Object.keys(SHAPES), timeoutMs = 120_000 } = {}) {
  await bundleCore();
  if (!existsSync(CLI)) throw new Error('server/out/cli.js is missing: run `npm run bundle` first');
  const warm = path.join(DIR, 'warm-up.topology.yaml');
  writeFileSync(warm, denseText('missing-spine-links', 300));
  const results = [];
  for (const shape of shapes) {
    const s = SHAPES[shape];
    const rows = [];
    for (const n of s.sizes) {
      const text = denseText(shape, n);
      const file = path.join(DIR, `${shape}-${n}.topology.yaml`);
      writeFileSync(file, text);
      const core = await runChild('core', file, warm, timeoutMs);
      const cli = await runChild('cli', file, warm, timeoutMs);
      const row = { n, lines: text.split('\n').length - 1, mb: Buffer.byteLength(text) / 1048576, core, cli };
      rows.push(row);
      log(`  ${shape} n=${n}: core ${describeRun(core)}; cli ${describeRun(cli)}`);
    }
    // On CPU time (user + system of the process): the machines are shared, and CPU time is what the work costs.
    const exp = (mode) => (rows.some((r) => r[mode].cpuMs === undefined) ? null : growthExponent(rows.map((r) => [r.n, r[mode].cpuMs])));
    results.push({ shape, what: s.what, unit: s.unit, rows, exponent: { core: exp('core'), cli: exp('cli') } });
  }
  return results;
}

function describeRun(r) {
  if (r.timeout) return 'TIMEOUT';
  if (r.error !== undefined) return `FAILED (${r.error.slice(0, 200)})`;
  const rules = Object.entries(r.byRule).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms), ${r.findings} findings (${rules}), peak ${r.peakMb.toFixed(0)} MB, at rest ${r.restMb.toFixed(0)} MB`;
}

const fmt = (x, digits = 0) => (typeof x !== 'number' || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const cell = (r) => (r.timeout ? 'timeout' : r.error !== undefined ? 'failed' : `${fmt(r.ms)} (${fmt(r.cpuMs)})`);
const mem = (r) => (r.peakMb === undefined ? '–' : `${fmt(r.peakMb)} / ${fmt(r.restMb)}`);

/** The markdown table of the dense shapes. */
export function denseTable(results, timeoutMs) {
  const out = [];
  out.push('| shape | size (n) | lines | MB | findings | core lintText ms (CPU ms) | core peak VmHWM / at rest (MB) | CLI json ms (CPU ms) | CLI peak VmHWM / at rest (MB) | CLI output (KB) |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const s of results) {
    for (const r of s.rows) {
      out.push(`| ${s.shape} | ${r.n.toLocaleString('en-US')} | ${r.lines} | ${fmt(r.mb, 1)} | ${r.core.findings ?? '–'} | ${cell(r.core)} | ${mem(r.core)} | ${cell(r.cli)} | ${mem(r.cli)} | ${r.cli.out === undefined ? '–' : fmt(r.cli.out / 1024)} |`);
    }
  }
  out.push('');
  out.push(`Growth exponents (least-squares slope of log CPU time against log n over the three sizes; ≤ ${MAX_EXPONENT} passes; a run over ${timeoutMs / 1000} s is a MISS):`);
  out.push('');
  out.push('| shape | n counts | core exponent | CLI exponent | status |');
  out.push('|---|---|--:|--:|---|');
  for (const s of results) {
    const ok = s.exponent.core !== null && s.exponent.cli !== null && s.exponent.core <= MAX_EXPONENT && s.exponent.cli <= MAX_EXPONENT;
    out.push(`| ${s.shape} | ${s.unit} | ${fmt(s.exponent.core, 2)} | ${fmt(s.exponent.cli, 2)} | ${ok ? 'PASS' : 'MISS'} |`);
  }
  out.push('');
  out.push('Shapes:');
  out.push('');
  for (const s of results) out.push(`- **${s.shape}**: ${s.what}.`);
  return out.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const shapes = opt('--shapes')?.split(',').filter(Boolean);
  const timeoutMs = Number(opt('--timeout-ms') ?? 120_000);
  runDense({ shapes, timeoutMs })
    .then((results) => {
      if (args.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
      else process.stdout.write(`${denseTable(results, timeoutMs)}\n`);
    })
    .catch((error) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    });
}
