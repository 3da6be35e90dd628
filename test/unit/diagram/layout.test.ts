/**
 * The diagram's layout (server/src/core/diagram/): tiers as rows, pods and planes as boxes,
 * aggregation thresholds (a row segment over 16 switches is one group box; opening a big group shows
 * groups of at least 32), links bundled with their counts, findings on switches, links and pods, and
 * positions that stay put across small edits.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../server/src/core/lint';
import { buildDiagram } from '../../../server/src/core/diagram/diagram';
import { GEOMETRY } from '../../../server/src/core/diagram/layout';
import { COLLAPSE_OVER, MAX_NODES, SHOW_MEMBERS } from '../../../server/src/core/diagram/segments';
import type { DiagramNode, DiagramState, DiagramView } from '../../../shared/webview/diagramView';
import { EXAMPLES } from '../helpers';
import { buildFabric, render } from '../analysis/fabricBuilder';

const NONE: DiagramState = { expanded: [], failed: { switches: [], links: [] } };

function diagram(text: string, state: DiagramState = NONE): DiagramView {
  return buildDiagram(lintText(text), state);
}

function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

const node = (view: DiagramView, key: string): DiagramNode => {
  const found = view.nodes.find((n) => n.key === key);
  assert.ok(found, `no node ${key} in ${view.nodes.map((n) => n.key).join(', ')}`);
  return found;
};

const positions = (view: DiagramView): Record<string, string> => Object.fromEntries(view.nodes.map((n) => [n.key, `${n.x},${n.y}`]));

const inside = (n: DiagramNode, box: { x: number; y: number; w: number; h: number }): boolean =>
  n.x >= box.x && n.y >= box.y && n.x + n.w <= box.x + box.w && n.y + n.h <= box.y + box.h;

/** A one-pod fabric of `leaves` leaves and `spines` spines without pods (the bench's shape, small). */
function flat(spines: number, leaves: number): string {
  const lines = ['topology: flat', 'switches:'];
  for (let s = 1; s <= spines; s++) lines.push(`  spine${s}: { role: spine, ports: [{ count: ${leaves}, speed: 100G }] }`);
  for (let l = 1; l <= leaves; l++) lines.push(`  leaf${l}: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: ${spines}, speed: 100G, for: fabric }] }`);
  lines.push('links:');
  for (let l = 1; l <= leaves; l++) for (let s = 1; s <= spines; s++) lines.push(`  - { between: [leaf${l}, spine${s}], speed: 100G }`);
  return `${lines.join('\n')}\n`;
}

