/**
 * Fixes that never break the file: the cases an engineer hits on port-full leaves and brownfield
 * speed mixes, where the obvious fix would create a port-capacity error. Each offered fix is
 * applied and the file re-linted here too.
 */
import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import type { LintResult } from '../../../server/src/core/lint';
import type { Finding } from '../../../server/src/core/findings';
import { fixAll, fixesFor } from '../../../server/src/core/editing/quickFixes';
import { applyEdits } from '../../../server/src/core/editing/edits';

function findingOf(result: LintResult, rule: string, name?: string): Finding {
  const found = result.findings.find((f) => f.rule === rule && (name === undefined || f.subject?.switches?.[0] === name || f.subject?.group === name));
  assert.ok(found, `expected a ${rule} finding, got ${result.findings.map((f) => `${f.rule} ${f.message}`).join('\n')}`);
  return found;
}

function errors(result: LintResult): string[] {
  return result.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
}

/** Two spines of 32 × 100G; leaf3 with `fabric` × 100G fabric ports and `servers` × 25G. */
function fabric(leaf3Fabric: number, links: string, servers = 8, spines = 2, fabricSpeed = '100G'): string {
  const spineLines = Array.from({ length: spines }, (_, i) => `  spine${i + 1}: { role: spine, ports: [{ count: 32, speed: 100G }] }`);
  const leaf2Links = Array.from({ length: spines }, (_, i) => `  - { between: [leaf2, spine${i + 1}], speed: 100G }`);
  return [
    'topology: t',
    'switches:',
    ...spineLines,
    '  leaf2: { role: leaf, ports: [{ count: 16, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }',
    `  leaf3: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: ${leaf3Fabric}, speed: ${fabricSpeed}, for: fabric }] }`,
    'servers:',
    `  web: { count: ${servers}, nics: { count: 1, speed: 25G }, leaves: [leaf3] }`,
    'links:',
    ...leaf2Links,
    links,
    '',
  ].join('\n');
}

