/** The reference lesson (topology-format): what the file holds, and its findings by severity. */
import { formatNumber, plural } from '../../model/number';
import type { FigureGroup, LessonFigure } from '../../../../../shared/lessonFigures';
import { group } from './figureHelpers';
import type { FigureContext } from './figureHelpers';

export const SECTION = 'the-format';

export function fileGroup(ctx: FigureContext): FigureGroup {
  const { model, result } = ctx;
  const roles = [
    plural(model.spines.length, 'spine'),
    plural(model.leaves.length, 'leaf', 'leaves'),
    ...(model.superSpines.length > 0 ? [plural(model.superSpines.length, 'super-spine')] : []),
    ...(model.externals.length > 0 ? [plural(model.externals.length, 'external')] : []),
    ...(model.roleless.length > 0 ? [`${formatNumber(model.roleless.length, 0)} without a usable role`] : []),
  ];
  let cables = 0;
  for (const link of model.links) cables += link.count ?? 0;
  let servers = 0;
  for (const g of model.serverGroups.values()) servers += g.count ?? 0;
  const count = (severity: string): number => result.findings.filter((f) => f.severity === severity).length;
  const figures: LessonFigure[] = [
    { label: 'Switches', text: roles.join(', '), status: 'info' },
    { label: 'Links', text: `${plural(model.links.length, 'entry', 'entries')} under \`links\`, ${plural(cables, 'cable')}`, status: 'info' },
    { label: 'Servers', text: `${plural(model.serverGroups.size, 'group')} under \`servers\`, ${plural(servers, 'server')}`, status: 'info' },
    { label: 'Findings', text: `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${formatNumber(count('info'), 0)} info`, status: count('error') > 0 ? 'over' : 'info' },
  ];
  return group(SECTION, 'This file', figures);
}
