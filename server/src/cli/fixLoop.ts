/**
 * `--fix` and `--fix-dry-run`: the editor's Fix All (the core's fixAll: duplicate-link merges,
 * link-speed changes, missing spine links) applied pass after pass, re-linting after each, until
 * nothing more is fixable or MAX_FIX_PASSES passes ran. A pass whose text would have an error the
 * previous text did not have (per rule, by count) is not taken, and fixing stops there: --fix never
 * leaves a file worse than it found it.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyEdits } from '../core/editing/edits';
import { fixAll } from '../core/editing/quickFixes';
import { lintText } from '../core/lint';
import type { LintResult } from '../core/lint';
import type { LintSettings } from '../core/settings';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The lint result of the final text (the original text's when nothing was fixed). */
  result: LintResult;
  /** Findings fixed, over all passes. */
  fixed: number;
  passes: number;
  /** True when a pass was refused because it would have added an error. */
  refused: boolean;
}

function errorCounts(result: LintResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of result.findings) if (f.severity === 'error') counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}

function addsError(before: LintResult, after: LintResult): boolean {
  const was = errorCounts(before);
  for (const [rule, count] of errorCounts(after)) if (count > (was.get(rule) ?? 0)) return true;
  return false;
}

export function fixText(text: string, settings: LintSettings): FixOutcome {
  let result = lintText(text, settings);
  let fixed = 0;
  let passes = 0;
  let refused = false;
  while (passes < MAX_FIX_PASSES) {
    const { edits, fixed: fixedNow } = fixAll(result);
    if (edits.length === 0) break;
    const next = applyEdits(result.text, edits);
    if (next === result.text) break;
    const nextResult = lintText(next, settings);
    if (addsError(result, nextResult)) {
      refused = true;
      break;
    }
    result = nextResult;
    fixed += fixedNow.length;
    passes++;
  }
  return { result, fixed, passes, refused };
}

/** A unified diff (`--- a/name`, `+++ b/name`, 3 lines of context); empty when nothing changed. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const label = name.replace(/\\/g, '/').replace(/^\/+/, '');
  return createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
