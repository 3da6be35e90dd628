import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { at, textAt, yaml } from '../helpers';
import { findings, rules, run } from './analysisHelpers';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/analysis');

describe('analyzeFabric: clean fabrics', () => {
  for (const file of ['clean-3-stage.topology.yaml', 'clean-5-stage.topology.yaml']) {
    it(`${file} gives zero findings`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const result = run(text);
      assert.deepEqual(
        result.findings.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
    });
  }

  it('the 5-stage fixture has per-switch figures', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'clean-5-stage.topology.yaml'), 'utf8');
    const { model } = run(text);
    const spine = model.switches.get('p1-spine1')!;
    assert.equal(spine.role, 'spine');
    assert.equal(spine.pod, '1');
    assert.equal(spine.plane, '1');
    assert.equal(spine.downlinkGbps, 800);
    assert.equal(spine.uplinkGbps, 800);
    assert.equal(spine.ratio, 1);
    assert.deepEqual([...spine.upstream.keys()], ['ss1-1', 'ss1-2']);
    assert.equal(spine.leavesReached.length, 4);
    const leaf = model.switches.get('p2-leaf3')!;
    assert.equal(leaf.downlinkGbps, 600);
    assert.equal(leaf.uplinkGbps, 400);
    assert.equal(leaf.ratio, 1.5);
    assert.equal(leaf.ecmpPaths, 4);
    assert.equal(leaf.uplinkIfOneUpstreamFailsGbps, 200);
    assert.deepEqual(leaf.portsBySpeed, [
      { speedGbps: 25, total: 48, used: 24 },
      { speedGbps: 100, total: 4, used: 4 },
    ]);
    assert.equal(model.pods.size, 2);
    assert.equal(model.planes.get('2')!.superSpines.length, 2);
  });
});

