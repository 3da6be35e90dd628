/**
 * Format 1.1: peer links, external devices and border leaves, breakout ports, a spine limit —
 * each semantic point with its near-misses, and every v1 file giving exactly the findings it gave.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../server/src/core/lint';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { inlayHints } from '../../../server/src/core/hints/inlayHints';
import { fixesFor } from '../../../server/src/core/editing/quickFixes';
import { applyEdits } from '../../../server/src/core/editing/edits';
import { textAt } from '../helpers';
import { findings, rules, run } from './analysisHelpers';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Two spines, leaves with 16 × 25G server ports and 8 × 100G fabric ports, each 1 × 100G to both spines. */
function pod(extraSwitches: string[], extraLinks: string[], leaves = ['leaf1', 'leaf2'], design: string[] = []): string {
  return [
    'topology: t',
    ...(design.length > 0 ? ['design:', ...design] : []),
    'switches:',
    '  spine1: { role: spine, ports: [{ count: 32, speed: 100G }] }',
    '  spine2: { role: spine, ports: [{ count: 32, speed: 100G }] }',
    ...leaves.map((l) => `  ${l}: { role: leaf, ports: [{ count: 16, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }`),
    ...extraSwitches,
    'links:',
    ...leaves.flatMap((l) => [`  - { between: [${l}, spine1], speed: 100G }`, `  - { between: [${l}, spine2], speed: 100G }`]),
    ...extraLinks,
    '',
  ].join('\n');
}

function hover(text: string, name: string): string {
  const result = lintText(text);
  return hoverAt(result, text.indexOf(`\n  ${name}:`) + 3, 'file:///lessons')!.markdown;
}

