/**
 * The promise of every fix, as a property: over generated fabrics (pods, planes, port-full leaves,
 * missing links, imbalance, speed mismatches, cross-pod links, duplicates, misspelt names) and over
 * every example, applying any offered quick fix, or fix-all, never increases the number of
 * error-severity findings, and a preferred fix (and each finding fix-all claims) removes its
 * finding. FIX_PROPERTY_RUNS raises the number of fabrics.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as fc from 'fast-check';
import { lintText, type LintResult } from '../../../server/src/core/lint';
import { findingKey, type Finding } from '../../../server/src/core/findings';
import { fixAll, fixesFor } from '../../../server/src/core/editing/quickFixes';
import { applyEdits } from '../../../server/src/core/editing/edits';
import { normalizeSettings } from '../../../server/src/core/settings';
import { topologyFiles } from '../helpers';

const RUNS = Number(process.env.FIX_PROPERTY_RUNS ?? 60);

interface Spec {
  pods: number;
  spines: number;
  leaves: number;
  superSpines: number;
  leafFabricPorts: number[];
  fabricSpeed: '40G' | '100G';
  spinePorts: number;
  servers: number[];
  nicSpeed: '10G' | '25G' | '100G';
  /** Parallel links per leaf–spine pair (0 = missing), cycled. */
  counts: number[];
  /** Speed of some links: 400G is faster than any leaf port (link-speed). */
  fastLinks: boolean[];
  crossPod: boolean;
  duplicate: boolean;
  misspelt: boolean;
  max: 1 | 1.5 | 3;
  rdma: boolean;
  flowStyle: boolean;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  pods: fc.integer({ min: 1, max: 3 }),
  spines: fc.integer({ min: 1, max: 4 }),
  leaves: fc.integer({ min: 1, max: 3 }),
  superSpines: fc.constantFrom(0, 0, 1, 2),
  leafFabricPorts: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
  fabricSpeed: fc.constantFrom('40G' as const, '100G' as const),
  spinePorts: fc.constantFrom(2, 4, 64),
  servers: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }),
  nicSpeed: fc.constantFrom('10G' as const, '25G' as const, '100G' as const),
  counts: fc.array(fc.constantFrom(0, 1, 1, 1, 2, 3), { minLength: 1, maxLength: 8 }),
  fastLinks: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  crossPod: fc.boolean(),
  duplicate: fc.boolean(),
  misspelt: fc.boolean(),
  max: fc.constantFrom(1 as const, 1.5 as const, 3 as const),
  rdma: fc.boolean(),
  flowStyle: fc.boolean(),
});

function render(s: Spec): string {
  const out = ['topology: generated', 'design:', `  max_oversubscription: ${s.max}`, `  workload: ${s.rdma ? 'rdma' : 'general'}`, 'switches:'];
  const links: string[] = [];
  const link = (a: string, b: string, speed: string, count: number): void => {
    const c = count > 1 ? `, count: ${count}` : '';
    links.push(s.flowStyle ? `  - { between: [${a}, ${b}], speed: ${speed}${c} }` : `  - between: [${a}, ${b}]\n    speed: ${speed}${count > 1 ? `\n    count: ${count}` : ''}`);
  };
  let n = 0;
  for (let plane = 1; s.superSpines > 0 && plane <= s.spines; plane++) {
    for (let k = 1; k <= s.superSpines; k++) out.push(`  ss${plane}-${k}: { role: super-spine, plane: ${plane}, ports: [{ count: 16, speed: 400G }] }`);
  }
  const serverLines: string[] = [];
  for (let p = 1; p <= s.pods; p++) {
    for (let sp = 1; sp <= s.spines; sp++) {
      const up = s.superSpines > 0 ? `, { count: ${s.superSpines}, speed: 400G, for: fabric }` : '';
      out.push(`  p${p}-s${sp}: { role: spine, pod: ${p}${s.superSpines > 0 ? `, plane: ${sp}` : ''}, ports: [{ count: ${s.spinePorts}, speed: 100G }${up}] }`);
      for (let k = 1; k <= s.superSpines; k++) link(`p${p}-s${sp}`, `ss${sp}-${k}`, '400G', 1);
    }
    for (let l = 1; l <= s.leaves; l++) {
      const leaf = `p${p}-l${l}`;
      const ports = s.leafFabricPorts[(p + l) % s.leafFabricPorts.length];
      out.push(`  ${leaf}: { role: leaf, pod: ${p}, ports: [{ count: 48, speed: 25G, for: servers }, { count: ${ports}, speed: ${s.fabricSpeed}, for: fabric }] }`);
      const servers = s.servers[(p * 7 + l) % s.servers.length];
      if (servers > 0) serverLines.push(`  rack-${leaf}: { count: ${servers}, nics: { count: 1, speed: ${s.nicSpeed} }, leaves: [${leaf}] }`);
      for (let sp = 1; sp <= s.spines; sp++) {
        const count = s.counts[n % s.counts.length];
        const fast = s.fastLinks[n % s.fastLinks.length] && n % 3 === 0;
        n++;
        if (count > 0) link(leaf, `p${p}-s${sp}`, fast ? '400G' : s.fabricSpeed, count);
      }
    }
  }
  if (s.crossPod && s.pods > 1) link('p1-l1', 'p2-s1', s.fabricSpeed, 1);
  if (s.duplicate) link('p1-l1', 'p1-s1', s.fabricSpeed, 1);
  if (s.misspelt) link('p1-l1', 'p1-sx', s.fabricSpeed, 1);
  return [...out, ...(serverLines.length > 0 ? ['servers:', ...serverLines] : []), 'links:', ...links, ''].join('\n');
}

