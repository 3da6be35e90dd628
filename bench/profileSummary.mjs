#!/usr/bin/env node
/**
 * Aggregates a V8 .cpuprofile (from `node --cpu-prof`) by function: self time and total
 * (inclusive, counted once per sample even under recursion). Bundled positions are mapped
 * back to TypeScript sources through the bundle's source map when one sits next to it.
 *
 *   node bench/profileSummary.mjs /tmp/prof/CPU.*.cpuprofile [--top 25]
 */
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

const sourceMaps = new Map();

function sourceMapFor(url) {
  if (sourceMaps.has(url)) return sourceMaps.get(url);
  let map;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (file.endsWith('.js') && existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  } catch {
    map = undefined;
  }
  sourceMaps.set(url, map);
  return map;
}

/** "name (file:line)" for a call frame, with the original source when a source map knows it. */
function frameLabel(cf) {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) return name; // (program), (garbage collector), (idle), native
  const map = sourceMapFor(cf.url);
  if (map !== undefined && cf.lineNumber >= 0) {
    const entry = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (entry && entry.originalSource) {
      const src = entry.originalSource.replace(/^.*?node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
      return `${name} (${src}:${entry.originalLine + 1})`;
    }
  }
  const file = cf.url.replace(/^file:\/\//, '').replace(/^.*?node_modules\//, 'node_modules/');
  return `${name} (${path.basename(file) === file ? file : file.replace(process.cwd() + '/', '')}:${cf.lineNumber + 1})`;
}

/**
 * @returns {{ totalMs: number, rows: { label: string, selfMs: number, totalMs: number }[] }}
 */
export function summarizeProfile(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labelOf = new Map(profile.nodes.map((n) => [n.id, frameLabel(n.callFrame)]));
  const self = new Map();
  const total = new Map();
  let totalMs = 0;
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the following delta to sample i.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i];
    const label = labelOf.get(id);
    if (label === '(idle)') continue;
    totalMs += ms;
    self.set(label, (self.get(label) ?? 0) + ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const l = labelOf.get(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  }
  const rows = [...total.keys()].map((label) => ({ label, selfMs: self.get(label) ?? 0, totalMs: total.get(label) ?? 0 }));
  return { totalMs, rows };
}

export function formatSummary({ totalMs, rows }, top = 25) {
  const out = [];
  const pct = (ms) => `${((100 * ms) / totalMs).toFixed(1).padStart(5)}%`;
  out.push(`Busy (non-idle) time: ${totalMs.toFixed(0)} ms`);
  out.push('');
  out.push(`Top ${top} by self time:`);
  out.push('   self ms   self%   total ms  function');
  for (const r of [...rows].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) {
    out.push(`${r.selfMs.toFixed(1).padStart(10)}  ${pct(r.selfMs)}  ${r.totalMs.toFixed(1).padStart(9)}  ${r.label}`);
  }
  out.push('');
  out.push(`Top ${top} by total (inclusive) time:`);
  out.push('  total ms  total%    self ms  function');
  for (const r of [...rows].filter((r) => !r.label.startsWith('(')).sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) {
    out.push(`${r.totalMs.toFixed(1).padStart(10)}  ${pct(r.totalMs)}  ${r.selfMs.toFixed(1).padStart(9)}  ${r.label}`);
  }
  return out.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => !a.startsWith('--') && !(topAt >= 0 && i === topAt + 1));
  if (files.length === 0) {
    process.stderr.write('usage: node bench/profileSummary.mjs FILE.cpuprofile [--top N]\n');
    process.exitCode = 2;
  }
  for (const file of files) {
    process.stdout.write(`== ${file}\n${formatSummary(summarizeProfile(JSON.parse(readFileSync(file, 'utf8'))), top)}\n`);
  }
}
