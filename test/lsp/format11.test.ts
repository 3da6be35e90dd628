/** Format 1.1 over the real server: hovers on `kind`, `external` and `breakout`, and completion offering them. */
import { strict as assert } from 'assert';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

const TEXT = `topology: pod-11
switches:
  spine1:
    role: spine
    ports:
      - { count: 32, speed: 400G }
  gpu-leaf1:
    role: leaf
    ports:
      - { count: 16, speed: 400G, breakout: 4x100G, for: servers }
      - { count: 8, speed: 400G, for: fabric }
  gpu-leaf2:
    role: leaf
    ports:
      - { count: 8, speed: 400G, for: fabric }
  fw1:
    role: external
links:
  - { between: [gpu-leaf1, spine1], speed: 400G, count: 8 }
  - { between: [gpu-leaf2, spine1], speed: 400G }
  - { between: [gpu-leaf1, gpu-leaf2], speed: 400G, kind: peer }
  - { between: [gpu-leaf1, fw1], speed: 100G }
  - { between: [gpu-leaf2, fw1], speed: 100G }
`;

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover is returned');
  return (hover.contents as MarkupContent).value;
}

function positionOf(text: string, needle: string, delta = 1): { line: number; character: number } {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

describe('LSP over stdio: format 1.1', () => {
  let session: LspSession;
  const uri = 'file:///format11.topology.yaml';

  before(async () => {
    session = await LspSession.start();
    await session.open(uri, TEXT);
  });

  after(async () => {
    await session.stop();
  });

  const hoverAt = async (needle: string, delta = 1): Promise<string> =>
    markdown(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, delta) }));

  it('hover on `kind` and on `peer` explain peer links and link their lesson', async () => {
    assert.match(await hoverAt('kind: peer'), /^\*\*kind\*\* — `fabric` \(default\): a link between tiers; `peer` \(format 1\.1\)/);
    const peer = await hoverAt('kind: peer', 7);
    assert.match(peer, /^\*\*peer\*\* — an MLAG\/vPC\/ESI peer link/);
    assert.match(peer, /spine-leaf-hierarchy\.md#peer-links-mlag-and-vpc-pairs/);
  });

  it('hover on `external` explains external devices; on an external its figures', async () => {
    assert.match(await hoverAt('role: external', 7), /^\*\*external\*\* — a device outside the fabric/);
    assert.match(await hoverAt('  fw1:', 3), /Reaches the fabric through `gpu-leaf1`, `gpu-leaf2` · 200G north-south/);
  });

  it('hover on `breakout` explains it; the leaf shows its logical ports', async () => {
    assert.match(await hoverAt('breakout:'), /^\*\*breakout\*\* — run each port as N logical ports/);
    assert.match(await hoverAt('  gpu-leaf1:', 3), /Ports used: \d+\/64 × 100G, \d+\/8 × 400G \(16 × 400G broken out 4 × 100G\)/);
  });

  it('completion offers `kind` and its values, `external` and `breakout`', async () => {
    const text = TEXT.replace('  - { between: [gpu-leaf2, fw1], speed: 100G }\n', '  - between: [gpu-leaf2, fw1]\n    speed: 100G\n    \n');
    await session.change(uri, text);
    const line = text.split('\n').length - 2;
    const keys = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    assert.ok(keys.items.some((i) => i.label === 'kind'), JSON.stringify(keys.items.map((i) => i.label)));
    const withKind = text.replace('    speed: 100G\n    \n', '    speed: 100G\n    kind: \n');
    await session.change(uri, withKind);
    const values = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 10 } });
    assert.deepEqual(values.items.map((i) => i.label), ['fabric', 'peer']);
    const role = withKind.replace('    role: external\n', '    role: \n');
    await session.change(uri, role);
    const roles = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(role, '    role: \n', 10) });
    assert.ok(roles.items.some((i) => i.label === 'external'));
    const port = role.replace('      - { count: 8, speed: 400G, for: fabric }\n  fw1', '      - { count: 8, speed: 400G, for: fabric, }\n  fw1');
    await session.change(uri, port);
    const portKeys = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(port, 'fabric, }', 8) });
    assert.ok(portKeys.items.some((i) => i.label === 'breakout'), JSON.stringify(portKeys.items.map((i) => i.label)));
  });
});
