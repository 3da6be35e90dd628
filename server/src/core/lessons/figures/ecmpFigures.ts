/**
 * ECMP: the equal-cost paths of each leaf (its parallel links to the spines of its pod), and where
 * the bandwidth differs between a switch's upstream switches, what ECMP's even split can use of it:
 * about N × the thinnest (lessons/ecmp.md, "Equal-cost means equal bandwidth").
 */
import type { FabricSwitch, PeerLinks } from '../../model/fabricModel';
import { formatGbps } from '../../model/bandwidth';
import { formatNumber, plural } from '../../model/number';
import { quote } from '../../text/quote';
import { byDescending, group, switchFigure } from './figureHelpers';
import type { FigureContext } from './figureHelpers';
import type { FigureGroup, LessonFigure } from '../../../../../shared/lessonFigures';

export const PATHS_SECTION = '5-tuple-hashing';
export const BALANCE_SECTION = 'equal-cost-means-equal-bandwidth';

function upWord(sw: FabricSwitch, n: number): string {
  const base = sw.role === 'spine' ? (n === 1 ? 'super-spine' : 'super-spines') : n === 1 ? 'spine' : 'spines';
  const scope = sw.role === 'leaf' ? (sw.pod !== undefined ? ` of pod ${quote(sw.pod)}` : '') : sw.plane !== undefined ? ` of plane ${quote(sw.plane)}` : '';
  return `${base}${scope}`;
}

/** `4 equal-cost paths: 4 spines × 1 link`, `5 equal-cost paths over 4 spines (2 + 1 + 1 + 1 links)`. */
export function pathsArithmetic(sw: FabricSwitch): string {
  const peers = [...sw.upstream.values()];
  if (peers.length === 0) return `no uplinks: no path leaves this ${sw.role ?? 'switch'}`;
  const counts = peers.map((p) => p.linkCount);
  const same = counts.every((c) => c === counts[0]);
  const shape = same
    ? `: ${formatNumber(peers.length, 0)} ${upWord(sw, peers.length)} × ${plural(counts[0], 'link')}`
    : ` over ${formatNumber(peers.length, 0)} ${upWord(sw, peers.length)} (${counts.slice(0, 8).map((c) => formatNumber(c, 0)).join(' + ')}${counts.length > 8 ? ' + …' : ''} links)`;
  let text = `${plural(sw.ecmpPaths, 'equal-cost path')}${shape}`;
  const expected = sw.expectedUpstream;
  if (expected !== undefined && expected.length > peers.length) text += `; it reaches ${formatNumber(peers.length, 0)} of the ${formatNumber(expected.length, 0)} it should`;
  return text;
}

function missesUpstream(sw: FabricSwitch): boolean {
  return sw.upstream.size === 0 || (sw.expectedUpstream !== undefined && sw.expectedUpstream.length > sw.upstream.size);
}

/** One figure per leaf that misses a spine, then one leaf for each other path count (fewest first). */
export function pathsGroup(ctx: FigureContext, tryIt: string | undefined): FigureGroup {
  const leaves = ctx.model.leaves;
  if (leaves.length === 0) return group(PATHS_SECTION, 'Paths per leaf', [], { note: 'The file has no leaves, so there are no paths to count.', tryIt });
  const byPaths = new Map<number, FabricSwitch[]>();
  for (const leaf of leaves) {
    const list = byPaths.get(leaf.ecmpPaths);
    if (list === undefined) byPaths.set(leaf.ecmpPaths, [leaf]);
    else list.push(leaf);
  }
  const counts = [...byPaths.keys()].sort((a, b) => a - b);
  const figures: LessonFigure[] = [];
  const shown = new Set<FabricSwitch>();
  for (const leaf of byDescending(leaves, (l) => -l.ecmpPaths)) {
    if (!missesUpstream(leaf)) continue;
    figures.push(switchFigure(ctx, leaf, pathsArithmetic(leaf), 'over'));
    shown.add(leaf);
  }
  for (const count of counts) {
    const list = byPaths.get(count)!;
    const first = list.find((l) => !shown.has(l));
    if (first === undefined) continue;
    const others = list.length - 1;
    const like = others > 0 ? `; so ${others === 1 ? 'does 1 other leaf' : `do ${formatNumber(others, 0)} other leaves`}` : '';
    figures.push(switchFigure(ctx, first, `${pathsArithmetic(first)}${like}`, 'ok'));
  }
  const distribution = counts.slice(0, 4).map((c) => `${plural(byPaths.get(c)!.length, 'leaf', 'leaves')} with ${plural(c, 'path')}`);
  const note = `${distribution.join(', ')}${counts.length > 4 ? ', …' : ''}. A flow's 5-tuple hash picks one of a leaf's paths.`;
  return group(PATHS_SECTION, 'Paths per leaf', figures, { note });
}

