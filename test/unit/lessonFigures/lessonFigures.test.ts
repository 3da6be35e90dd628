/**
 * "In your fabric" (server/src/core/lessons/lessonFigures.ts): the figures each lesson shows of a
 * topology file, with the exact numbers an architect computes by hand, on the lesson examples, a
 * five-stage multi-pod fabric, a bent multi-pod fabric and a pod with border leaves; plus the
 * contract (every group is a section of its lesson, every result passes the client's check).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../server/src/core/lint';
import { LESSONS_WITH_FIGURES, lessonFigures } from '../../../server/src/core/lessons/lessonFigures';
import { FIGURE_LIMITS, fabricTryIt, parseLessonFigures } from '../../../shared/lessonFigures';
import type { FigureGroup, LessonFigure, LessonFigures } from '../../../shared/lessonFigures';
import { LESSONS } from '../../../shared/lessons/catalog';
import { parseLesson } from '../../../shared/lessons/lessonFile';
import { isTryItPath } from '../../../shared/lessons/frontMatter';
import { buildFabric, render, withoutLink } from '../analysis/fabricBuilder';
import { EXAMPLES, textAt, topologyFiles, yaml } from '../helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

function figuresOf(text: string, lesson: string): LessonFigures {
  return lessonFigures(lintText(text), lesson);
}

function groupOf(figures: LessonFigures, section: string): FigureGroup {
  const group = figures.groups.find((g) => g.section === section);
  assert.ok(group !== undefined, `no group ${section}: ${figures.groups.map((g) => g.section).join(', ')}`);
  return group;
}

/** `label: text` of each figure, the compact form the assertions compare. */
function lines(group: FigureGroup): string[] {
  return group.figures.map((f) => `${f.status} ${f.label}: ${f.text}`);
}

/** The text a figure's target range covers in `text`. */
function targetText(text: string, figure: LessonFigure): string {
  assert.ok(figure.target !== undefined, `${figure.label} has no target`);
  return textAt(text, figure.target.range);
}

