/**
 * East-west vs north-south (lessons/modern-topology.md, "Worked example: a pod's east-west and
 * north-south capacity"), computed as the lesson computes it by hand:
 *   - east-west bisection of a pod (the fabric, without pods): split its server leaves into two
 *     halves in the worst way, and count what can cross: the uplink of the half with the least,
 *     Σ of the ⌊n/2⌋ smallest server-leaf uplinks (n/2 × the uplink when they are all equal);
 *   - off-rack capacity: Σ of the server leaves' uplinks (east-west and north-south together);
 *   - between pods (five-stage): the same split over the pods' spine uplinks;
 *   - north-south: the border switches' links to externals (format 1.1 `role: external`), as much
 *     of it as also fits a border leaf's own uplinks (min of the two); and with one border switch down.
 */
import type { FabricSwitch } from '../../model/fabricModel';
import { isFabricRole } from '../../model/fabricModel';
import { formatGbps } from '../../model/bandwidth';
import { formatNumber, plural } from '../../model/number';
import { quote } from '../../text/quote';
import { FIGURE_LIMITS } from '../../../../../shared/lessonFigures';
import type { FigureGroup, LessonFigure } from '../../../../../shared/lessonFigures';
import { group, switchFigure } from './figureHelpers';
import type { FigureContext } from './figureHelpers';

export const SECTION = 'east-west-vs-north-south-traffic';
const TITLE = 'East-west vs north-south';

/** A leaf with servers (NIC links or server-facing ports): the external-facing part of a border leaf's downlink is not servers. */
function isServerLeaf(sw: FabricSwitch): boolean {
  return sw.role === 'leaf' && (sw.downlinkSource === 'servers' || sw.downlinkSource === 'server-ports') && sw.downlinkGbps - sw.northSouthGbps > 0;
}

