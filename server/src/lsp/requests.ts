/**
 * The document requests, answered from the document's lint result where it lives (the
 * analysis worker): one function per method, each a thin call into the LSP glue.
 */
import { ResponseError } from 'vscode-languageserver';
import type { LintResult } from '../core/lint';
import { fabricSummary } from '../core/summary/fabricSummary';
import * as diagram from './diagram';
import { exportLabAnswer } from './exportLab';
import { lessonFiguresAnswer } from './lessonFigures';
import * as editing from './editing';
import { hints, hover } from './features';
import type { WireError, WorkerMethod, WorkerRequests } from './workerProtocol';

export interface RequestContext {
  uri: string;
  lessonsBase: string;
  /** Where a failure inside a request that still answers (a quick-fix module that threw) is logged. */
  report?: (context: string, error: unknown) => void;
}

type Handlers = {
  [M in WorkerMethod]: (result: LintResult, params: WorkerRequests[M]['params'], ctx: RequestContext) => WorkerRequests[M]['result'] | ResponseError<void>;
};

const HANDLERS: Handlers = {
  hover: (r, p, ctx) => hover(r, p.position, ctx.lessonsBase),
  inlayHints: (r, p) => hints(r, p.range),
  codeActions: (r, p, ctx) => editing.codeActions(r, ctx.uri, p, ctx.report),
  completion: (r, p) => editing.completion(r, p.position),
  symbols: (r) => editing.symbols(r),
  definition: (r, p, ctx) => editing.definition(r, ctx.uri, p.position),
  references: (r, p, ctx) => editing.references(r, ctx.uri, p.position, p.context.includeDeclaration),
  prepareRename: (r, p) => editing.prepareRename(r, p.position),
  rename: (r, p, ctx) => editing.rename(r, ctx.uri, p.position, p.newName),
  semanticTokens: (r) => editing.tokens(r),
  fabricSummary: (r) => fabricSummary(r),
  exportLab: (r, p) => exportLabAnswer(r, p),
  lessonFigures: (r, p) => lessonFiguresAnswer(r, p),
  diagram: (r, p) => diagram.diagram(r, p),
  diagramHover: (r, p, ctx) => diagram.diagramHover(r, p, ctx),
  diagramLocate: (r, p) => diagram.diagramLocate(r, p),
  diagramSvg: (r, p) => diagram.diagramSvg(r, p),
};

export type Answer = { result: unknown } | { error: WireError };

/** Runs one request; a ResponseError (e.g. a refused rename) becomes plain data. */
export function answer(method: WorkerMethod, result: LintResult, params: unknown, ctx: RequestContext): Answer {
  const handler = HANDLERS[method] as (r: LintResult, p: unknown, c: RequestContext) => unknown;
  const value = handler(result, params, ctx);
  if (value instanceof ResponseError) return { error: { code: value.code, message: value.message } };
  return { result: value };
}
