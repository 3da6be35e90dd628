/** `topology/lessonFigures` against the real server process: the lesson's figures of an open document. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LessonFigures } from '../../shared/lessonFigures';
import { LspSession } from './lspSession';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples', 'lessons');
const OVERSUBSCRIBED = fs.readFileSync(path.join(EXAMPLES, 'oversubscribed-leaf.topology.yaml'), 'utf8');

describe('LSP over stdio: topology/lessonFigures', function () {
  this.timeout(30000);
  let session: LspSession;
  const uri = 'file:///ws/oversubscribed-leaf.topology.yaml';

  before(async () => {
    session = await LspSession.start();
    await session.open(uri, OVERSUBSCRIBED);
  });
  after(async () => {
    await session.stop();
  });

  it('answers the worst leaf of the open file for the oversubscription lesson, with the range of its name key', async () => {
    const figures = await session.request<LessonFigures>('topology/lessonFigures', { uri, lesson: 'modern-topology' });
    assert.deepEqual(figures.groups.map((g) => g.section), ['link-speeds', 'ports-and-port-groups', 'oversubscription-ratios', 'east-west-vs-north-south-traffic']);
    const ratios = figures.groups[2];
    assert.deepEqual(ratios.figures, [
      {
        label: 'leaf1',
        text: '800G to servers ÷ 200G to spines = 4:1: over the 3:1 the design allows',
        status: 'over',
        target: { name: 'leaf1', range: { start: { line: 26, character: 2 }, end: { line: 26, character: 7 } } },
      },
    ]);
  });

  it('follows edits: the figures are those of the current version', async () => {
    await session.change(uri, OVERSUBSCRIBED.replace('    count: 32\n', '    count: 16\n'));
    const figures = await session.request<LessonFigures>('topology/lessonFigures', { uri, lesson: 'modern-topology' });
    const ratios = figures.groups.find((g) => g.section === 'oversubscription-ratios')!;
    assert.deepEqual(ratios.figures.map((f) => `${f.label}: ${f.text}`), ['leaf1: 400G to servers ÷ 200G to spines = 2:1: within the 3:1 the design allows']);
  });

  it('answers null for an unknown lesson or document, and never throws on bad params', async () => {
    assert.equal(await session.request('topology/lessonFigures', { uri, lesson: 'no-such-lesson' }), null);
    assert.equal(await session.request('topology/lessonFigures', { uri, lesson: '__proto__' }), null);
    assert.equal(await session.request('topology/lessonFigures', { uri: 'file:///ws/not-open.topology.yaml', lesson: 'ecmp' }), null);
    assert.equal(await session.request('topology/lessonFigures', { uri, lesson: 42 }), null);
  });
});
