/**
 * The fabric diagram's requests over stdio (shared/protocol.ts): topology/diagram after each change,
 * topology/diagramHover, topology/diagramLocate and topology/diagramSvg; bad params never crash the
 * server and an unknown document answers null.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DiagramHoverRequest, DiagramLocateRequest, DiagramRequest, DiagramSvgRequest } from '../../shared/protocol';
import type { DiagramHoverInfo, DiagramView } from '../../shared/webview/diagramView';
import { DEFAULT_PALETTE, parseDiagramView } from '../../shared/webview/diagramView';
import { LspSession } from './lspSession';

const TEXT = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'clean-fabric.topology.yaml'), 'utf8');
const NONE = { expanded: [], failed: { switches: [], links: [] } };

describe('LSP over stdio: the fabric diagram', () => {
  let session: LspSession;
  const uri = 'file:///diagram.topology.yaml';

  before(async () => {
    session = await LspSession.start();
    await session.open(uri, TEXT);
  });
  after(async () => {
    await session.stop();
  });

  it('topology/diagram: the laid-out view, from the same analysis as the diagnostics', async () => {
    const view = await session.request<DiagramView>(DiagramRequest.method, { uri, state: NONE });
    assert.ok(parseDiagramView(view), 'a valid view');
    assert.equal(view.name, 'pod-a');
    assert.equal(view.nodes.length, 6);
    assert.equal(view.links.length, 8);
    const failed = await session.request<DiagramView>(DiagramRequest.method, { uri, state: { expanded: [], failed: { switches: ['spine1'], links: [] } } });
    assert.equal(failed.whatIf?.survives, false);
    assert.deepEqual(failed.whatIf?.rows.map((r) => r.ratio), ['2.5:1 → 5:1', '2.5:1 → 5:1', '1:1 → 2:1', '1:1 → 2:1']);
  });

  it('follows edits: the diagram after the next diagnostics shows the new switch', async () => {
    const edited = TEXT.replace('servers:', '  leaf5:\n    role: leaf\n    ports:\n      - { count: 8, speed: 100G }\nservers:');
    await session.change(uri, edited);
    const view = await session.request<DiagramView>(DiagramRequest.method, { uri, state: NONE });
    assert.equal(view.nodes.length, 7);
    assert.equal(view.nodes.find((n) => n.key === 's:leaf5')?.badge, '▲ 1', 'leaf5 has no links (isolated-switch)');
    await session.change(uri, TEXT);
  });

  it('topology/diagramHover and topology/diagramLocate', async () => {
    const hover = await session.request<DiagramHoverInfo>(DiagramHoverRequest.method, { uri, key: 's:leaf1', state: NONE });
    assert.ok(hover.lines.includes("Oversubscription: 2.5:1 (within the design's 3:1)"), hover.lines.join('\n'));
    const line = TEXT.split('\n').indexOf('  leaf3:');
    assert.equal(await session.request(DiagramLocateRequest.method, { uri, position: { line, character: 4 }, state: NONE }), 's:leaf3');
  });

  it('topology/diagramSvg: a self-contained SVG in the given colours', async () => {
    const svg = await session.request<string>(DiagramSvgRequest.method, { uri, state: NONE, palette: { ...DEFAULT_PALETTE, background: '#123456' } });
    assert.ok(svg.startsWith('<?xml'));
    assert.match(svg, /fill="#123456"/);
    assert.match(svg, /<title>Fabric Diagram — pod-a<\/title>/);
  });

  it('bad params get an answer, never a crash; an unknown document answers null', async () => {
    const junk = await session.request<DiagramView>(DiagramRequest.method, { uri, state: { expanded: 'all', failed: 7 } });
    assert.equal(junk.nodes.length, 6);
    assert.equal(await session.request(DiagramHoverRequest.method, { uri, key: 42, state: null }), null);
    assert.equal(await session.request(DiagramLocateRequest.method, { uri, position: 'here', state: NONE }), null);
    assert.equal(await session.request(DiagramRequest.method, { uri: 'file:///not-open.topology.yaml', state: NONE }), null);
    const svg = await session.request<string>(DiagramSvgRequest.method, { uri, state: NONE, palette: { background: 'url(javascript:x)' } });
    assert.ok(!svg.includes('url('));
    const view = await session.request<DiagramView>(DiagramRequest.method, { uri, state: NONE });
    assert.equal(view.nodes.length, 6, 'still serving');
  });
});
