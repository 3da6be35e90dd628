/**
 * The fabric analysis: builds the model from a parsed topology and runs every fabric rule.
 * Pure (no editor or LSP imports) and total: any tree, however malformed, gives a result.
 */
import { AnalysisAborted, type Checkpoint } from '../budget';
import type { Finding } from '../findings';
import { buildModel } from '../model/buildModel';
import { emptyModel, type FabricModel } from '../model/fabricModel';
import { FABRIC_RULES } from '../rules/fabricRules';
import type { FabricRule, RuleContext } from '../rules/ruleContext';
import type { LineIndex } from '../text/lineIndex';
import type { YamlNode } from '../yaml/yamlTree';

export interface AnalysisResult {
  model: FabricModel;
  findings: Finding[];
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

/**
 * Builds the fabric model and runs `rules` (all fabric rules by default). Never throws, except
 * the `AnalysisAborted` of `checkpoint`, which is called before the model and before each rule.
 */
export function analyzeFabric(
  root: YamlNode | undefined,
  lines: LineIndex,
  rules: readonly FabricRule[] = FABRIC_RULES,
  checkpoint: Checkpoint = () => undefined,
): AnalysisResult {
  let model: FabricModel;
  checkpoint('model');
  try {
    model = buildModel(root);
  } catch (error) {
    if (error instanceof AnalysisAborted) throw error;
    return { model: emptyModel(root), findings: [] };
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
    }
  }
  findings.sort(compareFindings);
  return { model, findings };
}
