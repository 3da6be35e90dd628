/**
 * The diagram's contracts (shared/webview/diagramView.ts, diagramMessages.ts): what the client accepts
 * from the server and from the webview, field by field; anything malformed is refused.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildDiagram } from '../../../server/src/core/diagram/diagram';
import { lintText } from '../../../server/src/core/lint';
import { parseDiagramWebviewMessage } from '../../../shared/webview/diagramMessages';
import { parseDiagramHover, parseDiagramState, parseDiagramView } from '../../../shared/webview/diagramView';
import { EXAMPLES } from '../helpers';

describe('diagram contracts', () => {
  const view = buildDiagram(lintText(fs.readFileSync(path.join(EXAMPLES, 'five-stage-clos.topology.yaml'), 'utf8')), { expanded: [], failed: { switches: ['p1-spine1'], links: [] } });

  it('the client accepts what the core builds, and refuses a view with a wrong field', () => {
    const wire = JSON.parse(JSON.stringify(view)) as unknown;
    assert.deepEqual(parseDiagramView(wire), view);
    type Wire = { nodes: Record<string, unknown>[]; links: Record<string, unknown>[]; whatIf: Record<string, unknown>; totals?: unknown };
    const broken: ((v: Wire) => void)[] = [
      (v) => (v.nodes[0].x = 'NaN'),
      (v) => (v.nodes[0].key = 'x:nope'),
      (v) => (v.links[0].severity = 'fatal'),
      (v) => (v.links[0].ends = ['a']),
      (v) => (v.whatIf.rows = 'all'),
      (v) => (v.nodes[0].impact = 'boom'),
      (v) => delete v.totals,
      (v) => (v.nodes = new Array<Record<string, unknown>>(20_001).fill(v.nodes[0])),
    ];
    for (const [i, mutate] of broken.entries()) {
      const copy = JSON.parse(JSON.stringify(view)) as Wire;
      mutate(copy);
      assert.equal(parseDiagramView(copy), undefined, `mutation ${i}`);
    }
    assert.equal(parseDiagramView(null), undefined);
  });

  it('webview messages: valid ones pass, malformed ones are ignored', () => {
    assert.deepEqual(parseDiagramWebviewMessage({ type: 'select', key: 's:leaf1', extra: 1 }), { type: 'select', key: 's:leaf1' });
    assert.deepEqual(parseDiagramWebviewMessage({ type: 'collapse', key: 'all' }), { type: 'collapse', key: 'all' });
    assert.deepEqual(parseDiagramWebviewMessage({ type: 'rendered', revision: 3 }), { type: 'rendered', revision: 3 });
    assert.equal(parseDiagramWebviewMessage({ type: 'exportSvg', palette: { background: 'url(x)' } })?.type, 'exportSvg');
    const exported = parseDiagramWebviewMessage({ type: 'exportSvg', palette: { background: 'url(x)' } });
    assert.ok(exported?.type === 'exportSvg' && exported.palette.background === '#ffffff', 'a bad colour falls back');
    for (const bad of [
      null, 'select', { type: 'select' }, { type: 'select', key: 42 }, { type: 'select', key: 'leaf1' }, { type: 'expand', key: 'x'.repeat(30_000) },
      { type: 'collapse', key: 's:leaf1' }, { type: 'rendered', revision: -1 }, { type: 'dom', requestId: 1, dom: { nodes: 'many' } }, { type: 'clicked', requestId: 1 },
      { type: 'openLesson', lesson: 'ecmp' }, { type: 'exportSvg' },
    ]) {
      assert.equal(parseDiagramWebviewMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
    const dom = { nodes: 2, links: 1, nodeKeys: ['s:a', 'g:l:0:20:'], highlighted: null, focused: 's:a', failed: [], summary: ['x'], notice: null, tooltip: ['leaf1 · leaf'], revision: 4 };
    assert.deepEqual(parseDiagramWebviewMessage({ type: 'dom', requestId: 7, dom }), { type: 'dom', requestId: 7, dom });
  });

  it('states from anywhere come back clean; hovers are checked', () => {
    assert.deepEqual(parseDiagramState({ expanded: ['g:l:0:20:', 3, 'nope'], failed: { switches: ['a', 7], links: [['a', 'b'], ['c'], 'd'] } }), {
      expanded: ['g:l:0:20:'],
      failed: { switches: ['a'], links: [['a', 'b']] },
    });
    assert.deepEqual(parseDiagramState('junk'), { expanded: [], failed: { switches: [], links: [] } });
    assert.deepEqual(parseDiagramHover({ key: 's:a', lines: ['x', 'y'] }), { key: 's:a', lines: ['x', 'y'] });
    assert.equal(parseDiagramHover({ key: 's:a', lines: [1] }), undefined);
  });
});
