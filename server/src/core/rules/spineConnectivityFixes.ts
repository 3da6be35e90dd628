/**
 * Fixes for spine-connectivity: the links the ports allow — the missing uplinks like the switch's
 * others, or, on a port-full switch, its uplinks spread evenly over every upstream switch of its
 * pod (plane); for a spine no leaf reaches, a link from each leaf of its pod that has a free port.
 */
import type { Finding } from '../findings';
import type { FabricSwitch } from '../model/fabricModel';
import { formatGbps } from '../model/bandwidth';
import { formatNumber } from '../model/number';
import { planUplinks, type UplinkPlan } from '../plans/uplinkPlan';
import { checkPorts } from '../plans/portFit';
import { quote } from '../text/quote';
import { planChanges } from '../editing/planEdits';
import type { NewLink } from '../editing/layout';
import type { FixContext, FixDraft, RuleFixes } from '../editing/fixTypes';
import { subjectSwitch } from './fixSubjects';

export const id = 'spine-connectivity';

function linkTitle(link: NewLink): string {
  return `Add link ${quote(link.a)} ↔ ${quote(link.b)} (${link.count > 1 ? `${link.count} × ` : ''}${link.speed})`;
}

function planTitle(plan: UplinkPlan, newLinks: readonly NewLink[]): string {
  if (plan.shape === 'add') return newLinks.length === 1 ? linkTitle(newLinks[0]) : `Add the ${newLinks.length} missing links of ${quote(plan.sw.name)}`;
  return `Spread ${quote(plan.sw.name)}'s uplinks evenly: ${formatNumber(plan.count, 0)} × ${formatGbps(plan.speedGbps)} to each of its ${formatNumber(plan.targets.length, 0)} ${plan.upWord}s`;
}

/** Links from the leaves of a spine's pod that lack it, each like that leaf's other uplinks, where ports allow. */
function leafLinksTo(ctx: FixContext, spine: FabricSwitch): NewLink[] {
  const model = ctx.model;
  const out: NewLink[] = [];
  let spineDemand = 0;
  for (const leaf of model.leaves) {
    if (leaf.unknownPeerLinks.length > 0 || leaf.expectedUpstream?.includes(spine) !== true || leaf.upstream.has(spine.name)) continue;
    const result = planUplinks(leaf, { kind: 'connect' });
    if (result === undefined || !result.ok || result.plan.shape !== 'add') continue;
    const target = result.plan.targets.find((t) => t.up === spine);
    if (target === undefined) continue;
    const count = target.toCount;
    if (!checkPorts(spine, [{ speedGbps: result.plan.speedGbps, delta: spineDemand + count }]).fits) continue;
    if (!checkPorts(leaf, [{ speedGbps: result.plan.speedGbps, delta: count }]).fits) continue;
    const link = planChanges(ctx.result, result.plan)?.newLinks.find((l) => l.b === spine.name);
    if (link === undefined) continue;
    spineDemand += count;
    out.push(link);
  }
  return out;
}

function drafts(ctx: FixContext, finding: Finding): FixDraft[] {
  const sw = subjectSwitch(ctx.model, finding);
  if (sw === undefined) return [];
  const out: FixDraft[] = [];
  const plan = sw.unknownPeerLinks.length === 0 ? planUplinks(sw, { kind: 'connect' }) : undefined;
  if (plan !== undefined && plan.ok) {
    const changes = planChanges(ctx.result, plan.plan);
    if (changes !== undefined) out.push({ title: planTitle(plan.plan, changes.newLinks), isPreferred: true, edits: changes.edits, newLinks: changes.newLinks });
  }
  if (sw.role === 'spine' && sw.leavesReached.length === 0) {
    const links = leafLinksTo(ctx, sw);
    if (links.length > 0) {
      const title = links.length === 1 ? linkTitle(links[0]) : `Link the ${links.length} leaves${sw.pod !== undefined ? ` of pod ${quote(sw.pod)}` : ''} to ${quote(sw.name)}`;
      if (out.length === 0) out.push({ title, isPreferred: true, edits: [], newLinks: links });
      else out[0] = { ...out[0], title: `${out[0].title}, and ${title.charAt(0).toLowerCase()}${title.slice(1)}`, newLinks: [...(out[0].newLinks ?? []), ...links] };
    }
  }
  return out;
}

export const fixes: RuleFixes = { id, drafts, fixAll: true };
