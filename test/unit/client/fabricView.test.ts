/** "In your fabric" in the webview: what it shows and what its link numbers do (client/src/lessonsPanel/fabricView.ts). */
import { strict as assert } from 'assert';
import { fileName, figuresState, noFileState } from '../../../client/src/lessonsPanel/fabricView';

const range = { start: { line: 26, character: 2 }, end: { line: 26, character: 7 } };

describe('lessons panel: "In your fabric" view', () => {
  it('numbers every link in order; the webview gets text and numbers only', () => {
    const state = figuresState('modern-topology', 7, 'oversubscribed-leaf.topology.yaml', {
      lesson: 'modern-topology',
      groups: [
        {
          section: 'oversubscription-ratios',
          title: 'Oversubscription ratios',
          figures: [
            { label: 'leaf1', text: '800G to servers ÷ 200G to spines = 4:1', status: 'over', target: { name: 'leaf1', range } },
            { label: 'North-south', text: '800G', status: 'info' },
          ],
          more: 2,
          note: 'One leaf.',
          tryIt: 'examples/lessons/north-south.topology.yaml',
        },
      ],
    });
    assert.deepEqual(state.part, {
      lesson: 'modern-topology',
      seq: 7,
      view: {
        kind: 'figures',
        file: 'oversubscribed-leaf.topology.yaml',
        groups: [
          {
            section: 'oversubscription-ratios',
            title: 'Oversubscription ratios',
            figures: [
              { label: 'leaf1', text: '800G to servers ÷ 200G to spines = 4:1', status: 'over', link: 0 },
              { label: 'North-south', text: '800G', status: 'info' },
            ],
            more: 2,
            note: 'One leaf.',
            tryIt: { name: 'north-south.topology.yaml', link: 1 },
          },
        ],
      },
    });
    assert.deepEqual(state.actions, [
      { kind: 'reveal', target: { name: 'leaf1', range } },
      { kind: 'tryIt', path: 'examples/lessons/north-south.topology.yaml' },
    ]);
    assert.ok(!JSON.stringify(state.part).includes('"range"'), 'no range reaches the webview');
  });

  it('offers the try-it file when no topology file is open', () => {
    assert.deepEqual(noFileState('ecmp', 1, 'examples/lessons/ecmp-imbalance.topology.yaml'), {
      part: { lesson: 'ecmp', seq: 1, view: { kind: 'noFile', tryIt: { name: 'ecmp-imbalance.topology.yaml', link: 0 } } },
      actions: [{ kind: 'tryIt', path: 'examples/lessons/ecmp-imbalance.topology.yaml' }],
    });
    assert.deepEqual(noFileState('ecmp', 2, undefined).actions, []);
  });

  it('names a file by its last path segment', () => {
    assert.equal(fileName('/ws/fabric/a.topology.yaml'), 'a.topology.yaml');
    assert.equal(fileName('Untitled-1'), 'Untitled-1');
    assert.equal(fileName('C:\\ws\\b.topology.yml'), 'b.topology.yml');
  });
});
