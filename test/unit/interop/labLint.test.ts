/**
 * Linting containerlab topologies: the same fabric findings as topology files, anchored in the
 * lab file, from labels or from what names and links imply (said once, by `inferred`).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument } from '../../../server/src/core/lintDocument';
import { lintLab } from '../../../server/src/core/interop/containerlab/lintLab';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { fixesFor } from '../../../server/src/core/editing/quickFixes';
import { applyEdits } from '../../../server/src/core/editing/edits';
import { normalizeSettings } from '../../../server/src/core/settings';
import type { Finding } from '../../../server/src/core/findings';
import { EXAMPLES, at, textAt, yaml } from '../helpers';

const LABELLED = fs.readFileSync(path.join(EXAMPLES, 'labs', 'five-stage.clab.yml'), 'utf8');
const UNLABELLED = fs.readFileSync(path.join(EXAMPLES, 'labs', 'five-stage-unlabelled.clab.yml'), 'utf8');
const rules = (findings: readonly Finding[]): string[] => findings.map((f) => f.rule);
const only = (findings: readonly Finding[], rule: string): Finding[] => findings.filter((f) => f.rule === rule);

/** A 3-stage lab: 2 spines, 2 leaves with ports labels; leaf1's uplinks in the brief syntax, leaf2's in the extended one. */
const THREE_STAGE = yaml`
  name: small
  topology:
    defaults:
      kind: nokia_srlinux
      labels:
        topology.servers.web: "20x2x25G on leaf1,leaf2"
    nodes:
      spine1:
        labels: { topology.ports: "32x100G" }
      spine2:
        labels: { topology.ports: "32x100G" }
      leaf1:
        labels: { topology.ports: "48x25G servers, 8x100G fabric" }
      leaf2:
        labels: { topology.ports: "48x25G servers, 8x100G fabric" }
    links:
      - endpoints: ["leaf1:e1-49", "spine1:e1-1"]
      - endpoints: ["leaf1:e1-50", "spine1:e1-2"]
      - endpoints: ["leaf1:e1-51", "spine2:e1-1"]
      - endpoints: ["leaf1:e1-52", "spine2:e1-2"]
      - type: veth
        endpoints:
          - { node: leaf2, interface: e1-49 }
          - { node: spine1, interface: e1-3 }
      - type: veth
        endpoints:
          - { node: leaf2, interface: e1-50 }
          - { node: spine2, interface: e1-3 }
`;

