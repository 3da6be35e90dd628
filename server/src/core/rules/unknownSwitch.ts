/** unknown-switch: a link end or a server group's leaf names no defined switch. */
import type { Finding } from '../findings';
import type { FabricModel } from '../model/fabricModel';
import { nameIndexFor } from '../text/closestName';
import { quote } from '../text/quote';
import { makeFinding, related, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'unknown-switch';

/** Suggestions are computed for this many distinct unknown names at most. */
const MAX_SUGGESTED_NAMES = 200;

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const suggestions = new Map<string, string | undefined>();
  for (const ref of model.unknownReferences) {
    let suggestion = suggestions.get(ref.name);
    if (!suggestions.has(ref.name) && suggestions.size < MAX_SUGGESTED_NAMES) {
      suggestion = nameIndexFor(model.switches).closest(ref.name);
      suggestions.set(ref.name, suggestion);
    }
    const consequence =
      ref.kind === 'link'
        ? 'so this link counts for nothing (no connectivity, no bandwidth)'
        : `so ${ref.group !== undefined ? `${quote(ref.group.name)}'s` : 'the group\'s'} NICs are spread over its other leaves only`;
    let message = `${quote(ref.name)} is not a switch: no switch of that name is defined under \`switches\`, ${consequence}.`;
    const rel = [];
    if (suggestion !== undefined) {
      message += ` Did you mean ${quote(suggestion)}?`;
      const target = model.switches.get(suggestion);
      if (target !== undefined) rel.push(related(ctx, target.keyNode, `${quote(suggestion)} is defined here`));
    }
    const other = ref.link?.ends?.find((end) => end.node !== ref.node)?.name;
    const subject = ref.kind === 'link' ? { name: ref.name, switches: other === undefined ? [] : [other], link: ref.link?.index } : { name: ref.name, group: ref.group?.name };
    findings.push(makeFinding(ctx, id, ref.node, message, rel, undefined, subject));
  }
  return findings;
}

export const rule: FabricRule = { id, check };
