/**
 * Export a topology file as a lab: containerlab (`.clab.yml`) or netlab. Pure: the linted
 * document in, the lab's text and the warnings out. A fabric with errors exports anyway (the
 * warnings list them); only a file that cannot be analysed at all is refused.
 */
import type { LintResult } from '../../lint';
import { isLabResult } from '../containerlab/lintLab';
import { buildPlan, containerlabName, netlabName, type ExportOptions } from './exportPlan';
import { containerlabText } from './containerlabText';
import { netlabText } from './netlabText';

export type { ExportOptions };

export const LAB_FORMATS = ['containerlab', 'netlab'] as const;
export type LabFormat = (typeof LAB_FORMATS)[number];

export type ExportOutcome = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

export function exportLab(result: LintResult, format: LabFormat, options: ExportOptions = {}): ExportOutcome {
  if (isLabResult(result)) return { ok: false, error: 'this is already a containerlab topology; `topology-tutor import` turns it into a topology file' };
  const model = result.analysis?.model;
  if (model === undefined || result.parsed.root === undefined) {
    const why = result.findings.find((f) => f.rule === 'yaml-syntax' || f.rule === 'analysis-skipped' || f.rule === 'schema');
    return { ok: false, error: `the fabric could not be analysed${why !== undefined ? ` (${why.rule}: ${why.message})` : ''}, so there is nothing to export` };
  }
  const plan = buildPlan(result, model, options, format === 'containerlab' ? containerlabName : netlabName);
  const text = format === 'containerlab' ? containerlabText(plan, options.sourceName) : netlabText(plan, options.sourceName);
  return { ok: true, text, warnings: plan.warnings };
}