describe('unknown-switch', () => {
  const text = yaml`
    switches:
      spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
      spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
      leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
    servers:
      web:
        count: 4
        nics: { count: 1, speed: 100G }
        leaves: [leaf1, lef9]
    links:
      - { between: [leaf1, spine1], speed: 100G }
      - { between: [leaf1, spnie2], speed: 100G }
  `;

  it('fires at the unknown name in a link, with a suggestion', () => {
    const list = findings(text, 'unknown-switch');
    assert.equal(list.length, 2);
    const link = list[1];
    assert.equal(at(link.range), '12:24-12:30');
    assert.equal(textAt(text, link.range), 'spnie2');
    assert.equal(link.severity, 'error');
    assert.match(link.message, /^`spnie2` is not a switch.*Did you mean `spine2`\?$/);
    assert.equal(at(link.related![0].range), '3:3-3:9');
  });

  it('fires at the unknown leaf of a server group; NICs spread over the known leaves', () => {
    const result = run(text);
    const list = result.findings.filter((f) => f.rule === 'unknown-switch');
    assert.equal(at(list[0].range), '9:21-9:25');
    assert.equal(textAt(text, list[0].range), 'lef9');
    assert.match(list[0].message, /`web`'s NICs are spread over its other leaves/);
    assert.equal(result.model.switches.get('leaf1')!.nicLinks, 4);
  });

  it('an unknown-switch link creates no connectivity finding', () => {
    // leaf1's link to spine2 is misspelt: spine-connectivity would report the same mistake.
    assert.deepEqual(rules(findings(text)), ['unknown-switch', 'unknown-switch']);
  });

  it('`toString`, `constructor`, `__proto__`, `hasOwnProperty` are ordinary names', () => {
    const text2 = yaml`
      switches:
        constructor: { role: spine, ports: [{ count: 8, speed: 100G }] }
        __proto__: { role: spine, ports: [{ count: 8, speed: 100G }] }
        hasOwnProperty: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [hasOwnProperty, constructor], speed: 100G }
        - { between: [hasOwnProperty, __proto__], speed: 100G }
        - { between: [hasOwnProperty, toString], speed: 100G }
    `;
    const result = run(text2);
    assert.deepEqual([...result.model.switches.keys()], ['constructor', '__proto__', 'hasOwnProperty']);
    assert.equal(result.model.switches.get('hasOwnProperty')!.uplinkGbps, 200);
    const list = result.findings;
    assert.deepEqual(rules(list), ['unknown-switch']);
    assert.equal(at(list[0].range), '8:33-8:41');
    assert.equal(textAt(text2, list[0].range), 'toString');
    assert.match(list[0].message, /^`toString` is not a switch/);
  });
});

describe('tier-violation', () => {
  it('fires at the whole `between` value for leaf–leaf and self links', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
        - { between: [leaf2, spine1], speed: 100G }
        - { between: [leaf2, spine2], speed: 100G }
        - { between: [leaf1, leaf2], speed: 100G }
        - between: [spine1, spine1]
          speed: 100G
    `;
    const list = findings(text, 'tier-violation');
    assert.equal(list.length, 2);
    assert.equal(at(list[0].range), '11:16-11:30');
    assert.equal(textAt(text, list[0].range), '[leaf1, leaf2]');
    assert.equal(list[0].severity, 'warning');
    assert.match(list[0].message, /leaf `leaf1` – leaf `leaf2`\) joins two leaves/);
    assert.equal(textAt(text, list[1].range), '[spine1, spine1]');
    assert.match(list[1].message, /joins `spine1` to itself/);
    // The leaf–leaf cable still counts: it uses a port on each leaf.
    assert.deepEqual(run(text).model.switches.get('leaf1')!.portsBySpeed, [{ speedGbps: 100, total: 8, used: 3 }]);
  });

  it('fires for spine–spine, leaf–super-spine and super-spine–super-spine, not leaf–spine or spine–super-spine', () => {
    const text = yaml`
      switches:
        ss1: { role: super-spine, ports: [{ count: 8, speed: 100G }] }
        ss2: { role: super-spine, ports: [{ count: 8, speed: 100G }] }
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [spine1, spine2], speed: 100G }
        - { between: [leaf1, ss1], speed: 100G }
        - { between: [ss1, ss2], speed: 100G }
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [spine1, ss1], speed: 100G }
    `;
    const list = findings(text, 'tier-violation');
    assert.deepEqual(list.map((f) => f.range.start.line + 1), [8, 9, 10]);
  });
});

describe('spine-connectivity', () => {
  it('a leaf with one spine of two reports spine-connectivity, not ecmp-imbalance', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G, count: 2 }
        - { between: [leaf2, spine1], speed: 100G }
        - { between: [leaf2, spine2], speed: 100G }
    `;
    const list = findings(text);
    assert.deepEqual(rules(list), ['spine-connectivity']);
    const f = list[0];
    assert.equal(at(f.range), '4:3-4:8');
    assert.equal(f.severity, 'error');
    assert.equal(
      f.message,
      '`leaf1` has no link to `spine2`: every leaf must reach every spine, so that ECMP has a path through every spine and losing one spine costs each leaf the same share of its uplink. With only `spine1`, losing that spine disconnects `leaf1`. Add 2 × 100G to `spine2`, like its other uplinks.',
    );
    assert.equal(f.related!.length, 1);
    assert.equal(at(f.related![0].range), '3:3-3:9');
  });

  it('one finding lists every missing spine, with the N-1 impact', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine3: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine4: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
        - { between: [leaf2, spine1], speed: 100G }
        - { between: [leaf2, spine2], speed: 100G }
        - { between: [leaf2, spine3], speed: 100G }
        - { between: [leaf2, spine4], speed: 100G }
    `;
    const list = findings(text, 'spine-connectivity');
    assert.equal(list.length, 1);
    assert.equal(at(list[0].range), '6:3-6:8');
    assert.match(list[0].message, /^`leaf1` has no link to `spine3` and `spine4`: /);
    assert.match(list[0].message, /Reaching 2 of 4 spines, losing one of them removes half \(50%\) of its uplink bandwidth instead of a quarter \(25%\)\. Add 1 × 100G to each of `spine3` and `spine4`, like its other uplinks\.$/);
    assert.equal(list[0].related!.length, 2);
  });

  it('pods: a leaf must reach the spines of its pod only', () => {
    const text = yaml`
      design: { min_spines: 1 }
      switches:
        a-spine1: { role: spine, pod: a, ports: [{ count: 8, speed: 100G }] }
        a-spine2: { role: spine, pod: a, ports: [{ count: 8, speed: 100G }] }
        b-spine1: { role: spine, pod: b, ports: [{ count: 8, speed: 100G }] }
        a-leaf1: { role: leaf, pod: a, ports: [{ count: 8, speed: 100G }] }
        b-leaf1: { role: leaf, pod: b, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [a-leaf1, a-spine1], speed: 100G }
        - { between: [a-leaf1, a-spine2], speed: 100G }
        - { between: [b-leaf1, b-spine1], speed: 100G }
    `;
    assert.deepEqual(findings(text), []);
  });

  it('a spine no leaf reaches, linked to super-spines, and a spine missing a super-spine of its plane', () => {
    const text = yaml`
      switches:
        ss1: { role: super-spine, plane: 1, ports: [{ count: 8, speed: 400G }] }
        ss2: { role: super-spine, plane: 1, ports: [{ count: 8, speed: 400G }] }
        spine1: { role: spine, plane: 1, ports: [{ count: 8, speed: 400G }] }
        spine2: { role: spine, plane: 1, ports: [{ count: 8, speed: 400G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 400G }] }
      links:
        - { between: [leaf1, spine1], speed: 400G }
        - { between: [spine1, ss1], speed: 400G }
        - { between: [spine2, ss1], speed: 400G }
        - { between: [spine2, ss2], speed: 400G }
    `;
    const list = findings(text, 'spine-connectivity');
    assert.equal(list.length, 3);
    // spine1 lacks ss2.
    assert.equal(at(list[0].range), '4:3-4:9');
    assert.match(list[0].message, /^`spine1` has no link to `ss2`: every spine must reach every super-spine of its plane/);
    // spine2: no leaf reaches it.
    assert.equal(at(list[1].range), '5:3-5:9');
    assert.match(list[1].message, /^No leaf links to `spine2`, so it carries no server traffic/);
    assert.match(list[1].message, /Only when every leaf reaches every spine does losing one of the 2 spines cost each leaf just half \(50%\) of its uplink bandwidth\.$/);
    // leaf1 lacks spine2.
    assert.equal(at(list[2].range), '6:3-6:8');
  });

  it('a leaf with servers but no uplink at all gets spine-connectivity, never an infinite ratio', () => {
    const text = yaml`
      switches:
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      servers:
        web: { count: 2, nics: { count: 1, speed: 100G }, leaves: [leaf1] }
      links:
        - { between: [leaf1, leaf2], speed: 100G }
    `;
    const list = findings(text);
    assert.deepEqual(rules(list), ['spine-redundancy', 'spine-connectivity', 'tier-violation']);
    assert.equal(at(list[1].range), '2:3-2:8');
    assert.match(list[1].message, /^`leaf1` has 200G to servers but no link to any spine/);
    assert.equal(run(text).model.switches.get('leaf1')!.ratio, undefined);
  });

  it('an isolated leaf gets isolated-switch only', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      servers:
        web: { count: 2, nics: { count: 1, speed: 100G }, leaves: [leaf2] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
    `;
    const list = findings(text);
    assert.deepEqual(rules(list), ['isolated-switch']);
    assert.equal(at(list[0].range), '5:3-5:8');
    assert.match(list[0].message, /^`leaf2` has no links at all: its servers \(`web`\)/);
  });
});

