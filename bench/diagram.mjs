#!/usr/bin/env node
/**
 * Fabric diagram benchmark (part of `npm run bench`): on a generated 64-spine × 2048-leaf fabric
 * (131,072 links), the real server's `topology/diagram` answer over stdio — time and payload size —
 * for the views a user goes through, and the time headless Chromium takes to draw each payload with
 * the real webview script (media/diagram.js and diagram.css, with a stub VS Code API): from posting
 * the message to two animation frames after the webview reported it drew (so layout and paint are in).
 *
 *   node bench/diagram.mjs [--json] [--runs N] [--size SPINESxLEAVES] [--no-browser]
 *
 * Views: default (aggregated: one group box per row), spines opened, spines and leaves opened (leaves
 * in 32 groups of 64), one group of leaves opened too, and the same with a spine failed (what-if).
 * Target (issue 18): the 64×2048 fabric draws in under 1 s, by aggregation. Needs `npm run bundle`
 * (server/out/server.js); the browser part needs Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
/* global window, document, requestAnimationFrame -- page.evaluate functions run in the browser */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateFabric } from './generate.mjs';
import { LspProcess, withTimeout } from './lspClient.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT_MS = 120_000;
const TARGET_MS = 1000;

function parseArgs(argv) {
  const opts = { json: false, runs: 3, size: '64x2048', browser: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--size') opts.size = argv[++i];
    else if (a === '--no-browser') opts.browser = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!/^\d+x\d+$/.test(opts.size ?? '')) throw new Error('--size takes SPINESxLEAVES');
  return opts;
}

const log = (m) => process.stderr.write(`${m}\n`);
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length === 0 ? null : v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const state = (expanded = [], switches = []) => ({ expanded, failed: { switches, links: [] } });

/** The webview page: diagram.css and diagram.js as they ship, with a stub acquireVsCodeApi. */
function pageHtml() {
  const css = readFileSync(path.join(ROOT, 'media', 'diagram.css'), 'utf8');
  const js = readFileSync(path.join(ROOT, 'media', 'diagram.js'), 'utf8');
  // The panel's page body as it ships: the `body:` template of DiagramPanel.html() (client/src/webviewHtml.ts adds the rest).
  const source = readFileSync(path.join(ROOT, 'client', 'src', 'diagram', 'diagramPanel.ts'), 'utf8');
  const match = /\bbody: `([^`]*)`/.exec(source);
  if (match === null) throw new Error('bench/diagram.mjs: no `body:` template in client/src/diagram/diagramPanel.ts (the page moved?)');
  const body = match[1];
  return `<!DOCTYPE html><html><head><meta charset="UTF-8"><style>${css}</style>
