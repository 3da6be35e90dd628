/**
 * peer-link (format 1.1): a `kind: peer` link (MLAG/vPC/ESI) whose ends differ in role or pod, or
 * that gives a switch a second (third, …) peer partner, in file order. One finding per link.
 * Partners are distinct switches: a repeated pair is duplicate-link's; a flagged peer link still
 * counts as a partner for later ones.
 */
import type { Finding } from '../findings';
import type { FabricLink, FabricModel, FabricSwitch } from '../model/fabricModel';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'peer-link';

function article(role: string): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

function mismatch(a: FabricSwitch, b: FabricSwitch): string | undefined {
  if (a.role !== b.role) {
    return `joins ${article(a.role ?? 'switch')} ${quote(a.name)} to ${article(b.role ?? 'switch')} ${quote(b.name)}: a peer link pairs two switches of the same role (normally two leaves) that act as one to the servers below them`;
  }
  // Pods as everywhere (model/scope.ts): a switch without a pod is in every pod.
  if (a.podValid && b.podValid && a.pod !== undefined && b.pod !== undefined && a.pod !== b.pod) {
    const pa = `pod ${quote(a.pod)}`;
    const pb = `pod ${quote(b.pod)}`;
    return `joins ${quote(a.name)} (${pa}) to ${quote(b.name)} (${pb}): the two switches of a peer pair sit in one pod, usually in one rack or neighbouring racks, and their servers are dual-homed to both`;
  }
  return undefined;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // Partners so far, in file order: switch → the switches it has peer links to.
  const partners = new Map<FabricSwitch, Set<FabricSwitch>>();
  const partnerOf = (sw: FabricSwitch): Set<FabricSwitch> => {
    let set = partners.get(sw);
    if (set === undefined) {
      set = new Set();
      partners.set(sw, set);
    }
    return set;
  };
  const firstLink = new Map<FabricSwitch, FabricLink>();
  for (const link of model.links) {
    if (link.kind !== 'peer' || !link.known || link.outsideFabric || link.ends === undefined || link.betweenNode === undefined) continue;
    const a = link.ends[0].switch!;
    const b = link.ends[1].switch!;
    if (a === b) continue; // a self-link is tier-violation's
    const subject = { switches: [a.name, b.name], link: link.index };
    const wrong = mismatch(a, b);
    const pa = partnerOf(a);
    const pb = partnerOf(b);
    // A second partner: the switch already has a peer link to someone else.
    const extra = [a, b].filter((sw) => {
      const set = sw === a ? pa : pb;
      const other = sw === a ? b : a;
      return set.size > 0 && !set.has(other);
    });
    pa.add(b);
    pb.add(a);
    if (!firstLink.has(a)) firstLink.set(a, link);
    if (!firstLink.has(b)) firstLink.set(b, link);
    if (wrong !== undefined) {
      findings.push(makeFinding(ctx, id, link.betweenNode, `This peer link ${wrong}. Make it a fabric link, or pair ${quote(a.name)} with a switch of its own role and pod.`, undefined, undefined, subject));
      continue;
    }
    if (extra.length === 0) continue;
    const sw = extra[0];
    const first = firstLink.get(sw)!;
    const firstPartner = first.ends![0].switch === sw ? first.ends![1].switch! : first.ends![0].switch!;
    findings.push(
      makeFinding(
        ctx,
        id,
        link.betweenNode,
        `This peer link gives ${quote(sw.name)} a second peer partner (it already pairs with ${quote(firstPartner.name)}): an MLAG/vPC domain is two switches that act as one, so each switch has one peer. Make it a fabric link, or remove it.`,
        first.betweenNode !== undefined ? [related(ctx, first.betweenNode, `${quote(sw.name)}'s first peer link, to ${quote(firstPartner.name)}`)] : undefined,
        undefined,
        subject,
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
