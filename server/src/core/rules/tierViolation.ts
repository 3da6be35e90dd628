/**
 * tier-violation: leaf–leaf, spine–spine, leaf–super-spine, super-spine–super-spine, a switch to
 * itself, a leaf–spine link across pods or a spine–super-spine link across planes; and a server
 * group attached to a switch that is not a leaf.
 */
import type { Finding, FindingSubject } from '../findings';
import { isFabricRole, type FabricLink, type FabricModel, type FabricSwitch, type Role, type ServerGroup, type ServerGroupLeaf } from '../model/fabricModel';
import type { ScopeMismatch } from '../model/scope';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'tier-violation';

type Tier = Exclude<Role, 'external'>;
const RANK: Record<Tier, number> = { leaf: 0, spine: 1, 'super-spine': 2 };

/** Why a link between these roles breaks the tiers; undefined for leaf–spine and spine–super-spine. */
function explain(a: Tier, b: Tier): string | undefined {
  if (RANK[b] - RANK[a] === 1 || RANK[a] - RANK[b] === 1) return undefined;
  if (a === 'leaf' && b === 'leaf') {
    return 'joins two leaves: leaves link only to spines, so traffic between two leaves of a pod crosses exactly one spine (between pods: spine, super-spine, spine) and every pair of servers is the same number of hops apart';
  }
  if (a === 'spine' && b === 'spine') {
    return 'joins two spines: spines link down to leaves and up to super-spines, never to each other; a spine-to-spine hop makes some paths longer than others and ECMP cannot use it';
  }
  if (a === 'super-spine' && b === 'super-spine') return 'joins two super-spines: super-spines link only down to spines';
  return 'joins a leaf to a super-spine: a leaf links only to spines; skipping the spine tier gives some traffic a shorter path, so paths are no longer equal-cost';
}

function crossScopeMessage(lower: FabricSwitch, upper: FabricSwitch, m: ScopeMismatch): string {
  const lowerRole = lower.role!;
  const upperRole = upper.role!;
  const own = `${m.kind} ${quote(m.lowerId)}`;
  const other = `${m.kind} ${quote(m.upperId)}`;
  const ups = m.kind === 'pod' ? 'spines of its own pod' : 'super-spines of its own plane';
  const why =
    m.kind === 'pod'
      ? `a leaf's uplinks are the ${ups}; traffic between pods goes leaf → spine → super-spine → spine → leaf, and a shortcut into another pod makes some paths shorter than others, so ECMP no longer spreads over equal-cost paths`
      : `a spine's uplinks are the ${ups}; each plane is its own set of equal-cost paths between the pods, and a link into another plane makes some paths shorter than others`;
  const through = m.kind === 'pod' ? `its pod reaches ${other} through the super-spines` : `its pod reaches the other pods through the super-spines of ${own}`;
  return `This link joins ${lowerRole} ${quote(lower.name)} (${own}) to ${upperRole} ${quote(upper.name)} (${other}): ${why}. It counts as no uplink of ${quote(lower.name)}; remove it: ${through}.`;
}

function linkFinding(ctx: RuleContext, link: FabricLink): Finding | undefined {
  // Peer links (peer-link's), north-south links and links between externals are no tier links.
  if (!link.known || link.ends === undefined || link.betweenNode === undefined || link.kind === 'peer' || link.northSouth || link.outsideFabric) return undefined;
  const a = link.ends[0].switch!;
  const b = link.ends[1].switch!;
  const subject = (): FindingSubject => ({ switches: [a.name, b.name], link: link.index });
  if (a === b) {
    return makeFinding(
      ctx,
      id,
      link.betweenNode,
      `This link joins ${quote(a.name)} to itself: a cable from a switch back to itself carries no traffic anywhere; link it to the tier above instead.`,
      undefined,
      undefined,
      subject(),
    );
  }
  if (!isFabricRole(a.role) || !isFabricRole(b.role)) return undefined;
  if (link.scopeMismatch !== undefined) {
    const [lower, upper] = RANK[a.role] < RANK[b.role] ? [a, b] : [b, a];
    const m = link.scopeMismatch;
    const relScope = [
      related(ctx, lower.keyNode, `${quote(lower.name)} is in ${m.kind} ${quote(m.lowerId)}`),
      related(ctx, upper.keyNode, `${quote(upper.name)} is in ${m.kind} ${quote(m.upperId)}`),
    ];
    return makeFinding(ctx, id, link.betweenNode, crossScopeMessage(lower, upper, m), relScope, undefined, subject());
  }
  const why = explain(a.role, b.role);
  if (why === undefined) return undefined;
  const rel = [related(ctx, a.keyNode, `${quote(a.name)} is a ${a.role}`), related(ctx, b.keyNode, `${quote(b.name)} is a ${b.role}`)];
  return makeFinding(ctx, id, link.betweenNode, `This link (${a.role} ${quote(a.name)} – ${b.role} ${quote(b.name)}) ${why}.`, rel, undefined, subject());
}

function serverFinding(ctx: RuleContext, group: ServerGroup, entry: ServerGroupLeaf): Finding {
  const sw = entry.switch!;
  const rest = group.knownLeaves.length > 0 ? `spread over its other leaves only` : `counted on no switch`;
  return makeFinding(
    ctx,
    id,
    entry.node,
    `${quote(sw.name)} is ${sw.role === 'external' ? 'an external' : `a ${sw.role}`}: servers attach to leaves (which gives every server the same number of hops to every other), so ${quote(group.name)}'s NICs are ${rest}. List only leaves under \`leaves\`.`,
    [related(ctx, sw.keyNode, `${quote(sw.name)} is ${sw.role === 'external' ? 'an external' : `a ${sw.role}`}`)],
    undefined,
    { switches: [sw.name], group: group.name },
  );
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const link of model.links) {
    const finding = linkFinding(ctx, link);
    if (finding !== undefined) findings.push(finding);
  }
  for (const group of model.serverGroups.values()) {
    for (const entry of group.notLeaves) findings.push(serverFinding(ctx, group, entry));
  }
  return findings;
}

export const rule: FabricRule = { id, check };