describe('format 1.1', () => {
  describe('kind: peer', () => {
    it('a peer pair in one pod, one partner each: no finding, no tier-violation, not an uplink', () => {
      const text = pod([], ['  - { between: [leaf1, leaf2], speed: 100G, count: 2, kind: peer }']);
      assert.deepEqual(rules(findings(text)), []);
      const leaf = run(text).model.switches.get('leaf1')!;
      assert.equal(leaf.uplinkGbps, 200);
      assert.equal(leaf.ecmpPaths, 2);
      assert.deepEqual(leaf.peerPartners.map((p) => p.name), ['leaf2']);
      assert.deepEqual(leaf.portsBySpeed.find((p) => p.speedGbps === 100), { speedGbps: 100, total: 8, used: 4 }); // 2 uplinks + 2 peer
      assert.match(hover(text, 'leaf1'), /Peer \(MLAG\/vPC\): `leaf2` · 2 links, 200G · not an uplink/);
    });

    it('the same cable without `kind: peer` is still the v1 leaf–leaf tier-violation', () => {
      assert.deepEqual(rules(findings(pod([], ['  - { between: [leaf1, leaf2], speed: 100G, count: 2 }']))), ['tier-violation']);
    });

    it('peer-link: ends of different roles, or of different pods, at the `between` value', () => {
      const roles = pod([], ['  - { between: [leaf1, spine1], speed: 100G, kind: peer }']);
      const list = findings(roles, 'peer-link');
      assert.equal(list.length, 1);
      assert.equal(textAt(roles, list[0].range), '[leaf1, spine1]');
      assert.match(list[0].message, /^This peer link joins a leaf `leaf1` to a spine `spine1`: a peer link pairs two switches of the same role/);
      // It is neither an uplink nor a downlink: leaf1 keeps 1 × 100G to spine1.
      assert.equal(run(roles).model.switches.get('leaf1')!.upstream.get('spine1')!.linkCount, 1);
      assert.equal(run(roles).model.switches.get('spine1')!.downlinkGbps, 200);

      const pods = pod([], ['  - { between: [leaf1, leaf2], speed: 100G, kind: peer }']).replace(
        '  leaf2: { role: leaf,',
        '  leaf2: { role: leaf, pod: b,',
      ).replace('  leaf1: { role: leaf,', '  leaf1: { role: leaf, pod: a,');
      const podList = findings(pods, 'peer-link');
      assert.equal(podList.length, 1);
      assert.match(podList[0].message, /joins `leaf1` \(pod `a`\) to `leaf2` \(pod `b`\)/);
    });

    it('peer-link: a second partner, in file order, one finding per link; a flagged link still counts', () => {
      const text = pod([], [
        '  - { between: [leaf1, leaf2], speed: 100G, kind: peer }',
        '  - { between: [leaf1, leaf3], speed: 100G, kind: peer }',
        '  - { between: [leaf3, leaf2], speed: 100G, kind: peer }',
      ], ['leaf1', 'leaf2', 'leaf3']);
      const list = findings(text, 'peer-link');
      assert.deepEqual(list.map((f) => textAt(text, f.range)), ['[leaf1, leaf3]', '[leaf3, leaf2]']);
      assert.match(list[0].message, /gives `leaf1` a second peer partner \(it already pairs with `leaf2`\)/);
      // leaf3's first partner is leaf1, from the flagged link: leaf2 is its second.
      assert.match(list[1].message, /gives `leaf3` a second peer partner \(it already pairs with `leaf1`\)/);
    });

    it('a repeated peer pair is a duplicate-link, not a second partner', () => {
      const text = pod([], ['  - { between: [leaf1, leaf2], speed: 100G, kind: peer }', '  - { between: [leaf2, leaf1], speed: 100G, kind: peer }']);
      assert.deepEqual(rules(findings(text)), ['duplicate-link']);
    });

    it('the fix makes it a fabric link: `kind: peer` removed, proved', () => {
      const text = pod([], ['  - { between: [leaf1, spine1], speed: 100G, kind: peer }']);
      const result = lintText(text);
      const finding = result.findings.find((f) => f.rule === 'peer-link')!;
      const fix = fixesFor(result, finding).find((f) => /fabric link/.test(f.title))!;
      assert.equal(fix.title, 'Make this a fabric link (remove `kind: peer`)');
      const out = applyEdits(text, fix.edits!);
      assert.ok(out.includes('  - { between: [leaf1, spine1], speed: 100G }\n'), out);
    });
  });

  describe('role: external', () => {
    const FW = '  fw1: { role: external, model: "edge firewall" }';

    it('an external linked to two border leaves: no finding; its bandwidth is downlink at each', () => {
      const text = pod([FW], ['  - { between: [leaf1, fw1], speed: 100G }', '  - { between: [leaf2, fw1], speed: 100G }']);
      assert.deepEqual(rules(findings(text)), []);
      const leaf = run(text).model.switches.get('leaf1')!;
      assert.equal(leaf.northSouthGbps, 100);
      assert.equal(leaf.downlinkGbps, 400 + 100); // 16 × 25G server ports + 100G north-south
      assert.equal(leaf.uplinkGbps, 200);
      assert.equal(leaf.ratio, 2.5);
      assert.match(hover(text, 'leaf1'), /Border leaf: 100G north-south to `fw1` \(counted as downlink\)/);
      assert.match(hover(text, 'fw1'), /Reaches the fabric through `leaf1`, `leaf2` · 200G north-south/);
    });

    it('a border leaf with 300G to externals and 400G to spines is 0.75:1', () => {
      const text = [
        'topology: t',
        'switches:',
        '  spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }',
        '  spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }',
        '  bl1: { role: leaf, ports: [{ count: 8, speed: 100G }] }',
        '  bl2: { role: leaf, ports: [{ count: 8, speed: 100G }] }',
        '  wan1: { role: external }',
        'links:',
        '  - { between: [bl1, spine1], speed: 100G, count: 2 }',
        '  - { between: [bl1, spine2], speed: 100G, count: 2 }',
        '  - { between: [bl2, spine1], speed: 100G, count: 2 }',
        '  - { between: [bl2, spine2], speed: 100G, count: 2 }',
        '  - { between: [bl1, wan1], speed: 100G, count: 3 }',
        '  - { between: [bl2, wan1], speed: 100G, count: 3 }',
        '',
      ].join('\n');
      const bl1 = run(text).model.switches.get('bl1')!;
      assert.equal(bl1.ratio, 0.75);
      assert.deepEqual(rules(findings(text)), []);
      const hint = inlayHints(lintText(text)).find((h) => h.switchName === 'bl1')!;
      assert.equal(hint.label, ' 0.75:1 · 300G↓ 400G↑ · 4 paths · 300G N-S');
    });

    it('a border leaf exactly at its limit: no finding; one more external link: oversubscription', () => {
      // 400G servers + 200G north-south = 600G over 200G up = 3:1, the default limit.
      const at = pod([FW], ['  - { between: [leaf1, fw1], speed: 100G, count: 2 }', '  - { between: [leaf2, fw1], speed: 100G }']);
      assert.deepEqual(rules(findings(at)), []);
      const over = at.replace('[leaf1, fw1], speed: 100G, count: 2 }', '[leaf1, fw1], speed: 100G, count: 3 }');
      const list = findings(over, 'oversubscription');
      assert.equal(list.length, 1);
      assert.match(list[0].message, /^`leaf1` is 3\.5:1 oversubscribed: 400G of server-facing ports and 300G to externals \(north-south\), 200G to spines \(design allows 3:1\)\./);
    });

    it('external-homing: one fabric switch, at the external\'s name key, with the proved fix to the peer', () => {
      const text = pod([FW], ['  - { between: [leaf1, leaf2], speed: 100G, kind: peer }', '  - { between: [fw1, leaf1], speed: 100G, count: 2 }']);
      const result = lintText(text);
      const list = result.findings.filter((f) => f.rule === 'external-homing');
      assert.equal(list.length, 1);
      assert.equal(textAt(text, list[0].range), 'fw1');
      assert.equal(
        list[0].message,
        "`fw1` reaches the fabric only through `leaf1`: when that switch fails or is upgraded, the north-south traffic through `fw1` stops. Home it on two fabric switches (usually a border-leaf pair). Link it to `leaf2` too (`leaf1`'s peer; 200G, like its other link).",
      );
      const fix = fixesFor(result, list[0])[0];
      assert.equal(fix.title, 'Add link `fw1` ↔ `leaf2` (2 × 100G)');
      assert.deepEqual(rules(lintText(applyEdits(text, fix.edits!)).findings), []);
    });

    it('external-homing offers no link onto full ports, and says why', () => {
      const text = pod(['  fw1: { role: external, ports: [{ count: 2, speed: 100G }] }'], ['  - { between: [leaf1, leaf2], speed: 100G, kind: peer }', '  - { between: [fw1, leaf1], speed: 100G, count: 2 }']);
      const result = lintText(text);
      const finding = result.findings.find((f) => f.rule === 'external-homing')!;
      assert.match(finding.message, /No second link fits: `fw1` has no free port of 100G or faster for it\.$/);
      assert.deepEqual(fixesFor(result, finding).map((f) => f.title), ['Disable external-homing for this line', 'Open lesson: Border leaves and external devices']);
    });

    it('links between two externals lie outside the fabric; an external with only such links is not isolated', () => {
      const text = pod([FW, '  wan1: { role: external }'], ['  - { between: [leaf1, fw1], speed: 100G }', '  - { between: [leaf2, fw1], speed: 100G }', '  - { between: [fw1, wan1], speed: 100G }']);
      const list = findings(text);
      assert.deepEqual(rules(list), ['external-homing']);
      assert.match(list[0].message, /^`wan1` reaches no fabric switch/);
      assert.equal(run(text).model.switches.get('leaf1')!.northSouthGbps, 100);
    });

    it('an external with no links at all is isolated-switch only; externals are no spines', () => {
      const text = pod([FW], []);
      const list = findings(text);
      assert.deepEqual(rules(list), ['isolated-switch']);
      assert.match(list[0].message, /^`fw1` has no links at all: no traffic enters or leaves the fabric through it/);
      assert.equal(run(text).model.spines.length, 2);
    });

    it('a server group naming an external is a tier-violation, as for any non-leaf', () => {
      const text = pod([FW], ['  - { between: [leaf1, fw1], speed: 100G }', '  - { between: [leaf2, fw1], speed: 100G }']).replace(
        'links:',
        'servers:\n  web: { count: 4, nics: { count: 1, speed: 25G }, leaves: [leaf1, fw1] }\nlinks:',
      );
      const list = findings(text, 'tier-violation');
      assert.equal(list.length, 1);
      assert.equal(textAt(text, list[0].range), 'fw1');
      assert.match(list[0].message, /^`fw1` is an external: servers attach to leaves/);
    });
  });

  describe('breakout', () => {
    it('16 × 400G broken out 4x100G offers 64 ports of 100G and none of 400G', () => {
      const text = pod(['  gpu1: { role: leaf, ports: [{ count: 16, speed: 400G, breakout: 4x100G, for: servers }, { count: 2, speed: 100G, for: fabric }] }'], [
        '  - { between: [gpu1, spine1], speed: 100G }',
        '  - { between: [gpu1, spine2], speed: 100G }',
      ]);
      const gpu = run(text).model.switches.get('gpu1')!;
      assert.deepEqual(gpu.portsBySpeed, [{ speedGbps: 100, total: 66, used: 2 }]);
      assert.equal(gpu.maxPortGbps, 100);
      assert.equal(gpu.downlinkGbps, 6400); // the for: servers fallback: 64 × 100G = 16 × 400G
      assert.match(hover(text, 'gpu1'), /Ports used: 2\/66 × 100G \(16 × 400G broken out 4 × 100G\)/);
      // A 400G link has no 400G port to land on.
      const fast = text.replace('[gpu1, spine1], speed: 100G', '[gpu1, spine1], speed: 400G');
      assert.ok(rules(findings(fast)).includes('link-speed'));
    });

    it('N × S ≠ the port speed: one schema error at the breakout value, with the arithmetic; counted without breakout', () => {
      const text = pod(['  leaf3: { role: leaf, ports: [{ count: 2, speed: 100G, breakout: 4x50G, for: servers }, { count: 4, speed: 100G, for: fabric }] }'], [
        '  - { between: [leaf3, spine1], speed: 100G }',
        '  - { between: [leaf3, spine2], speed: 100G }',
      ]);
      const result = lintText(text);
      assert.deepEqual(result.findings.map((f) => f.rule), ['schema']);
      assert.equal(textAt(text, result.findings[0].range), '4x50G');
      assert.match(result.findings[0].message, /^`breakout` of port group 1 of switch `leaf3`: 4 × 50G = 200G, but these ports are 100G\..* For 100G ports, 4-way is 4x25G\.$/);
      assert.deepEqual(result.analysis!.model.switches.get('leaf3')!.portsBySpeed, [{ speedGbps: 100, total: 6, used: 2 }]);
    });

    it('a malformed breakout is a schema error in the user\'s words', () => {
      const text = pod(['  leaf3: { role: leaf, ports: [{ count: 2, speed: 100G, breakout: 3x33G }] }'], ['  - { between: [leaf3, spine1], speed: 100G }', '  - { between: [leaf3, spine2], speed: 100G }']);
      const schema = lintText(text).findings.filter((f) => f.rule === 'schema');
      assert.equal(schema.length, 1);
      assert.match(schema[0].message, /^`breakout` of port group 1 of switch `leaf3` must be 2, 4 or 8 ways of a speed, written like 4x100G/);
    });
  });

  describe('max_spine_oversubscription', () => {
    const fiveStage = (design: string[]): string =>
      [
        'topology: t',
        'design:',
        ...design,
        'switches:',
        '  ss1: { role: super-spine, ports: [{ count: 8, speed: 100G }] }',
        '  spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }',
        '  spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }',
        '  leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }',
        '  leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }',
        'links:',
        '  - { between: [leaf1, spine1], speed: 100G }',
        '  - { between: [leaf1, spine2], speed: 100G }',
        '  - { between: [leaf2, spine1], speed: 100G }',
        '  - { between: [leaf2, spine2], speed: 100G }',
        '  - { between: [spine1, ss1], speed: 100G }',
        '  - { between: [spine2, ss1], speed: 100G }',
        '',
      ].join('\n');

    it('spines are checked against it; leaves keep max_oversubscription', () => {
      // Each spine: 200G to leaves, 100G up = 2:1. Allowed by 3:1, not by a spine limit of 1.5.
      assert.deepEqual(rules(findings(fiveStage(['  max_oversubscription: 3']))), []);
      const list = findings(fiveStage(['  max_oversubscription: 3', '  max_spine_oversubscription: 1.5']), 'oversubscription');
      assert.deepEqual(list.map((f) => f.subject?.switches?.[0]), ['spine1', 'spine2']);
      assert.match(list[0].message, /^`spine1` is 2:1 oversubscribed: 200G to leaves, 100G to super-spines \(design allows 1\.5:1 at a spine\)\./);
    });

    it('defaults to max_oversubscription, and the rdma default 1 applies to both', () => {
      const { model } = run(fiveStage(['  workload: rdma']));
      assert.equal(model.design.maxOversubscription, 1);
      assert.equal(model.design.maxSpineOversubscription, 1);
      assert.equal(run(fiveStage(['  max_oversubscription: 2'])).model.design.maxSpineOversubscription, 2);
    });
  });

  it('every v1 example and test fixture gives exactly the findings it gave before format 1.1', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/format/v1-findings.json'), 'utf8')) as Record<string, string[]>;
    assert.ok(Object.keys(expected).length >= 12);
    for (const [file, list] of Object.entries(expected)) {
      const result = lintText(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      assert.deepEqual(
        result.findings.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} ${x.rule} ${x.message}`),
        list,
        file,
      );
    }
  });
});
