/**
 * Export to containerlab and netlab, and import back: every example and a generated 5-stage
 * fabric round-trip (export → lint the lab → the same findings by rule id and subject), the labs
 * have containerlab's required structure, the netlab topologies use netlab's documented keys only,
 * and the output is the same bytes for the same input.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { lintText } from '../../../server/src/core/lint';
import { lintDocument } from '../../../server/src/core/lintDocument';
import { exportLab, type LabFormat, type ExportOptions } from '../../../server/src/core/interop/export/exportLab';
import { importLab } from '../../../server/src/core/interop/containerlab/importLab';
import { findingKey, type Finding } from '../../../server/src/core/findings';
import { buildFabric, render, withoutLink } from '../analysis/fabricBuilder';
import { EXAMPLES, topologyFiles, yaml } from '../helpers';

/**
 * Findings that cannot survive the trip by design: `schema`, `yaml-syntax` and `analysis-skipped`
 * are about the source text, not the fabric; `duplicate-link` is about two list entries for one
 * pair, and a lab has cables, not entries (its parallel cables are merged into one count).
 */
const ABOUT_THE_TEXT = new Set(['schema', 'yaml-syntax', 'analysis-skipped', 'duplicate-link']);
const keys = (findings: readonly Finding[]): string[] => findings.filter((f) => !ABOUT_THE_TEXT.has(f.rule)).map(findingKey).sort();

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'interop', 'clab-structure.schema.json');
const validateClab = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as object);

function exported(text: string, format: LabFormat, options: ExportOptions = {}): { text: string; warnings: string[] } {
  const outcome = exportLab(lintText(text), format, options);
  if (!outcome.ok) assert.fail(outcome.error);
  return outcome;
}

function assertClabStructure(text: string, label: string): void {
  const value = load(text);
  assert.ok(validateClab(value), `${label}: ${JSON.stringify(validateClab.errors?.slice(0, 3))}`);
}

// netlab's documented topology keys (netlab.tools, "Lab Topology Reference", "Nodes", "Links", "Groups").
const NETLAB_TOP = new Set(['addressing', 'components', 'defaults', 'groups', 'links', 'message', 'module', 'name', 'nodes', 'plugin', 'prefix', 'provider', 'tools', 'validate', 'version']);
const NETLAB_NODE = new Set(['device', 'group', 'id', 'image', 'module', 'mtu', 'provider', 'role']);
const NETLAB_LINK = new Set(['bandwidth', 'bridge', 'disable', 'gateway', 'group', 'mtu', 'name', 'pool', 'prefix', 'role', 'type']);
const NETLAB_DEVICES = new Set(['srlinux', 'eos', 'sonic', 'linux']);

function assertNetlabKeys(text: string, label: string): void {
  const topo = load(text) as Record<string, unknown>;
  for (const key of Object.keys(topo)) assert.ok(NETLAB_TOP.has(key), `${label}: top-level ${key}`);
  assert.equal(topo.provider, 'clab');
  const nodes = topo.nodes as Record<string, Record<string, unknown>>;
  const names = new Set(Object.keys(nodes));
  const limit = ((topo.defaults as { const?: { MAX_NODE_ID_LENGTH?: number } } | undefined)?.const?.MAX_NODE_ID_LENGTH) ?? 16;
  for (const [name, node] of Object.entries(nodes)) {
    assert.match(name, /^[A-Za-z][A-Za-z0-9_-]*$/, `${label}: node name ${name}`);
    assert.ok(name.length <= limit, `${label}: ${name} is longer than ${limit}`);
    for (const key of Object.keys(node)) assert.ok(NETLAB_NODE.has(key), `${label}: node attribute ${key}`);
    assert.ok(NETLAB_DEVICES.has(node.device as string), `${label}: device ${String(node.device)}`);
  }
  for (const [group, value] of Object.entries((topo.groups ?? {}) as Record<string, { members: string[] }>)) {
    assert.match(group, /^[A-Za-z_][A-Za-z0-9_]*$/, `${label}: group ${group}`);
    assert.ok(!names.has(group), `${label}: group ${group} is also a node`);
    assert.deepEqual(Object.keys(value), ['members']);
    for (const member of value.members) assert.ok(names.has(member), `${label}: group member ${member}`);
  }
  for (const link of (topo.links ?? []) as unknown[]) {
    if (typeof link === 'string') {
      const ends = link.split('-');
      assert.equal(ends.length, 2, `${label}: ${link} is a-b`);
      for (const end of ends) assert.ok(names.has(end), `${label}: ${link}`);
    } else if (Array.isArray(link)) {
      for (const end of link) assert.ok(names.has(end as string), `${label}: ${JSON.stringify(link)}`);
    } else {
      const entries = Object.entries(link as Record<string, unknown>);
      const ends = entries.filter(([k]) => names.has(k));
      assert.equal(ends.length, 2, `${label}: ${JSON.stringify(link)} joins two nodes`);
      for (const [k] of entries) if (!names.has(k)) assert.ok(NETLAB_LINK.has(k), `${label}: link attribute ${k}`);
      for (const [, v] of ends) assert.equal(v, null);
    }
  }
}

