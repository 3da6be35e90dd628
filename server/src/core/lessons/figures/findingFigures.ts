/**
 * Figures that are findings: each finding of a rule (after suppressions and severities, as the
 * Problems panel shows them), labelled by what it is about and revealing its range.
 */
import type { Finding } from '../../findings';
import { clipText, rangeTarget } from './figureHelpers';
import type { FigureContext } from './figureHelpers';
import type { LessonFigure } from '../../../../../shared/lessonFigures';

/** `leaf1 – leaf2`, a server group, or the rule id. */
function findingLabel(finding: Finding): string {
  const s = finding.subject;
  if (s?.switches !== undefined && s.switches.length > 0) return s.switches.slice(0, 2).join(' – ');
  if (s?.group !== undefined) return s.group;
  return finding.rule;
}

export function findingFigures(ctx: FigureContext, rule: string): LessonFigure[] {
  const figures: LessonFigure[] = [];
  for (const finding of ctx.result.findings) {
    if (finding.rule !== rule) continue;
    const target = rangeTarget(findingLabel(finding), finding.range);
    figures.push({ label: target.name, text: clipText(finding.message), status: 'over', target });
  }
  return figures;
}

/** A sentence when the rule is turned off for this file (its findings, and so these figures, are missing). */
export function ruleOffNote(ctx: FigureContext, rule: string): string | undefined {
  return ctx.result.settings.rules.get(rule) === 'off' ? `The ${rule} rule is off for this file (settings or .topology-tutor.yaml), so its findings are not shown.` : undefined;
}
