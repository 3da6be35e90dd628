/** Findings from the core as LSP diagnostics: rule id as `code`, lesson link as `codeDescription`. */
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/findings';
import { ruleLessonHref } from '../core/lessons/lessonLinks';

export const DIAGNOSTIC_SOURCE = 'topology-tutor';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, documentUri: string, lessonsBase: string): Diagnostic {
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
  if (finding.related !== undefined && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: documentUri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}
