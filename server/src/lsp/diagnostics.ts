/**
 * Findings from the core as LSP diagnostics: rule id as `code`, lesson link as `codeDescription`.
 * A document publishes at most MAX_DIAGNOSTICS diagnostics (errors first) plus one summary of
 * the rest, and at most MAX_RELATED_PER_DOCUMENT related locations, so that no file, however
 * many findings it has, makes a notification too big to send.
 */
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/findings';
import { ruleLessonHref } from '../core/lessons/lessonLinks';
import { plural } from '../core/model/number';

export const DIAGNOSTIC_SOURCE = 'topology-tutor';

/** Diagnostics published per document at most, besides the one "N more" summary. */
export const MAX_DIAGNOSTICS = 5000;
/** Related locations per diagnostic at most (the rules list at most this many already). */
export const MAX_RELATED_PER_DIAGNOSTIC = 50;
/** Related locations per document at most; diagnostics past it are published without them. */
export const MAX_RELATED_PER_DOCUMENT = 10_000;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, documentUri: string, lessonsBase: string, maxRelated = MAX_RELATED_PER_DIAGNOSTIC): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  // What the finding is about, by name: code actions look it up in the model, never by offset.
  if (finding.subject !== undefined) diagnostic.data = { subject: finding.subject };
  const href = ruleLessonHref(lessonsBase, finding.rule);
  if (href !== undefined) diagnostic.codeDescription = { href };
  if (finding.related !== undefined && finding.related.length > 0 && maxRelated > 0) {
    diagnostic.relatedInformation = finding.related.slice(0, maxRelated).map((related) => ({
      location: { uri: documentUri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The diagnostics of one document within the budget. `findings` are in position order; when
 * there are more than `maxDiagnostics`, errors are kept first, then warnings, then infos, and
 * one info at the first finding left out says how many of each were left out.
 */
export function toDiagnostics(
  findings: readonly Finding[],
  documentUri: string,
  lessonsBase: string,
  maxDiagnostics = MAX_DIAGNOSTICS,
  maxRelatedPerDocument = MAX_RELATED_PER_DOCUMENT,
): Diagnostic[] {
  const quota = new Map<Severity, number>();
  let left = maxDiagnostics;
  for (const severity of SEVERITY_ORDER) {
    let count = 0;
    for (const finding of findings) if (finding.severity === severity) count++;
    const kept = Math.min(count, left);
    quota.set(severity, kept);
    left -= kept;
  }
  const omitted = new Map<Severity, number>();
  let firstOmitted: Finding | undefined;
  let relatedLeft = maxRelatedPerDocument;
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const remaining = quota.get(finding.severity) ?? 0;
    if (remaining <= 0) {
      omitted.set(finding.severity, (omitted.get(finding.severity) ?? 0) + 1);
      firstOmitted ??= finding;
      continue;
    }
    quota.set(finding.severity, remaining - 1);
    const diagnostic = toDiagnostic(finding, documentUri, lessonsBase, Math.min(MAX_RELATED_PER_DIAGNOSTIC, relatedLeft));
    relatedLeft -= diagnostic.relatedInformation?.length ?? 0;
    diagnostics.push(diagnostic);
  }
  if (firstOmitted !== undefined) diagnostics.push(omittedSummary(firstOmitted, omitted, findings.length, diagnostics.length, documentUri, lessonsBase));
  return diagnostics;
}

function omittedSummary(first: Finding, omitted: ReadonlyMap<Severity, number>, total: number, shown: number, uri: string, lessonsBase: string): Diagnostic {
  const words: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'infos'] };
  const parts = SEVERITY_ORDER.filter((s) => (omitted.get(s) ?? 0) > 0).map((s) => plural(omitted.get(s) ?? 0, words[s][0], words[s][1]));
  const message =
    `${plural(total - shown, 'more finding')} not shown (${parts.join(', ')}): this file has ${plural(total, 'finding')}, ` +
    `and the editor shows the first ${shown}, errors first. The first one left out is here (line ${first.range.start.line + 1}). ` +
    'Fix these, or run `topology-tutor lint --format json` on the file to list them all.';
  return toDiagnostic({ rule: 'analysis-skipped', severity: 'info', message, range: first.range }, uri, lessonsBase);
}