<script>window.acquireVsCodeApi = () => ({ postMessage: (m) => { if (m.type === 'rendered' && window.__rendered) window.__rendered(m.revision); }, getState: () => undefined, setState: (s) => s });</script>
</head><body>${body}<script>${js}</script></body></html>`;
}

async function withBrowser(run) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed' };
  }
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(pageHtml());
    return await run(page);
  } finally {
    await browser.close();
  }
}

function drawMs(page, view, revision) {
  return page.evaluate(
    async ({ view, revision }) => {
      const t0 = performance.now();
      const drawn = new Promise((resolve) => (window.__rendered = resolve));
      window.postMessage({ type: 'render', view, revision }, '*');
      await drawn;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const ms = performance.now() - t0;
      return { ms, nodes: document.querySelectorAll('g.node').length, links: document.querySelectorAll('.link').length };
    },
    { view, revision },
  );
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const [spines, leaves] = opts.size.split('x').map(Number);
  if (!existsSync(SERVER)) throw new Error('server/out/server.js is missing: run `npm run bundle` first');
  const text = generateFabric({ spines, leaves });
  const uri = `file:///bench/diagram-${opts.size}.topology.yaml`;
  const server = new LspProcess([SERVER, '--stdio'], { cwd: ROOT });
  const rows = [];
  try {
    await withTimeout(server.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: false } } }), TIMEOUT_MS, 'initialize');
    await server.notify('initialized', {});
    const opened = server.nextDiagnostics(uri);
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'topology', version: 1, text } });
    await withTimeout(opened, TIMEOUT_MS, 'diagnostics');
    const ask = (s) => withTimeout(server.request('topology/diagram', { uri, state: s }), TIMEOUT_MS, 'topology/diagram');

    // The views, each derived from the one before (keys as the server gives them).
    const first = await ask(state());
    const spineGroup = first.nodes.find((n) => n.tier === 'spine' && n.kind === 'group')?.key;
    const leafGroup = first.nodes.find((n) => n.tier === 'leaf' && n.kind === 'group')?.key;
    const opened2 = [spineGroup, leafGroup].filter(Boolean);
    const chunked = await ask(state(opened2));
    const chunk = chunked.nodes.find((n) => n.tier === 'leaf' && n.kind === 'group')?.key;
    const firstSpine = chunked.nodes.find((n) => n.tier === 'spine' && n.kind === 'switch')?.name;
    const views = [
      { name: 'default (aggregated)', state: state() },
      { name: 'spines opened', state: state(spineGroup ? [spineGroup] : []) },
      { name: 'spines + leaves opened (groups of leaves)', state: state(opened2) },
      { name: '+ one group of leaves opened', state: state([...opened2, chunk].filter(Boolean)) },
      { name: '+ a spine failed (what-if)', state: state([...opened2, chunk].filter(Boolean), firstSpine ? [firstSpine] : []) },
    ];
    for (const v of views) {
      const times = [];
      let result;
      for (let i = 0; i < opts.runs; i++) {
        const t0 = performance.now();
        result = await ask(v.state);
        times.push(performance.now() - t0);
      }
      rows.push({ view: v.name, requestMs: median(times), bytes: Buffer.byteLength(JSON.stringify(result)), nodes: result.nodes.length, links: result.links.length, result });
    }
  } finally {
    await server.stop();
  }

  let browserNote;
  if (opts.browser) {
    const outcome = await withBrowser(async (page) => {
      let revision = 0;
      for (const row of rows) {
        const times = [];
        for (let i = 0; i < opts.runs; i++) {
          const drawn = await drawMs(page, row.result, ++revision);
          if (drawn.nodes !== row.nodes || drawn.links !== row.links) throw new Error(`the webview drew ${drawn.nodes} nodes and ${drawn.links} links of ${row.nodes} and ${row.links}`);
          times.push(drawn.ms);
        }
        row.drawMs = median(times);
      }
      return {};
    });
    browserNote = outcome.skipped;
  } else {
    browserNote = '--no-browser';
  }

  const fmt = (x, d = 0) => (typeof x === 'number' ? x.toFixed(d) : '–');
  const lines = [
    `Fabric diagram, ${opts.size} (${spines * leaves} links), median of ${opts.runs}:`,
    '| view | nodes | links | payload (KB) | topology/diagram (ms) | draw in Chromium (ms) | request + draw (ms) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows.map((r) => `| ${r.view} | ${r.nodes} | ${r.links} | ${fmt(r.bytes / 1024, 1)} | ${fmt(r.requestMs, 1)} | ${fmt(r.drawMs, 1)} | ${fmt(r.drawMs === undefined ? undefined : r.requestMs + r.drawMs, 1)} |`),
  ];
  if (browserNote !== undefined) lines.push(`(draw times not measured: ${browserNote})`);
  const first = rows[0];
  if (first.drawMs !== undefined) {
    const total = first.requestMs + first.drawMs;
    lines.push(`Target: the ${opts.size} fabric renders in under ${TARGET_MS} ms by aggregation: ${total < TARGET_MS ? 'PASS' : 'MISS'} (${fmt(total, 1)} ms request + draw of the default view).`);
  }
  log(lines.join('\n'));
  if (opts.json) process.stdout.write(`${JSON.stringify(rows.map(({ result: _r, ...row }) => ({ size: opts.size, ...row })))}\n`);
}

main().catch((error) => {
  log(`bench/diagram.mjs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
