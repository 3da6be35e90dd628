/**
 * Too many findings are reported the way a compiler does: each rule lists at most
 * MAX_FINDINGS_PER_RULE findings per file, and one more finding of the same rule says how
 * many it left out and where the first of them is. A file with 300,000 duplicate links so
 * stays readable (and its diagnostics small enough to publish); `lintText(…, { allFindings:
 * true })` and the CLI's `--all-findings` list everything.
 */
import type { Finding } from './findings';
import { formatNumber } from './model/number';

/** Findings listed per rule per file; the rest are summed up in one finding. Documented in the README. */
export const MAX_FINDINGS_PER_RULE = 1_000;

/** The summary's message: how many more, from where, and how to see them all. */
export function summaryMessage(rule: string, omitted: number, firstLine: number, max: number): string {
  return `… and ${formatNumber(omitted, 0)} more \`${rule}\` ${omitted === 1 ? 'finding' : 'findings'} in this file, the first on line ${formatNumber(firstLine, 0)}: only the first ${formatNumber(max, 0)} of each rule are listed. Fix these first, or run \`topology-tutor lint --all-findings\` to list them all.`;
}

/**
 * `findings` (sorted by position) with at most `max` per rule; each rule over it gets one
 * summary finding at its first left-out finding, with that finding's severity. Linear.
 */
export function capFindings(findings: readonly Finding[], max = MAX_FINDINGS_PER_RULE): Finding[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  let over = false;
  for (const n of counts.values()) if (n > max) over = true;
  if (!over) return findings.slice();
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const n = (seen.get(f.rule) ?? 0) + 1;
    seen.set(f.rule, n);
    if (n <= max) out.push(f);
    else if (n === max + 1) {
      const omitted = (counts.get(f.rule) ?? n) - max;
      out.push({ rule: f.rule, severity: f.severity, message: summaryMessage(f.rule, omitted, f.range.start.line + 1, max), range: f.range });
    }
  }
  return out;
}
