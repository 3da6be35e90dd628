/**
 * The fabric diagram on generated and mutated documents: building the view (with a group opened
 * and the first spine and first link failed), its hovers, the node under any offset and the SVG
 * never throw; the view passes the client's check; no text shows NaN, Infinity or undefined; the
 * what-if JSON never shows ∞. A shrunk failure is kept under test/fixtures/fuzz/ like the others.
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { buildDiagram } from '../../server/src/core/diagram/diagram';
import { diagramHover } from '../../server/src/core/diagram/diagramHover';
import { diagramLocate } from '../../server/src/core/diagram/diagramLocate';
import { renderSvg } from '../../server/src/core/diagram/svg';
import { lintText } from '../../server/src/core/lint';
import { NO_FAILURES, whatIf } from '../../server/src/core/whatIf/whatIf';
import { whatIfReport } from '../../server/src/core/whatIf/whatIfReport';
import { DEFAULT_PALETTE, parseDiagramView } from '../../shared/webview/diagramView';
import type { DiagramState, DiagramView } from '../../shared/webview/diagramView';
import { assertNoBadWords } from '../robustness/support';
import { documentSpec, renderDocument } from './documents';
import { checkAndKeep, RUN_RECORDS, runs, seed } from './properties';

function texts(view: DiagramView): string[] {
  return [
    ...view.nodes.flatMap((n) => [n.title, n.detail, n.badge ?? '']),
    ...view.links.flatMap((l) => [l.label, l.caption ?? '']),
    ...view.boxes.map((b) => b.label),
    ...(view.whatIf === null ? [] : [...view.whatIf.lines, ...view.whatIf.rows.flatMap((r) => [r.uplink, r.ratio, r.paths])]),
  ];
}

function checkDiagram(text: string, offsets: readonly number[]): void {
  const result = lintText(text);
  const model = result.analysis?.model;
  const spine = model?.spines[0]?.name;
  const link = model?.links.find((l) => l.known)?.ends;
  const first = buildDiagram(result, { expanded: [], failed: { switches: [], links: [] } });
  const group = first.nodes.find((n) => n.kind === 'group')?.key;
  const state: DiagramState = {
    expanded: group === undefined ? [] : [group],
    failed: { switches: spine === undefined ? [] : [spine], links: link === undefined ? [] : [[link[0].name ?? '', link[1].name ?? '']] },
  };
  for (const s of [first, buildDiagram(result, state)]) {
    assert.ok(parseDiagramView(JSON.parse(JSON.stringify(s))) !== undefined, 'the view passes the client check');
    for (const t of texts(s)) assertNoBadWords(t, 'diagram text', text);
    for (const n of s.nodes) assert.ok([n.x, n.y, n.w, n.h].every(Number.isFinite), `node ${n.key} position`);
    for (const l of s.links) assert.ok([l.x1, l.y1, l.x2, l.y2, l.lx, l.ly, l.mx, l.my, l.width, l.gbps].every(Number.isFinite), `link ${l.key} figures`);
  }
  const view = buildDiagram(result, state);
  for (const key of [...view.nodes.slice(0, 3).map((n) => n.key), ...view.links.slice(0, 2).map((l) => l.key)]) {
    const hover = diagramHover(result, key, state, 'file:///lessons');
    for (const line of hover?.lines ?? []) assertNoBadWords(line, `hover of ${key}`, text);
  }
  for (const offset of offsets) diagramLocate(result, offset % (text.length + 1), state);
  assert.ok(renderSvg(view, DEFAULT_PALETTE, 'x').endsWith('</svg>\n'));
  if (model !== undefined) {
    const report = JSON.stringify(whatIfReport(whatIf(model, spine === undefined ? NO_FAILURES : { switches: new Set([model.spines[0]]), links: new Set() }), []));
    assert.ok(!/∞|NaN|Infinity|undefined/.test(report), report.slice(0, 200));
  }
}

describe('fuzz: the fabric diagram (buildDiagram, hover, locate, SVG, what-if)', function () {
  const numRuns = Math.max(1, Math.round(runs('FUZZ_RUNS', 2000) / 5));
  this.timeout(Math.max(60_000, numRuns * 200));

  it(`${numRuns} documents: never throws, a valid view, no NaN/Infinity/undefined in what it draws`, async () => {
    const started = Date.now();
    let documents = 0;
    const property = fc.property(fc.tuple(documentSpec, fc.array(fc.nat(), { maxLength: 4 })), ([spec, offsets]) => {
      documents++;
      checkDiagram(renderDocument(spec), offsets);
    });
    const record = { name: 'diagram', documents: 0, failures: 0, ms: 0, seed: seed() };
    RUN_RECORDS.push(record);
    try {
      await checkAndKeep(property, { numRuns, seed: seed(), endOnFailure: false }, ([[spec]]) => renderDocument(spec), (details) => {
        record.seed = details.seed;
      });
    } catch (error) {
      record.failures = 1;
      throw error;
    } finally {
      record.documents = documents;
      record.ms = Date.now() - started;
    }
  });
});