describe('ecmp-imbalance', () => {
  const text = yaml`
    switches:
      spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
      spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
      leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
    links:
      - { between: [leaf1, spine1], speed: 100G, count: 2 }
      - { between: [spine2, leaf1], speed: 100G }
  `;

  it("fires at the switch's name key with the per-upstream figures", () => {
    const list = findings(text);
    assert.deepEqual(rules(list), ['ecmp-imbalance']);
    const f = list[0];
    assert.equal(at(f.range), '4:3-4:8');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^`leaf1` has unequal bandwidth to its spines: 200G to `spine1`; 100G to `spine2`\. /);
    assert.match(f.message, /; give each of `spine1` and `spine2` 2 × 100G \(400G in all\)\.$/);
    assert.deepEqual(f.related!.map((r) => `${at(r.range)} ${r.message}`), [
      '6:16-6:31 200G to `spine1` (2 links)',
      '7:16-7:31 100G to `spine2` (1 link)',
    ]);
  });

  it('equal bandwidth from different speeds is balanced', () => {
    const balanced = text.replace('speed: 100G, count: 2 }', 'speed: 200G }').replace('[spine2, leaf1], speed: 100G', '[spine2, leaf1], speed: 100G, count: 2');
    assert.deepEqual(findings(balanced, 'ecmp-imbalance'), []);
  });
});

