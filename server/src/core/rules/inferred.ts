/**
 * inferred (info): in a containerlab topology, what the linter had to infer because no label
 * states it (roles from names or `graph-level`, pods and planes from the link graph, Linux nodes
 * taken as servers, nodes with no role at all), said once per file at the `nodes` key, so the
 * findings' basis is never hidden. Topology files state everything and never get it.
 */
import type { Finding } from '../findings';
import type { FabricModel } from '../model/fabricModel';
import { inferenceMessage, inferenceOf } from '../interop/containerlab/inference';
import { makeFinding, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'inferred';

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const inference = inferenceOf(model);
  if (inference === undefined) return [];
  const message = inferenceMessage(inference);
  return message === undefined ? [] : [makeFinding(ctx, id, inference.anchor, message)];
}

export const rule: FabricRule = { id, check };
