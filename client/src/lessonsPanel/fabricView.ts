/**
 * "In your fabric", from the server's figures (already checked by parseLessonFigures) to what the
 * webview shows (shared/webview/lessonsPanelMessages.ts FabricPart) and what its links do. The
 * webview only ever sends a link number back; this table says what it means. Pure: no vscode import.
 */
import type { FigureTarget, LessonFigures } from '../../../shared/lessonFigures';
import type { FabricFigureView, FabricGroupView, FabricPart } from '../../../shared/webview/lessonsPanelMessages';

export type FabricAction = { kind: 'reveal'; target: FigureTarget } | { kind: 'tryIt'; path: string };

export interface FabricState {
  part: FabricPart;
  /** Link number → what it does. */
  actions: FabricAction[];
}

/** `examples/lessons/x.topology.yaml` → `x.topology.yaml`. */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || trimmed;
}

export function noFileState(lesson: string, seq: number, tryIt: string | undefined): FabricState {
  if (tryIt === undefined) return { part: { lesson, seq, view: { kind: 'noFile' } }, actions: [] };
  return { part: { lesson, seq, view: { kind: 'noFile', tryIt: { name: fileName(tryIt), link: 0 } } }, actions: [{ kind: 'tryIt', path: tryIt }] };
}

export function loadingState(lesson: string, seq: number, file: string): FabricState {
  return { part: { lesson, seq, view: { kind: 'loading', file } }, actions: [] };
}

export function unavailableState(lesson: string, seq: number, file: string, reason: string): FabricState {
  return { part: { lesson, seq, view: { kind: 'unavailable', file, reason } }, actions: [] };
}

export function figuresState(lesson: string, seq: number, file: string, figures: LessonFigures): FabricState {
  const actions: FabricAction[] = [];
  const link = (action: FabricAction): number => actions.push(action) - 1;
  const groups: FabricGroupView[] = figures.groups.map((g) => {
    const shown: FabricFigureView[] = g.figures.map((f) => {
      const view: FabricFigureView = { label: f.label, text: f.text, status: f.status };
      if (f.target !== undefined) view.link = link({ kind: 'reveal', target: f.target });
      return view;
    });
    const group: FabricGroupView = { section: g.section, title: g.title, figures: shown, more: g.more };
    if (g.note !== undefined) group.note = g.note;
    if (g.tryIt !== undefined) group.tryIt = { name: fileName(g.tryIt), link: link({ kind: 'tryIt', path: g.tryIt }) };
    return group;
  });
  const view: FabricPart['view'] = figures.note === undefined ? { kind: 'figures', file, groups } : { kind: 'figures', file, note: figures.note, groups };
  return { part: { lesson, seq, view }, actions };
}
