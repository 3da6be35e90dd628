/**
 * Link speeds and ports (lessons/modern-topology.md): the cables and NIC links per speed, the
 * link-speed findings (a link faster than every port at one end), and each switch's port use, the
 * ones short of ports (port-capacity) and the fullest first.
 */
import type { FabricSwitch } from '../../model/fabricModel';
import { formatGbps } from '../../model/bandwidth';
import { formatNumber, plural } from '../../model/number';
import type { FigureGroup, LessonFigure } from '../../../../../shared/lessonFigures';
import { byDescending, clipText, collapseSame, group, switchFigure } from './figureHelpers';
import type { FigureContext } from './figureHelpers';
import { findingFigures, ruleOffNote } from './findingFigures';

export const SPEEDS_SECTION = 'link-speeds';
export const PORTS_SECTION = 'ports-and-port-groups';

export function speedsGroup(ctx: FigureContext): FigureGroup {
  const cables = new Map<number, number>();
  const nics = new Map<number, number>();
  for (const link of ctx.model.links) {
    if (link.speedGbps !== undefined && link.count !== undefined) cables.set(link.speedGbps, (cables.get(link.speedGbps) ?? 0) + link.count);
  }
  for (const g of ctx.model.serverGroups.values()) {
    if (g.usable && g.nicSpeedGbps !== undefined && g.totalNicLinks !== undefined) nics.set(g.nicSpeedGbps, (nics.get(g.nicSpeedGbps) ?? 0) + g.totalNicLinks);
  }
  const figures: LessonFigure[] = findingFigures(ctx, 'link-speed');
  const speeds = [...new Set([...cables.keys(), ...nics.keys()])].sort((a, b) => b - a);
  for (const speed of speeds) {
    const parts: string[] = [];
    const c = cables.get(speed);
    const n = nics.get(speed);
    if (c !== undefined) parts.push(`${plural(c, 'link')} between switches`);
    if (n !== undefined) parts.push(`${plural(n, 'server NIC link')}`);
    figures.push({ label: formatGbps(speed), text: clipText(parts.join(', ')), status: 'info' });
  }
  const found = figures.length - speeds.length;
  const note =
    ruleOffNote(ctx, 'link-speed') ??
    (found === 0
      ? `No link-speed finding: every link and NIC has a port of its speed at both ends. ${plural(speeds.length, 'speed')} in use.`
      : `${plural(found, 'link-speed finding')}: a link or NIC faster than every port at one end.`);
  return group(SPEEDS_SECTION, 'Link speeds', figures, { note, max: 10 });
}

function fullness(sw: FabricSwitch): number {
  let most = 0;
  for (const p of sw.portsBySpeed) if (p.total > 0) most = Math.max(most, p.used / p.total);
  return most;
}

/** `48/48 × 25G, 4/8 × 100G`, and the shortfall when the ports do not fit. */
export function portUse(sw: FabricSwitch): string {
  const parts = sw.portsBySpeed.map((p) => `${formatNumber(p.used, 0)}/${formatNumber(p.total, 0)} × ${formatGbps(p.speedGbps)}`);
  let text = `${parts.slice(0, 6).join(', ')}${parts.length > 6 ? ', …' : ''} used`;
  const s = sw.portShortfall;
  if (s !== undefined) text += `; short: needs ${formatNumber(s.needed, 0)} × ${formatGbps(s.thresholdGbps)} or faster, has ${formatNumber(s.available, 0)}`;
  return text;
}

export function portsGroup(ctx: FigureContext, tryIt: string | undefined): FigureGroup {
  const title = 'Port use';
  const withPorts = [...ctx.model.switches.values()].filter((sw) => sw.portsBySpeed.length > 0);
  if (withPorts.length === 0) return group(PORTS_SECTION, title, [], { note: 'No switch in this file lists usable ports, so there is no port use to show.', tryIt });
  const ranked = byDescending(withPorts, (sw) => (sw.portShortfall !== undefined ? 2 : 0) + fullness(sw));
  const figures = collapseSame(
    ranked.map((sw) => switchFigure(ctx, sw, portUse(sw), sw.portShortfall !== undefined ? 'over' : 'ok')),
    (n) => `${formatNumber(n, 0)} other ${n === 1 ? 'switch' : 'switches'}`,
  );
  const short = withPorts.filter((sw) => sw.portShortfall !== undefined).length;
  const note = `${plural(withPorts.length, 'switch', 'switches')} with ports, the fullest first; ${short === 0 ? 'none is' : `${formatNumber(short, 0)} ${short === 1 ? 'is' : 'are'}`} short of ports.`;
  return group(PORTS_SECTION, title, figures, { note });
}

