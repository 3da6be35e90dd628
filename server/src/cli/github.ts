/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding
 * (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`), then the summary line.
 * Escaping follows @actions/core (toolkit/packages/core/src/command.ts): in the message `%`, CR and LF
 * become `%25`, `%0D`, `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.
 */
import type { Severity } from '../core/findings';
import { ruleLessonHref } from '../core/lessons/lessonLinks';
import type { FileReport } from './formatters';
import { summaryLine } from './formatters';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `relativeFile(report)` is the path GitHub resolves against the repository root (posix). */
export function formatGithub(reports: readonly FileReport[], lessonsBase: string, relativeFile: (report: FileReport) => string): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = escapeProperty(relativeFile(report));
    for (const f of report.findings) {
      const properties = [
        `file=${file}`,
        `line=${f.range.start.line + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(`topology-tutor ${f.rule}`)}`,
      ];
      const href = ruleLessonHref(lessonsBase, f.rule);
      const message = href === undefined ? f.message : `${f.message}\nLearn why: ${href}`;
      lines.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(message)}`);
    }
  }
  lines.push(summaryLine(reports));
  return `${lines.join('\n')}\n`;
}
