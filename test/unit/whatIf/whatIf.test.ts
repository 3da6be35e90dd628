/**
 * What-if failures (server/src/core/whatIf/): a single spine, a whole pod's spines, a link, a
 * super-spine, a leaf, on 3-stage and 5-stage fabrics. "Before" is exactly the hover's figure, and
 * what a spine's failure costs agrees with the hover's N-1 lines (failureImpact); the JSON report
 * of `topology-tutor what-if` has its fixed shape.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { lintText } from '../../../server/src/core/lint';
import type { FabricModel } from '../../../server/src/core/model/fabricModel';
import { failureImpact } from '../../../server/src/core/model/failureImpact';
import { formatRatio } from '../../../server/src/core/model/ratio';
import { failEachSpine, oneSpinePerPod, resolveFailures, whatIf } from '../../../server/src/core/whatIf/whatIf';
import type { WhatIfResult } from '../../../server/src/core/whatIf/whatIf';
import { changeImpact, whatIfReport, whatIfSentences } from '../../../server/src/core/whatIf/whatIfReport';
import { buildFabric, render } from '../analysis/fabricBuilder';
import { EXAMPLES } from '../helpers';

function model(text: string): { model: FabricModel; text: string } {
  const result = lintText(text);
  assert.ok(result.analysis, 'analysed');
  return { model: result.analysis.model, text };
}

function fail(m: FabricModel, switches: string[], links: [string, string][] = []): WhatIfResult {
  const resolved = resolveFailures(m, { switches, links });
  assert.deepEqual([resolved.unknownSwitches, resolved.unknownLinks], [[], []]);
  return whatIf(m, resolved.failures);
}

function hover(text: string, name: string): string {
  const result = lintText(text);
  return hoverAt(result, text.indexOf(`\n  ${name}:`) + 3, 'file:///lessons')!.markdown;
}

const CLEAN = fs.readFileSync(path.join(EXAMPLES, 'clean-fabric.topology.yaml'), 'utf8');
const SINGLE = fs.readFileSync(path.join(EXAMPLES, 'lessons', 'single-spine.topology.yaml'), 'utf8');
const TWO_PODS = render(buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 2, serversPerLeaf: 24 }));
const FIVE_STAGE = render(buildFabric({ pods: 4, spinesPerPod: 4, leavesPerPod: 4, superSpinesPerPlane: 2 }));

describe('what-if failures', () => {
  describe('3-stage', () => {
    const { model: m } = model(CLEAN);

    it('one spine: each leaf loses that spine\'s share, before = the hover\'s figures, after agrees with its N-1 line', () => {
      const result = fail(m, ['spine1']);
      assert.deepEqual(result.leaves.map((c) => c.switch.name), ['leaf1', 'leaf2', 'leaf3', 'leaf4']);
      for (const c of result.leaves) {
        const leaf = c.switch;
        assert.equal(c.before.uplinkGbps, leaf.uplinkGbps);
        assert.equal(c.before.paths, leaf.ecmpPaths);
        assert.equal(c.before.ratio, leaf.ratio);
        // The hover: "If one spine fails: 200G of 400G uplink left (50%)" — the spines carry equal shares.
        assert.equal(c.after.uplinkGbps, leaf.uplinkIfOneUpstreamFailsGbps);
        assert.equal(c.after.paths, 2);
      }
      assert.match(hover(CLEAN, 'leaf1'), /If one spine fails: 200G of 400G uplink left \(50%\)/);
      // The spine's hover: "its 4 leaves lose 50% of their uplink bandwidth" — the same loss per leaf.
      const impact = failureImpact(m.switches.get('spine1')!);
      assert.match(hover(CLEAN, 'spine1'), /If it fails: its 4 leaves lose 50% of their uplink bandwidth/);
      for (const loss of impact.losses) {
        const c = result.leaves.find((x) => x.switch === loss.below)!;
        assert.equal(c.before.uplinkGbps - c.after.uplinkGbps, loss.lostGbps);
        assert.equal(1 - c.after.uplinkGbps / c.before.uplinkGbps, loss.share);
      }
      // leaf1 and leaf2 (1000G down) go from 2.5:1 to 5:1, over the design's 3:1; leaf3/leaf4 from 1:1 to 2:1.
      assert.deepEqual(result.leaves.map((c) => `${formatRatio(c.before.ratio!)} → ${formatRatio(c.after.ratio!)}`), ['2.5:1 → 5:1', '2.5:1 → 5:1', '1:1 → 2:1', '1:1 → 2:1']);
      assert.deepEqual(result.pushedOver.map((s) => s.name), ['leaf1', 'leaf2']);
      assert.deepEqual(result.disconnected, []);
      assert.equal(result.survives, false);
      assert.deepEqual(result.leaves.map(changeImpact), ['over-limit', 'over-limit', 'degraded', 'degraded']);
    });

    it('the JSON report has exactly the fixed shape, ratios as the hovers print them', () => {
      const report = whatIfReport(fail(m, ['spine1']), ['spine1']);
      assert.deepEqual(report, {
        failed: ['spine1'],
        disconnected: [],
        leaves: [
          { name: 'leaf1', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '2.5:1', after: '5:1' }, paths: { before: 4, after: 2 }, overLimit: true },
          { name: 'leaf2', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '2.5:1', after: '5:1' }, paths: { before: 4, after: 2 }, overLimit: true },
          { name: 'leaf3', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '1:1', after: '2:1' }, paths: { before: 4, after: 2 }, overLimit: false },
          { name: 'leaf4', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '1:1', after: '2:1' }, paths: { before: 4, after: 2 }, overLimit: false },
        ],
      });
      assert.deepEqual(Object.keys(report.leaves[0]), ['name', 'uplinkGbps', 'ratio', 'paths', 'overLimit']);
      assert.match(hover(CLEAN, 'leaf1'), /Oversubscription: \*\*2\.5:1\*\*/, 'the same ratio text as the hover');
    });

    it('both spines: every leaf is disconnected, its ratio after is null (never ∞)', () => {
      const result = fail(m, ['spine1', 'spine2']);
      assert.deepEqual(result.disconnected.map((s) => s.name), ['leaf1', 'leaf2', 'leaf3', 'leaf4']);
      const report = whatIfReport(result, ['spine1', 'spine2']);
      assert.ok(report.leaves.every((l) => l.ratio.after === null && l.uplinkGbps.after === 0 && l.paths.after === 0 && l.overLimit === false));
      assert.ok(!JSON.stringify(report).includes('∞'));
      assert.equal(result.survives, false);
      assert.match(whatIfSentences(result, (n) => n).join(' '), /Disconnected \(no spine left\): leaf1, leaf2, leaf3, leaf4\./);
    });

    it('a link: only its leaf changes, by that link\'s bandwidth', () => {
      const result = fail(m, [], [['spine2', 'leaf3']]);
      assert.deepEqual(whatIfReport(result, ['leaf3--spine2']).leaves, [
        { name: 'leaf3', uplinkGbps: { before: 400, after: 200 }, ratio: { before: '1:1', after: '2:1' }, paths: { before: 4, after: 2 }, overLimit: false },
      ]);
      assert.equal(result.survives, true);
    });

    it('a single-spine fabric: losing it disconnects every leaf', () => {
      const single = model(SINGLE).model;
      const { tried, worst } = failEachSpine(single);
      assert.equal(tried.length, 1);
      assert.deepEqual(worst!.result.disconnected.map((s) => s.name), ['leaf1', 'leaf2']);
    });

    it('a leaf: no other leaf changes; names that are no switch or no link are reported', () => {
      assert.deepEqual(fail(m, ['leaf1']).leaves, []);
      const resolved = resolveFailures(m, { switches: ['leaf9'], links: [['leaf1', 'leaf2'], ['leaf1', 'nope']] });
      assert.deepEqual(resolved.unknownSwitches, ['leaf9']);
      assert.deepEqual(resolved.unknownLinks, [['leaf1', 'leaf2'], ['leaf1', 'nope']]);
    });
  });

  describe('pods', () => {
    const { model: m } = model(TWO_PODS);

    it("a whole pod's spines: its leaves are disconnected, the other pod's leaves lose nothing", () => {
      const result = fail(m, ['p1-spine1', 'p1-spine2']);
      assert.deepEqual(result.leaves.map((c) => c.switch.name), ['p1-leaf1', 'p1-leaf2']);
      assert.deepEqual(result.disconnected.map((s) => s.name), ['p1-leaf1', 'p1-leaf2']);
      assert.match(hover(TWO_PODS, 'p1-spine1'), /Leaves of other pods lose nothing/);
    });

    it('one spine per pod: the first spine of each pod', () => {
      assert.deepEqual(oneSpinePerPod(m).map((s) => s.name), ['p1-spine1', 'p2-spine1']);
      const result = whatIf(m, { switches: new Set(oneSpinePerPod(m)), links: new Set() });
      assert.equal(result.leaves.length, 4);
      assert.ok(result.leaves.every((c) => c.after.uplinkGbps === c.before.uplinkGbps / 2));
    });

    it('each spine in turn: the worst is reported (all equal here: the first)', () => {
      const { tried, worst } = failEachSpine(m);
      assert.deepEqual(tried.map((t) => t.spine.name), ['p1-spine1', 'p1-spine2', 'p2-spine1', 'p2-spine2']);
      assert.equal(worst!.spine.name, 'p1-spine1');
      const uneven = model(TWO_PODS.replace('  - { between: [p2-leaf1, p2-spine1], speed: 100G }', '  - { between: [p2-leaf1, p2-spine1], speed: 100G, count: 3 }')).model;
      assert.equal(failEachSpine(uneven).worst!.spine.name, 'p2-spine1', 'p2-leaf1 loses 3 of its 4 uplinks there');
    });
  });

  describe('5-stage', () => {
    const { model: m } = model(FIVE_STAGE);

    it("a spine: its pod's leaves lose a quarter; the hover's figures before", () => {
      const result = fail(m, ['p1-spine1']);
      assert.deepEqual(result.leaves.map((c) => c.switch.name), ['p1-leaf1', 'p1-leaf2', 'p1-leaf3', 'p1-leaf4']);
      for (const c of result.leaves) {
        assert.equal(c.before.ratio, c.switch.ratio);
        assert.equal(c.after.uplinkGbps, 300);
        assert.equal(c.after.ratio, 2, '600G ÷ 300G');
      }
      assert.ok(result.survives);
      // The super-spines above lose a downlink but have no ratio; no spine changes.
      assert.deepEqual(result.spines, []);
    });

    it("a super-spine: its plane's spines lose half their uplink; no leaf changes", () => {
      const result = fail(m, ['ss1-1']);
      assert.deepEqual(result.leaves, []);
      assert.deepEqual(result.spines.map((c) => c.switch.name), ['p1-spine1', 'p2-spine1', 'p3-spine1', 'p4-spine1']);
      for (const c of result.spines) {
        assert.equal(c.before.uplinkGbps, c.switch.uplinkGbps);
        assert.equal(c.before.ratio, 0.5);
        assert.equal(c.after.uplinkGbps, 400);
        assert.equal(c.after.ratio, 1);
      }
      const both = fail(m, ['ss1-1', 'ss1-2']);
      assert.deepEqual(both.spinesCutOff.map((s) => s.name), ['p1-spine1', 'p2-spine1', 'p3-spine1', 'p4-spine1']);
      assert.ok(both.survives, 'the leaves keep their spines (disconnected means no spine left)');
    });

    it("a leaf: its spines' downlink and ratio improve ('changed', not a loss)", () => {
      const result = fail(m, ['p1-leaf1']);
      assert.deepEqual(result.leaves, []);
      assert.equal(result.spines.length, 4);
      for (const c of result.spines) {
        assert.equal(c.after.downlinkGbps, 300);
        assert.equal(c.after.ratio, 0.375);
        assert.equal(changeImpact(c), 'changed');
      }
    });
  });
});
