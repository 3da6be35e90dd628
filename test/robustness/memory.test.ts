/**
 * Bounded memory: closing a big document gives its memory back (its worker ends), and results
 * are kept for a bounded number of documents and characters, the least recently used evicted
 * first and analysed again on demand. Resident size is read from /proc (Linux only).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import type { Hover } from 'vscode-languageserver-protocol';
import { codes, freshUri, generateFabric, generateFabricOfSize, LspSession, positionOf, stopSession, UNHURRIED, useSession } from './support';

const MB = 1024 * 1024;

function rssMb(session: LspSession): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${session.process.pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match === null ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('robustness: bounded memory (over the LSP server)', function () {
  this.timeout(120_000);
  const session = useSession({ testHooks: true, settings: UNHURRIED });

  it('closing a big document gives its memory back', async function () {
    if (rssMb(session()) === undefined) this.skip();
    await settle(500);
    const before = rssMb(session())!;
    const uri = freshUri('close-frees');
    assert.deepEqual(await session().open(uri, generateFabricOfSize(8 * MB)), []);
    const loaded = rssMb(session())!;
    assert.ok(loaded - before > 100, `the 8 MB result takes memory (${before.toFixed(0)} → ${loaded.toFixed(0)} MB)`);
    await session().close(uri);
    let after = rssMb(session())!;
    for (let i = 0; i < 50 && after - before > 0.3 * (loaded - before); i++) {
      await settle(200);
      after = rssMb(session())!;
    }
    assert.ok(after - before <= 0.3 * (loaded - before), `RSS ${before.toFixed(0)} MB → ${loaded.toFixed(0)} MB open → ${after.toFixed(0)} MB closed`);
  });

  it('keeps the results of at most 64 documents: the least recently used is evicted, and answers again on demand', async () => {
    const uris: string[] = [];
    for (let i = 0; i < 70; i++) {
      const uri = freshUri(`many-${i}`);
      uris.push(uri);
      assert.deepEqual(codes(await session().open(uri, generateFabric({ spines: 2, leaves: 2, prefix: `d${i}` }))), []);
    }
    // The eviction is reported just after the 70th document's diagnostics.
    await session().nextEvent((e) => e.uri === uris[5] && e.event === 'evicted', true);
    const evicted = uris.filter((uri) => session().eventsFor(uri, 'evicted').length > 0);
    assert.deepEqual(evicted, uris.slice(0, 6), 'the six least recently used');
    const text = generateFabric({ spines: 2, leaves: 2, prefix: 'd0' });
    const hover = await session().request<Hover | null>('textDocument/hover', { textDocument: { uri: uris[0] }, position: positionOf(text, 'd0spine1:') });
    assert.ok(hover !== null && /Leaves reached/.test(JSON.stringify(hover.contents)), 'analysed again for the request');
    assert.deepEqual(session().eventsFor(uris[0], 'started').map((e) => e.version), [1, 1]);
    for (const uri of uris) await session().close(uri);
  });

  it('keeps results of a bounded number of characters: the least recently used big document is evicted (limit lowered to 2.5 M characters)', async () => {
    const limited = await LspSession.start({ testHooks: true, env: { TOPOLOGY_TEST_LIMITS: JSON.stringify({ maxHeldChars: 2_500_000 }) } });
    try {
      const text = generateFabricOfSize(1 * MB);
      const uris = [freshUri('big-a'), freshUri('big-b'), freshUri('big-c')];
      for (const uri of uris) assert.deepEqual(await limited.open(uri, text), []);
      await limited.nextEvent((e) => e.uri === uris[0] && e.event === 'evicted', true);
      assert.deepEqual(uris.map((uri) => limited.eventsFor(uri, 'evicted').length), [1, 0, 0]);
      assert.ok(new Set(uris.map((uri) => limited.eventsFor(uri, 'started')[0].worker)).size >= 2, 'big documents have workers of their own');
      const hover = await limited.request<Hover | null>('textDocument/hover', { textDocument: { uri: uris[0] }, position: positionOf(text, 'spine7:') });
      assert.ok(hover !== null && /Leaves reached/.test(JSON.stringify(hover.contents)), 'the evicted document is analysed again for the request');
      await limited.nextEvent((e) => e.uri === uris[1] && e.event === 'evicted', true);
    } finally {
      assert.equal(await stopSession(limited), 0);
    }
  });
});
