import { strict as assert } from 'assert';
import { LspSession } from './lspSession';

const CLEAN = `topology: pod-a
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
  leaf2:
    role: leaf
    ports:
      - { count: 48, speed: 25G, for: servers }
      - { count: 8, speed: 100G, for: fabric }
links:
  - { between: [leaf1, spine1], speed: 100G, count: 2 }
  - { between: [leaf1, spine2], speed: 100G, count: 2 }
  - { between: [leaf2, spine1], speed: 100G, count: 2 }
  - { between: [leaf2, spine2], speed: 100G, count: 2 }
`;

function span(d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

describe('LSP over stdio: diagnostics', function () {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    const code = await session.stop();
    assert.equal(code, 0, `server exits cleanly; stderr: ${session.stderr.join('')}`);
  });

  it('announces incremental sync', () => {
    assert.equal((session.initializeResult?.capabilities.textDocumentSync as { change: number }).change, 2);
  });

  it('publishes an empty list for a clean file', async () => {
    const diagnostics = await session.open('file:///clean.topology.yaml', CLEAN);
    assert.deepEqual(diagnostics, []);
  });

  it('reports an unknown key at the key, a wrong type and an enum typo at the value', async () => {
    const text = CLEAN.replace('    role: spine\n    ports:\n      - { count: 32, speed: 400G }\n  spine2', '    rol: spine\n    ports:\n      - { count: 32, speed: 400G }\n  spine2')
      .replace('count: 48, speed: 25G', 'count: lots, speed: 25G')
      .replace('  leaf2:\n    role: leaf', '  leaf2:\n    role: laef');
    const diagnostics = await session.open('file:///schema.topology.yaml', text);
    const schema = diagnostics.filter((d) => d.code === 'schema');
    assert.deepEqual(
      schema.map((d) => [span(d), d.message]),
      [
        ['2:2-2:8', 'Switch `spine1` is missing the required key `role`.'],
        ['3:4-3:7', 'Unknown key `rol` in switch `spine1`. Did you mean `role`? Allowed keys: role, pod, plane, model, ports.'],
        ['13:17-13:21', '`count` of port group 1 of switch `leaf1` must be a whole number; got `lots`.'],
        ['16:10-16:14', '`role` of switch `leaf2` must be one of leaf, spine, super-spine, external; got `laef`. Did you mean `leaf`?'],
      ],
    );
    for (const d of diagnostics) {
      assert.equal(d.source, 'topology-tutor');
      assert.match(String(d.codeDescription?.href), /^file:\/\/.*\/lessons\/[a-z0-9-]+\.md#[a-z0-9-]+$/);
    }
  });

  it('reports a duplicate switch name as yaml-syntax at the second key, and nothing else', async () => {
    const text = CLEAN.replace('  leaf2:\n', '  leaf1:\n');
    const diagnostics = await session.open('file:///dup.topology.yaml', text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'yaml-syntax');
    assert.equal(span(diagnostics[0]), '15:2-15:7');
    assert.equal(diagnostics[0].severity, 1);
  });

  it('re-validates on change and clears on close', async () => {
    const uri = 'file:///edit.topology.yaml';
    assert.deepEqual(await session.open(uri, CLEAN), []);
    const broken = await session.change(uri, CLEAN.replace('role: spine', 'role: spline'));
    assert.deepEqual(broken.map((d) => d.code), ['schema']);
    assert.deepEqual(await session.change(uri, CLEAN), []);
    assert.deepEqual(await session.close(uri), []);
  });
});

describe('LSP over stdio: settings', function () {
  it('applies topology.rules from workspace/configuration and tolerates null settings', async () => {
    const session = await LspSession.start({ configuration: true });
    try {
      session.configuration = null;
      const uri = 'file:///settings.topology.yaml';
      const text = CLEAN.replace('role: spine', 'role: spline');
      assert.deepEqual((await session.open(uri, text)).map((d) => [d.code, d.severity]), [['schema', 1]]);
      session.configuration = { rules: { schema: 'info' } };
      const relinted = session.nextDiagnostics(uri);
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual((await relinted).map((d) => [d.code, d.severity]), [['schema', 3]]);
    } finally {
      await session.stop();
    }
  });
});
