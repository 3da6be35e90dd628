/** spine-redundancy: fewer spines than design.min_spines. */
import type { Finding } from '../findings';
import type { FabricModel } from '../model/fabricModel';
import { formatNumber, plural } from '../model/number';
import { capitalize, makeFinding, spineLossImpact, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'spine-redundancy';

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  if (model.switchesKey === undefined) return [];
  const n = model.spines.length;
  const min = model.design.minSpines;
  // A switch without a usable role might be a spine: schema reports that mistake, not this rule.
  if (n + model.roleless.length >= min) return [];
  const has = n === 0 ? 'no spines' : plural(n, 'spine');
  return [
    makeFinding(
      ctx,
      id,
      model.switchesKey,
      `The fabric has ${has} but the design asks for at least ${formatNumber(min, 0)} (min_spines). ${capitalize(spineLossImpact(n))}; add spines and link every leaf to each.`,
    ),
  ];
}

export const rule: FabricRule = { id, check };