function errorCount(result: LintResult): number {
  return result.findings.filter((f) => f.severity === 'error').length;
}

function keyCount(result: LintResult, finding: Finding): number {
  const key = findingKey(finding);
  return result.findings.filter((f) => findingKey(f) === key).length;
}

/** Every offered fix and fix-all keep their promise on `text`. */
function checkFixes(text: string, settings = normalizeSettings(undefined)): void {
  const before = lintText(text, settings);
  for (const finding of before.findings) {
    for (const fix of fixesFor(before, finding)) {
      if (fix.edits === undefined) continue;
      const after = lintText(applyEdits(text, fix.edits), settings);
      assert.ok(errorCount(after) <= errorCount(before), `"${fix.title}" for ${finding.rule} raised errors ${errorCount(before)} → ${errorCount(after)}\n${text}`);
      if (fix.isPreferred === true) assert.ok(keyCount(after, finding) < keyCount(before, finding), `preferred "${fix.title}" left its ${finding.rule} finding\n${text}`);
    }
  }
  const all = fixAll(before);
  if (all.edits.length === 0) return;
  const after = lintText(applyEdits(text, all.edits), settings);
  assert.ok(errorCount(after) <= errorCount(before), `fix-all raised errors ${errorCount(before)} → ${errorCount(after)}\n${text}`);
  for (const fixed of all.fixed) assert.ok(keyCount(after, fixed) < keyCount(before, fixed), `fix-all left ${fixed.rule} ${JSON.stringify(fixed.subject)}\n${text}`);
}

describe('fix promise (property)', function () {
  this.timeout(Math.max(120_000, RUNS * 2_000));

  it('every example: any offered fix and fix-all add no error; preferred fixes remove their finding', () => {
    for (const file of topologyFiles()) checkFixes(fs.readFileSync(file, 'utf8'));
  });

  it(`${RUNS} generated fabrics (pods, planes, port-full leaves, missing links, imbalance, speed mismatches)`, () => {
    let withFindings = 0;
    fc.assert(
      fc.property(spec, (s) => {
        const text = render(s);
        if (lintText(text).findings.length > 0) withFindings++;
        checkFixes(text);
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
    // The generator must reach the cases it is for, or the property proves nothing.
    assert.ok(withFindings > RUNS / 2, `only ${withFindings} of ${RUNS} fabrics had findings`);
  });

  it('with a severity raised by settings, the proof uses it', () => {
    const settings = normalizeSettings({ rules: { 'ecmp-imbalance': 'error', oversubscription: 'error' } });
    fc.assert(fc.property(spec, (s) => checkFixes(render(s), settings)), { numRuns: Math.max(10, RUNS / 4), seed: 7 });
  });
});
