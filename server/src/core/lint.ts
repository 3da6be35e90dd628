/**
 * The whole check of one document: YAML syntax, then the schema, then the fabric analysis;
 * then suppression comments and the user's severity settings. Pure and synchronous.
 */
import type { Finding } from './findings';
import { LineIndex } from './text/lineIndex';
import { parseYaml } from './yaml/yamlTree';
import type { ParsedYaml } from './yaml/yamlTree';
import { ExpansionLimitError, expansionBudget } from './yaml/treeQueries';
import { validateSchema } from './schema/schemaValidation';
import { analyzeFabric } from './analysis/analyze';
import type { AnalysisResult } from './analysis/analyze';
import { parseSuppressions, isSuppressed } from './suppressions';
import { locate } from './yaml/locate';
import { DEFAULT_SETTINGS } from './settings';
import type { LintSettings } from './settings';
import { appendAll } from './arrays';
import { capFindings } from './findingCap';

export interface LintResult {
  text: string;
  lines: LineIndex;
  parsed: ParsedYaml;
  /** The fabric analysis; undefined when the YAML did not parse or analysis was skipped. */
  analysis?: AnalysisResult;
  /**
   * Findings after suppressions and severity settings, sorted by position; at most
   * MAX_FINDINGS_PER_RULE per rule plus one summary each (findingCap.ts) unless `allFindings`.
   */
  findings: Finding[];
}

export interface LintOptions {
  /** List every finding instead of capping each rule (the CLI's `--all-findings`). */
  allFindings?: boolean;
}

/** Aliases may expand the document to at most this many nodes more than it has. */
const EXPANSION_ALLOWANCE = 200_000;

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function lintText(text: string, settings: LintSettings = DEFAULT_SETTINGS, options: LintOptions = {}): LintResult {
  const lines = new LineIndex(text);
  const parsed = parseYaml(text);
  const raw: Finding[] = [];
  let analysis: AnalysisResult | undefined;
  const start = lines.range(0, Math.min(1, text.length));

  if (parsed.errors.length > 0) {
    for (const error of parsed.errors) {
      raw.push({ rule: 'yaml-syntax', severity: 'error', message: `YAML: ${error.message}.`, range: lines.range(error.start, error.end) });
    }
  } else if (parsed.root === undefined) {
    raw.push({
      rule: 'schema',
      severity: 'error',
      message: 'The file is empty: a topology needs at least `topology:` (its name) and `switches:`.',
      range: start,
    });
  } else {
    let schemaFindings: Finding[] | undefined;
    try {
      schemaFindings = validateSchema(parsed.root, text, lines, expansionBudget(parsed.nodeCount + EXPANSION_ALLOWANCE));
    } catch (error) {
      if (!(error instanceof ExpansionLimitError)) throw error;
      raw.push({
        rule: 'analysis-skipped',
        severity: 'info',
        message: `Not checked: the file's aliases expand to more than ${error.limit} nodes (an "alias bomb"), so neither the schema nor the fabric was checked.`,
        range: start,
      });
    }
    if (schemaFindings !== undefined) {
      appendAll(raw, schemaFindings);
      const sizeMB = text.length / (1024 * 1024);
      if (sizeMB > settings.maxFileSizeMB) {
        raw.push({
          rule: 'analysis-skipped',
          severity: 'info',
          message: `Fabric analysis skipped: the file is ${sizeMB.toFixed(1)} MB, over topology.maxFileSizeMB (${settings.maxFileSizeMB} MB). Syntax and schema were still checked.`,
          range: start,
        });
      } else {
        analysis = analyzeFabric(parsed.root, lines);
        appendAll(raw, analysis.findings);
      }
    }
  }

  const suppressions = parseSuppressions(text, (offset) => {
    const node = locate(parsed.root, offset)?.node;
    return node !== undefined && node.kind === 'scalar' && node.start <= offset && offset < node.end;
  });
  const findings: Finding[] = [];
  for (const finding of raw) {
    if (isSuppressed(finding, suppressions)) continue;
    const override = settings.rules.get(finding.rule);
    if (override === 'off') continue;
    findings.push(override === undefined ? finding : { ...finding, severity: override });
  }
  findings.sort(compareFindings);
  return { text, lines, parsed, analysis, findings: options.allFindings === true ? findings : capFindings(findings) };
}
