/**
 * The fabric analysis: builds the model from a parsed topology and runs every fabric rule.
 * Pure (no editor or LSP imports) and total: any tree, however malformed, gives a result. A bug
 * that throws (in the model build or in one rule) is never dropped silently: it becomes one
 * `internal-error` finding asking for a bug report, and its stack is kept on the result for the
 * server's log; the other rules' findings survive.
 */
import { AnalysisAborted, type Checkpoint } from '../budget';
import type { Finding } from '../findings';
import { buildModel } from '../model/buildModel';
import { emptyModel, type FabricModel } from '../model/fabricModel';
import { FABRIC_RULES } from '../rules/fabricRules';
import type { FabricRule, RuleContext } from '../rules/ruleContext';
import type { LineIndex } from '../text/lineIndex';
import type { YamlNode } from '../yaml/yamlTree';

/** The rule id of the finding that reports a bug in the linter itself. */
export const INTERNAL_ERROR_RULE = 'internal-error';

/** The context of an exception in building the fabric model (not a rule). */
export const MODEL_CONTEXT = 'fabric-model';

/** An exception the analysis caught: where (a rule id, or MODEL_CONTEXT) and its stack (or message). */
export interface InternalError {
  context: string;
  stack: string;
}

export interface AnalysisResult {
  model: FabricModel;
  findings: Finding[];
  /** Exceptions caught while analysing, in the order they happened; empty when all went well. */
  internalErrors: InternalError[];
}

/** Findings in a stable order: by range start, then rule id, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function codeList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The one finding that reports every caught exception of an analysis, at the start of the file. */
export function internalErrorFinding(errors: readonly InternalError[], lines: LineIndex): Finding {
  const contexts = [...new Set(errors.map((e) => e.context))];
  const rules = contexts.filter((c) => c !== MODEL_CONTEXT);
  const what = contexts.includes(MODEL_CONTEXT)
    ? 'building the fabric model failed on this file, so no fabric rule checked it'
    : `the rule${rules.length === 1 ? '' : 's'} ${codeList(rules)} failed on this file, so ${rules.length === 1 ? 'its' : 'their'} findings are missing`;
  return {
    rule: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: `Internal error in Topology Tutor: ${what}. Please report a bug naming ${codeList(contexts)} (and attach this file if you can); the server log has the stack trace.`,
    range: lines.range(0, Math.min(1, lines.text.length)),
  };
}

export interface AnalyzeOptions {
  /** Builds the model (buildModel by default; tests pass one that throws). */
  build?: (root: YamlNode | undefined) => FabricModel;
  /** Called before the model and before each rule; may throw AnalysisAborted (cancelled, over budget). */
  checkpoint?: Checkpoint;
}

/**
 * Builds the fabric model and runs `rules` (all fabric rules by default). Never throws, except
 * the `AnalysisAborted` of the checkpoint.
 */
export function analyzeFabric(
  root: YamlNode | undefined,
  lines: LineIndex,
  rules: readonly FabricRule[] = FABRIC_RULES,
  options: AnalyzeOptions = {},
): AnalysisResult {
  const build = options.build ?? buildModel;
  const checkpoint: Checkpoint = options.checkpoint ?? (() => undefined);
  const internalErrors: InternalError[] = [];
  let model: FabricModel;
  checkpoint('model');
  try {
    model = build(root);
  } catch (error) {
    if (error instanceof AnalysisAborted) throw error;
    internalErrors.push({ context: MODEL_CONTEXT, stack: describeError(error) });
    return { model: emptyModel(root), findings: [internalErrorFinding(internalErrors, lines)], internalErrors };
  }
  const ctx: RuleContext = { lines };
  const findings: Finding[] = [];
  for (const rule of rules) {
    checkpoint('rule');
    try {
      // push one by one: spreading 100k findings into push() would overflow the stack.
      for (const finding of rule.check(model, ctx)) findings.push(finding);
    } catch (error) {
      if (error instanceof AnalysisAborted) throw error;
      // One rule's bug must not hide the others' findings.
      internalErrors.push({ context: rule.id, stack: describeError(error) });
    }
  }
  if (internalErrors.length > 0) findings.push(internalErrorFinding(internalErrors, lines));
  findings.sort(compareFindings);
  return { model, findings, internalErrors };
}
