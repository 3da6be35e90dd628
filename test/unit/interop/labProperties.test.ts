/**
 * Properties of the lab linter, the exporters and the importer on mutated input (fast-check):
 * they never throw, every range is inside the document, every rule id is known, and the same
 * text gives the same result. A few hundred cases, so the suite stays fast.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { lintDocument } from '../../../server/src/core/lintDocument';
import { lintText } from '../../../server/src/core/lint';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { RULES } from '../../../server/src/core/rules/catalog';
import { exportLab } from '../../../server/src/core/interop/export/exportLab';
import { importLab } from '../../../server/src/core/interop/containerlab/importLab';
import type { LintResult } from '../../../server/src/core/lint';
import { EXAMPLES, labFiles, topologyFiles } from '../helpers';

const LABS = labFiles(EXAMPLES).map((f) => fs.readFileSync(f, 'utf8'));
const TOPOLOGIES = topologyFiles(EXAMPLES)
  .filter((f) => !f.includes('alias-bomb'))
  .map((f) => fs.readFileSync(f, 'utf8'));
const SNIPPETS = [
  '\n    x: { labels: { topology.role: leaf } }',
  'topology.ports: "4x100G breakout 4x25G, 2x400G fabric"',
  '"__proto__:e1-1"',
  '- endpoints: ["constructor:eth1", "leaf1:eth1"]\n',
  '{ node: spine1, interface: e1-99 }',
  'labels: { topology.speed: 1.6T, topology.kind: peer }',
  'kind: linux',
  'type: ixrd2l',
  '<<: *x',
  '&x ',
  '*x',
  ': ',
  '\t',
  '- ',
  'topology.servers.g: "2x2x25G on leaf1,nope"',
  'graph-level: 3',
  '"',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

interface Mutation {
  kind: 'delete' | 'insert' | 'duplicate';
  at: number;
  length?: number;
  snippet?: string;
}

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + (m.length ?? 1));
    else if (m.kind === 'insert') out = out.slice(0, at) + (m.snippet ?? '') + out.slice(at);
    else {
      const start = out.lastIndexOf('\n', at) + 1;
      const end = out.indexOf('\n', at);
      const line = out.slice(start, end === -1 ? out.length : end + 1);
      out = out.slice(0, start) + line + out.slice(start);
    }
  }
  return out;
}

function assertSane(result: LintResult, what: string): void {
  const lines = result.text.split(/\r\n|\r|\n/);
  for (const f of result.findings) {
    assert.ok(RULES.has(f.rule), `${what}: unknown rule ${f.rule}`);
    assert.notEqual(f.rule, 'internal-error', `${what}: ${f.message}`);
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `${what}: ${f.rule} range ${JSON.stringify(f.range)}`);
    }
    assert.doesNotMatch(f.message, /undefined|NaN|Infinity|\[object/, `${what}: ${f.message}`);
  }
}

describe('labs: properties on mutated input', function () {
  // A few hundred lints: generous on a loaded 2-core machine.
  this.timeout(60_000);
  it('the lab linter never throws, keeps ranges inside the text, and is deterministic', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABS), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(), (lab, mutations, probe) => {
        const text = mutate(lab, mutations);
        const result = lintDocument('x.clab.yml', text);
        assertSane(result, 'lab');
        assert.equal(JSON.stringify(lintDocument('x.clab.yml', text).findings), JSON.stringify(result.findings));
        hoverAt(result, text.length === 0 ? 0 : probe % (text.length + 1), 'file:///lessons');
        const back = importLab(text);
        if (back.ok) assertSane(lintText(back.text), 'imported');
      }),
      { numRuns: 150, seed: 19 },
    );
  });

  it('export never throws, and what it writes lints as a clean lab (no schema finding, no internal error)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TOPOLOGIES), fc.array(mutation, { maxLength: 2 }), fc.integer({ min: 0, max: 2 }), (source, mutations, servers) => {
        const text = mutate(source, mutations);
        const result = lintText(text);
        for (const format of ['containerlab', 'netlab'] as const) {
          const outcome = exportLab(result, format, { servers });
          if (!outcome.ok) continue;
          assert.equal(exportLab(lintText(text), format, { servers }).ok && (exportLab(lintText(text), format, { servers }) as { text: string }).text, outcome.text);
          if (format === 'containerlab') {
            const lab = lintDocument('x.clab.yml', outcome.text);
            assertSane(lab, 'exported lab');
            assert.deepEqual(lab.findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax').map((f) => f.message), [], path.basename('exported lab'));
          }
        }
      }),
      { numRuns: 100, seed: 19 },
    );
  });
});
