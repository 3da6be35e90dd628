/** What the status bar shows for a fabric summary, and the lesson a click opens. Pure: no vscode import. */
import type { FabricSummary } from '../../shared/fabricSummary';
import type { LessonTarget } from '../../shared/lessons/lessonLinks';

/** The lesson a status bar click opens for a fabric summary (oversubscription when over the maximum). */
export function statusLesson(summary: Pick<FabricSummary, 'overMax'> | undefined): LessonTarget {
  return summary?.overMax === true
    ? { lesson: 'modern-topology', section: 'oversubscription-ratios' }
    : { lesson: 'spine-leaf-hierarchy' };
}

/** Status bar text for a fabric summary; just "Topology" without one. */
export function statusText(summary: Pick<FabricSummary, 'spines' | 'leaves' | 'worstRatio' | 'worstLeaf' | 'overMax'> | undefined): string {
  if (summary === undefined) return '$(book) Topology';
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(summary.spines, 'spine'), plural(summary.leaves, 'leaf').replace(/leafs$/, 'leaves')];
  if (summary.worstRatio !== undefined) parts.push(`worst ${summary.worstRatio}${summary.overMax ? ' $(warning)' : ''}`);
  return `$(type-hierarchy) ${parts.join(' · ')}`;
}