describe('link-speed', () => {
  it('fires at the speed of a link faster than every port at one end, and no port-capacity', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 1, speed: 400G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 400G }] }
        leaf1:
          role: leaf
          ports:
            - { count: 1, speed: 25G }
            - { count: 1, speed: 100G }
      links:
        - { between: [leaf1, spine1], speed: 400G }
        - { between: [leaf1, spine2], speed: 400G }
    `;
    const result = run(text);
    const list = result.findings;
    assert.deepEqual(rules(list), ['link-speed', 'link-speed']);
    assert.equal(at(list[0].range), '10:40-10:44');
    assert.equal(
      list[0].message,
      'This 400G link is faster than every port of `leaf1` (fastest 100G): a port runs at its own speed or slower, never faster. Run it at 100G, the fastest speed both ends have free ports for, or give the switch faster ports.',
    );
    assert.equal(at(list[0].related![0].range), '8:9-8:34');
    // Still a cable: it counts for bandwidth.
    assert.equal(result.model.switches.get('leaf1')!.uplinkGbps, 800);
  });

  it("fires at the `nics` value when a group's NICs outrun a leaf's ports", () => {
    const text = yaml`
      switches:
        leaf1: { role: leaf, ports: [{ count: 64, speed: 100G }] }
      servers:
        gpu:
          count: 4
          nics: { count: 8, speed: 400G }
          leaves: [leaf1]
    `;
    const list = findings(text, 'link-speed');
    assert.equal(list.length, 1);
    assert.equal(at(list[0].range), '6:11-6:36');
    assert.equal(textAt(text, list[0].range), '{ count: 8, speed: 400G }');
    assert.match(list[0].message, /^`gpu`'s 400G NICs are faster than every port of `leaf1` \(fastest 100G\)/);
    assert.deepEqual(findings(text, 'port-capacity'), []);
  });

  it('a 400G port may run a 100G link', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 2, speed: 400G }] }
        leaf1: { role: leaf, ports: [{ count: 1, speed: 400G }] }
        leaf2: { role: leaf, ports: [{ count: 1, speed: 400G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf2, spine1], speed: 100G }
    `;
    assert.deepEqual(rules(findings(text)), ['spine-redundancy']);
  });
});

describe('port-capacity', () => {
  it('fires when a leaf needs more ports of adequate speed than it has', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1:
          role: leaf
          ports:
            - { count: 4, speed: 25G, for: servers }
            - { count: 2, speed: 100G, for: fabric }
      servers:
        web: { count: 5, nics: { count: 1, speed: 25G }, leaves: [leaf1] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
    `;
    const result = run(text);
    const list = findings(text, 'port-capacity');
    assert.equal(list.length, 1);
    assert.equal(at(list[0].range), '4:3-4:8');
    assert.equal(
      list[0].message,
      '`leaf1` needs 7 ports of 25G or faster but has 6 (4 × 25G + 2 × 100G): 2 link ends at 100G and 5 server NICs at 25G. Remove links or servers, or add ports.',
    );
    assert.deepEqual(list[0].related!.map((r) => at(r.range)), ['7:9-7:47', '8:9-8:47']);
    assert.deepEqual(result.model.switches.get('leaf1')!.portsBySpeed, [
      { speedGbps: 25, total: 4, used: 4 },
      { speedGbps: 100, total: 2, used: 2 },
    ]);
  });

  it('slow demands may use fast ports: 4 × 25G NICs and 1 × 100G link fit 2 × 25G + 3 × 100G', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 2, speed: 25G }, { count: 3, speed: 100G }] }
      servers:
        web: { count: 4, nics: { count: 1, speed: 25G }, leaves: [leaf1] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
    `;
    assert.deepEqual(findings(text, 'port-capacity'), []);
  });
});

