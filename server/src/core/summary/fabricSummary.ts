/** The fabric at a glance, for the status bar: switch counts, the worst leaf ratio, finding counts. */
import type { LintResult } from '../lint';
import { formatRatio } from '../model/ratio';
import type { FabricSummary } from '../../../../shared/fabricSummary';

export function fabricSummary(result: LintResult): FabricSummary {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const model = result.analysis?.model;
  if (model === undefined) return { spines: 0, leaves: 0, overMax: false, errors, warnings };
  const summary: FabricSummary = { spines: model.spines.length, leaves: model.leaves.length, overMax: false, errors, warnings };
  let worst: { name: string; ratio: number } | undefined;
  for (const leaf of model.leaves) {
    if (leaf.ratio !== undefined && Number.isFinite(leaf.ratio) && (worst === undefined || leaf.ratio > worst.ratio)) {
      worst = { name: leaf.name, ratio: leaf.ratio };
    }
  }
  if (worst !== undefined) {
    summary.worstRatio = formatRatio(worst.ratio);
    summary.worstLeaf = worst.name.length > 200 ? `${worst.name.slice(0, 199)}…` : worst.name;
    summary.overMax = result.findings.some((f) => f.rule === 'oversubscription');
  }
  return summary;
}
