/** The fabric summary request, its result check and the status bar text (shared/protocol.ts, shared/fabricSummary.ts, client/src/statusSummary.ts). */
import { strict as assert } from 'assert';
import { parseFabricSummary } from '../../../shared/fabricSummary';
import { neighbours, orderedLessons, tracks } from '../../../shared/lessons/catalog';
import { isTryItPath } from '../../../shared/lessons/frontMatter';
import { FabricSummaryRequest } from '../../../shared/protocol';
import { statusLesson, statusText } from '../../../client/src/statusSummary';

describe('client fabric summary', () => {
  it('names the request topology/fabricSummary', () => {
    assert.equal(FabricSummaryRequest.method, 'topology/fabricSummary');
    assert.equal(FabricSummaryRequest.type.method, 'topology/fabricSummary');
  });

  it('accepts a well-formed summary and drops unknown fields', () => {
    const s = parseFabricSummary({ spines: 2, leaves: 3, worstRatio: '4:1', worstLeaf: 'leaf1', overMax: true, errors: 0, warnings: 1, extra: 'x' });
    assert.deepEqual(s, { spines: 2, leaves: 3, worstRatio: '4:1', worstLeaf: 'leaf1', overMax: true, errors: 0, warnings: 1 });
    assert.deepEqual(parseFabricSummary({ spines: 0, leaves: 0, errors: 2, warnings: 0 }), { spines: 0, leaves: 0, overMax: false, errors: 2, warnings: 0 });
  });

  it('rejects malformed results', () => {
    for (const bad of [null, undefined, 'x', [], {}, { spines: -1, leaves: 1, errors: 0, warnings: 0 }, { spines: 1.5, leaves: 1, errors: 0, warnings: 0 },
      { spines: 1, leaves: 1, errors: 0, warnings: 0, overMax: 'yes' }]) {
      assert.equal(parseFabricSummary(bad), undefined, JSON.stringify(bad));
    }
  });

  it('shows the summary, or just "Topology" without one', () => {
    assert.equal(statusText(undefined), '$(book) Topology');
    assert.equal(statusText({ spines: 2, leaves: 1, worstRatio: '2:1', overMax: false }), '$(type-hierarchy) 2 spines · 1 leaf · worst 2:1');
    assert.equal(statusText({ spines: 1, leaves: 4, worstRatio: '4:1', overMax: true }), '$(type-hierarchy) 1 spine · 4 leaves · worst 4:1 $(warning)');
  });

  it('opens the oversubscription lesson when over the maximum, else the spine-leaf lesson', () => {
    assert.deepEqual(statusLesson({ overMax: true }), { lesson: 'modern-topology', section: 'oversubscription-ratios' });
    assert.deepEqual(statusLesson({ overMax: false }), { lesson: 'spine-leaf-hierarchy' });
    assert.deepEqual(statusLesson(undefined), { lesson: 'spine-leaf-hierarchy' });
  });
});

describe('client lesson order', () => {
  it('orders tracks and lessons, with previous / next across tracks', () => {
    assert.deepEqual(tracks().map((t) => [t.title, t.lessons.length]), [['Virtualization Fundamentals', 3], ['Datacenter Network Topology', 4], ['Reference', 1]]);
    const ids = orderedLessons().map((l) => l.id);
    assert.equal(ids[0], 'ring0-problem');
    assert.equal(neighbours('ring0-problem').previous, undefined);
    assert.equal(neighbours('vm-exits').next?.id, 'modern-topology');
    assert.equal(neighbours('topology-format').next, undefined);
  });

  it('accepts only try-it paths under examples/', () => {
    assert.ok(isTryItPath('examples/lessons/ecmp-imbalance.topology.yaml'));
    for (const bad of ['../examples/x.topology.yaml', 'examples/../package.json', '/etc/passwd', 'examples/lessons/x.yaml', 'examples/lessons/../../x.topology.yaml', 42]) {
      assert.ok(!isTryItPath(bad), String(bad));
    }
  });
});
