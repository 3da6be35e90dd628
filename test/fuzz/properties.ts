/**
 * The properties every document must keep, through the core and through the server, and the
 * keeping of shrunk counterexamples as fixtures under test/fixtures/fuzz/.
 */
import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { lintText } from '../../server/src/core/lint';
import type { LintResult } from '../../server/src/core/lint';
import type { LintSettings } from '../../server/src/core/settings';
import { hoverAt } from '../../server/src/core/hover/hover';
import { inlayHints } from '../../server/src/core/hints/inlayHints';
import { RULES } from '../../server/src/core/rules/catalog';
import { ruleLessonHref } from '../../server/src/core/lessons/lessonLinks';
import { assertMarkdownInert, assertNoBadWords, assertRangeInside, lineLengths, positionInside } from '../robustness/support';

/** The repository root (tests run from out/test/fuzz). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'fuzz');

/** Documents per property: FUZZ_RUNS (npm run fuzz) or the quick default for npm test. */
export function runs(envName: string, quick: number): number {
  const raw = process.env[envName];
  const n = raw === undefined ? quick : Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${envName} must be a positive integer, got ${raw}`);
  return n;
}

/** A fixed seed unless FUZZ_SEED says otherwise, so `npm test` is reproducible. */
export function seed(): number | undefined {
  const raw = process.env.FUZZ_SEED;
  if (raw === 'random') return undefined;
  return raw === undefined ? 20240611 : Number(raw);
}

/** One lint must take at most this long (an upper bound that catches hangs, not a benchmark). */
export const LINT_LIMIT_MS = 2000;

const BASE = 'file:///lessons';

/** The core properties for one text: never throws, ranges inside, known rules, sane words, deterministic, hover and hints sane. */
export function checkCore(text: string, settings?: LintSettings, hoverOffsets: readonly number[] = []): LintResult {
  const started = Date.now();
  const result = lintText(text, settings);
  const elapsed = Date.now() - started;
  assert.ok(elapsed <= LINT_LIMIT_MS, `lint took ${elapsed} ms`);
  const lengths = lineLengths(text);
  for (const f of result.findings) {
    const what = `finding ${f.rule} "${f.message.slice(0, 100)}"`;
    assert.ok(RULES.has(f.rule), `${what}: unknown rule id`);
    assert.notEqual(f.rule, 'internal-error', `${what}: a bug in the core (${result.analysis?.internalErrors.map((e) => e.stack).join('\n') ?? ''})`);
    assert.ok(ruleLessonHref(BASE, f.rule) !== undefined, `${what}: no lesson link`);
    assert.ok(['error', 'warning', 'info'].includes(f.severity), `${what}: severity ${f.severity}`);
    assert.ok(f.message.length > 0, `${what}: empty message`);
    assertNoBadWords(f.message, what, text);
    assertRangeInside(f.range, lengths, what);
    for (const r of f.related ?? []) {
      assertNoBadWords(r.message, `${what} related`, text);
      assertRangeInside(r.range, lengths, `${what} related`);
    }
  }
  const again = lintText(text, settings);
  assert.deepStrictEqual(again.findings, result.findings, 'linting the same text twice gives the same findings');

  const offsets = new Set(hoverOffsets.map((o) => Math.min(o, text.length)));
  // Every switch definition (up to 30), when there is an analysis.
  for (const sw of [...(result.analysis?.model.switches.values() ?? [])].slice(0, 30)) offsets.add(sw.keyNode.start + 1);
  for (const offset of offsets) {
    const hover = hoverAt(result, offset, BASE);
    if (hover === undefined) continue;
    assertNoBadWords(hover.markdown, `hover at ${offset}`, text);
    assertMarkdownInert(hover.markdown, `hover at ${offset}`);
    assertRangeInside(hover.range, lengths, `hover at ${offset}`);
  }
  for (const hint of inlayHints(result)) {
    assertNoBadWords(hint.label, `inlay hint for ${hint.switchName}`, text);
    assert.ok(positionInside(hint.position, lengths), `inlay hint at ${JSON.stringify(hint.position)} outside the document`);
  }
  return result;
}

export function fixtureName(text: string): string {
  return `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.topology.yaml`;
}

/** Writes a counterexample's text as a kept fixture; returns its path. */
export function keepFixture(text: string): string {
  fs.mkdirSync(FIXTURES, { recursive: true });
  const file = path.join(FIXTURES, fixtureName(text));
  fs.writeFileSync(file, text);
  return file;
}

export function keptFixtures(): { name: string; text: string }[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.topology.yaml'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
}

/**
 * Runs a property; on failure keeps the shrunk counterexample's text as a fixture and throws
 * fast-check's report (seed and path included, so the run can be replayed).
 */
export async function checkAndKeep<Ts>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts>, textOf: (values: Ts) => string, onDetails?: (details: fc.RunDetails<Ts>) => void): Promise<fc.RunDetails<Ts>> {
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, params);
  onDetails?.(details);
  if (details.failed) {
    let kept = '';
    if (details.counterexample !== null && details.counterexample !== undefined) kept = `\nKept the shrunk counterexample as ${keepFixture(textOf(details.counterexample))}`;
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${cause}\n\n${fc.defaultReportMessage(details)}${kept}`);
  }
  return details;
}

/** Run statistics, for test/fuzz/LAST_RUN.md. */
export interface RunRecord {
  name: string;
  documents: number;
  failures: number;
  ms: number;
  seed: number | undefined;
}

export const RUN_RECORDS: RunRecord[] = [];
