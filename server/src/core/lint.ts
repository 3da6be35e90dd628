/**
 * The whole check of one document: YAML syntax, then the schema, then the fabric analysis;
 * then suppression comments and the user's severity settings. Pure and synchronous.
 */
import { AnalysisAborted, type Checkpoint } from './budget';
import type { Finding } from './findings';
import { LineIndex } from './text/lineIndex';
import type { Range } from './text/lineIndex';
import { parseYaml } from './yaml/yamlTree';
import type { ParsedYaml } from './yaml/yamlTree';
import { ExpansionLimitError, expansionBudget } from './yaml/treeQueries';
import { validateSchema } from './schema/schemaValidation';
import { checkBreakouts } from './schema/breakoutCheck';
import { analyzeFabric } from './analysis/analyze';
import { FABRIC_RULES } from './rules/fabricRules';
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
  /** The settings it was linted with (fix proofs re-lint with the same). */
  settings: LintSettings;
  /** Every finding, when the per-rule cap left some out of `findings` (fix proofs compare all of them). */
  uncappedFindings?: Finding[];
  /** True when the time budget (or `skipAnalysis: 'over-budget'`) ended the lint before the fabric analysis finished. */
  overBudget?: boolean;
}

export interface LintOptions {
  /**
   * Called between the phases (parse, schema, model, each rule) and inside long loops; it may
   * throw `AnalysisAborted`: 'cancelled' propagates to the caller, 'over-budget' in the fabric
   * phases ends the lint with the syntax and schema findings plus one `analysis-skipped` info.
   */
  checkpoint?: Checkpoint;
  /** Do not run the fabric analysis, and say it was over budget (an earlier run of this text was). */
  skipAnalysis?: 'over-budget';
  /** List every finding instead of capping each rule (the CLI's `--all-findings`; fix proofs). */
  allFindings?: boolean;
}

/** Aliases may expand the document to at most this many nodes more than it has. */
const EXPANSION_ALLOWANCE = 200_000;

/** Files over this many MB are not parsed at all: twice topology.maxFileSizeMB, and never under 1 MB. */
export function parseLimitMB(settings: LintSettings): number {
  return Math.max(1, 2 * settings.maxFileSizeMB);
}

/** The `analysis-skipped` info of a file over topology.maxFileSizeMB; `checked` says what still ran. */
export function tooBigToAnalyse(sizeMB: number, settings: LintSettings, range: Range, checked: string): Finding {
  return {
    rule: 'analysis-skipped',
    severity: 'info',
    message: `Fabric analysis skipped: the file is ${sizeMB.toFixed(1)} MB, over topology.maxFileSizeMB (${settings.maxFileSizeMB} MB). ${checked} still checked.`,
    range,
  };
}

function overBudgetMessage(settings: LintSettings): string {
  return (
    `Fabric analysis skipped: it took longer than topology.maxAnalysisSeconds (${settings.maxAnalysisSeconds} s). ` +
    'Syntax and schema were still checked. Raise topology.maxAnalysisSeconds (CLI: --max-analysis-seconds) to analyse this file.'
  );
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function lintText(text: string, settings: LintSettings = DEFAULT_SETTINGS, options: LintOptions = {}): LintResult {
  const checkpoint = options.checkpoint ?? (() => undefined);
  const lines = new LineIndex(text);
  const raw: Finding[] = [];
  let analysis: AnalysisResult | undefined;
  let overBudget = false;
  const start = lines.range(0, Math.min(1, text.length));
  const sizeMB = text.length / (1024 * 1024);
  const parseLimit = parseLimitMB(settings);
  const tooBig = sizeMB > parseLimit;
  if (!tooBig) checkpoint('parse');
  // Over the parse limit not even parsed: the parse alone would take more memory than an editor can spare.
  const parsed: ParsedYaml = tooBig ? { root: undefined, errors: [], nodeCount: 0, empty: false } : parseYaml(text, checkpoint);

  if (tooBig) {
    const why = parseLimit === 2 * settings.maxFileSizeMB ? 'twice' : 'at least 1 MB and twice';
    raw.push({
      rule: 'analysis-skipped',
      severity: 'info',
      message:
        `Not checked: the file is ${sizeMB.toFixed(1)} MB, over the ${parseLimit} MB parsed at all (${why} topology.maxFileSizeMB, ${settings.maxFileSizeMB} MB), ` +
        'so neither its syntax, nor the schema, nor the fabric was checked. Raise topology.maxFileSizeMB, or split the file.',
      range: start,
    });
  } else if (parsed.errors.length > 0) {
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
    checkpoint('schema');
    try {
      schemaFindings = validateSchema(parsed.root, text, lines, expansionBudget(parsed.nodeCount + EXPANSION_ALLOWANCE), checkpoint);
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
      appendAll(raw, checkBreakouts(parsed.root, lines));
      if (sizeMB > settings.maxFileSizeMB) {
        raw.push(tooBigToAnalyse(sizeMB, settings, start, 'Syntax and schema were'));
      } else if (options.skipAnalysis === 'over-budget') {
        overBudget = true;
        raw.push({ rule: 'analysis-skipped', severity: 'info', message: overBudgetMessage(settings), range: start });
      } else {
        try {
          analysis = analyzeFabric(parsed.root, lines, FABRIC_RULES, { checkpoint });
          appendAll(raw, analysis.findings);
        } catch (error) {
          if (!(error instanceof AnalysisAborted && error.reason === 'over-budget')) throw error;
          overBudget = true;
          raw.push({ rule: 'analysis-skipped', severity: 'info', message: overBudgetMessage(settings), range: start });
        }
      }
    }
  }

  const result: LintResult = { text, lines, parsed, analysis, settings, ...finishFindings(text, parsed, raw, settings, options) };
  if (overBudget) result.overBudget = true;
  return result;
}

/**
 * The last step of every lint (topology files and containerlab labs alike): suppression comments,
 * the user's severities, position order, and the per-rule cap (unless `allFindings`).
 */
export function finishFindings(
  text: string,
  parsed: ParsedYaml,
  raw: readonly Finding[],
  settings: LintSettings,
  options: LintOptions,
): Pick<LintResult, 'findings' | 'uncappedFindings'> {
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
  const shown = options.allFindings === true ? findings : capFindings(findings);
  const capped = shown.length !== findings.length || shown.some((f, i) => f !== findings[i]);
  return capped ? { findings: shown, uncappedFindings: findings } : { findings: shown };
}
