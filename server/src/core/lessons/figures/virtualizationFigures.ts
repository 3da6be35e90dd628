/**
 * Virtualization lessons: the `virtualization:` block of each server group (hypervisor, VMs per
 * server, SR-IOV), with the VMs it adds up to and the NIC links they share. Informational: it
 * changes no bandwidth figure (lessons/ring0-problem.md, "Try it").
 */
import type { ServerGroup } from '../../model/fabricModel';
import { formatGbps } from '../../model/bandwidth';
import { formatNumber, plural } from '../../model/number';
import { quote } from '../../text/quote';
import { getValue, integerValue, scalarValue, stringValue } from '../../yaml/treeQueries';
import type { FigureGroup, LessonFigure } from '../../../../../shared/lessonFigures';
import { clipName, clipText, group, groupTarget } from './figureHelpers';
import type { FigureContext } from './figureHelpers';

/** What the group's `virtualization:` block says, in words; undefined without one. */
export function virtualizationWords(g: ServerGroup): string | undefined {
  const block = getValue(g.valueNode, 'virtualization');
  if (block === undefined || block.kind !== 'map') return undefined;
  const parts: string[] = [];
  const hypervisor = stringValue(getValue(block, 'hypervisor'));
  if (hypervisor !== undefined) parts.push(`hypervisor ${quote(hypervisor)}`);
  const vms = integerValue(getValue(block, 'vms_per_server'), 0, 100_000);
  if (vms !== undefined) {
    parts.push(g.count !== undefined ? `${plural(g.count, 'server')} × ${formatNumber(vms, 0)} VMs = ${plural(g.count * vms, 'VM')}` : `${plural(vms, 'VM')} per server`);
  }
  const sriov = scalarValue(getValue(block, 'sriov'));
  if (typeof sriov === 'boolean') parts.push(sriov ? 'SR-IOV: VMs get virtual functions of the NIC' : 'SR-IOV: no, VM traffic goes through the hypervisor\'s software switch');
  if (g.totalNicLinks !== undefined && g.nicSpeedGbps !== undefined) parts.push(`sharing ${formatNumber(g.totalNicLinks, 0)} × ${formatGbps(g.nicSpeedGbps)} NIC links`);
  return parts.length === 0 ? 'a `virtualization:` block with no readable field' : parts.join('; ');
}

export function virtualizationGroup(ctx: FigureContext, section: string, tryIt: string | undefined): FigureGroup {
  const title = 'Virtualization in this file';
  const figures: LessonFigure[] = [];
  for (const g of ctx.model.serverGroups.values()) {
    const words = virtualizationWords(g);
    if (words !== undefined) figures.push({ label: clipName(g.name), text: clipText(words), status: 'info', target: groupTarget(ctx, g) });
  }
  if (figures.length === 0) {
    return group(section, title, [], { note: 'No virtualization data in this file: no server group has a `virtualization:` block.', tryIt });
  }
  return group(section, title, figures, { note: `${plural(figures.length, 'server group')} with a \`virtualization:\` block. It is informational: the NIC links and the leaf figures stay the same.` });
}
