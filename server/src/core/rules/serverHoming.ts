/** server-homing: server_homing is dual but a group has fewer than 2 leaves or fewer than 2 NICs per server. */
import type { Finding } from '../findings';
import type { FabricModel } from '../model/fabricModel';
import { plural } from '../model/number';
import { quote } from '../text/quote';
import { makeFinding, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'server-homing';

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  if (model.design.serverHoming !== 'dual') return [];
  const findings: Finding[] = [];
  for (const group of model.serverGroups.values()) {
    const problems: string[] = [];
    if (group.leavesNode !== undefined && group.leaves.length > 0) {
      // Listed names count (a misspelt leaf is unknown-switch's finding, not this one).
      const distinct = new Set<string>();
      for (const leaf of group.leaves) if (leaf.name !== undefined) distinct.add(leaf.name);
      const allNamed = group.leaves.every((leaf) => leaf.name !== undefined);
      if (allNamed && distinct.size < 2) problems.push(`attaches to ${plural(distinct.size, 'leaf', 'leaves')}`);
    }
    if (group.nicCount !== undefined && group.nicCount < 2) {
      problems.push(`gives each server ${plural(group.nicCount, 'NIC')}`);
    }
    if (problems.length === 0) continue;
    findings.push(
      makeFinding(
        ctx,
        id,
        group.keyNode,
        `${quote(group.name)} ${problems.join(' and ')}, but design.server_homing is dual: every server needs a NIC on each of two leaves, so a leaf failure or upgrade leaves it reachable.`,
        undefined,
        undefined,
        { group: group.name },
      ),
    );
  }
  return findings;
}

export const rule: FabricRule = { id, check };