/** `400G + 400G + 400G` (at most 4 terms), or `7 × 400G` when all are equal. */
function sumWords(values: readonly number[]): string {
  if (values.length > 0 && values.every((v) => v === values[0])) return `${formatNumber(values.length, 0)} × ${formatGbps(values[0])}`;
  const shown = values.slice(0, 4).map(formatGbps);
  return `${shown.join(' + ')}${values.length > 4 ? ` + … (${formatNumber(values.length, 0)} in all)` : ''}`;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Which half is counted: `half the 14 server leaves`, `the smaller half of the 3 pods`, `the 1 of 3 … with the least uplink`. */
function halfWords(n: number, noun: string, least: string, allEqual: boolean): string {
  const count = formatNumber(n, 0);
  if (!allEqual) return `the ${formatNumber(Math.floor(n / 2), 0)} of ${count} ${noun} with the least ${least}`;
  return n % 2 === 0 ? `half the ${count} ${noun}` : `the smaller half of the ${count} ${noun}`;
}

interface Scope {
  /** `pod `1``, or undefined for the whole fabric (no pods). */
  name: string | undefined;
  leaves: FabricSwitch[];
}

interface Bisection {
  figures: LessonFigure[];
  /** The bisection, when there are two server leaves to split. */
  gbps: number | undefined;
}

function bisection(scope: Scope): Bisection {
  const where = scope.name === undefined ? '' : `${scope.name[0].toUpperCase()}${scope.name.slice(1)}: `;
  const label = (what: string): string => (where === '' ? `${what[0].toUpperCase()}${what.slice(1)}` : `${where}${what}`);
  const servers = scope.leaves.filter(isServerLeaf);
  if (servers.length < 2) {
    const text = servers.length === 0 ? 'no server leaves: nothing to split' : `one server leaf (${quote(servers[0].name)}): nothing to split in two`;
    return { figures: [{ label: label('east-west bisection'), text, status: 'info' }], gbps: undefined };
  }
  const uplinks = servers.map((l) => l.uplinkGbps).sort((a, b) => a - b);
  const half = Math.floor(servers.length / 2);
  const chosen = uplinks.slice(0, half);
  const bisectionGbps = sum(chosen);
  const allEqual = uplinks.every((u) => u === uplinks[0]);
  let text = `${halfWords(servers.length, 'server leaves', 'uplink', allEqual)}: ${sumWords(chosen)} = ${formatGbps(bisectionGbps)}`;
  const short = servers.find((l) => l.expectedUpstream !== undefined && l.expectedUpstream.length > l.upstream.size);
  if (short !== undefined) text += `; ${quote(short.name)} does not reach every spine, so the real figure is lower`;
  const offRack = sum(uplinks);
  return {
    figures: [
      { label: label('east-west bisection'), text, status: 'info' },
      { label: label('off-rack capacity'), text: `all ${formatNumber(servers.length, 0)} server leaves' uplinks, east-west and north-south together: ${sumWords(uplinks)} = ${formatGbps(offRack)}`, status: 'info' },
    ],
    gbps: bisectionGbps,
  };
}

function betweenPods(ctx: FigureContext): LessonFigure | undefined {
  const pods = [...ctx.model.pods.values()];
  if (pods.length < 2 || ctx.model.superSpines.length === 0) return undefined;
  const uplinks = pods.map((p) => sum(p.spines.map((s) => s.uplinkGbps))).sort((a, b) => a - b);
  const half = Math.floor(pods.length / 2);
  const chosen = uplinks.slice(0, half);
  const allEqual = uplinks.every((u) => u === uplinks[0]);
  const what = halfWords(pods.length, 'pods', 'spine uplink', allEqual);
  return { label: 'Between pods: bisection', text: `${what}, each pod's spine uplinks to the super-spines: ${sumWords(chosen)} = ${formatGbps(sum(chosen))}`, status: 'info' };
}

/** North-south a border switch can carry to and from the servers: a border leaf's external links, as far as its uplinks take them. */
function usableNorthSouth(sw: FabricSwitch): number {
  return sw.role === 'leaf' ? Math.min(sw.northSouthGbps, sw.uplinkGbps) : sw.northSouthGbps;
}

function borderFigure(ctx: FigureContext, sw: FabricSwitch): LessonFigure {
  const peers = sw.northSouthPeers;
  const who = `${peers.slice(0, 3).map((p) => quote(p.name)).join(', ')}${peers.length > 3 ? ` and ${formatNumber(peers.length - 3, 0)} more` : ''}`;
  let text = `${formatGbps(sw.northSouthGbps)} to externals (${who})`;
  if (sw.role === 'leaf') {
    const usable = usableNorthSouth(sw);
    text += `; ${formatGbps(sw.uplinkGbps)} to spines, so min(${formatGbps(sw.northSouthGbps)}, ${formatGbps(sw.uplinkGbps)}) = ${formatGbps(usable)} reaches the servers`;
  }
  return switchFigure(ctx, sw, text, 'ok');
}

/** `border leaf` / `border leaves`, or `border switch(es)` when a spine is one too. */
function borderWords(borders: readonly FabricSwitch[]): [string, string] {
  return borders.every((b) => b.role === 'leaf') ? ['border leaf', 'border leaves'] : ['border switch', 'border switches'];
}

export function northSouthGroup(ctx: FigureContext, tryIt: string | undefined): FigureGroup {
  const { model } = ctx;
  const scopes: Scope[] = [];
  if (model.pods.size === 0) scopes.push({ name: undefined, leaves: model.leaves });
  else {
    for (const pod of model.pods.values()) scopes.push({ name: `pod ${quote(pod.id)}`, leaves: pod.leaves });
    const podless = model.leaves.filter((l) => l.pod === undefined);
    if (podless.length > 0) scopes.push({ name: 'leaves without a pod', leaves: podless });
  }
  const figures: LessonFigure[] = [];
  const bisections = scopes.map(bisection);
  for (const b of bisections) figures.push(...b.figures);
  const pods = betweenPods(ctx);
  if (pods !== undefined) figures.push(pods);

  const borders = [...model.switches.values()].filter((sw) => isFabricRole(sw.role) && sw.northSouthPeers.length > 0);
  if (borders.length === 0) {
    return group(SECTION, TITLE, figures, {
      note: 'No north-south to count: no `role: external` device (firewall, WAN or DCI router) links to the fabric (format 1.1).',
      tryIt,
      max: FIGURE_LIMITS.figures,
    });
  }
  const [word, words] = borderWords(borders);
  const usable = borders.map(usableNorthSouth);
  const usableTotal = sum(usable);
  const linked = sum(borders.map((b) => b.northSouthGbps));
  const terms = borders.slice(0, 4).map((b, i) => `${quote(b.name)} ${formatGbps(usable[i])}`).join(' + ');
  const more = borders.length > 4 ? ` + … (${plural(borders.length, word, words)})` : '';
  const through = linked !== usableTotal ? ` (of ${formatGbps(linked)} cabled to externals; the rest does not fit the border leaves' uplinks)` : '';
  figures.push({ label: 'North-south', text: `${terms}${more} = ${formatGbps(usableTotal)}${through}`, status: 'info' });
  let worst = 0;
  for (let i = 1; i < borders.length; i++) if (usable[i] > usable[worst]) worst = i;
  const left = usableTotal - usable[worst];
  figures.push({
    label: `North-south, one ${word} down`,
    text:
      borders.length === 1
        ? `losing ${quote(borders[0].name)} cuts the fabric off from the outside: 0G left`
        : `losing ${quote(borders[worst].name)}: ${formatGbps(usableTotal)} − ${formatGbps(usable[worst])} = ${formatGbps(left)} left`,
    status: borders.length === 1 ? 'over' : 'info',
  });
  const single = bisections.length === 1 ? bisections[0].gbps : undefined;
  if (single !== undefined && usableTotal > 0) {
    const times = formatNumber(single / usableTotal, 2);
    figures.push({ label: 'East-west ÷ north-south', text: `${formatGbps(single)} ÷ ${formatGbps(usableTotal)} = ${times}: across its middle the fabric carries ${times} times what its edge carries`, status: 'info' });
  }
  for (const sw of borders) figures.push(borderFigure(ctx, sw));
  const note = `${plural(borders.length, word, words)}; ${plural(model.externals.length, 'external device')}.`;
  return group(SECTION, TITLE, figures, { note, max: FIGURE_LIMITS.figures });
}