describe('oversubscription', () => {
  function leafWith(servers: number, design = '', spines = 3): string {
    const names = Array.from({ length: spines }, (_, i) => `spine${i + 1}`);
    return [
      design,
      'switches:',
      ...names.map((n) => `  ${n}: { role: spine, ports: [{ count: 64, speed: 100G }] }`),
      '  leaf3: { role: leaf, ports: [{ count: 64, speed: 25G }, { count: 8, speed: 100G }] }',
      'servers:',
      `  web: { count: ${servers}, nics: { count: 1, speed: 25G }, leaves: [leaf3] }`,
      'links:',
      ...names.map((n) => `  - { between: [leaf3, ${n}], speed: 100G }`),
    ].join('\n');
  }

  it('fires with the teaching message and the number of uplinks to add', () => {
    const text = leafWith(48);
    const list = findings(text);
    assert.deepEqual(rules(list), ['oversubscription']);
    assert.equal(at(list[0].range), '6:3-6:8');
    assert.equal(list[0].severity, 'warning');
    assert.equal(
      list[0].message,
      '`leaf3` is 4:1 oversubscribed: 1200G to servers, 300G to spines (design allows 3:1). Give each of its 3 spines 2 × 100G (600G in all) to bring it to 2:1.',
    );
  });

  it('3:1 is allowed when the max is 3', () => {
    assert.deepEqual(findings(leafWith(36, 'design: { max_oversubscription: 3 }')), []);
    assert.equal(run(leafWith(36)).model.switches.get('leaf3')!.ratio, 3);
  });

  it('several uplinks to add, ratio with decimals', () => {
    const list = findings(leafWith(50, 'design: { max_oversubscription: 1.5 }', 2), 'oversubscription');
    assert.equal(
      list[0].message,
      '`leaf3` is 6.25:1 oversubscribed: 1250G to servers, 200G to spines (design allows 1.5:1). No balanced fix fits: 5 × 100G to each of 2 spines would bring it within the design, but `leaf3` would need 10 ports of 100G or faster and has 8; use faster uplinks, free ports, or move servers to another leaf.',
    );
  });

  it('is an error for workload: rdma, whose default max is 1', () => {
    const list = findings(leafWith(16, 'design: { workload: rdma }'), 'oversubscription');
    assert.equal(list.length, 1);
    assert.equal(list[0].severity, 'error');
    assert.match(list[0].message, /^`leaf3` is 1\.33:1 oversubscribed: 400G to servers, 300G to spines \(design allows 1:1\)\. Give each of its 3 spines 2 × 100G \(600G in all\) to bring it to 0\.67:1\./);
    assert.deepEqual(findings(leafWith(12, 'design: { workload: rdma }')), []);
  });

  it('invalid design values fall back to the defaults', () => {
    const text = leafWith(48, 'design: { max_oversubscription: lots, min_spines: 2.5, workload: 7, server_homing: [dual] }');
    const list = findings(text);
    assert.deepEqual(rules(list), ['oversubscription']);
    assert.match(list[0].message, /design allows 3:1/);
  });

  it('uses the for: servers ports when no server group attaches', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 64, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 64, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 48, speed: 25G, for: servers }, { count: 2, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 2, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
        - { between: [leaf2, spine1], speed: 100G }
        - { between: [leaf2, spine2], speed: 100G }
    `;
    const result = run(text);
    const list = result.findings;
    assert.deepEqual(rules(list), ['oversubscription']);
    assert.equal(at(list[0].range), '4:3-4:8');
    assert.match(list[0].message, /^`leaf1` is 6:1 oversubscribed: 1200G of server-facing ports, 200G to spines/);
    // leaf2 has neither servers nor `for: servers` ports: zero downlink, never oversubscribed.
    assert.equal(result.model.switches.get('leaf2')!.downlinkGbps, 0);
    assert.equal(result.model.switches.get('leaf2')!.ratio, 0);
  });

  it('spine oversubscription where super-spines exist', () => {
    const text = yaml`
      switches:
        ss1: { role: super-spine, ports: [{ count: 8, speed: 100G }] }
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
        leaf2: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G, count: 2 }
        - { between: [leaf1, spine2], speed: 100G, count: 2 }
        - { between: [leaf2, spine1], speed: 100G, count: 2 }
        - { between: [leaf2, spine2], speed: 100G, count: 2 }
        - { between: [spine1, ss1], speed: 100G }
        - { between: [spine2, ss1], speed: 100G, count: 2 }
    `;
    const list = findings(text, 'oversubscription');
    assert.equal(list.length, 1);
    assert.equal(at(list[0].range), '3:3-3:9');
    assert.equal(
      list[0].message,
      '`spine1` is 4:1 oversubscribed: 400G to leaves, 100G to super-spines (design allows 3:1). Give its super-spine `ss1` 2 × 100G (200G in all) to bring it to 2:1.',
    );
  });
});

describe('spine-redundancy', () => {
  it('fires at the `switches` key with the N-1 impact', () => {
    const text = yaml`
      topology: t
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
    `;
    const list = findings(text);
    assert.deepEqual(rules(list), ['spine-redundancy']);
    assert.equal(at(list[0].range), '2:1-2:9');
    assert.equal(list[0].severity, 'warning');
    assert.equal(
      list[0].message,
      'The fabric has 1 spine but the design asks for at least 2 (min_spines). With 1 spine, losing it disconnects every leaf; add spines and link every leaf to each.',
    );
  });

  it('states the share lost with 2 spines and min_spines 3', () => {
    const text = yaml`
      design: { min_spines: 3 }
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
    `;
    const list = findings(text, 'spine-redundancy');
    assert.match(list[0].message, /With 2 spines, losing one removes half \(50%\) of every leaf's uplink bandwidth/);
  });

  it('a switch without a usable role might be a spine: no finding', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { rol: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
    `;
    assert.deepEqual(findings(text), []);
  });
});