describe('diagram layout', () => {
  describe('tiers as rows', () => {
    it('a 3-stage fabric: spines above leaves, in reading order, with role and ratio', () => {
      const view = diagram(example('clean-fabric.topology.yaml'));
      assert.equal(view.name, 'pod-a');
      assert.deepEqual(view.tiers.map((t) => t.label), ['spines', 'leaves']);
      assert.deepEqual(view.nodes.map((n) => n.key), ['s:spine1', 's:spine2', 's:leaf1', 's:leaf2', 's:leaf3', 's:leaf4']);
      const [spine, leaf] = [node(view, 's:spine1'), node(view, 's:leaf1')];
      assert.equal(spine.y, view.tiers[0].y);
      assert.equal(leaf.y, view.tiers[1].y);
      assert.equal(leaf.y - spine.y, GEOMETRY.rowH);
      assert.equal(spine.detail, 'spine');
      assert.equal(leaf.detail, 'leaf · 2.5:1', 'the hover ratio: 1000G ÷ 400G');
      assert.equal(node(view, 's:leaf3').detail, 'leaf · 1:1');
      assert.equal(leaf.select?.start.line, 23, 'a click selects the name key (line 24)');
      assert.equal(leaf.select?.end.character, 7);
      assert.equal(view.boxes.length, 0, 'no pods, no boxes');
      assert.deepEqual(view.totals, { switches: 6, links: 8, findings: 0 });
      // The full mesh: 8 links, each 2 × 100G, whose label is drawn once above each leaf.
      assert.equal(view.links.length, 8);
      assert.ok(view.links.every((l) => l.label === '2 × 100G' && l.count === 2 && l.gbps === 200 && l.entries === 1 && l.kind === 'fabric'));
      assert.deepEqual(view.links.filter((l) => l.caption !== null).map((l) => `${l.to} ${l.caption}`), ['s:leaf1 2 × 100G each', 's:leaf2 2 × 100G each', 's:leaf3 2 × 100G each', 's:leaf4 2 × 100G each']);
      for (const l of view.links) assert.ok(l.y1 === spine.y + GEOMETRY.nodeH && l.y2 === leaf.y && l.cx === null, 'from the spine row down to the leaf row');
    });

    it('a 5-stage fabric: super-spines, spines, leaves; planes above, pods below', () => {
      const view = diagram(example('five-stage-clos.topology.yaml'));
      assert.deepEqual(view.tiers.map((t) => t.label), ['super-spines', 'spines', 'leaves']);
      assert.deepEqual(view.boxes.map((b) => b.label), ['pod 1', 'pod 2', 'plane 1', 'plane 2']);
      assert.equal(node(view, 's:p1-spine2').detail, 'spine · plane 2 · 1:1', "a spine's plane and its ratio to the super-spines");
      assert.equal(node(view, 's:ss1-1').detail, 'super-spine');
      assert.equal(view.links.length, 24);
      for (const key of ['s:ss1-1', 's:ss1-2']) assert.ok(inside(node(view, key), view.boxes.find((b) => b.label === 'plane 1')!), key);
      for (const key of ['s:p2-spine1', 's:p2-leaf4']) assert.ok(inside(node(view, key), view.boxes.find((b) => b.label === 'pod 2')!), key);
    });

    it('externals in a row of their own below the leaves, peer links as curves within a row', () => {
      const view = diagram(example('border-and-gpu-pod.topology.yaml'));
      assert.deepEqual(view.tiers.map((t) => t.label), ['spines', 'leaves', 'externals']);
      const fw = node(view, 's:fw1');
      assert.equal(fw.detail, 'external');
      assert.ok(fw.y > node(view, 's:bl1').y);
      const peer = view.links.find((l) => l.kind === 'peer' && l.from === 's:leaf1a')!;
      assert.equal(peer.to, 's:leaf1b');
      assert.equal(peer.caption, 'peer 2 × 100G');
      assert.ok(peer.cx !== null && peer.cy !== null && peer.cy > peer.y1, 'a curve below the leaf row');
      assert.equal(view.links.filter((l) => l.kind === 'north-south').length, 4);
      assert.equal(node(view, 's:gpu-leaf1').detail, 'leaf · 0.5:1');
    });

    it('switches without a usable role get a row "no role"', () => {
      const view = diagram('topology: t\nswitches:\n  odd: { role: lief, ports: [{ count: 4, speed: 10G }] }\n  spine1: { role: spine, ports: [{ count: 4, speed: 10G }] }\n');
      assert.deepEqual(view.tiers.map((t) => t.label), ['spines', 'no role']);
      assert.equal(node(view, 's:odd').detail, 'no role');
      assert.equal(node(view, 's:odd').severity, 'error', 'the schema finding inside its definition');
    });

    it('says why nothing is drawn for a file that does not parse or has no switches', () => {
      assert.match(diagram('topology: x\nswitches:\n\t- bad\n').notice ?? '', /not valid YAML yet \(line 3\)/);
      assert.match(diagram('topology: x\n').notice ?? '', /No switches yet/);
      assert.equal(diagram('topology: x\n').nodes.length, 0);
    });
  });

  describe('pods and planes', () => {
    it('each pod is a box around its spines and leaves, in natural id order', () => {
      const text = render(buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 3 })).replace(/pod: 2\b/g, 'pod: 10');
      const view = diagram(text);
      assert.deepEqual(view.boxes.map((b) => b.label), ['pod 1', 'pod 10']);
      const [pod1, pod10] = view.boxes;
      for (const n of view.nodes) {
        const box = n.name.startsWith('p1-') ? pod1 : pod10;
        assert.ok(inside(n, box), `${n.name} is inside ${box.label}`);
      }
      assert.ok(pod1.x + pod1.w < pod10.x, 'side by side, not overlapping');
      // Leaf links stay in their pod: no line crosses between the boxes.
      for (const l of view.links) assert.equal(l.from.slice(2, 4), l.to.slice(2, 4), `${l.from} – ${l.to}`);
    });

    it('a spine without a pod in a fabric with pods stands in a column of its own, after the pods, without a box', () => {
      const text = render(buildFabric({ pods: 2, spinesPerPod: 1, leavesPerPod: 2 })).replace('switches:', 'switches:\n  shared-spine: { role: spine, ports: [{ count: 8, speed: 100G }] }');
      const view = diagram(text);
      const shared = node(view, 's:shared-spine');
      assert.ok(view.boxes.every((b) => !inside(shared, b)));
      assert.ok(view.boxes.every((b) => shared.x > b.x + b.w));
    });

    it('a pod finding (spine-redundancy) marks its box', () => {
      const view = diagram(render(buildFabric({ pods: 2, spinesPerPod: 1, leavesPerPod: 2 })));
      assert.deepEqual(view.boxes.map((b) => `${b.label} ${b.severity}`), ['pod 1 · ▲ 1 warning', 'pod 2 · ▲ 1 warning']);
    });
  });

  describe('aggregation', () => {
    it(`shows a row of up to ${COLLAPSE_OVER} switches, and one group box above that`, () => {
      assert.equal(diagram(flat(2, COLLAPSE_OVER)).nodes.length, 2 + COLLAPSE_OVER);
      const view = diagram(flat(2, COLLAPSE_OVER + 1));
      assert.equal(view.nodes.length, 3);
      const group = node(view, view.nodes[2].key);
      assert.equal(group.kind, 'group');
      assert.equal(group.members, COLLAPSE_OVER + 1);
      assert.equal(group.title, '17 leaves');
      assert.equal(group.detail, '▸ worst 6:1', 'the worst ratio of its members: 1200G ÷ 200G');
      assert.equal(group.name, '17 leaves: leaf1 … leaf17');
      assert.equal(group.select, null);
      // Every leaf's links into the group box: one line per spine with the summed count.
      assert.deepEqual(view.links.map((l) => `${l.from} → ${l.to} ${l.count} ${l.entries} ${l.label}`), [
        `s:spine1 → ${group.key} 17 17 17 links · 1700G`,
        `s:spine2 → ${group.key} 17 17 17 links · 1700G`,
      ]);
      assert.equal(view.links[0].ends, null, 'a bundle names no single pair');
    });

    it('opening a group shows its members, which point back to it', () => {
      const closed = diagram(flat(2, 20));
      const key = closed.nodes[2].key;
      const open = diagram(flat(2, 20), { expanded: [key], failed: { switches: [], links: [] } });
      assert.equal(open.nodes.length, 22);
      assert.ok(open.nodes.slice(2).every((n) => n.kind === 'switch' && n.parent === key));
      assert.equal(open.links.length, 40);
    });

    it(`a big group opens into at most 32 groups of at least 32 (up to ${SHOW_MEMBERS} members are shown directly)`, () => {
      const text = flat(1, 2048);
      const closed = diagram(text);
      assert.equal(closed.nodes.length, 2);
      const leaves = closed.nodes[1];
      assert.equal(leaves.members, 2048);
      assert.equal(closed.links.length, 1);
      assert.equal(closed.links[0].count, 2048);
      const open = diagram(text, { expanded: [leaves.key], failed: { switches: [], links: [] } });
      const groups = open.nodes.filter((n) => n.kind === 'group');
      assert.equal(groups.length, 32);
      assert.ok(groups.every((g) => g.members === 64 && g.parent === leaves.key));
      assert.equal(groups[1].name, '64 leaves (65–128 of 2048): leaf65 … leaf128');
      const chunk = diagram(text, { expanded: [leaves.key, groups[1].key], failed: { switches: [], links: [] } });
      assert.equal(chunk.nodes.filter((n) => n.kind === 'switch' && n.tier === 'leaf').length, 64);
      assert.equal(chunk.nodes.length, 1 + 31 + 64);
      assert.equal(chunk.links.length, 31 + 64, 'the spine to each group and to each shown leaf');
    });

    it('65 members open into two groups of 32 and the last one on its own', () => {
      const view = diagram(flat(1, 65));
      const open = diagram(flat(1, 65), { expanded: [view.nodes[1].key], failed: { switches: [], links: [] } });
      assert.deepEqual(open.nodes.slice(1).map((n) => `${n.kind}:${n.members}`), ['group:32', 'group:32', 'switch:1']);
    });

    it(`hundreds of small pods: every segment of two or more is a group, at most ${MAX_NODES} nodes are drawn, and the view says what it leaves out`, () => {
      const text = render(buildFabric({ pods: 1500, spinesPerPod: 1, leavesPerPod: 2, minSpines: 1 }));
      const view = diagram(text);
      assert.ok(view.nodes.length <= MAX_NODES, `${view.nodes.length} nodes`);
      assert.equal(view.nodes.length, MAX_NODES);
      assert.ok(view.nodes.filter((n) => n.tier === 'leaf').every((n) => n.kind === 'group' && n.members === 2));
      assert.equal(view.notice, `The diagram draws at most 2000 nodes: 500 pods at the end are not drawn (their switches and findings still count in every figure).`);
      assert.ok(view.links.every((l) => view.nodes.some((n) => n.key === l.from) && view.nodes.some((n) => n.key === l.to)), 'no link to a node not drawn');
      assert.equal(view.totals.switches, 4500);
    });

    it("a group shows its members' findings: the worst severity and how many", () => {
      const text = flat(2, 20).replace('  - { between: [leaf7, spine2], speed: 100G }\n', '');
      const group = diagram(text).nodes[2];
      assert.equal(group.severity, 'error', 'leaf7 lacks spine2: spine-connectivity');
      assert.ok(group.findings >= 1);
      assert.equal(group.badge, `✖ ${group.findings}`);
    });
  });

  describe('findings', () => {
    it('colour the switch they are about, with a glyph and a count', () => {
      const view = diagram(fs.readFileSync(path.join(EXAMPLES, 'lessons', 'oversubscribed-leaf.topology.yaml'), 'utf8'));
      const leaf = node(view, 's:leaf1');
      assert.equal(leaf.severity, 'warning');
      assert.equal(leaf.badge, '▲ 1');
      assert.equal(leaf.detail, 'leaf · 4:1');
    });

    it('on a link (tier violation, duplicate) colour the link', () => {
      const text = `${example('clean-fabric.topology.yaml')}  - { between: [leaf1, leaf2], speed: 100G }\n  - { between: [leaf1, spine1], speed: 100G, count: 2 }\n`;
      const view = diagram(text);
      const leafLeaf = view.links.find((l) => l.from === 's:leaf1' && l.to === 's:leaf2')!;
      assert.equal(leafLeaf.severity, 'warning');
      assert.equal(leafLeaf.findings, 1);
      assert.ok(leafLeaf.cx !== null, 'within the leaf row: a curve');
      const duplicate = view.links.find((l) => l.from === 's:spine1' && l.to === 's:leaf1')!;
      assert.equal(duplicate.entries, 2);
      assert.equal(duplicate.count, 4);
      assert.equal(duplicate.label, '2 entries · 400G');
      assert.equal(duplicate.severity, 'warning', 'duplicate-link');
      assert.equal(node(view, 's:leaf2').findings, 0, 'the link findings are on the links, not the switch');
      assert.deepEqual(node(view, 's:leaf1').badge, '▲ 1', "leaf1's own finding: 400G to spine1, 200G to spine2 (ecmp-imbalance)");
    });
  });

  describe('stable positions across small edits', () => {
    const base = render(buildFabric({ pods: 2, spinesPerPod: 2, leavesPerPod: 3 }));
    const before = positions(diagram(base));

    it('editing figures, speeds, counts, servers or the design moves nothing', () => {
      for (const edited of [
        base.replace('max_oversubscription: 3', 'max_oversubscription: 2'),
        base.replace(/speed: 100G \}/, 'speed: 40G }'),
        base.replace('count: 24,', 'count: 30,'),
        base.replace('links:', 'links:\n  - { between: [p1-leaf1, p1-spine1], speed: 100G, count: 2 }'),
        base.replace(/( {2}- \{ between: \[p2-leaf3, p2-spine2\][^\n]*\n)/, ''),
      ]) {
        assert.notEqual(edited, base);
        assert.deepEqual(positions(diagram(edited)), before);
      }
    });

    it('renaming a switch keeps every position', () => {
      const renamed = positions(diagram(base.replace(/p1-leaf2\b/g, 'p1-rack2')));
      assert.equal(renamed['s:p1-rack2'], before['s:p1-leaf2']);
      assert.deepEqual(Object.values(renamed), Object.values(before));
    });

    it('adding a leaf moves only the leaves of its own pod (re-centred); other pods stay', () => {
      const text = base.replace('switches:', 'switches:\n  p2-leaf4: { role: leaf, pod: 2, ports: [{ count: 48, speed: 25G, for: servers }] }');
      const after = positions(diagram(text));
      for (const [key, at] of Object.entries(before)) {
        if (key.startsWith('s:p2-leaf')) continue;
        assert.equal(after[key], at, key);
      }
      assert.notEqual(after['s:p2-leaf1'], before['s:p2-leaf1'], 'its own row is re-centred');
    });

    it('other pods move only when a pod grows past a step of 4 slots', () => {
      const grown = base.replace('switches:', 'switches:\n  p1-leaf4: { role: leaf, pod: 1, ports: [] }\n  p1-leaf5: { role: leaf, pod: 1, ports: [] }');
      const after = positions(diagram(grown));
      assert.notEqual(after['s:p2-spine1'], before['s:p2-spine1'], 'pod 1 is now 8 slots wide');
      assert.equal(after['s:p1-spine1'].split(',')[1], before['s:p1-spine1'].split(',')[1], 'rows stay');
    });
  });
});
