/**
 * Property-based fuzzing through the real server: generated documents opened one by one in
 * one long-lived server (a new uri each, closed after its diagnostics arrive). Properties:
 * diagnostics arrive in time, the process stays up, every range lies inside the document,
 * every diagnostic has a known rule id and a lesson link, hovers are sane.
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { documentSpec, renderDocument } from './documents';
import { checkAndKeep, RUN_RECORDS, runs, seed } from './properties';
import { assertAlive, assertDiagnosticsSane, assertHoverSane, lineLengths, LspSession, stopSession } from '../robustness/support';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';

/** Diagnostics for one document must arrive within this (an upper bound; typically a few ms). */
const DIAGNOSTICS_LIMIT_MS = 5000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('fuzz: the language server over stdio', function () {
  const numRuns = runs('FUZZ_LSP_RUNS', 200);
  this.timeout(Math.max(60_000, numRuns * 300));
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });
  after(async function () {
    this.timeout(15000);
    assert.equal(await stopSession(session), 0, 'the server exits cleanly after the run');
  });

  it(`${numRuns} documents: diagnostics in time, process alive, sane ranges, rule ids and lesson links`, async () => {
    const started = Date.now();
    let documents = 0;
    let counter = 0;
    const property = fc.asyncProperty(documentSpec, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), async (spec, points) => {
      documents++;
      const text = renderDocument(spec);
      const uri = `file:///fuzz/doc-${++counter}.topology.yaml`;
      const diagnostics: Diagnostic[] = await within(session.open(uri, text), DIAGNOSTICS_LIMIT_MS, 'diagnostics');
      assertAlive(session);
      assertDiagnosticsSane(diagnostics, text);
      const lengths = lineLengths(text);
      for (const point of points) {
        const line = point % lengths.length;
        const position = { line, character: (point >> 3) % (lengths[line] + 1) };
        const hover = await within(session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }), 2000, 'hover');
        assertHoverSane(hover, text, `hover at ${JSON.stringify(position)}`);
      }
      await within(session.close(uri), DIAGNOSTICS_LIMIT_MS, 'close');
      assertAlive(session);
    });
    const record = { name: 'lsp', documents: 0, failures: 0, ms: 0, seed: seed() };
    RUN_RECORDS.push(record);
    try {
      await checkAndKeep(property, { numRuns, seed: seed(), endOnFailure: false }, ([spec]) => renderDocument(spec), (details) => {
        record.seed = details.seed;
      });
    } catch (error) {
      record.failures = 1;
      throw error;
    } finally {
      record.documents = documents;
      record.ms = Date.now() - started;
    }
  });
});