describe('server-homing', () => {
  const text = yaml`
    design: { server_homing: dual }
    switches:
      spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
      spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
      leaf1: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 2, speed: 100G }] }
      leaf2: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 2, speed: 100G }] }
    servers:
      web: { count: 4, nics: { count: 1, speed: 25G }, leaves: [leaf1] }
      db: { count: 4, nics: { count: 2, speed: 25G }, leaves: [leaf1, leaf2] }
    links:
      - { between: [leaf1, spine1], speed: 100G }
      - { between: [leaf1, spine2], speed: 100G }
      - { between: [leaf2, spine1], speed: 100G }
      - { between: [leaf2, spine2], speed: 100G }
  `;

  it('fires at the group name key', () => {
    const list = findings(text);
    assert.deepEqual(rules(list), ['server-homing']);
    assert.equal(at(list[0].range), '8:3-8:6');
    assert.equal(
      list[0].message,
      '`web` attaches to 1 leaf and gives each server 1 NIC, but design.server_homing is dual: every server needs a NIC on each of two leaves, so a leaf failure or upgrade leaves it reachable.',
    );
  });

  it('does not fire with single homing', () => {
    assert.deepEqual(findings(text.replace('dual', 'single')), []);
  });
});

describe('isolated-switch', () => {
  it('fires at the name key of a switch with no links', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine3: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G }
    `;
    const list = findings(text);
    // leaf1 lacks spine3 too: a different switch's finding.
    assert.deepEqual(rules(list), ['isolated-switch', 'spine-connectivity']);
    assert.equal(at(list[0].range), '4:3-4:9');
    assert.equal(list[0].message, '`spine3` has no links at all: it carries no traffic: link every leaf to it, or remove it.');
  });
});

describe('duplicate-link', () => {
  it('fires at the later entry, order-insensitive, pointing at the first', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 8, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100G, count: 2 }
        - { between: [spine1, leaf1], speed: 100G }
    `;
    const result = run(text);
    const list = result.findings;
    assert.deepEqual(rules(list), ['duplicate-link']);
    assert.equal(at(list[0].range), '8:16-8:31');
    assert.equal(textAt(text, list[0].range), '[spine1, leaf1]');
    assert.equal(
      list[0].message,
      '`spine1` and `leaf1` are already linked by the entry on line 6: merge the entries into one with `count: 2`, so the file states each pair\'s parallel links in one place.',
    );
    assert.equal(at(list[0].related![0].range), '6:16-6:31');
    // Both entries are cables: leaf1 is balanced (200G to each spine).
    assert.equal(result.model.switches.get('leaf1')!.upstream.get('spine1')!.bandwidthGbps, 200);
  });
});

