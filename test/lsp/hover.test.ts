import { strict as assert } from 'assert';
import { LspSession } from './lspSession';
import type { Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';

const TEXT = `topology: pod-a
design:
  max_oversubscription: 3
switches:
  spine1:
    role: spine
    ports:
      - { count: 32, speed: 400G }
  spine2:
    role: spine
    ports:
      - { count: 32, speed: 400G }
  leaf1:
    role: leaf
    ports:
      - { count: 48, speed: 25G, for: servers }
      - { count: 8, speed: 100G, for: fabric }
servers:
  web:
    count: 40
    nics: { count: 1, speed: 25G }
    leaves: [leaf1]
links:
  - { between: [leaf1, spine1], speed: 100G, count: 2 }
  - { between: [leaf1, spine2], speed: 100G, count: 2 }
`;

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover is returned');
  return (hover.contents as MarkupContent).value;
}

describe('LSP over stdio: hover and inlay hints', () => {
  let session: LspSession;
  const uri = 'file:///hover.topology.yaml';

  before(async () => {
    session = await LspSession.start();
    await session.open(uri, TEXT);
  });

  after(async () => {
    await session.stop();
  });

  it('explains max_oversubscription and links its lesson', async () => {
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } });
    const text = markdown(hover);
    assert.match(text, /oversubscription/i);
    assert.match(text, /\[Learn: Oversubscription ratios — 40 min\]\(file:\/\/[^)]*\/lessons\/modern-topology\.md#oversubscription-ratios\)/);
  });

  it('shows a leaf\'s computed ratio where it is defined and where it is referenced', async () => {
    const atDefinition = markdown(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 4 } }));
    assert.match(atDefinition, /Downlink: 1000G to servers \(40 NIC links\) · Uplink: 400G to spines/);
    assert.match(atDefinition, /Oversubscription: \*\*2\.5:1\*\*/);
    assert.match(atDefinition, /ECMP: 4 equal-cost paths \(2 spines × 2 links\)/);
    assert.match(atDefinition, /If one spine fails: 200G of 400G uplink left \(50%\)/);
    const atReference = markdown(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 23, character: 18 } }));
    assert.equal(atReference, atDefinition);
  });

  it('says what a speed is used for', async () => {
    const text = markdown(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 31 } }));
    assert.match(text, /^\*\*25G\*\* — typically the common server NIC/);
  });

  it('returns null where there is nothing to explain', async () => {
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 13 } });
    assert.equal(hover, null);
  });

  it('shows inline figures after each leaf and spine', async () => {
    const hints = await session.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    const labels = hints.map((h) => [h.position.line, typeof h.label === 'string' ? h.label.trim() : '']);
    assert.deepEqual(labels, [
      [4, '200G↓ · 1 leaf'],
      [8, '200G↓ · 1 leaf'],
      [12, '2.5:1 · 1000G↓ 400G↑ · 4 paths'],
    ]);
  });

  it('answers topology/fabricSummary for the status bar', async () => {
    const summary = await session.request('topology/fabricSummary', { uri });
    assert.deepEqual(summary, { spines: 2, leaves: 1, worstRatio: '2.5:1', worstLeaf: 'leaf1', overMax: false, errors: 0, warnings: 0 });
    assert.equal(await session.request('topology/fabricSummary', { uri: 'file:///not-open.topology.yaml' }), null);
  });
});

describe('LSP over stdio: inlay hints setting', () => {
  it('returns no hints when topology.inlayHints.enabled is false, and hints again when it is true', async () => {
    const session = await LspSession.start({ configuration: true });
    const uri = 'file:///hints-setting.topology.yaml';
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    try {
      session.configuration = { inlayHints: { enabled: false } };
      await session.open(uri, TEXT);
      assert.deepEqual(await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range }), []);
      session.configuration = { inlayHints: { enabled: true } };
      const relinted = session.nextDiagnostics(uri);
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await relinted;
      const hints = await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
      assert.equal(hints.length, 3);
    } finally {
      await session.stop();
    }
  });
});
