/**
 * spine-redundancy: fewer spines than design.min_spines — per pod (each pod's leaves reach only
 * its own spines), and fabric-wide when there are no pods (or for leaves without a pod).
 */
import type { Finding } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatNumber, plural } from '../model/number';
import { quote } from '../text/quote';
import { capitalize, makeFinding, shareWords, spineLossImpact, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'spine-redundancy';

/** Switches without a usable role that might be spines (schema reports them), optionally of one pod. */
function rolelessIn(model: FabricModel, pod: string | undefined): number {
  let n = 0;
  for (const sw of model.roleless) if (pod === undefined || sw.pod === pod) n++;
  return n;
}

function podMessage(pod: string, spines: readonly FabricSwitch[], min: number): string {
  const n = spines.length;
  const has = n === 0 ? 'no spines' : plural(n, 'spine');
  const impact =
    n === 0
      ? `its leaves have no path to each other or to other pods`
      : n === 1
        ? `with 1 spine, losing ${quote(spines[0].name)} disconnects every leaf of pod ${quote(pod)}`
        : `with ${formatNumber(n, 0)} spines, losing one removes ${shareWords(n)} of each of its leaves' uplink bandwidth`;
  return `Pod ${quote(pod)} has ${has} but the design asks for at least ${formatNumber(min, 0)} (min_spines): a leaf's uplinks are the spines of its own pod, so ${impact}. Add spines to pod ${quote(pod)} and link each of its leaves to every one; the other pods' spines do not help.`;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  if (model.switchesKey === undefined) return [];
  const min = model.design.minSpines;
  const findings: Finding[] = [];
  for (const pod of model.pods.values()) {
    // A pod of spines only has no leaf whose N-1 this decides (leaves without a pod reach every spine).
    if (pod.leaves.length === 0) continue;
    // A switch without a usable role might be one of this pod's spines: schema reports that mistake.
    if (pod.spines.length + rolelessIn(model, pod.id) >= min) continue;
    findings.push(makeFinding(ctx, id, model.switchesKey, podMessage(pod.id, pod.spines, min), undefined, undefined, { pod: pod.id }));
  }
  // Fabric-wide: without pods, or for leaves that have no pod (they must reach every spine).
  const podless = model.pods.size === 0 || model.leaves.some((leaf) => leaf.pod === undefined);
  const n = model.spines.length;
  if (podless && n + model.roleless.length < min) {
    const has = n === 0 ? 'no spines' : plural(n, 'spine');
    findings.push(
      makeFinding(
        ctx,
        id,
        model.switchesKey,
        `The fabric has ${has} but the design asks for at least ${formatNumber(min, 0)} (min_spines). ${capitalize(spineLossImpact(n))}; add spines and link every leaf to each.`,
        undefined,
        undefined,
        {},
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
