/**
 * Pods and planes in every figure: multi-pod fabrics (2 and 4 pods, 3- and 5-stage) as public
 * reference designs build them, and the figures an architect computes by hand.
 */
import { strict as assert } from 'assert';
import { lintText } from '../../../server/src/core/lint';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { fixesFor } from '../../../server/src/core/editing/quickFixes';
import { at, textAt } from '../helpers';
import { findings, rules, run } from './analysisHelpers';
import { buildFabric, render, withoutLink, type Fabric } from './fabricBuilder';

function hover(text: string, name: string): string {
  const result = lintText(text);
  const offset = text.indexOf(`\n  ${name}:`) + 3;
  const found = hoverAt(result, offset, 'file:///lessons');
  assert.ok(found, `no hover on ${name}`);
  return found.markdown;
}

const TWO_PODS = buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 2, serversPerLeaf: 40 });
const FOUR_PODS = buildFabric({ pods: 4, spinesPerPod: 4, leavesPerPod: 4 });
const FOUR_PODS_5_STAGE = buildFabric({ pods: 4, spinesPerPod: 4, leavesPerPod: 4, superSpinesPerPlane: 2 });

describe('pods and planes', () => {
  describe('clean fabrics: zero findings', () => {
    it('a 4-pod 5-stage fabric (4 planes of 2 super-spines)', () => {
      const text = render(FOUR_PODS_5_STAGE);
      assert.deepEqual(run(text).findings.map((f) => `${f.rule}: ${f.message}`), []);
      const { model } = run(text);
      const spine = model.switches.get('p3-spine2')!;
      assert.equal(spine.downlinkGbps, 400); // its pod's 4 leaves × 100G
      assert.equal(spine.uplinkGbps, 800); // 2 super-spines of plane 2 × 400G
      assert.equal(spine.ratio, 0.5);
      assert.deepEqual([...spine.upstream.keys()], ['ss2-1', 'ss2-2']);
      const leaf = model.switches.get('p4-leaf4')!;
      assert.equal(leaf.ratio, 1.5); // 600G ÷ 400G
      assert.equal(model.pods.size, 4);
      assert.equal(model.planes.size, 4);
    });

    it('a 4-pod 3-stage fabric', () => {
      assert.deepEqual(rules(findings(render(FOUR_PODS))), []);
    });
  });

  describe('a leaf linked to another pod\'s spines', () => {
    const cross: Fabric = {
      ...TWO_PODS,
      links: [...TWO_PODS.links, '  - { between: [p1-leaf1, p2-spine1], speed: 100G }', '  - { between: [p1-leaf1, p2-spine2], speed: 100G, count: 2 }'],
    };
    const text = render(cross);

    it('counts only its own pod\'s spines: 1000G ÷ 200G = 5:1, not 1000G ÷ 500G', () => {
      const leaf = run(text).model.switches.get('p1-leaf1')!;
      assert.equal(leaf.uplinkGbps, 200);
      assert.equal(leaf.ratio, 5);
      assert.deepEqual([...leaf.upstream.keys()], ['p1-spine1', 'p1-spine2']);
      assert.equal(leaf.ecmpPaths, 2);
      const over = findings(text, 'oversubscription').find((f) => f.subject?.switches?.[0] === 'p1-leaf1')!;
      assert.match(over.message, /^`p1-leaf1` is 5:1 oversubscribed: 1000G to servers, 200G to spines of its pod \(design allows 3:1\)\./);
    });

    it('reports each cross-pod link as a tier-violation at its `between` value, naming both pods', () => {
      const list = findings(text, 'tier-violation');
      assert.equal(list.length, 2);
      assert.equal(textAt(text, list[0].range), '[p1-leaf1, p2-spine1]');
      assert.equal(textAt(text, list[1].range), '[p1-leaf1, p2-spine2]');
      assert.match(list[0].message, /^This link joins leaf `p1-leaf1` \(pod `1`\) to spine `p2-spine1` \(pod `2`\): a leaf's uplinks are the spines of its own pod;/);
      assert.match(list[0].message, /It counts as no uplink of `p1-leaf1`; remove it: its pod reaches pod `2` through the super-spines\.$/);
      assert.deepEqual(list[0].related!.map((r) => r.message), ['`p1-leaf1` is in pod `1`', '`p2-spine1` is in pod `2`']);
    });

    it('gives the other pod\'s spines no downlink and no leaf for it', () => {
      const spine = run(text).model.switches.get('p2-spine2')!;
      assert.equal(spine.downlinkGbps, 200);
      assert.deepEqual(spine.leavesReached.map((l) => l.name), ['p2-leaf1', 'p2-leaf2']);
      assert.match(hover(text, 'p1-leaf1'), /Not counted: 3 links to spines of other pods \(tier-violation\)/);
    });

    it('offers to remove the cross-pod link, and the fix is proved', () => {
      const result = lintText(text);
      const finding = result.findings.find((f) => f.rule === 'tier-violation')!;
      assert.deepEqual(
        fixesFor(result, finding).map((f) => f.title),
        ['Remove the link `p1-leaf1` ↔ `p2-spine1`', 'Disable tier-violation for this line', 'Open lesson: Tier rules'],
      );
    });
  });

  describe('N-1 from the real paths', () => {
    it('a spine of a 4-pod fabric: its pod\'s leaves lose 25%, other pods nothing (not 1/16)', () => {
      const md = hover(render(FOUR_PODS), 'p2-spine3');
      assert.match(md, /If it fails: its 4 leaves lose 25% of their uplink bandwidth/);
      assert.match(md, /Leaves of other pods lose nothing/);
      assert.doesNotMatch(md, /6%/);
    });

    it('typical and worst loss, and the leaves it cuts off', () => {
      const f = buildFabric({ pods: 2, spinesPerPod: 4, leavesPerPod: 4 });
      // p1-leaf1: 2 links to p1-spine1 (200G of 500G = 40%); p1-leaf2: only p1-spine1 (100%).
      f.links = f.links.map((l) => (l.includes('[p1-leaf1, p1-spine1]') ? l.replace('100G }', '100G, count: 2 }') : l));
      const g = withoutLink(withoutLink(withoutLink(f, '[p1-leaf2, p1-spine2]'), '[p1-leaf2, p1-spine3]'), '[p1-leaf2, p1-spine4]');
      const md = hover(render(g), 'p1-spine1');
      assert.match(md, /If it fails: its leaves lose 25% of their uplink typically, 100% at worst \(`p1-leaf2`\)/);
      assert.match(md, /Cut off if it fails \(their only spine\): `p1-leaf2`/);
    });

    it('the spine-connectivity message counts the spines of the pod', () => {
      const f = buildFabric({ pods: 4, spinesPerPod: 4, leavesPerPod: 2 });
      // p2-spine4 keeps only a link to a leaf of pod 1 (a tier violation that counts for nothing).
      const g: Fabric = { ...f, links: [...f.links.filter((l) => !l.includes('p2-spine4]')), '  - { between: [p1-leaf1, p2-spine4], speed: 100G }'] };
      const spine = findings(render(g), 'spine-connectivity').find((x) => x.subject?.switches?.[0] === 'p2-spine4')!;
      assert.match(spine.message, /^No leaf of pod `2` links to `p2-spine4` \(its links to leaves of other pods do not count\), so it carries no server traffic/);
      assert.match(spine.message, /losing one of the 4 spines of pod `2` cost each leaf just a quarter \(25%\) of its uplink bandwidth\.$/);
      const leaf = findings(render(g), 'spine-connectivity').find((x) => x.subject?.switches?.[0] === 'p2-leaf1')!;
      assert.match(leaf.message, /Reaching 3 of 4 spines of its pod, losing one of them removes a third \(33\.3%\) of its uplink bandwidth instead of a quarter \(25%\)\./);
    });
  });

  describe('spine-redundancy per pod', () => {
    it('two pods of one spine each: one finding per pod, at `switches`', () => {
      const text = render(buildFabric({ pods: 2, spinesPerPod: 1, leavesPerPod: 2 }));
      const list = findings(text, 'spine-redundancy');
      assert.equal(list.length, 2);
      assert.equal(textAt(text, list[0].range), 'switches');
      assert.deepEqual(list.map((f) => f.subject?.pod), ['1', '2']);
      assert.equal(
        list[0].message,
        "Pod `1` has 1 spine but the design asks for at least 2 (min_spines): a leaf's uplinks are the spines of its own pod, so with 1 spine, losing `p1-spine1` disconnects every leaf of pod `1`. Add spines to pod `1` and link each of its leaves to every one; the other pods' spines do not help.",
      );
    });

    it('a pod with enough spines gives none; a fabric without pods is checked as one', () => {
      assert.deepEqual(findings(render(FOUR_PODS), 'spine-redundancy'), []);
      const text = 'topology: t\nswitches:\n  s1: { role: spine, ports: [{ count: 8, speed: 100G }] }\n  l1: { role: leaf, ports: [{ count: 8, speed: 100G }] }\nlinks:\n  - { between: [l1, s1], speed: 100G }\n';
      assert.match(findings(text, 'spine-redundancy')[0].message, /^The fabric has 1 spine but the design asks for at least 2/);
    });
  });

  describe('planes', () => {
    it('a spine whose plane has no super-spine gets spine-connectivity', () => {
      const f = buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 2, superSpinesPerPlane: 2 });
      f.switches.push('  p1-spine3: { role: spine, pod: 1, plane: 3, ports: [{ count: 64, speed: 100G }] }');
      f.links.push('  - { between: [p1-leaf1, p1-spine3], speed: 100G }', '  - { between: [p1-leaf2, p1-spine3], speed: 100G }');
      const text = render(f);
      const list = findings(text, 'spine-connectivity');
      assert.deepEqual(list.map((x) => x.subject?.switches?.[0]), ['p1-spine3']);
      assert.equal(
        list[0].message,
        "`p1-spine3` is in plane `3`, but no super-spine is: a spine's uplinks are the super-spines of its own plane, so its pod reaches no other pod through it. To fix it, put it in a plane that has super-spines (`1` and `2`), or add super-spines to plane `3`.",
      );
    });

    it('a spine linked to a super-spine of another plane: tier-violation, no uplink', () => {
      const f = buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 2, superSpinesPerPlane: 2 });
      f.links.push('  - { between: [p1-spine1, ss2-1], speed: 400G }');
      const text = render(f);
      const list = findings(text, 'tier-violation');
      assert.equal(list.length, 1);
      assert.match(list[0].message, /^This link joins spine `p1-spine1` \(plane `1`\) to super-spine `ss2-1` \(plane `2`\)/);
      assert.equal(run(text).model.switches.get('p1-spine1')!.uplinkGbps, 800);
    });

    it('a leaf whose pod has no spine', () => {
      const f = buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 1 });
      f.switches.push('  p3-leaf1: { role: leaf, pod: 3, ports: [{ count: 8, speed: 100G }] }');
      f.links.push('  - { between: [p3-leaf1, p1-spine1], speed: 100G }');
      const list = findings(render(f));
      assert.deepEqual(
        list.map((x) => `${x.rule} ${JSON.stringify(x.subject)}`),
        [
          'spine-redundancy {"pod":"3"}',
          'spine-connectivity {"switches":["p3-leaf1"]}',
          'tier-violation {"switches":["p3-leaf1","p1-spine1"],"link":4}',
        ],
      );
      assert.match(list[1].message, /^`p3-leaf1` is in pod `3`, but no spine is: a leaf's uplinks are the spines of its own pod, so its servers reach nothing beyond it\. To fix it, put it in a pod that has spines \(`1` and `2`\), or add spines to pod `3`\.$/);
    });
  });

  describe('servers on a spine', () => {
    it('tier-violation at the spine\'s name in `leaves`; the NICs go to the leaves only', () => {
      const f = buildFabric({ pods: 1, spinesPerPod: 2, leavesPerPod: 2 });
      f.servers.push('  misplaced: { count: 10, nics: { count: 1, speed: 25G }, leaves: [p1-leaf1, p1-spine1] }');
      const text = render(f);
      const list = findings(text, 'tier-violation');
      assert.equal(list.length, 1);
      assert.equal(textAt(text, list[0].range), 'p1-spine1');
      assert.equal(at(list[0].range).split(':')[0], String(text.split('\n').findIndex((l) => l.includes('misplaced')) + 1));
      assert.equal(
        list[0].message,
        "`p1-spine1` is a spine: servers attach to leaves (which gives every server the same number of hops to every other), so `misplaced`'s NICs are spread over its other leaves only. List only leaves under `leaves`.",
      );
      const { model } = run(text);
      assert.equal(model.switches.get('p1-leaf1')!.nicLinks, 24 + 10);
      assert.equal(model.switches.get('p1-spine1')!.nicLinks, 0);
    });
  });
});