const FIVE_STAGE = render(withoutLink(buildFabric({ pods: 3, spinesPerPod: 4, leavesPerPod: 6, superSpinesPerPlane: 2, serversPerLeaf: 40, linkCount: 2 }), 'p2-leaf3', 'p2-spine4'));

describe('labs: export and round trip', () => {
  const sources = topologyFiles(EXAMPLES)
    .map((file) => ({ name: path.relative(EXAMPLES, file), text: fs.readFileSync(file, 'utf8') }))
    .filter((s) => lintText(s.text).analysis !== undefined);
  sources.push({ name: 'a generated 5-stage fabric (3 pods × 4 spines × 6 leaves, 4 planes × 2 super-spines, one link missing)', text: FIVE_STAGE });

  for (const source of sources) {
    it(`${source.name}: export → lint the .clab.yml → the same findings`, () => {
      const before = lintText(source.text).findings;
      const lab = exported(source.text, 'containerlab', { sourceName: source.name });
      const after = lintDocument('round-trip.clab.yml', lab.text).findings;
      // A switch whose role is a schema error gets no role label, so the lab infers one (and says so).
      const inferredFromTypos = before.some((f) => f.rule === 'schema') ? after.filter((f) => f.rule !== 'inferred') : after;
      assert.deepEqual(keys(inferredFromTypos), keys(before));
      assert.deepEqual(after.filter((f) => ABOUT_THE_TEXT.has(f.rule)).map((f) => f.rule), [], 'the lab itself is clean YAML with good labels');
      assertClabStructure(lab.text, source.name);
      assertClabStructure(exported(source.text, 'containerlab', { servers: 2, kinds: { leaf: 'arista_ceos' } }).text, `${source.name} with servers`);
      assertNetlabKeys(exported(source.text, 'netlab', { servers: 2 }).text, source.name);
      // And back: the imported topology file lints like the source.
      const back = importLab(lab.text, 'round-trip.clab.yml');
      assert.ok(back.ok);
      assert.deepEqual(keys(lintText(back.text).findings), keys(before));
      assert.deepEqual(lintText(back.text).findings.filter((f) => f.rule === 'schema').map((f) => f.message), []);
    });
  }

  it('the generated 5-stage round trip is not trivially empty: the missing link is found in the lab too', () => {
    const findings = lintDocument('x.clab.yml', exported(FIVE_STAGE, 'containerlab').text).findings;
    assert.deepEqual(findings.map((f) => `${f.rule} ${JSON.stringify(f.subject?.switches)}`), ['spine-connectivity ["p2-leaf3"]']);
  });

  it('fabric-mistakes loses exactly its duplicate-link (parallel cables are one count in a lab) and warns of its errors', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'broken', 'fabric-mistakes.topology.yaml'), 'utf8');
    const before = lintText(text).findings.filter((f) => f.rule !== 'schema');
    const lab = exported(text, 'containerlab');
    const after = lintDocument('x.clab.yml', lab.text).findings;
    assert.deepEqual(before.map(findingKey).filter((k) => !after.map(findingKey).includes(k)), [findingKey(before.find((f) => f.rule === 'duplicate-link')!)]);
    assert.match(lab.warnings[0], /^The fabric has 4 errors; the lab reproduces them/);
    assert.ok(lab.warnings.some((w) => /unknown-switch: `spine3` is not a switch/.test(w)));
    assert.match(lab.text, /^# The fabric has 4 errors/m);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    for (const format of ['containerlab', 'netlab'] as const) {
      const a = exported(FIVE_STAGE, format, { servers: 3 }).text;
      const b = exported(`${FIVE_STAGE}`, format, { servers: 3 }).text;
      assert.equal(a, b);
    }
  });

  it('takes interfaces in order from each switch\'s port groups, in the kind\'s naming; a link the ports do not imply is labelled', () => {
    const text = yaml`
      topology: names
      switches:
        spine1: { role: spine, ports: [{ count: 4, speed: 400G, breakout: 4x100G }] }
        leaf1: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
        leaf2: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 8, speed: 100G, for: fabric }] }
        fw1: { role: external }
      links:
        - { between: [leaf1, spine1], speed: 100G, count: 2 }
        - { between: [leaf2, spine1], speed: 40G }
        - { between: [leaf1, leaf2], speed: 100G, kind: peer }
        - { between: [leaf1, fw1], speed: 100G }
        - { between: [leaf2, fw1], speed: 100G }
    `;
    const srl = exported(text, 'containerlab').text;
    assert.ok(srl.includes('    - endpoints: ["leaf1:e1-49", "spine1:e1-1-1"]\n    - endpoints: ["leaf1:e1-50", "spine1:e1-1-2"]\n'), srl);
    assert.ok(srl.includes('    - type: veth\n      endpoints:\n        - { node: leaf2, interface: e1-49 }\n        - { node: spine1, interface: e1-1-3 }\n      labels:\n        topology.speed: 40G\n'), srl);
    assert.ok(srl.includes('        - { node: leaf1, interface: e1-51 }\n        - { node: leaf2, interface: e1-50 }\n      labels:\n        topology.kind: peer\n'), srl);
    assert.ok(srl.includes('    - endpoints: ["leaf1:e1-52", "fw1:eth1"]\n'), srl);
    assert.ok(srl.includes('    fw1:\n      kind: linux\n      labels:\n        topology.role: external\n'), srl);
    assert.ok(srl.includes('topology.ports: "4x400G breakout 4x100G"'), srl);
    const ceos = exported(text, 'containerlab', { kind: 'arista_ceos' }).text;
    assert.ok(ceos.includes('    - endpoints: ["leaf1:eth49", "spine1:eth1_1"]\n'), ceos);
    assert.deepEqual(keys(lintDocument('x.clab.yml', srl).findings), keys(lintText(text).findings));
    const netlab = exported(text, 'netlab').text;
    assert.ok(netlab.includes('  - leaf1:\n    leaf2:\n    bandwidth: 100000000\n    name: peer link\n'), netlab);
    assert.ok(netlab.includes('  fw1:\n    device: linux\n'), netlab);
  });

  it('adds up to --servers Linux hosts per server group, wired to its leaves, that do not count twice', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'clean-fabric.topology.yaml'), 'utf8');
    const lab = exported(text, 'containerlab', { servers: 2 }).text;
    assert.ok(lab.includes('    web-1:\n      kind: linux\n      labels:\n        topology.role: server\n        topology.group: web\n'), lab);
    assert.ok(lab.includes('    - endpoints: ["web-1:eth1", "leaf1:e1-1"]\n    - endpoints: ["web-1:eth2", "leaf2:e1-1"]\n'), lab);
    const model = lintDocument('x.clab.yml', lab).analysis!.model;
    assert.deepEqual([...model.serverGroups.keys()], ['web', 'db']);
    assert.equal(model.switches.get('leaf1')!.nicLinks, 40);
  });

  it('netlab: a-b links without attributes, the dictionary form for hyphenated names and attributes, a longer name limit when needed', () => {
    const text = yaml`
      topology: netlab-forms
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        border-leaf-number-one: { role: leaf, pod: a, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [border-leaf-number-one, spine1], speed: 100G }
    `;
    const out = exported(text, 'netlab').text;
    assertNetlabKeys(out, 'forms');
    assert.ok(out.includes('  - leaf1:\n    spine1:\n    bandwidth: 100000000\n'), out);
    assert.ok(out.includes('defaults:\n  const:\n    MAX_NODE_ID_LENGTH: 22\n'), out);
    assert.ok(out.includes('  pod_a:\n    members: [border-leaf-number-one]\n'), out);
  });

  it('refuses what it cannot analyse, and exports a fabric with errors anyway', () => {
    const broken = exportLab(lintText('topology: x\nswitches: {a: [\n'), 'containerlab');
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.error : '', /could not be analysed \(yaml-syntax: YAML: /);
    const lab = exportLab(lintDocument('x.clab.yml', fs.readFileSync(path.join(EXAMPLES, 'labs', 'five-stage.clab.yml'), 'utf8')), 'netlab');
    assert.deepEqual(lab, { ok: false, error: 'this is already a containerlab topology; `topology-tutor import` turns it into a topology file' });
  });

  it('renames switches a lab cannot name as they are, and says so', () => {
    const text = yaml`
      topology: "odd names"
      switches:
        "spine 1": { role: spine, ports: [{ count: 8, speed: 100G }] }
        _leaf: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: ["spine 1", _leaf], speed: 100G }
    `;
    const lab = exported(text, 'containerlab');
    assertClabStructure(lab.text, 'odd names');
    assert.ok(lab.warnings.some((w) => w === 'Renamed for the lab (names it cannot take as they are): `spine 1` → `spine-1`, `_leaf` → `n_leaf`.'), lab.warnings.join('\n'));
    assert.match(lab.text, /topology\.name: "odd names"/);
    assert.match(importLab(lab.text).ok ? (importLab(lab.text) as { text: string }).text : '', /^topology: "odd names"$/m);
  });
});
