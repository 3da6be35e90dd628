/**
 * An uplink plan as text changes: counts and speeds set on the existing entries, new entries for
 * the upstream switches the switch does not link to yet. Undefined when an entry cannot be edited
 * in place (a count or speed written as an alias or a collection).
 */
import type { LintResult } from '../lint';
import type { UplinkPlan } from '../plans/uplinkPlan';
import type { OffsetEdit } from './edits';
import { yamlString } from './edits';
import { setLinkCount, type NewLink } from './layout';

export interface PlanChanges {
  edits: OffsetEdit[];
  newLinks: NewLink[];
}

export function planChanges(result: LintResult, plan: UplinkPlan): PlanChanges | undefined {
  const edits: OffsetEdit[] = [];
  const newLinks: NewLink[] = [];
  const from = plan.speedFrom?.speedNode;
  const speedSource = from !== undefined && from.kind === 'scalar' ? result.text.slice(from.start, from.end) : yamlString(plan.speedText);
  for (const t of plan.targets) {
    if (t.link === undefined) {
      if (t.toCount > 0) newLinks.push({ a: plan.sw.name, b: t.up.name, speed: speedSource, count: t.toCount });
      continue;
    }
    const speedChanges = t.fromSpeedGbps !== plan.speedGbps && plan.shape === 'even';
    const countChanges = t.toCount !== t.fromCount;
    if (speedChanges) {
      const node = t.link.speedNode;
      if (node === undefined || node.kind !== 'scalar') return undefined;
      edits.push({ start: node.start, end: node.end, newText: speedSource });
    }
    if (countChanges) {
      const edit = setLinkCount(result.lines, t.link, t.toCount);
      if (edit === undefined) return undefined;
      edits.push(edit);
    }
  }
  return { edits, newLinks };
}