describe('fixes on port-full switches', () => {
  it('spine-connectivity: six fabric ports all cabled to spine1 → 3 + 3, never 6 more to spine2', () => {
    const text = fabric(6, '  - { between: [leaf3, spine1], speed: 100G, count: 6 }');
    const result = lintText(text);
    const finding = findingOf(result, 'spine-connectivity', 'leaf3');
    assert.match(finding.message, /Its ports allow no more spine links: spread its uplinks evenly instead — give each of `spine1` and `spine2` 3 × 100G, adding `spine2` \(600G in all\)\.$/);
    const fixes = fixesFor(result, finding);
    assert.equal(fixes[0].title, "Spread `leaf3`'s uplinks evenly: 3 × 100G to each of its 2 spines");
    const out = applyEdits(text, fixes[0].edits!);
    assert.ok(out.includes('  - { between: [leaf3, spine1], speed: 100G, count: 3 }\n  - { between: [leaf3, spine2], speed: 100G, count: 3 }\n'), out);
    assert.deepEqual(lintText(out).findings.map((f) => f.rule), []);
  });

  it('ecmp-imbalance: 4 + 2 on a 6-port leaf → 3 + 3 (not "4 to every spine", which needs 8 ports)', () => {
    const text = fabric(6, '  - { between: [leaf3, spine1], speed: 100G, count: 4 }\n  - { between: [leaf3, spine2], speed: 100G, count: 2 }');
    const result = lintText(text);
    const finding = findingOf(result, 'ecmp-imbalance', 'leaf3');
    assert.match(finding.message, /; give each of `spine1` and `spine2` 3 × 100G \(600G in all\)\.$/);
    const fix = fixesFor(result, finding)[0];
    assert.equal(fix.title, 'Give every spine 3 × 100G (count: 3)');
    const out = applyEdits(text, fix.edits!);
    assert.deepEqual(lintText(out).findings.map((f) => f.rule), []);
  });

  it('spine-connectivity on a leaf with 2 fabric ports and 4 spines: no fix, and the message says why', () => {
    const text = fabric(2, '  - { between: [leaf3, spine1], speed: 100G, count: 2 }', 8, 4);
    const result = lintText(text);
    const finding = findingOf(result, 'spine-connectivity', 'leaf3');
    assert.match(finding.message, /No link can be added: `leaf3` would need 4 ports of 100G or faster and has 2; free a fabric port, or move servers to another leaf\.$/);
    assert.deepEqual(
      fixesFor(result, finding).map((f) => f.title),
      ['Disable spine-connectivity for this line', 'Open lesson: Why every server is equidistant'],
    );
  });

  it('link-speed on NICs: never onto full 40G ports; the fastest speed with free ports instead', () => {
    // leaf3's 8 × 40G fabric ports all carry uplinks; its 100G NICs fit no port. 40G is full: 25G has room.
    const text = fabric(8, '  - { between: [leaf3, spine1], speed: 40G, count: 4 }\n  - { between: [leaf3, spine2], speed: 40G, count: 4 }', 8, 2, '40G').replace(
      'nics: { count: 1, speed: 25G }',
      'nics: { count: 1, speed: 100G }',
    );
    const result = lintText(text);
    const finding = findingOf(result, 'link-speed', 'web');
    assert.match(finding.message, /Use 25G NICs, the fastest its leaves have free ports for, or give the leaves faster ports\.$/);
    const fix = fixesFor(result, finding)[0];
    assert.equal(fix.title, 'Change the NIC speed to 25G (the fastest its leaves have free ports for)');
    const out = applyEdits(text, fix.edits!);
    assert.deepEqual(errors(lintText(out)), []);
  });

  it('oversubscription: first the missing spine link (review C5: leaf7 without spine3 → 3:1 over 4 spines)', () => {
    const spines = Array.from({ length: 4 }, (_, i) => `  spine${i + 1}: { role: spine, ports: [{ count: 32, speed: 100G }] }`);
    const text = [
      'topology: t',
      'switches:',
      ...spines,
      '  leaf7: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 4, speed: 100G, for: fabric }] }',
      'servers:',
      '  web: { count: 48, nics: { count: 1, speed: 25G }, leaves: [leaf7] }',
      'links:',
      '  - { between: [leaf7, spine1], speed: 100G }',
      '  - { between: [leaf7, spine2], speed: 100G }',
      '  - { between: [leaf7, spine4], speed: 100G }',
      '',
    ].join('\n');
    const result = lintText(text);
    const over = findingOf(result, 'oversubscription', 'leaf7');
    assert.equal(
      over.message,
      '`leaf7` is 4:1 oversubscribed: 1200G to servers, 300G to spines (design allows 3:1). Add 1 × 100G to `spine3` (400G in all) to bring it to 3:1.',
    );
    const fix = fixesFor(result, over)[0];
    assert.equal(fix.title, 'Give every spine of `leaf7` 1 × 100G (4:1 → 3:1)');
    assert.deepEqual(lintText(applyEdits(text, fix.edits!)).findings.map((f) => f.rule), []);
  });

  it('oversubscription: the advice never asks for ports that are in use', () => {
    // 8 fabric ports, 2 in use; 1250G down at 1.5:1 would need 5 links per spine = 10 ports.
    const text = fabric(8, '  - { between: [leaf3, spine1], speed: 100G }\n  - { between: [leaf3, spine2], speed: 100G }', 50).replace('topology: t', 'topology: t\ndesign: { max_oversubscription: 1.5 }');
    const result = lintText(text);
    const over = findingOf(result, 'oversubscription', 'leaf3');
    assert.match(over.message, /No balanced fix fits: 5 × 100G to each of 2 spines would bring it within the design, but `leaf3` would need 10 ports of 100G or faster and has 8;/);
    assert.deepEqual(
      fixesFor(result, over).map((f) => f.title),
      ['Disable oversubscription for this line', 'Open lesson: Oversubscription ratios'],
    );
  });

  it('fix-all on each of them never adds an error', () => {
    const cases = [
      fabric(6, '  - { between: [leaf3, spine1], speed: 100G, count: 6 }'),
      fabric(2, '  - { between: [leaf3, spine1], speed: 100G, count: 2 }', 8, 4),
      fabric(8, '  - { between: [leaf3, spine1], speed: 40G, count: 4 }\n  - { between: [leaf3, spine2], speed: 40G, count: 4 }', 8, 2, '40G').replace('speed: 25G }, leaves', 'speed: 100G }, leaves'),
    ];
    for (const text of cases) {
      const before = lintText(text);
      const all = fixAll(before);
      const after = lintText(applyEdits(text, all.edits));
      assert.ok(errors(after).length <= errors(before).length, `${errors(before).join()} → ${errors(after).join()}`);
      for (const fixed of all.fixed) assert.ok(!after.findings.some((f) => f.rule === fixed.rule && JSON.stringify(f.subject?.switches) === JSON.stringify(fixed.subject?.switches) && f.subject?.group === fixed.subject?.group), `${fixed.rule} survived`);
    }
  });
});
