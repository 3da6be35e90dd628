/**
 * The per-document budget of published diagnostics (server/src/lsp/diagnostics.ts): at most
 * 5,000 diagnostics, errors first, plus one info that says how many were left out and where the
 * first is; at most 50 related locations per diagnostic and 10,000 per document.
 */
import { strict as assert } from 'assert';
import type { Finding, Severity } from '../../server/src/core/findings';
import { MAX_DIAGNOSTICS, MAX_RELATED_PER_DOCUMENT, toDiagnostics } from '../../server/src/lsp/diagnostics';

const BASE = 'file:///lessons';

function finding(line: number, severity: Severity, related = 0): Finding {
  const range = { start: { line, character: 2 }, end: { line, character: 7 } };
  const f: Finding = { rule: severity === 'error' ? 'unknown-switch' : severity === 'warning' ? 'duplicate-link' : 'isolated-switch', severity, message: `m${line}`, range };
  if (related > 0) f.related = Array.from({ length: related }, (_, i) => ({ message: `r${i}`, range }));
  return f;
}

describe('LSP glue: the diagnostics budget per document', () => {
  it('publishes every finding, unchanged, when there are few', () => {
    const findings = [finding(1, 'warning', 3), finding(2, 'error')];
    const diagnostics = toDiagnostics(findings, 'file:///a', BASE);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message, d.relatedInformation?.length ?? 0]), [['duplicate-link', 'm1', 3], ['unknown-switch', 'm2', 0]]);
    assert.equal(diagnostics[0].relatedInformation?.[0].location.uri, 'file:///a');
  });

  it('keeps 5,000, errors first, in position order, plus one summary at the first one left out', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 6000; i++) findings.push(finding(i, 'warning'));
    for (let i = 6000; i < 8000; i++) findings.push(finding(i, 'error'));
    for (let i = 8000; i < 8100; i++) findings.push(finding(i, 'info'));
    const diagnostics = toDiagnostics(findings, 'file:///a', BASE);
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
    const kept = diagnostics.slice(0, MAX_DIAGNOSTICS);
    assert.equal(kept.filter((d) => d.severity === 1).length, 2000, 'every error is kept');
    assert.equal(kept.filter((d) => d.severity === 2).length, 3000);
    assert.equal(kept.filter((d) => d.severity === 3).length, 0);
    for (let i = 1; i < kept.length; i++) assert.ok(kept[i - 1].range.start.line < kept[i].range.start.line, 'position order');
    const summary = diagnostics[MAX_DIAGNOSTICS];
    assert.equal(summary.code, 'analysis-skipped');
    assert.equal(summary.severity, 3);
    assert.equal(summary.range.start.line, 3000, 'at the first warning left out');
    assert.match(summary.message, /^3100 more findings not shown \(3000 warnings, 100 infos\): this file has 8100 findings, and the editor shows the first 5000, errors first\. The first one left out is here \(line 3001\)\./);
    assert.match(String(summary.codeDescription?.href), /^file:\/\/\/lessons\/.+\.md#.+/);
  });

  it('caps related locations at 50 per diagnostic and 10,000 per document', () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding(i, 'warning', 80));
    const diagnostics = toDiagnostics(findings, 'file:///a', BASE);
    assert.equal(diagnostics.length, 400);
    const counts = diagnostics.map((d) => d.relatedInformation?.length ?? 0);
    assert.ok(counts.every((n) => n <= 50));
    assert.equal(counts.reduce((a, b) => a + b, 0), MAX_RELATED_PER_DOCUMENT);
    assert.equal(counts[0], 50);
    assert.equal(counts[399], 0, 'past the budget, diagnostics come without related locations');
  });
});
