/**
 * The fabric diagram's requests (shared/protocol.ts: topology/diagram, topology/diagramHover,
 * topology/diagramLocate, topology/diagramSvg): each a thin call into the core with the document's
 * cached lint result. Params come from any client, so the state is cleaned (parseDiagramState) and
 * the palette checked (parsePalette) before the core sees them.
 */
import type { DiagramHoverParams, DiagramLocateParams, DiagramParams, DiagramSvgParams } from '../../../shared/protocol';
import type { DiagramHoverInfo, DiagramView } from '../../../shared/webview/diagramView';
import { parseDiagramState, parsePalette } from '../../../shared/webview/diagramView';
import { buildDiagram } from '../core/diagram/diagram';
import { diagramHover as hoverOf } from '../core/diagram/diagramHover';
import { diagramLocate as locateIn } from '../core/diagram/diagramLocate';
import { renderSvg } from '../core/diagram/svg';
import type { LintResult } from '../core/lint';

export interface DiagramRequestContext {
  lessonsBase: string;
}

export function diagram(result: LintResult, params: DiagramParams): DiagramView {
  return buildDiagram(result, parseDiagramState(params.state));
}

export function diagramHover(result: LintResult, params: DiagramHoverParams, ctx: DiagramRequestContext): DiagramHoverInfo | null {
  return typeof params.key === 'string' ? hoverOf(result, params.key, parseDiagramState(params.state), ctx.lessonsBase) : null;
}

export function diagramLocate(result: LintResult, params: DiagramLocateParams): string | null {
  const position = params.position as unknown;
  if (position === null || typeof position !== 'object') return null;
  const { line, character } = position as { line?: unknown; character?: unknown };
  if (typeof line !== 'number' || typeof character !== 'number') return null;
  return locateIn(result, result.lines.offsetAt({ line, character }), parseDiagramState(params.state));
}

export function diagramSvg(result: LintResult, params: DiagramSvgParams): string {
  const view = buildDiagram(result, parseDiagramState(params.state));
  return renderSvg(view, parsePalette(params.palette), view.name === '' ? 'Fabric Diagram' : `Fabric Diagram — ${view.name}`);
}
