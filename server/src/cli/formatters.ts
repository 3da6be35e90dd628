/** Output formats of `topology-tutor lint`: human (compiler-style) and json; sarif.ts and github.ts beside. */
import type { Finding, Severity } from '../core/findings';
import { displayName, oneLine } from './escape';

export interface FileReport {
  /** The file as shown to the user (as given, or relative to the working folder). */
  file: string;
  /** Absolute path; undefined for stdin without --stdin-filename. */
  absolutePath?: string;
  findings: Finding[];
  /** Per finding (same order): the entity it is about, for SARIF fingerprints. */
  subjects?: string[];
}

export function countBySeverity(reports: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const f of report.findings) counts[f.severity]++;
  return counts;
}

/** One summary line: `3 file(s) checked: 1 error(s), 2 warning(s), 0 info.` */
export function summaryLine(reports: readonly FileReport[]): string {
  const counts = countBySeverity(reports);
  return `${reports.length} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info.`;
}

/**
 * `file:line:col severity rule-id message`, one finding a line (the `$topology` problem matcher reads
 * it). File names with control, bidi or invisible characters are shown quoted and escaped, and so are
 * such characters in messages, so no line can be forged and no terminal escape reaches the terminal.
 */
export function formatHuman(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const name = displayName(report.file);
    for (const f of report.findings) {
      lines.push(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${oneLine(f.message)}`);
    }
  }
  lines.push(summaryLine(reports));
  return `${lines.join('\n')}\n`;
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    file: report.file,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      related: (f.related ?? []).map((r) => ({ message: r.message, line: r.range.start.line + 1, column: r.range.start.character + 1 })),
    })),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
