/**
 * A what-if result in the words and figures the hovers use: the JSON report of `topology-tutor
 * what-if --format json` (its shape is a public contract: keep it exactly), and the one-line
 * summaries the CLI and the diagram's summary panel show.
 */
import type { FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber, plural } from '../model/number';
import { formatRatio } from '../model/ratio';
import type { SwitchChange, WhatIfResult } from './whatIf';

export interface WhatIfLeafReport {
  name: string;
  uplinkGbps: { before: number; after: number };
  /** As the hover shows them (`2:1`); null when the leaf has no ratio (after: no uplink left). */
  ratio: { before: string | null; after: string | null };
  paths: { before: number; after: number };
  /** Over its design limit after the failure (false for a disconnected leaf: it is in `disconnected`). */
  overLimit: boolean;
}

export interface WhatIfReport {
  failed: string[];
  disconnected: string[];
  leaves: WhatIfLeafReport[];
}

/** Gbps without floating-point noise (100.00000000000001 → 100). */
function gbps(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const ratioText = (ratio: number | undefined): string | null => (ratio === undefined ? null : formatRatio(ratio));

/** The JSON report: every leaf whose figures change, in file order. `failed` is what was asked, as given. */
export function whatIfReport(result: WhatIfResult, failed: readonly string[]): WhatIfReport {
  return {
    failed: [...failed],
    disconnected: result.disconnected.map((sw) => sw.name),
    leaves: result.leaves.map((c) => ({
      name: c.switch.name,
      uplinkGbps: { before: gbps(c.before.uplinkGbps), after: gbps(c.after.uplinkGbps) },
      ratio: { before: ratioText(c.before.ratio), after: ratioText(c.after.ratio) },
      paths: { before: c.before.paths, after: c.after.paths },
      overLimit: c.after.overLimit,
    })),
  };
}

export type ChangeImpact = 'disconnected' | 'over-limit' | 'degraded' | 'changed';

/** It loses uplink bandwidth or paths, or its ratio rises. */
export function losesSomething(change: SwitchChange): boolean {
  const { before, after } = change;
  return after.uplinkGbps < before.uplinkGbps - 1e-9 || after.paths < before.paths || (before.ratio !== undefined && after.ratio !== undefined && after.ratio > before.ratio + 1e-12);
}

/** The worst thing that happens to a switch: disconnected, over its limit after, loses something, or only changes (for the better). */
export function changeImpact(change: SwitchChange): ChangeImpact {
  return change.disconnected ? 'disconnected' : change.after.overLimit ? 'over-limit' : losesSomething(change) ? 'degraded' : 'changed';
}

const IMPACT_ORDER: Record<ChangeImpact, number> = { disconnected: 0, 'over-limit': 1, degraded: 2, changed: 3 };

/** Changes worst first: disconnected, over the limit, then by the highest ratio after and the largest uplink loss; file order breaks ties. */
export function worstFirst(changes: readonly SwitchChange[]): SwitchChange[] {
  const loss = (c: SwitchChange): number => (c.before.uplinkGbps > 0 ? 1 - c.after.uplinkGbps / c.before.uplinkGbps : 0);
  return [...changes].sort(
    (x, y) =>
      IMPACT_ORDER[changeImpact(x)] - IMPACT_ORDER[changeImpact(y)] ||
      (y.after.ratio ?? 0) - (x.after.ratio ?? 0) ||
      loss(y) - loss(x) ||
      x.switch.keyNode.start - y.switch.keyNode.start,
  );
}

/** `400G → 200G`, `1.5:1 → 3:1` (`1.5:1 → none` without uplink), `4 → 2`: one change as the summary shows it. */
export function changeCells(change: SwitchChange): { uplink: string; ratio: string; paths: string } {
  const ratio = (r: number | undefined, disconnected: boolean): string => (r !== undefined ? formatRatio(r) : disconnected ? 'none' : '–');
  return {
    uplink: `${formatGbps(change.before.uplinkGbps)} → ${formatGbps(change.after.uplinkGbps)}`,
    ratio: `${ratio(change.before.ratio, false)} → ${ratio(change.after.ratio, change.disconnected)}`,
    paths: `${formatNumber(change.before.paths, 0)} → ${formatNumber(change.after.paths, 0)}`,
  };
}

function names(switches: readonly FabricSwitch[], quote: (name: string) => string, max = 5): string {
  const shown = switches.slice(0, max).map((s) => quote(s.name));
  const more = switches.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatNumber(more, 0)} more` : shown.join(', ');
}

/**
 * The outcome in sentences: how many leaves lose uplink, which are disconnected or pushed over their
 * limit, which spines lose every super-spine; and whether the fabric survives. `quote` shows a name.
 */
export function whatIfSentences(result: WhatIfResult, quote: (name: string) => string): string[] {
  const lines: string[] = [];
  const losing = result.leaves.filter((c) => c.after.uplinkGbps < c.before.uplinkGbps - 1e-9 || c.disconnected).length;
  if (result.leaves.length === 0) lines.push('No leaf loses uplink bandwidth or paths.');
  else lines.push(`${plural(losing, 'leaf', 'leaves')} lose${losing === 1 ? 's' : ''} uplink bandwidth${result.leaves.length > losing ? ` (${plural(result.leaves.length, 'leaf', 'leaves')} change in all)` : ''}.`);
  if (result.disconnected.length > 0) lines.push(`Disconnected (no spine left): ${names(result.disconnected, quote)}.`);
  if (result.pushedOver.length > 0) lines.push(`Pushed over the design limit: ${names(result.pushedOver, quote)}.`);
  if (result.spinesCutOff.length > 0) lines.push(`Spines with no super-spine left (their pod is cut off from the others): ${names(result.spinesCutOff, quote)}.`);
  const spinesOver = result.spines.filter((c) => c.pushedOver).map((c) => c.switch);
  if (spinesOver.length > 0) lines.push(`Spines pushed over their limit: ${names(spinesOver, quote)}.`);
  lines.push(result.survives ? 'The fabric survives: no leaf is disconnected or pushed over its limit.' : 'The fabric does not survive this failure.');
  return lines;
}
