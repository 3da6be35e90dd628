/** Hands-on walkthrough completion (client/src/walkthrough/fixTracker.ts). */
import { strict as assert } from 'assert';
import { FixTracker } from '../../../client/src/walkthrough/fixTracker';

const OVER = 'file:///ws/examples/lessons/oversubscribed-leaf.topology.yaml';
const MISSING = 'file:///ws/examples/lessons/missing-spine-link.topology.yaml';

describe('client fix tracker', () => {
  it('reports a fix once the finding seen before is gone', () => {
    const t = new FixTracker();
    assert.deepEqual(t.update(OVER, ['oversubscription'], true), []);
    assert.deepEqual(t.update(OVER, ['oversubscription', 'ecmp-imbalance'], true), []);
    assert.deepEqual(t.update(OVER, ['ecmp-imbalance'], true), ['topology.fixed.oversubscription']);
    assert.ok(t.isFixed('topology.fixed.oversubscription'));
    assert.deepEqual(t.update(OVER, [], true), [], 'reported once');
  });

  it('needs the finding first: empty diagnostics at open are not a fix', () => {
    const t = new FixTracker();
    assert.deepEqual(t.update(MISSING, [], true), []);
    assert.deepEqual(t.update(MISSING, ['spine-connectivity'], true), []);
    assert.deepEqual(t.update(MISSING, [], true), ['topology.fixed.spineConnectivity']);
  });

  it('ignores closing the file and other files', () => {
    const t = new FixTracker();
    t.update(MISSING, ['spine-connectivity'], true);
    assert.deepEqual(t.update(MISSING, [], false), []);
    assert.deepEqual(t.update('file:///ws/other.topology.yaml', [], true), []);
    assert.deepEqual(t.update(OVER, [], true), []);
  });

  it('matches untitled copies by file name', () => {
    const t = new FixTracker();
    const untitled = 'untitled:/ws/oversubscribed-leaf.topology.yaml';
    t.update(untitled, ['oversubscription'], true);
    assert.deepEqual(t.update(untitled, [], true), ['topology.fixed.oversubscription']);
  });
});