function sameGbps(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

interface Imbalance {
  sw: FabricSwitch;
  text: string;
  /** Uplink bandwidth the even split cannot use. */
  wastedGbps: number;
}

function imbalance(sw: FabricSwitch): Imbalance | undefined {
  if (sw.upstream.size < 2 || !sw.uplinkComplete) return undefined;
  const peers = [...sw.upstream.values()];
  let thin = Infinity;
  let thick = 0;
  for (const p of peers) {
    thin = Math.min(thin, p.bandwidthGbps);
    thick = Math.max(thick, p.bandwidthGbps);
  }
  if (sameGbps(thin, thick)) return undefined;
  const levels: { gbps: number; peers: PeerLinks[] }[] = [];
  for (const p of peers) {
    const level = levels.find((l) => sameGbps(l.gbps, p.bandwidthGbps));
    if (level !== undefined) level.peers.push(p);
    else if (levels.length < 6) levels.push({ gbps: p.bandwidthGbps, peers: [p] });
  }
  levels.sort((a, b) => b.gbps - a.gbps);
  const names = (list: PeerLinks[]): string => `${list.slice(0, 3).map((p) => quote(p.switch.name)).join(', ')}${list.length > 3 ? ` and ${formatNumber(list.length - 3, 0)} more` : ''}`;
  const parts = levels.map((l) => `${formatGbps(l.gbps)} to ${names(l.peers)}`).join('; ');
  const usable = peers.length * thin;
  const text = `${parts}. Even hashing: usable ≈ ${formatNumber(peers.length, 0)} ${upWord(sw, peers.length)} × ${formatGbps(thin)} (the thinnest) = ${formatGbps(usable)} of ${formatGbps(sw.uplinkGbps)}`;
  return { sw, text, wastedGbps: sw.uplinkGbps - usable };
}

/** Every leaf (and spine, with super-spines) whose bandwidth differs between its upstream switches, most wasted first. */
export function balanceGroup(ctx: FigureContext, tryIt: string | undefined): FigureGroup {
  const title = 'Equal-cost means equal bandwidth';
  const found: Imbalance[] = [];
  for (const sw of [...ctx.model.leaves, ...ctx.model.spines]) {
    const i = imbalance(sw);
    if (i !== undefined) found.push(i);
  }
  if (found.length === 0) {
    const multi = [...ctx.model.leaves, ...ctx.model.spines].filter((sw) => sw.upstream.size >= 2).length;
    const note =
      multi === 0
        ? 'No switch links to two or more upstream switches yet, so there is no split to compare.'
        : `Each of the ${plural(multi, 'switch', 'switches')} with several upstream switches has the same bandwidth to each: ECMP's even split can use all of it.`;
    return group(BALANCE_SECTION, title, [], { note, tryIt });
  }
  const figures = byDescending(found, (i) => i.wastedGbps).map((i) => switchFigure(ctx, i.sw, i.text, 'over'));
  return group(BALANCE_SECTION, title, figures, { note: `${plural(found.length, 'switch', 'switches')} with unequal bandwidth to ${found.length === 1 ? 'its' : 'their'} upstream switches (ecmp-imbalance).` });
}
