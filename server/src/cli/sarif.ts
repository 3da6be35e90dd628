/**
 * `--format sarif`: SARIF 2.1.0 that reads the same on any machine and in GitHub code scanning.
 *  - artifact URIs relative to `%SRCROOT%` (the working folder; `run.originalUriBaseIds` says where it
 *    was), absolute file URIs only for files outside it;
 *  - `run.columnKind: "utf16CodeUnits"` (the columns are UTF-16 code units, as in the editor);
 *  - every rule with `shortDescription`, `fullDescription`, `help.text`/`help.markdown` and `helpUri`
 *    pointing at its lesson section on the public repository (`--lessons-base-url`);
 *  - `partialFingerprints["topologyTutorSubject/v1"]`: a hash of the rule id, the entity the finding is
 *    about (switch or link names) and its occurrence among identical ones, so a result keeps its
 *    identity when lines move;
 *  - `invocations[0].executionSuccessful`, with a notification per file that could not be read.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Finding, Severity } from '../core/findings';
import { lessonHref } from '../core/lessons/lessonLinks';
import { RULES } from '../core/rules/catalog';
import type { LineIndex } from '../core/text/lineIndex';
import type { FileReport } from './formatters';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'topologyTutorSubject/v1';
const INFORMATION_URI = 'https://github.com/topology-tutor/topology-tutor';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifRun {
  version: string;
  lessonsBase: string;
  /** Absolute path of %SRCROOT% (the working folder). */
  srcRoot: string;
  executionSuccessful: boolean;
  /** Problems of the run itself (unreadable files, …). */
  notifications: { message: string; file?: string }[];
}

/**
 * The entity a finding is about, for its fingerprint: the finding's own `subject` when the engine
 * gives one (switch and link names, server group, pod), without the `links` entry index (entries move
 * when others are edited); else the text at its range (a switch name, a link's `between`),
 * whitespace collapsed.
 */
export function findingSubject(finding: Finding, text: string, lines: LineIndex): string {
  const subject = (finding as { subject?: unknown }).subject;
  if (typeof subject === 'string') return subject;
  if (subject !== null && typeof subject === 'object') {
    const named = Object.entries(subject as Record<string, unknown>).filter(([key, value]) => key !== 'link' && value !== undefined);
    if (named.length > 0) return JSON.stringify(named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const start = lines.offsetAt(finding.range.start);
  const end = lines.offsetAt(finding.range.end);
  return text.slice(start, Math.min(end, start + 500)).replace(/\s+/g, ' ').trim();
}

function encodePath(relative: string): string {
  return relative.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function artifactLocation(report: FileReport, srcRoot: string): { uri: string; uriBaseId?: string } {
  if (report.absolutePath === undefined) return { uri: encodeURIComponent(report.file) };
  const relative = path.relative(srcRoot, report.absolutePath);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return { uri: encodePath(relative), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(report.absolutePath).toString() };
}

function fingerprint(rule: string, subject: string, occurrence: number): string {
  return createHash('sha256').update(`${rule}\u0000${subject}\u0000${occurrence}`).digest('hex');
}

export function formatSarif(reports: readonly FileReport[], run: SarifRun): string {
  const ruleList = [...RULES.values()];
  const ruleIndex = new Map(ruleList.map((rule, i) => [rule.id, i]));
  const rules = ruleList.map((rule) => {
    const helpUri = lessonHref(run.lessonsBase, rule.learn);
    return {
      id: rule.id,
      name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.summary },
      fullDescription: { text: `${rule.summary} ${rule.fix}` },
      help: {
        text: `${rule.fix} Learn why: ${rule.learn.title} (${helpUri}).`,
        markdown: `**How to fix:** ${rule.fix}\n\n**Learn why:** [${rule.learn.title}](${helpUri})`,
      },
      helpUri,
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
      properties: { tags: ['topology'] },
    };
  });
  const results = reports.flatMap((report) => {
    const seen = new Map<string, number>();
    const location = artifactLocation(report, run.srcRoot);
    return report.findings.map((f, i) => {
      const subject = report.subjects?.[i] ?? '';
      const key = `${f.rule}\u0000${subject}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const index = ruleIndex.get(f.rule);
      return {
        ruleId: f.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
        ...(f.related !== undefined && f.related.length > 0
          ? {
              relatedLocations: f.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: {
                  artifactLocation: location,
                  region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1 },
                },
              })),
            }
          : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.rule, subject, occurrence) },
      };
    });
  });
  const srcRootUri = pathToFileURL(run.srcRoot).toString().replace(/\/?$/, '/');
  const sarif = {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'topology-tutor',
            version: run.version,
            semanticVersion: run.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: run.executionSuccessful,
            ...(run.notifications.length > 0
              ? {
                  toolExecutionNotifications: run.notifications.map((n) => ({
                    level: 'error',
                    message: { text: n.message },
                    ...(n.file === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(n.file).toString() } } }] }),
                  })),
                }
              : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRootUri, description: { text: 'The folder topology-tutor ran in; result paths are relative to it.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
