/** Inline figures after each leaf and spine definition: `2.5:1 · 1000G↓ 400G↑ · 4 paths`. */
import type { LintResult } from '../lint';
import type { FabricSwitch } from '../model/fabricModel';
import type { Position } from '../text/lineIndex';
import { formatGbps } from '../model/bandwidth';
import { formatRatio } from '../model/ratio';
import { formatNumber } from '../model/number';

export interface InlayHint {
  position: Position;
  label: string;
  /** The switch the figures are for. */
  switchName: string;
}

export function switchFigures(sw: FabricSwitch): string | undefined {
  if (sw.role !== 'leaf' && sw.role !== 'spine') return undefined;
  const parts: string[] = [];
  if (sw.ratio !== undefined) parts.push(formatRatio(sw.ratio));
  const hasUpstreamTier = sw.role === 'leaf' || sw.upstream.size > 0 || sw.expectedUpstream === undefined || sw.expectedUpstream.length > 0;
  parts.push(hasUpstreamTier ? `${formatGbps(sw.downlinkGbps)}↓ ${formatGbps(sw.uplinkGbps)}↑` : `${formatGbps(sw.downlinkGbps)}↓`);
  if (sw.role === 'leaf' || sw.upstream.size > 0) parts.push(`${formatNumber(sw.ecmpPaths, 0)} path${sw.ecmpPaths === 1 ? '' : 's'}`);
  if (sw.role === 'spine') parts.push(`${formatNumber(sw.leavesReached.length, 0)} ${sw.leavesReached.length === 1 ? 'leaf' : 'leaves'}`);
  // A border switch: the north-south bandwidth (part of the downlink above).
  if (sw.northSouthGbps > 0) parts.push(`${formatGbps(sw.northSouthGbps)} N-S`);
  return parts.join(' · ');
}

/** Hints for switches defined between the two offsets (a screen of lines, or the whole file). */
export function inlayHints(result: LintResult, startOffset = 0, endOffset = Number.MAX_SAFE_INTEGER): InlayHint[] {
  const model = result.analysis?.model;
  if (model === undefined) return [];
  const hints: InlayHint[] = [];
  for (const sw of model.switches.values()) {
    const key = sw.keyNode;
    if (key.start > endOffset || key.end < startOffset) continue;
    const label = switchFigures(sw);
    if (label === undefined) continue;
    const line = result.lines.positionAt(key.end).line;
    hints.push({ position: { line, character: result.lines.lineEndOffset(line) - result.lines.lineStartOffset(line) }, label: ` ${label}`, switchName: sw.name });
  }
  return hints;
}