describe('lesson figures ("In your fabric")', () => {
  describe('the oversubscription lesson section', () => {
    it('shows the worst leaf with its arithmetic against the design limit, revealing its name key', () => {
      const text = example('lessons/oversubscribed-leaf.topology.yaml');
      const group = groupOf(figuresOf(text, 'modern-topology'), 'oversubscription-ratios');
      assert.deepEqual(lines(group), ['over leaf1: 800G to servers ÷ 200G to spines = 4:1: over the 3:1 the design allows']);
      assert.equal(targetText(text, group.figures[0]), 'leaf1');
      assert.deepEqual(group.figures[0].target, { name: 'leaf1', range: { start: { line: 26, character: 2 }, end: { line: 26, character: 7 } } });
      assert.equal(group.note, "1 of the 2 leaves with a ratio is over the design's 3:1.");
    });

    it('lists every leaf over the limit after the worst, and the worst spine of a five-stage fabric', () => {
      const f = buildFabric({ pods: 1, spinesPerPod: 2, leavesPerPod: 4, serversPerLeaf: 24 });
      // 24 × 25G = 600G down, 2 × 100G up = 3:1 everywhere; two leaves get more servers.
      f.servers[1] = '  rack-p1-leaf2: { count: 40, nics: { count: 1, speed: 25G }, leaves: [p1-leaf2] }';
      f.servers[3] = '  rack-p1-leaf4: { count: 32, nics: { count: 1, speed: 25G }, leaves: [p1-leaf4] }';
      const group = groupOf(figuresOf(render(f), 'modern-topology'), 'oversubscription-ratios');
      assert.deepEqual(lines(group), [
        'over p1-leaf2: 1000G to servers ÷ 200G to spines of pod `1` = 5:1: over the 3:1 the design allows',
        'over p1-leaf4: 800G to servers ÷ 200G to spines of pod `1` = 4:1: over the 3:1 the design allows',
      ]);
      assert.equal(group.note, "2 of the 4 leaves with a ratio are over the design's 3:1.");

      const five = groupOf(figuresOf(example('five-stage-clos.topology.yaml'), 'modern-topology'), 'oversubscription-ratios');
      assert.deepEqual(lines(five), [
        'ok p1-leaf1: 600G to servers ÷ 400G to spines of pod `1` = 1.5:1: within the 3:1 the design allows',
        'ok p1-spine1: 800G to leaves ÷ 800G to super-spines = 1:1: within the 3:1 the design allows at a spine',
      ]);
    });

    it('counts a border leaf\'s external links as downlink, as the rule does', () => {
      const text = yaml`
        topology: t
        switches:
          s1: { role: spine, ports: [{ count: 8, speed: 100G }] }
          s2: { role: spine, ports: [{ count: 8, speed: 100G }] }
          bl1: { role: leaf, ports: [{ count: 16, speed: 100G }] }
          wan1: { role: external }
          wan2: { role: external }
        links:
          - { between: [bl1, s1], speed: 100G }
          - { between: [bl1, s2], speed: 100G }
          - { between: [bl1, wan1], speed: 100G, count: 4 }
          - { between: [bl1, wan2], speed: 100G, count: 4 }
      `;
      const group = groupOf(figuresOf(text, 'modern-topology'), 'oversubscription-ratios');
      assert.deepEqual(lines(group), ['over bl1: 800G to externals (north-south) ÷ 200G to spines = 4:1: over the 3:1 the design allows']);
    });

    it('says why there is no ratio', () => {
      const group = groupOf(figuresOf('topology: t\nswitches:\n  s1: { role: spine, ports: [{ count: 8, speed: 100G }] }\n', 'modern-topology'), 'oversubscription-ratios');
      assert.deepEqual(group.figures, []);
      assert.equal(group.note, 'The file has no leaves, so there is no ratio to show.');
      assert.equal(group.tryIt, 'examples/lessons/oversubscribed-leaf.topology.yaml');
    });
  });

  describe('east-west vs north-south', () => {
    it('computes the pod of the lesson\'s worked example: bisection, off-rack, north-south, one border leaf down', () => {
      const text = example('lessons/north-south.topology.yaml');
      const group = groupOf(figuresOf(text, 'modern-topology'), 'east-west-vs-north-south-traffic');
      assert.deepEqual(lines(group), [
        'info East-west bisection: half the 14 server leaves: 7 × 400G = 2800G',
        "info Off-rack capacity: all 14 server leaves' uplinks, east-west and north-south together: 14 × 400G = 5600G",
        "info North-south: `bl1` 400G + `bl2` 400G = 800G (of 1000G cabled to externals; the rest does not fit the border leaves' uplinks)",
        'info North-south, one border leaf down: losing `bl1`: 800G − 400G = 400G left',
        'info East-west ÷ north-south: 2800G ÷ 800G = 3.5: across its middle the fabric carries 3.5 times what its edge carries',
        'ok bl1: 600G to externals (`wan1`, `wan2`, `fw1`); 400G to spines, so min(600G, 400G) = 400G reaches the servers',
        'ok bl2: 400G to externals (`wan1`, `wan2`); 400G to spines, so min(400G, 400G) = 400G reaches the servers',
      ]);
      assert.equal(targetText(text, group.figures[5]), 'bl1');
      assert.equal(group.note, '2 border leaves; 3 external devices.');
    });

    it('splits each pod of a multi-pod fabric, and the pods across the super-spines', () => {
      const group = groupOf(figuresOf(example('five-stage-clos.topology.yaml'), 'modern-topology'), 'east-west-vs-north-south-traffic');
      assert.deepEqual(lines(group), [
        'info Pod `1`: east-west bisection: half the 4 server leaves: 2 × 400G = 800G',
        "info Pod `1`: off-rack capacity: all 4 server leaves' uplinks, east-west and north-south together: 4 × 400G = 1600G",
        'info Pod `2`: east-west bisection: half the 4 server leaves: 2 × 400G = 800G',
        "info Pod `2`: off-rack capacity: all 4 server leaves' uplinks, east-west and north-south together: 4 × 400G = 1600G",
        "info Between pods: bisection: half the 2 pods, each pod's spine uplinks to the super-spines: 1 × 1600G = 1600G",
      ]);
      assert.match(group.note ?? '', /^No north-south to count/);
      assert.equal(group.tryIt, 'examples/lessons/north-south.topology.yaml');
    });

    it('counts the half with the least uplink when leaves differ, and says when a leaf misses a spine', () => {
      const f = withoutLink(buildFabric({ pods: 2, spinesPerPod: 4, leavesPerPod: 3 }), 'p2-leaf1,', 'p2-spine3]');
      const group = groupOf(figuresOf(render(f), 'modern-topology'), 'east-west-vs-north-south-traffic');
      assert.deepEqual(lines(group), [
        'info Pod `1`: east-west bisection: the smaller half of the 3 server leaves: 1 × 400G = 400G',
        "info Pod `1`: off-rack capacity: all 3 server leaves' uplinks, east-west and north-south together: 3 × 400G = 1200G",
        'info Pod `2`: east-west bisection: the 1 of 3 server leaves with the least uplink: 1 × 300G = 300G; `p2-leaf1` does not reach every spine, so the real figure is lower',
        "info Pod `2`: off-rack capacity: all 3 server leaves' uplinks, east-west and north-south together: 300G + 400G + 400G = 1100G",
      ]);
    });

    it('with one border leaf, losing it cuts the fabric off', () => {
      const text = yaml`
        topology: t
        switches:
          s1: { role: spine, ports: [{ count: 8, speed: 100G }] }
          l1: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
          l2: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
          bl1: { role: leaf, ports: [{ count: 16, speed: 100G }] }
          fw1: { role: external }
        servers:
          r1: { count: 20, nics: { count: 1, speed: 25G }, leaves: [l1] }
          r2: { count: 20, nics: { count: 1, speed: 25G }, leaves: [l2] }
        links:
          - { between: [l1, s1], speed: 100G, count: 2 }
          - { between: [l2, s1], speed: 100G, count: 2 }
          - { between: [bl1, s1], speed: 100G, count: 2 }
          - { between: [bl1, fw1], speed: 100G, count: 1 }
      `;
      const group = groupOf(figuresOf(text, 'modern-topology'), 'east-west-vs-north-south-traffic');
      assert.deepEqual(lines(group), [
        'info East-west bisection: half the 2 server leaves: 1 × 200G = 200G',
        "info Off-rack capacity: all 2 server leaves' uplinks, east-west and north-south together: 2 × 200G = 400G",
        'info North-south: `bl1` 100G = 100G',
        'over North-south, one border leaf down: losing `bl1` cuts the fabric off from the outside: 0G left',
        'info East-west ÷ north-south: 200G ÷ 100G = 2: across its middle the fabric carries 2 times what its edge carries',
        'ok bl1: 100G to externals (`fw1`); 200G to spines, so min(100G, 200G) = 100G reaches the servers',
      ]);
    });
  });

  describe('N-1: the loss per spine from the real paths', () => {
    it('a balanced pod: one figure for spines that cost the same, with the ratio after', () => {
      const group = groupOf(figuresOf(example('lessons/north-south.topology.yaml'), 'three-tier-vs-spine-leaf'), 'spine-redundancy-and-n-1');
      assert.deepEqual(lines(group), [
        'ok spine1: each of its 16 leaves loses 100G of 400G = 25% of its uplink; `leaf1` goes from 2.5:1 to 1000G ÷ 300G = 3.33:1; the same for 3 other spines',
      ]);
      assert.equal(group.note, 'With 4 spines, a balanced leaf loses 1/4 = 25% of its uplink when one fails.');
    });

    it('the ratio after the loss is that of the leaf it leaves worst, and unequal uplinks are named', () => {
      const text = fs.readFileSync(path.join(ROOT, 'test', 'vscode', 'workspace', 'fabric', 'worst-leaf.topology.yaml'), 'utf8');
      assert.deepEqual(lines(groupOf(figuresOf(text, 'spine-leaf-hierarchy'), 'why-every-server-is-equidistant')), [
        'ok spine1: each of its 3 leaves loses 100G of 200G = 50% of its uplink; `leaf2` goes from 4:1 to 800G ÷ 100G = 8:1; the same for 1 other spine',
      ]);
      // Same share, different bandwidth: leaf3 gets 2 × 100G to each spine.
      const wider = text.replace('{ between: [leaf3, spine1], speed: 100G }', '{ between: [leaf3, spine1], speed: 100G, count: 2 }').replace('{ between: [leaf3, spine2], speed: 100G }', '{ between: [leaf3, spine2], speed: 100G, count: 2 }');
      assert.deepEqual(lines(groupOf(figuresOf(wider, 'spine-leaf-hierarchy'), 'why-every-server-is-equidistant')), [
        'ok spine1: each of its 3 leaves loses 50% of its uplink (`leaf1`: 100G of 200G = 50%); `leaf2` goes from 4:1 to 800G ÷ 100G = 8:1; the same for 1 other spine',
      ]);
    });

    it('multi-pod: only the spine\'s own pod loses, a leaf missing a spine loses more to the others', () => {
      const f = withoutLink(buildFabric({ pods: 2, spinesPerPod: 4, leavesPerPod: 3 }), 'p2-leaf1,', 'p2-spine3]');
      const text = render(f);
      const group = groupOf(figuresOf(text, 'three-tier-vs-spine-leaf'), 'spine-redundancy-and-n-1');
      assert.deepEqual(lines(group), [
        'ok p2-spine1: its 3 leaves (pod `2`) lose 25% of their uplink typically, 33% at worst (`p2-leaf1`: 100G of 300G = 33%); `p2-leaf1` goes from 2:1 to 600G ÷ 200G = 3:1; the same for 2 other spines',
        'ok p1-spine1: each of its 3 leaves (pod `1`) loses 100G of 400G = 25% of its uplink; `p1-leaf1` goes from 1.5:1 to 600G ÷ 300G = 2:1; the same for 3 other spines',
        'ok p2-spine3: each of its 2 leaves (pod `2`) loses 100G of 400G = 25% of its uplink; `p2-leaf2` goes from 1.5:1 to 600G ÷ 300G = 2:1',
      ]);
      assert.equal(targetText(text, group.figures[0]), 'p2-spine1');
      assert.equal(group.note, "2 pods of 4 spines each: a spine's loss costs only the leaves of its own pod; the other pods lose nothing.");
    });

    it('a single spine cuts every leaf off', () => {
      const group = groupOf(figuresOf(example('lessons/single-spine.topology.yaml'), 'three-tier-vs-spine-leaf'), 'spine-redundancy-and-n-1');
      assert.deepEqual(lines(group), ['over spine1: each of its 2 leaves loses 200G of 200G = 100% of its uplink; cut off: `leaf1`, `leaf2` (their only spine)']);
    });

    it('five-stage: the worst spine ratio and the loss per super-spine, per plane', () => {
      const group = groupOf(figuresOf(example('five-stage-clos.topology.yaml'), 'three-tier-vs-spine-leaf'), 'five-stage-clos-pods-and-planes');
      assert.deepEqual(lines(group), [
        'ok p1-spine1: 800G to leaves ÷ 800G to super-spines = 1:1: within the 3:1 the design allows at a spine',
        'ok ss1-1: each of its 2 spines (plane `1`) loses 400G of 800G = 50% of its uplink; `p1-spine1` goes from 1:1 to 800G ÷ 400G = 2:1; the same for 1 other super-spine',
        'ok ss2-1: each of its 2 spines (plane `2`) loses 400G of 800G = 50% of its uplink; `p1-spine2` goes from 1:1 to 800G ÷ 400G = 2:1; the same for 1 other super-spine',
      ]);
      assert.equal(group.note, "2 pods, 2 planes, 4 super-spines: a spine's uplinks are the super-spines of its plane.");
    });
    it('five-stage without planes: every spine links up to every super-spine', () => {
      const text = yaml`
        topology: t
        switches:
          ss1: { role: super-spine, ports: [{ count: 8, speed: 400G }] }
          ss2: { role: super-spine, ports: [{ count: 8, speed: 400G }] }
          s1: { role: spine, ports: [{ count: 8, speed: 100G }, { count: 2, speed: 400G, for: fabric }] }
          l1: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
        servers:
          r1: { count: 16, nics: { count: 1, speed: 25G }, leaves: [l1] }
        links:
          - { between: [l1, s1], speed: 100G, count: 4 }
          - { between: [s1, ss1], speed: 400G }
          - { between: [s1, ss2], speed: 400G }
      `;
      const group = groupOf(figuresOf(text, 'three-tier-vs-spine-leaf'), 'five-stage-clos-pods-and-planes');
      assert.equal(group.note, '2 super-spines: without planes, every spine links up to every super-spine.');
      assert.deepEqual(lines(group), [
        'ok s1: 400G to leaves ÷ 800G to super-spines = 0.5:1: within the 3:1 the design allows at a spine',
        'ok ss1: its one spine, `s1`, loses 400G of 800G = 50% of its uplink; `s1` goes from 0.5:1 to 400G ÷ 400G = 1:1; the same for 1 other super-spine',
      ]);
    });
  });

  describe('ECMP', () => {
    it('paths per leaf: a leaf missing a spine first, then one leaf per path count', () => {
      const f = withoutLink(buildFabric({ pods: 2, spinesPerPod: 4, leavesPerPod: 3 }), 'p2-leaf1,', 'p2-spine3]');
      const group = groupOf(figuresOf(render(f), 'ecmp'), '5-tuple-hashing');
      assert.deepEqual(lines(group), [
        'over p2-leaf1: 3 equal-cost paths: 3 spines of pod `2` × 1 link; it reaches 3 of the 4 it should',
        'ok p1-leaf1: 4 equal-cost paths: 4 spines of pod `1` × 1 link; so do 4 other leaves',
      ]);
      assert.equal(group.note, "1 leaf with 3 paths, 5 leaves with 4 paths. A flow's 5-tuple hash picks one of a leaf's paths.");
    });

    it('unequal bandwidth: usable ≈ N × the thinnest path, as the lesson teaches', () => {
      const text = example('lessons/ecmp-imbalance.topology.yaml');
      const figures = figuresOf(text, 'ecmp');
      assert.deepEqual(lines(groupOf(figures, '5-tuple-hashing')), [
        'ok leaf2: 2 equal-cost paths: 2 spines × 1 link',
        'ok leaf1: 3 equal-cost paths over 2 spines (2 + 1 links)',
      ]);
      const balance = groupOf(figures, 'equal-cost-means-equal-bandwidth');
      assert.deepEqual(lines(balance), ['over leaf1: 200G to `spine1`; 100G to `spine2`. Even hashing: usable ≈ 2 spines × 100G (the thinnest) = 200G of 300G']);
      assert.equal(targetText(text, balance.figures[0]), 'leaf1');
    });
  });

  describe('ports, speeds and tiers', () => {
    it('port use, the fullest first, switches that read the same shown once', () => {
      const group = groupOf(figuresOf(example('lessons/north-south.topology.yaml'), 'modern-topology'), 'ports-and-port-groups');
      assert.deepEqual(lines(group), [
        'ok leaf1: 40/48 × 25G, 4/8 × 100G used; the same for 13 other switches',
        'ok bl1: 12/16 × 100G used',
        'ok bl2: 10/16 × 100G used',
        'ok spine1: 16/32 × 100G used; the same for 3 other switches',
        'ok fw1: 2/4 × 100G used',
      ]);
      assert.equal(group.note, '21 switches with ports, the fullest first; none is short of ports.');
    });

    it('link speeds: cables and NIC links per speed', () => {
      const group = groupOf(figuresOf(example('border-and-gpu-pod.topology.yaml'), 'modern-topology'), 'link-speeds');
      assert.deepEqual(lines(group), [
        'info 400G: 16 links between switches',
        'info 100G: 28 links between switches, 32 server NIC links',
        'info 25G: 64 server NIC links',
      ]);
    });

    it('tier rules: each violation reveals its link; none: the split between the tiers', () => {
      const text = example('lessons/tier-violation.topology.yaml');
      const group = groupOf(figuresOf(text, 'spine-leaf-hierarchy'), 'tier-rules');
      assert.equal(group.figures.length, 1);
      assert.equal(group.figures[0].label, 'leaf1 – leaf2');
      assert.equal(group.figures[0].status, 'over');
      assert.match(group.figures[0].text, /^This link \(leaf `leaf1` – leaf `leaf2`\) joins two leaves/);
      assert.equal(targetText(text, group.figures[0]), '[leaf1, leaf2]');
      const clean = groupOf(figuresOf(example('clean-fabric.topology.yaml'), 'spine-leaf-hierarchy'), 'tier-rules');
      assert.deepEqual(clean.figures, []);
      assert.match(clean.note ?? '', /^No tier violations: \d+ leaf–spine link entries/);
      assert.equal(clean.tryIt, 'examples/lessons/tier-violation.topology.yaml');
      const off = lessonFigures(lintText(text, { ...lintText('').settings, rules: new Map([['tier-violation', 'off']]) }), 'spine-leaf-hierarchy');
      assert.match(groupOf(off, 'tier-rules').note ?? '', /^The tier-violation rule is off for this file/);
    });
  });

  describe('virtualization lessons', () => {
    it('show the virtualization fields of each server group', () => {
      const text = example('lessons/virtualized-rack.topology.yaml');
      for (const [lesson, section] of [['ring0-problem', 'the-core-challenge'], ['hardware-virtualization', 'sr-iov-and-the-nic'], ['vm-exits', 'the-six-step-exit-cycle']]) {
        const group = groupOf(figuresOf(text, lesson), section);
        assert.deepEqual(lines(group), ['info hypervisors: hypervisor `kvm`; 20 servers × 20 VMs = 400 VMs; SR-IOV: VMs get virtual functions of the NIC; sharing 40 × 25G NIC links'], lesson);
        assert.equal(targetText(text, group.figures[0]), 'hypervisors');
      }
    });

    it('say so when the file has none, and offer the try-it file', () => {
      const group = groupOf(figuresOf(example('lessons/oversubscribed-leaf.topology.yaml'), 'vm-exits'), 'the-six-step-exit-cycle');
      assert.deepEqual(group.figures, []);
      assert.equal(group.note, 'No virtualization data in this file: no server group has a `virtualization:` block.');
      assert.equal(group.tryIt, 'examples/lessons/virtualized-rack.topology.yaml');
    });
  });

  describe('the contract', () => {
    it('has figures for every lesson of the catalogue, and a try-it file that exists for each', () => {
      assert.deepEqual([...LESSONS_WITH_FIGURES].sort(), LESSONS.map((l) => l.id).sort());
      for (const lesson of LESSONS) {
        const tryIt = fabricTryIt(lesson.id);
        assert.ok(isTryItPath(tryIt) && fs.existsSync(path.join(ROOT, tryIt)), `${lesson.id}: ${String(tryIt)}`);
      }
    });

    it('every group is a section of its lesson, every try-it exists, and every result passes the client check (all examples × all lessons)', () => {
      const anchors = new Map(LESSONS.map((l) => [l.id, parseLesson(fs.readFileSync(path.join(ROOT, 'lessons', `${l.id}.md`), 'utf8')).anchors]));
      for (const file of topologyFiles()) {
        const result = lintText(fs.readFileSync(file, 'utf8'));
        for (const lesson of LESSONS) {
          const figures = lessonFigures(result, lesson.id);
          const where = `${path.relative(EXAMPLES, file)} / ${lesson.id}`;
          assert.deepEqual(parseLessonFigures(JSON.parse(JSON.stringify(figures)), lesson.id), figures, where);
          for (const group of figures.groups) {
            assert.ok(anchors.get(lesson.id)!.has(group.section), `${where}: #${group.section} is no section of ${lesson.id}.md`);
            if (group.tryIt !== undefined) assert.ok(fs.existsSync(path.join(ROOT, group.tryIt)), `${where}: ${group.tryIt}`);
          }
        }
      }
    });

    it('explains a file that cannot be read instead of showing figures', () => {
      assert.deepEqual(figuresOf('switches:\n\t- bad', 'modern-topology'), {
        lesson: 'modern-topology',
        groups: [],
        note: 'The file has YAML errors, so its fabric cannot be read yet: fix them (see the Problems panel) and its figures appear here.',
      });
      assert.match(figuresOf('', 'ecmp').note ?? '', /^The file is empty/);
    });

    it('keeps hostile names as data: __proto__, control characters and very long names are clipped labels', () => {
      const long = 'x'.repeat(300);
      const text = yaml`
        topology: t
        switches:
          s1: { role: spine, ports: [{ count: 8, speed: 100G }] }
          __proto__: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
          "a\\u0007b": { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
          ${long}: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
        servers:
          r1: { count: 48, nics: { count: 1, speed: 25G }, leaves: [__proto__] }
          r2: { count: 8, nics: { count: 1, speed: 25G }, leaves: ["a\\u0007b"] }
          r3: { count: 4, nics: { count: 1, speed: 25G }, leaves: [${long}] }
        links:
          - { between: [__proto__, s1], speed: 100G }
          - { between: ["a\\u0007b", s1], speed: 100G }
          - { between: [${long}, s1], speed: 100G }
      `;
      const figures = figuresOf(text, 'modern-topology');
      assert.deepEqual(parseLessonFigures(JSON.parse(JSON.stringify(figures)), 'modern-topology'), figures);
      const ports = groupOf(figures, 'ports-and-port-groups');
      const labels = ports.figures.map((f) => f.label);
      assert.ok(labels.includes('__proto__'), labels.join(', '));
      assert.ok(labels.includes('a\\u0007b'), labels.join(', '));
      const clipped = labels.find((l) => l.startsWith('xxx'))!;
      assert.equal(clipped.length, FIGURE_LIMITS.label);
      assert.ok(clipped.endsWith('…'));
      assert.equal(groupOf(figures, 'oversubscription-ratios').figures[0].label, '__proto__');
    });

    it('stays within its caps on a fabric of 2,000 leaves', () => {
      const text = render(buildFabric({ pods: 50, spinesPerPod: 4, leavesPerPod: 40, spinePorts: 64 }));
      const result = lintText(text);
      for (const lesson of LESSONS) {
        const figures = lessonFigures(result, lesson.id);
        for (const group of figures.groups) assert.ok(group.figures.length <= FIGURE_LIMITS.figures, `${lesson.id} ${group.section}: ${group.figures.length}`);
        assert.deepEqual(parseLessonFigures(JSON.parse(JSON.stringify(figures)), lesson.id), figures, lesson.id);
      }
      const group = groupOf(lessonFigures(result, 'modern-topology'), 'east-west-vs-north-south-traffic');
      assert.equal(group.more, 100 - FIGURE_LIMITS.figures);
    });
  });
});
