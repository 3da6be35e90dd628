import { strict as assert } from 'assert';
import { formatGbps } from '../../../server/src/core/model/bandwidth';
import { referenceAtOffset, switchAtOffset } from '../../../server/src/core/model/fabricModel';
import { formatRatio } from '../../../server/src/core/model/ratio';
import { parseSpeed } from '../../../server/src/core/model/speed';
import { yaml } from '../helpers';
import { findings, run } from './analysisHelpers';

describe('model helpers', () => {
  it('parseSpeed reads <number><M|G|T> as Gbps', () => {
    assert.equal(parseSpeed('25G'), 25);
    assert.equal(parseSpeed('1.6T'), 1600);
    assert.equal(parseSpeed('100M'), 0.1);
    assert.equal(parseSpeed('1.1T'), 1100);
    assert.equal(parseSpeed('999999.999T'), 999999999);
    for (const bad of ['0G', '0.0T', '100', '100g', '100 G', '1e3G', '-5G', '.5G', '1.2345G', '1234567G', '', 'G']) {
      assert.equal(parseSpeed(bad), undefined, bad);
    }
    for (const bad of [100, null, undefined, true, {}]) assert.equal(parseSpeed(bad), undefined);
  });

  it('formatRatio: at most 2 decimals, trailing zeros dropped', () => {
    assert.equal(formatRatio(2.5), '2.5:1');
    assert.equal(formatRatio(3), '3:1');
    assert.equal(formatRatio(4 / 3), '1.33:1');
    assert.equal(formatRatio(2.999), '3:1');
    assert.equal(formatRatio(0), '0:1');
    assert.equal(formatRatio(NaN), '?:1');
  });

  it('formatGbps: G with up to 2 decimals, never 0 for a non-zero amount', () => {
    assert.equal(formatGbps(1200), '1200G');
    assert.equal(formatGbps(1600), '1600G');
    assert.equal(formatGbps(0.1), '0.1G');
    assert.equal(formatGbps(0.001), '0.001G');
    assert.equal(formatGbps(1e21), '1000000000000000000000G');
    assert.equal(formatGbps(Infinity), '?G');
  });
});

describe('fabric model', () => {
  const text = yaml`
    switches:
      spine1: { role: spine, ports: [{ count: 64, speed: 400G }] }
      spine2: { role: spine, ports: [{ count: 64, speed: 400G }] }
      leaf1: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 4, speed: 400G }] }
      leaf2: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 4, speed: 400G }] }
      leaf3: { role: leaf, ports: [{ count: 48, speed: 25G }, { count: 4, speed: 400G }] }
    servers:
      web:
        count: 7
        nics: { count: 2, speed: 25G }
        leaves: [leaf1, leaf2, nope, leaf3]
    links:
      - { between: [leaf1, spine1], speed: 400G }
      - { between: [leaf1, spine2], speed: 100G, count: 4 }
      - { between: [leaf2, spine1], speed: 400G }
      - { between: [leaf2, spine2], speed: 400G }
      - { between: [leaf3, spine1], speed: 400G }
      - { between: [leaf3, spine2], speed: 400G }
  `;

  it('spreads NIC links evenly over the known leaves, first leaves get the ceil', () => {
    const { model } = run(text);
    const web = model.serverGroups.get('web')!;
    assert.equal(web.totalNicLinks, 14);
    assert.deepEqual(
      [...web.perLeaf.values()].map((e) => [e.leaf.name, e.nicLinks]),
      [
        ['leaf1', 5],
        ['leaf2', 5],
        ['leaf3', 4],
      ],
    );
    assert.equal(model.switches.get('leaf3')!.downlinkGbps, 100);
  });

  it('exposes upstream figures, ECMP paths and N-1 bandwidth', () => {
    const { model } = run(text);
    const leaf1 = model.switches.get('leaf1')!;
    assert.equal(leaf1.uplinkGbps, 800);
    assert.equal(leaf1.upstream.get('spine2')!.linkCount, 4);
    assert.equal(leaf1.upstream.get('spine2')!.bandwidthGbps, 400);
    assert.equal(leaf1.ecmpPaths, 5);
    assert.equal(leaf1.uplinkIfOneUpstreamFailsGbps, 400);
    assert.equal(leaf1.ratio, 125 / 800);
    // Four 100G links use the 400G ports (no 100G group): 5 of 4 → short by one.
    assert.deepEqual(leaf1.portShortfall && [leaf1.portShortfall.needed, leaf1.portShortfall.available], [5, 4]);
    const spine1 = model.switches.get('spine1')!;
    assert.deepEqual(spine1.leavesReached.map((s) => s.name), ['leaf1', 'leaf2', 'leaf3']);
    assert.equal(spine1.downlinkGbps, 1200);
    assert.equal(spine1.ratio, undefined); // no super-spines
    assert.deepEqual([...spine1.peers.keys()], ['leaf1', 'leaf2', 'leaf3']);
    assert.equal(spine1.peers.get('leaf2')!.bandwidthGbps, 400);
    assert.equal(leaf1.peers.get('spine2'), leaf1.upstream.get('spine2'));
    assert.deepEqual(
      findings(text).map((f) => f.rule),
      ['port-capacity', 'unknown-switch'],
    );
  });

  it('switchAtOffset finds a switch by its name key or any reference', () => {
    const { model } = run(text);
    const offsetOf = (needle: string, nth = 0): number => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
      return at;
    };
    assert.equal(switchAtOffset(model, offsetOf('leaf2'))!.name, 'leaf2'); // the key
    assert.equal(referenceAtOffset(model, offsetOf('leaf2'))!.kind, 'definition');
    assert.equal(switchAtOffset(model, offsetOf('leaf2', 1) + 2)!.name, 'leaf2'); // in `leaves`
    assert.equal(referenceAtOffset(model, offsetOf('leaf2', 1))!.kind, 'server-leaf');
    assert.equal(switchAtOffset(model, offsetOf('spine2', 1) + 6)!.name, 'spine2'); // end inclusive, in a link
    assert.equal(switchAtOffset(model, offsetOf('nope')), undefined);
    assert.equal(switchAtOffset(model, offsetOf('role')), undefined);
    assert.equal(switchAtOffset(model, 0), undefined);
    assert.equal(switchAtOffset(model, text.length + 5), undefined);
  });
});