describe('unusable values never give NaN, Infinity or undefined', () => {
  it('0G speeds, 1e308 / 2^53+1 / zero / text counts', () => {
    const text = yaml`
      design: { workload: rdma, max_oversubscription: 1e308, min_spines: 9007199254740993 }
      switches:
        spine1: { role: spine, ports: [{ count: 1e308, speed: 0G }] }
        spine2: { role: spine, ports: [{ count: 9007199254740993, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 0, speed: 100G }, { count: two, speed: .inf }] }
        leaf2: { role: leaf, pod: [1], ports: [{ count: 4, speed: 100G }] }
        leaf3: { role: leaf, ports: [{ count: 4, speed: 100G, for: servers }, { count: 4, speed: 1e308G }] }
        leaf4: { role: leaf, ports: [{ count: 1, speed: 0.001M }, { count: 1, speed: 1M }] }
        leaf5: 7
        leaf6:
      servers:
        a: { count: 1e308, nics: { count: 1, speed: 25G }, leaves: [leaf1, leaf2] }
        b: { count: 9007199254740993, nics: { count: 0, speed: 0G }, leaves: [leaf3, leaf3] }
        c: { count: 3, nics: { count: 1, speed: 0G }, leaves: [leaf4, leaf5, leaf6] }
        d: { count: 3, nics: 7, leaves: 7 }
      links:
        - { between: [leaf1, spine1], speed: 0G, count: 1e308 }
        - { between: [leaf1, spine2], speed: 100G, count: 9007199254740993 }
        - { between: [leaf2, spine1], speed: 100G, count: 0 }
        - { between: [leaf2, spine2], speed: 100G, count: two }
        - { between: [leaf3, spine1], speed: .nan }
        - { between: [leaf3, spine2], speed: 1M }
        - { between: [leaf4, spine1], speed: 1M }
        - { between: [leaf4, spine2], speed: 1M, count: 1000000 }
        - { between: [leaf5], speed: 1M }
        - { between: leaf6 }
        - 7
        - { between: [[leaf6], { a: 1 }] }
    `;
    const result = run(text);
    const all = findings(text);
    assert.ok(all.length > 0);
    for (const sw of result.model.switches.values()) {
      for (const value of [sw.downlinkGbps, sw.uplinkGbps, sw.ratio ?? 0, sw.ecmpPaths, sw.nicLinks]) {
        assert.ok(Number.isFinite(value), `${sw.name}: ${value}`);
      }
    }
  });

  it('a link with an unusable speed still counts for connectivity, and gives no bandwidth findings', () => {
    const text = yaml`
      switches:
        spine1: { role: spine, ports: [{ count: 8, speed: 100G }] }
        spine2: { role: spine, ports: [{ count: 8, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 2, speed: 100G }] }
      servers:
        web: { count: 48, nics: { count: 1, speed: 25G }, leaves: [leaf1] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
        - { between: [leaf1, spine2], speed: 100 G }
    `;
    const result = run(text);
    assert.deepEqual(result.findings, []);
    assert.equal(result.model.switches.get('leaf1')!.ratio, undefined);
    assert.equal(result.model.switches.get('leaf1')!.uplinkComplete, false);
  });

  it('never throws on odd trees', () => {
    for (const text of ['7', '[1, 2]', 'switches: 7', 'switches: [a]', 'links: {a: 1}\nservers: [1]', 'switches: {a: [1]}\nlinks: [[a, a]]']) {
      const result = run(text);
      assert.ok(Array.isArray(result.findings));
    }
  });
});
