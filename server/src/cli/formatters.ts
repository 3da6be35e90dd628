/** Output formats of `topology-tutor lint`: human (compiler-style), json and sarif. */
import { pathToFileURL } from 'url';
import type { Finding } from '../core/findings';
import { RULES } from '../core/rules/catalog';
import { lessonHref } from '../core/lessons/lessonLinks';

export interface FileReport {
  file: string;
  findings: Finding[];
}

export function formatHuman(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      lines.push(`${report.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`);
    }
  }
  const count = (severity: string): number => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  lines.push(`${reports.length} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${infos} info.`);
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

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(reports: readonly FileReport[], lessonsBase: string, version: string): string {
  const rules = [...RULES.values()].map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.summary },
    help: { text: rule.fix },
    helpUri: lessonHref(lessonsBase, rule.learn),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const results = reports.flatMap((report) =>
    report.findings.map((f) => ({
      ruleId: f.rule,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToFileURL(report.file).toString() },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'topology-tutor', version, informationUri: lessonsBase, rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
