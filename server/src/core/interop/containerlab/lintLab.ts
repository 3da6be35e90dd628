/**
 * The whole check of a containerlab topology (`*.clab.yml`, `*.clab.yaml`): YAML syntax, the
 * lab's structure and Topology Tutor's labels, then the fabric analysis on the model built from
 * the lab (see labModel.ts), then suppression comments and severity settings, exactly as for a
 * topology file. Pure and synchronous; every range is in the lab file.
 */
import type { Finding } from '../../findings';
import { finishFindings, tooBigToAnalyse, type LintOptions, type LintResult } from '../../lint';
import { appendAll } from '../../arrays';
import type { LintSettings } from '../../settings';
import { DEFAULT_SETTINGS } from '../../settings';
import { LineIndex } from '../../text/lineIndex';
import { parseYaml } from '../../yaml/yamlTree';
import { analyzeFabric } from '../../analysis/analyze';
import { FABRIC_RULES } from '../../rules/fabricRules';
import { checkLabels } from './labelChecks';
import { linkCountRule } from './linkCounts';
import { buildLabModel } from './labModel';
import { readLab, type Lab } from './labTree';
import { classify, type Classification } from './roles';

/** What the lab linter read: the lab and how it classified each node (for hovers and the importer). */
export interface LabInfo {
  lab: Lab;
  classification: Classification;
}

export interface LabLintResult extends LintResult {
  /** Undefined when the file did not parse or holds no lab. */
  lab: LabInfo | undefined;
}

export function isLabResult(result: LintResult): result is LabLintResult {
  return 'lab' in result;
}

/** Every fabric rule, and ECMP by link counts where a lab states no speeds. */
const LAB_RULES = [...FABRIC_RULES, linkCountRule];

export function lintLab(text: string, settings: LintSettings = DEFAULT_SETTINGS, options: LintOptions = {}): LabLintResult {
  const lines = new LineIndex(text);
  const parsed = parseYaml(text, options.checkpoint);
  const raw: Finding[] = [];
  const start = lines.range(0, Math.min(1, text.length));
  let analysis: LintResult['analysis'];
  let info: LabInfo | undefined;

  if (parsed.errors.length > 0) {
    for (const error of parsed.errors) raw.push({ rule: 'yaml-syntax', severity: 'error', message: `YAML: ${error.message}.`, range: lines.range(error.start, error.end) });
  } else if (parsed.root === undefined) {
    raw.push({ rule: 'schema', severity: 'error', message: 'The file is empty: a containerlab topology needs `name:` and `topology:` with `nodes:`.', range: start });
  } else {
    const lab = readLab(parsed.root, text);
    appendAll(raw, checkLabels(lab, text, lines));
    const sizeMB = text.length / (1024 * 1024);
    if (sizeMB > settings.maxFileSizeMB) {
      raw.push(tooBigToAnalyse(sizeMB, settings, start, 'Syntax and labels were'));
    } else if (lab.nodesKey !== undefined) {
      const classification = classify(lab);
      info = { lab, classification };
      analysis = analyzeFabric(parsed.root, lines, LAB_RULES, { build: () => buildLabModel(lab, classification, text), checkpoint: options.checkpoint });
      appendAll(raw, analysis.findings);
    }
  }

  return { text, lines, parsed, analysis, settings, lab: info, ...finishFindings(text, parsed, raw, settings, options) };
}
