/**
 * The proof every fix passes before it is offered: the edited text is linted by the same core,
 * with the same settings, and the fix counts only if the file then has no error-severity finding
 * it did not have before (by rule and subject, not by position) and each finding it is for is
 * gone (one fewer finding with that rule and subject).
 */
import { findingKey, type Finding } from '../findings';
import { lintText, type LintResult } from '../lint';
import { applyEdits, overlaps, type OffsetEdit } from './edits';
import { isLabResult, lintLab } from '../interop/containerlab/lintLab';

export type Proof = { ok: true; after: LintResult } | { ok: false; why: string };

function countByKey(findings: readonly Finding[], errorsOnly: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (errorsOnly && f.severity !== 'error') continue;
    const key = findingKey(f);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const proofs = new WeakMap<LintResult, Map<string, Proof>>();

function editsKey(edits: readonly OffsetEdit[], targets: readonly Finding[]): string {
  return JSON.stringify([edits.map((e) => [e.start, e.end, e.newText]), targets.map(findingKey)]);
}

/** Re-lints `result`'s text with `edits` applied and checks the fix's promise. Memoized per result. */
export function proveEdits(result: LintResult, edits: readonly OffsetEdit[], targets: readonly Finding[]): Proof {
  if (edits.length === 0) return { ok: false, why: 'no edit' };
  if (overlaps(edits)) return { ok: false, why: 'overlapping edits' };
  let memo = proofs.get(result);
  if (memo === undefined) {
    memo = new Map();
    proofs.set(result, memo);
  }
  const key = editsKey(edits, targets);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const proof = prove(result, edits, targets);
  memo.set(key, proof);
  return proof;
}

function prove(result: LintResult, edits: readonly OffsetEdit[], targets: readonly Finding[]): Proof {
  // Re-linted by the linter that produced it (a containerlab topology as a lab), with every finding on
  // both sides: the per-rule cap must not hide an error a fix adds.
  const relint = isLabResult(result) ? lintLab : lintText;
  const after = relint(applyEdits(result.text, edits), result.settings, { allFindings: true });
  const before = result.uncappedFindings ?? result.findings;
  const beforeErrors = countByKey(before, true);
  const afterErrors = countByKey(after.findings, true);
  for (const [key, n] of afterErrors) {
    if (n > (beforeErrors.get(key) ?? 0)) return { ok: false, why: `adds an error: ${key}` };
  }
  const beforeAll = countByKey(before, false);
  const afterAll = countByKey(after.findings, false);
  const wanted = new Map<string, number>();
  for (const target of targets) {
    const key = findingKey(target);
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  }
  for (const [key, n] of wanted) {
    if ((afterAll.get(key) ?? 0) > (beforeAll.get(key) ?? 0) - n) return { ok: false, why: `leaves its finding: ${key}` };
  }
  return { ok: true, after };
}
