/** tier-violation: leaf–leaf, spine–spine, leaf–super-spine, super-spine–super-spine, or a switch to itself. */
import type { Finding } from '../findings';
import type { FabricModel, Role } from '../model/fabricModel';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'tier-violation';

const RANK: Record<Role, number> = { leaf: 0, spine: 1, 'super-spine': 2 };

/** Why a link between these roles breaks the tiers; undefined for leaf–spine and spine–super-spine. */
function explain(a: Role, b: Role): string | undefined {
  if (RANK[b] - RANK[a] === 1 || RANK[a] - RANK[b] === 1) return undefined;
  if (a === 'leaf' && b === 'leaf') {
    return 'joins two leaves: leaves link only to spines, so traffic between any two leaves crosses exactly one spine and every server is the same number of hops from every other';
  }
  if (a === 'spine' && b === 'spine') {
    return 'joins two spines: spines link down to leaves and up to super-spines, never to each other; a spine-to-spine hop makes some paths longer than others and ECMP cannot use it';
  }
  if (a === 'super-spine' && b === 'super-spine') return 'joins two super-spines: super-spines link only down to spines';
  return 'joins a leaf to a super-spine: a leaf links only to spines; skipping the spine tier gives some traffic a shorter path, so paths are no longer equal-cost';
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const link of model.links) {
    if (!link.known || link.ends === undefined || link.betweenNode === undefined) continue;
    const a = link.ends[0].switch!;
    const b = link.ends[1].switch!;
    if (a === b) {
      findings.push(
        makeFinding(
          ctx,
          id,
          link.betweenNode,
          `This link joins ${quote(a.name)} to itself: a cable from a switch back to itself carries no traffic anywhere; link it to the tier above instead.`,
        ),
      );
      continue;
    }
    if (a.role === undefined || b.role === undefined) continue;
    const why = explain(a.role, b.role);
    if (why === undefined) continue;
    findings.push(
      makeFinding(
        ctx,
        id,
        link.betweenNode,
        `This link (${a.role} ${quote(a.name)} – ${b.role} ${quote(b.name)}) ${why}.`,
        [related(ctx, a.keyNode, `${quote(a.name)} is a ${a.role}`), related(ctx, b.keyNode, `${quote(b.name)} is a ${b.role}`)],
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
