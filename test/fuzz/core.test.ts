/**
 * Property-based fuzzing of the core: thousands of generated and mutated topology documents
 * through lintText, hoverAt and inlayHints. `npm test` runs ~2,000 (FUZZ_RUNS raises it).
 */
import * as fc from 'fast-check';
import { normalizeSettings } from '../../server/src/core/settings';
import type { LintSettings } from '../../server/src/core/settings';
import { documentSpec, renderDocument } from './documents';
import { checkAndKeep, checkCore, RUN_RECORDS, runs, seed } from './properties';

const settingsArb: fc.Arbitrary<LintSettings | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(normalizeSettings({ maxFileSizeMB: 0.0001 })) },
  { weight: 1, arbitrary: fc.constant(normalizeSettings({ rules: { schema: 'off', 'unknown-switch': 'info', 'isolated-switch': 'error' } })) },
);

describe('fuzz: the core (lintText, hoverAt, inlayHints)', function () {
  const numRuns = runs('FUZZ_RUNS', 2000);
  this.timeout(Math.max(60_000, numRuns * 100));

  it(`${numRuns} documents: never throws, ranges inside, known rules with lessons, no NaN/Infinity/undefined, deterministic`, async () => {
    const started = Date.now();
    let documents = 0;
    const input = fc.tuple(documentSpec, settingsArb, fc.array(fc.nat(), { maxLength: 4 }));
    const property = fc.property(input, ([spec, settings, offsets]) => {
      documents++;
      const text = renderDocument(spec);
      checkCore(text, settings, offsets.map((o) => o % (text.length + 1)));
    });
    const record = { name: 'core', documents: 0, failures: 0, ms: 0, seed: seed() };
    RUN_RECORDS.push(record);
    try {
      await checkAndKeep(property, { numRuns, seed: seed(), endOnFailure: false }, ([[spec]]) => renderDocument(spec), (details) => {
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
