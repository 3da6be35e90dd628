/** Fixes for link-speed: the fastest speed both ends (all the group's leaves) have free ports for. */
import type { Finding } from '../findings';
import { planLinkSpeed, planNicSpeed } from '../plans/speedPlan';
import { asMap, getPair } from '../yaml/treeQueries';
import { yamlStringLike } from '../editing/edits';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectGroup, subjectLink } from './fixSubjects';

export const id = 'link-speed';

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const link = subjectLink(ctx.model, finding);
  if (link !== undefined) {
    const plan = planLinkSpeed(link);
    const node = link.speedNode;
    if (plan === undefined || !plan.ok || node?.kind !== 'scalar') return [];
    const text = node.style === 'plain' ? plan.text : yamlStringLike(plan.text, node);
    return [{ title: `Change the speed to ${plan.text} (the fastest both ends have free ports for)`, isPreferred: true, edits: [{ start: node.start, end: node.end, newText: text }] }];
  }
  const group = subjectGroup(ctx.model, finding);
  if (group === undefined) return [];
  const plan = planNicSpeed(group);
  const nics = asMap(group.nicsNode);
  const node = nics === undefined ? undefined : getPair(nics, 'speed')?.value;
  if (plan === undefined || !plan.ok || node?.kind !== 'scalar') return [];
  const text = node.style === 'plain' ? plan.text : yamlStringLike(plan.text, node);
  return [{ title: `Change the NIC speed to ${plan.text} (the fastest its leaves have free ports for)`, isPreferred: true, edits: [{ start: node.start, end: node.end, newText: text }] }];
}

export const fixes: RuleFixes = { id, drafts, fixAll: true };