describe('containerlab topologies: lint', () => {
  it('a clean 5-stage lab with pod and plane labels has no finding', () => {
    const result = lintDocument('examples/labs/five-stage.clab.yml', LABELLED);
    assert.deepEqual(result.findings, []);
    const model = result.analysis!.model;
    assert.deepEqual([model.leaves.length, model.spines.length, model.superSpines.length, model.pods.size, model.planes.size], [8, 4, 4, 2, 2]);
    // The design came along: ports, speeds and servers give every leaf its ratio (96 × 25G / 4 leaves over 4 × 100G).
    assert.equal(model.switches.get('p1-leaf1')!.ratio, 1.5);
  });

  it('the same lab without labels: one `inferred` info at the nodes key, no false spine-connectivity', () => {
    const result = lintDocument('five-stage-unlabelled.clab.yml', UNLABELLED);
    assert.deepEqual(rules(result.findings), ['inferred']);
    const [finding] = result.findings;
    assert.equal(finding.severity, 'info');
    assert.equal(textAt(UNLABELLED, finding.range), 'nodes');
    assert.equal(
      finding.message,
      'Roles inferred from names for 16 nodes, pods from links for 8 leaves and 4 spines, planes from links for 4 spines and 4 super-spines; add labels `topology.role`/`topology.pod`/`topology.plane` to state them.',
    );
    const model = result.analysis!.model;
    assert.deepEqual([...model.pods.keys()], ['1', '2']);
    assert.deepEqual(model.pods.get('2')!.spines.map((s) => s.name), ['p2-spine1', 'p2-spine2']);
    assert.deepEqual(model.planes.get('1')!.superSpines.map((s) => s.name), ['ss1-1', 'ss1-2']);
  });

  it('states roles by label and the pods are not guessed: without pod labels every leaf then lacks the other pod\'s spines', () => {
    // What inference avoids: with roles labelled (so nothing is inferred) and no pods, it is one big pod.
    const stated = UNLABELLED.replace(/^( {4})(p\d-(spine|leaf)\d|ss\d-\d):$/gm, (_m, indent: string, name: string) => {
      const role = name.startsWith('ss') ? 'super-spine' : name.includes('spine') ? 'spine' : 'leaf';
      return `${indent}${name}: { labels: { topology.role: ${role} } }`;
    });
    const result = lintDocument('x.clab.yml', stated);
    assert.equal(only(result.findings, 'inferred').length, 0);
    const missing = only(result.findings, 'spine-connectivity');
    assert.equal(missing.length, 8 + 4, 'every leaf lacks 2 spines, every spine 2 super-spines');
    assert.equal(textAt(stated, missing[0].range), missing[0].subject!.switches![0], 'anchored at the node name');
  });

  it('reads both link syntaxes, merges parallel cables into counts and takes speeds from the ports the interfaces name', () => {
    const result = lintLab(THREE_STAGE);
    // Names make the roles: the only finding says so.
    assert.deepEqual(result.findings.map((f) => `${f.rule} ${textAt(THREE_STAGE, f.range)}`), ['inferred nodes']);
    const model = result.analysis!.model;
    assert.deepEqual(model.links.map((l) => [l.ends!.map((e) => e.name).join('-'), l.count, l.speedGbps]), [
      ['leaf1-spine1', 2, 100],
      ['leaf1-spine2', 2, 100],
      ['leaf2-spine1', 1, 100],
      ['leaf2-spine2', 1, 100],
    ]);
    const leaf1 = model.switches.get('leaf1')!;
    assert.deepEqual([leaf1.uplinkGbps, leaf1.ecmpPaths, leaf1.downlinkGbps], [400, 4, 500]);
    // Link ends point at the node names inside the endpoint strings and at the `node:` values.
    assert.equal(textAt(THREE_STAGE, result.lines.range(model.links[0].ends![0].node.start, model.links[0].ends![0].node.end)), 'leaf1');
    assert.equal(textAt(THREE_STAGE, result.lines.range(model.links[2].ends![0].node.start, model.links[2].ends![0].node.end)), 'leaf2');
    // The oversubscription of leaf2 (500G over 200G) is reported at its node name.
    const over = only(lintLab(THREE_STAGE.replace('topology.servers.web: "20x2x25G', 'topology.servers.web: "48x2x25G')).findings, 'oversubscription');
    assert.deepEqual(over.map((f) => f.subject?.switches), [['leaf2']]);
    assert.match(over[0].message, /`leaf2` is 6:1 oversubscribed: 1200G to servers, 200G to spines/);
  });

  it('honours defaults, kinds and groups inheritance (and YAML merge keys)', () => {
    const text = yaml`
      name: inherit
      topology:
        defaults:
          kind: nokia_srlinux
        kinds:
          nokia_srlinux:
            type: ixrd3l
        groups:
          spines:
            labels: { topology.role: spine }
          leaves:
            type: ixrd2l
            labels: { topology.role: leaf }
        nodes:
          s1: { group: spines }
          s2: { group: spines }
          l1: &leaf { group: leaves }
          l2: { <<: *leaf, labels: { topology.pod: a } }
        links:
          - endpoints: ["l1:e1-49", "s1:e1-1"]
          - endpoints: ["l1:e1-1", "s2:e1-1"]
          - endpoints: ["l2:e1-49", "s1:e1-2"]
          - endpoints: ["l2:e1-50", "s2:e1-2"]
    `;
    const result = lintLab(text);
    const model = result.analysis!.model;
    assert.deepEqual([...model.switches.values()].map((s) => `${s.name}:${s.role}:${s.pod ?? '-'}`), ['s1:spine:-', 's2:spine:-', 'l1:leaf:-', 'l2:leaf:a']);
    // Ports from the built-in table of each type: ixrd3l 32 × 100G + 2 × 10G, ixrd2l 48 × 25G + 8 × 100G + 2 × 10G.
    assert.deepEqual(model.switches.get('s1')!.portsBySpeed.map((p) => `${p.total}x${p.speedGbps}`), ['2x10', '32x100']);
    assert.deepEqual(model.switches.get('l1')!.portsBySpeed.map((p) => `${p.total}x${p.speedGbps}`), ['2x10', '48x25', '8x100']);
    // l1's cable to s2 is on a 25G port (e1-1): its uplinks differ (100G to s1, 25G to s2).
    const ecmp = only(result.findings, 'ecmp-imbalance');
    assert.deepEqual(ecmp.map((f) => f.subject?.switches), [['l1']]);
    assert.equal(model.links[1].speedGbps, 25);
    assert.equal(textAt(text, result.lines.range(model.links[1].speedNode!.start, model.links[1].speedNode!.end)), 'e1-1', 'the speed comes from the interface l1:e1-1');
  });

  it('reports tier violations, unknown nodes and isolated switches at their place in the lab', () => {
    const text = yaml`
      name: mistakes
      topology:
        nodes:
          spine1: { kind: arista_ceos }
          spine2: { kind: arista_ceos }
          leaf1: { kind: arista_ceos }
          leaf2: { kind: arista_ceos }
          leaf9: { kind: arista_ceos }
        links:
          - endpoints: ["leaf1:eth1", "spine1:eth1"]
          - endpoints: ["leaf1:eth2", "spine2:eth1"]
          - endpoints: ["leaf2:eth1", "spine1:eth2"]
          - endpoints: ["leaf2:eth2", "spine3:eth1"]
          - endpoints: ["leaf1:eth3", "leaf2:eth3"]
    `;
    const result = lintLab(text);
    const shown = result.findings.map((f) => `${f.rule}@${at(f.range)} ${textAt(text, f.range)}`);
    // leaf2's second uplink names no node: unknown-switch says so (and spine-connectivity waits for the fix).
    assert.deepEqual(shown, [
      'inferred@3:3-3:8 nodes',
      'isolated-switch@8:5-8:10 leaf9',
      'unknown-switch@13:34-13:40 spine3',
      'tier-violation@14:18-14:46 ["leaf1:eth3", "leaf2:eth3"]',
    ]);
    assert.match(only(result.findings, 'unknown-switch')[0].message, /Did you mean `spine1`\?|did you mean `spine1`/i);
  });

  it('reads roles from graph-level when the names do not tell, and takes other Linux nodes as servers', () => {
    const text = yaml`
      name: levels
      topology:
        nodes:
          a1: { kind: nokia_srlinux, labels: { graph-level: 1 } }
          a2: { kind: nokia_srlinux, labels: { graph-level: 1 } }
          b1: { kind: nokia_srlinux, labels: { graph-level: 2 } }
          b2: { kind: nokia_srlinux, labels: { graph-level: 2 } }
          client1: { kind: linux }
        links:
          - endpoints: ["b1:e1-1", "a1:e1-1"]
          - endpoints: ["b1:e1-2", "a2:e1-1"]
          - endpoints: ["b2:e1-1", "a1:e1-2"]
          - endpoints: ["b2:e1-2", "a2:e1-2"]
          - endpoints: ["client1:eth1", "b1:e1-10"]
          - endpoints: ["client1:eth2", "b2:e1-10"]
    `;
    const result = lintLab(text);
    assert.deepEqual(rules(result.findings), ['inferred']);
    assert.equal(result.findings[0].message, 'Roles inferred from `graph-level` for 4 nodes, 1 Linux node taken as a server; add labels `topology.role` to state them.');
    const model = result.analysis!.model;
    assert.deepEqual([model.spines.map((s) => s.name), model.leaves.map((s) => s.name)], [['a1', 'a2'], ['b1', 'b2']]);
    const client = model.serverGroups.get('client1')!;
    assert.deepEqual([client.count, client.nicCount, client.knownLeaves.map((l) => l.name)], [1, 2, ['b1', 'b2']]);
  });

  it('checks its labels: bad values and unknown names are schema errors at the label, with "did you mean"', () => {
    const text = yaml`
      name: labels
      topology:
        defaults:
          labels:
            topology.design.max_oversubscripton: 3
        nodes:
          spine1: { labels: { topology.role: spien, topology.ports: "32x100G, 8y400G" } }
          leaf1: { labels: { topology.pods: a, topology.servers.web: "1x1x25G on leaf1" } }
        links:
          - type: veth
            endpoints: [{ node: leaf1, interface: e1-1 }, { node: spine1, interface: e1-1 }]
            labels: { topology.speed: fast }
    `;
    const result = lintLab(text);
    const schema = only(result.findings, 'schema').map((f) => `${textAt(text, f.range)} | ${f.message}`);
    assert.deepEqual(schema, [
      'topology.design.max_oversubscripton | Unknown label `topology.design.max_oversubscripton`; did you mean `topology.design.max_oversubscription`? Topology Tutor reads `topology.role`, `topology.pod`, `topology.plane`, `topology.ports`, `topology.model`, `topology.group`, `topology.speed`, `topology.kind`, `topology.name`, `topology.description`, `topology.design.workload`, `topology.design.max_oversubscription`, `topology.design.max_spine_oversubscription`, `topology.design.min_spines`, `topology.design.server_homing`, `topology.servers.<group>`.',
      'spien | `spien` is not a role: `leaf`, `spine`, `super-spine`, `external`, `server`; did you mean `spine`?',
      '8y400G | Label `topology.ports`: `8y400G` is not COUNTxSPEED (like `48x25G`: 1 to 1,000,000 ports of a speed such as 25G, 100G, 1.6T).',
      'topology.pods | Unknown label `topology.pods`; did you mean `topology.pod`? Topology Tutor reads `topology.role`, `topology.pod`, `topology.plane`, `topology.ports`, `topology.model`, `topology.group`, `topology.speed`, `topology.kind`, `topology.name`, `topology.description`, `topology.design.workload`, `topology.design.max_oversubscription`, `topology.design.max_spine_oversubscription`, `topology.design.min_spines`, `topology.design.server_homing`, `topology.servers.<group>`.',
      'topology.servers.web | `topology.servers.web` describes the whole lab: put it under `topology.defaults.labels`.',
      'fast | `fast` is not a speed: write a number and M, G or T (`25G`, `100G`, `1.6T`).',
    ]);
    // The bad role is ignored: the name still makes spine1 a spine.
    assert.equal(result.analysis!.model.switches.get('spine1')!.role, 'spine');
  });

  it('gives structural problems a clear finding instead of nothing', () => {
    assert.deepEqual(lintLab('name: x\n').findings.map((f) => f.message), ['A containerlab topology needs `topology:` with `nodes:` under it.']);
    assert.deepEqual(lintLab('').findings.map((f) => f.rule), ['schema']);
    assert.deepEqual(lintLab('name: x\ntopology: {nodes: [a]}\n').findings.map((f) => f.message), ['A containerlab topology needs `topology.nodes`: a map of node names.']);
    assert.deepEqual(only(lintLab('name: x\ntopology:\n  nodes: {a: {}, b: {}}\n  links:\n    - endpoints: ["a:e1"]\n').findings, 'schema').map((f) => f.message), [
      'A link needs `endpoints:` with exactly two ends, like `["leaf1:e1-49", "spine1:e1-1"]`.',
    ]);
    assert.deepEqual(lintLab('name: x\ntopology:\n  nodes: {a: {}\n').findings.map((f) => f.rule), ['yaml-syntax']);
  });

  it('honours suppression comments, severity settings and topology.containerlab.enabled', () => {
    const suppressed = UNLABELLED.replace('  nodes:\n', '  # topology-disable-next-line inferred\n  nodes:\n');
    assert.deepEqual(lintLab(suppressed).findings, []);
    assert.equal(lintLab(UNLABELLED, normalizeSettings({ rules: { inferred: 'warning' } })).findings[0].severity, 'warning');
    const off = lintDocument('file:///labs/a.clab.yml', UNLABELLED, normalizeSettings({ containerlab: { enabled: false } }));
    assert.deepEqual([off.findings, off.analysis], [[], undefined]);
    // Only the file name decides: a topology file stays a topology file.
    assert.equal(lintDocument('file:///x/a.topology.yaml', UNLABELLED).findings[0].rule, 'schema');
    assert.equal(lintDocument('file:///x/a.clab.yaml?x=1', UNLABELLED).findings[0].rule, 'inferred');
  });

  it('hovers on lab nodes show the topology file\'s figures and where the role came from', () => {
    const result = lintDocument('five-stage.clab.yml', LABELLED);
    const offset = LABELLED.indexOf('    p1-leaf1:') + 6;
    const hover = hoverAt(result, offset, 'file:///lessons')!;
    assert.ok(hover.markdown.startsWith('**`p1-leaf1`** · leaf · pod `1`'), hover.markdown);
    assert.match(hover.markdown, /Ports used: 24\/48 × 25G, 4\/4 × 100G/);
    assert.match(hover.markdown, /Oversubscription: \*\*1\.5:1\*\*/);
    assert.match(hover.markdown, /Role `leaf` from its `topology\.role` label\./);
    // The same figures where a link names it.
    const inLink = hoverAt(result, LABELLED.indexOf('"p1-leaf1:e1-49"') + 3, 'file:///lessons')!;
    assert.equal(inLink.markdown, hover.markdown);
    const unlabelled = lintDocument('x.clab.yml', UNLABELLED);
    const guessed = hoverAt(unlabelled, UNLABELLED.indexOf('    p2-spine1:') + 6, 'file:///lessons')!;
    assert.match(guessed.markdown, /Role `spine` inferred from its name; add the label `topology\.role: spine` to state it\./);
    assert.match(guessed.markdown, /Pod `2` inferred from its links/);
    assert.match(guessed.markdown, /Plane `1` inferred from its links/);
    assert.match(guessed.markdown, /no known speed/);
    // Label keys explain themselves; the topology format's own keys say nothing in a lab.
    assert.match(hoverAt(result, LABELLED.indexOf('topology.ports') + 3, 'file:///lessons')!.markdown, /^\*\*topology\.ports\*\* — the front panel/);
    assert.equal(hoverAt(result, LABELLED.indexOf('topology:') + 2, 'file:///lessons'), undefined);
  });

  it('offers only the fixes that work in a lab, proved by linting the edited lab again', () => {
    const crossing = LABELLED.replace('    - endpoints: ["p1-leaf2:e1-51", "p1-spine2:e1-3"]\n', '    - endpoints: ["p1-leaf2:e1-51", "p2-spine2:e1-3"]\n');
    const result = lintDocument('x.clab.yml', crossing);
    const tier = only(result.findings, 'tier-violation')[0];
    const fixes = fixesFor(result, tier);
    assert.deepEqual(fixes.map((f) => f.title), ['Remove the link `p1-leaf2` ↔ `p2-spine2`', 'Disable tier-violation for this line', 'Open lesson: Tier rules']);
    const removed = applyEdits(crossing, fixes[0].edits!);
    assert.ok(crossing.includes('"p1-leaf2:e1-51", "p2-spine2:e1-3"') && !removed.includes('"p1-leaf2:e1-51", "p2-spine2:e1-3"'));
    assert.equal(only(lintDocument('x.clab.yml', removed).findings, 'tier-violation').length, 0);
    // A fix that would add a topology-format key (the missing spine link) never passes in a lab.
    const missing = lintDocument('x.clab.yml', LABELLED.replace(/ {4}- endpoints: \["p1-leaf2:e1-5[12]", "p1-spine2:e1-[34]"\]\n/g, ''));
    const connectivity = only(missing.findings, 'spine-connectivity')[0];
    assert.deepEqual(fixesFor(missing, connectivity).map((f) => f.title), ['Disable spine-connectivity for this line', 'Open lesson: Why every server is equidistant']);
  });

  it('compares ECMP link counts where a lab states no speeds', () => {
    const text = yaml`
      name: counts
      topology:
        nodes: { spine1: {}, spine2: {}, leaf1: {}, leaf2: {} }
        links:
          - endpoints: ["leaf1:e1-1", "spine1:e1-1"]
          - endpoints: ["leaf1:e1-2", "spine1:e1-2"]
          - endpoints: ["leaf1:e1-3", "spine2:e1-1"]
          - endpoints: ["leaf2:e1-1", "spine1:e1-3"]
          - endpoints: ["leaf2:e1-2", "spine2:e1-2"]
    `;
    const ecmp = only(lintLab(text).findings, 'ecmp-imbalance');
    assert.deepEqual(ecmp.map((f) => [textAt(text, f.range), f.severity, f.message]), [
      ['leaf1', 'warning', '`leaf1` has unequal links to its spines: 2 links to `spine1`; 1 link to `spine2`. ECMP spreads flows evenly over the upstream switches (one next hop each), so the one with fewer links fills up first. Give each the same number of links (the lab states no speeds, so only counts are compared).'],
    ]);
    // With speeds known, ecmp-imbalance compares bandwidth itself (and says so once).
    const speeds = text.replace('  nodes: { spine1: {}, spine2: {}, leaf1: {}, leaf2: {} }', '  defaults: { labels: { topology.ports: "8x100G" } }\n  nodes: { spine1: {}, spine2: {}, leaf1: {}, leaf2: {} }');
    const both = only(lintLab(speeds).findings, 'ecmp-imbalance');
    assert.equal(both.length, 1);
    assert.match(both[0].message, /^`leaf1` has unequal bandwidth to its spines: 200G to `spine1`; 100G to `spine2`/);
  });
});
