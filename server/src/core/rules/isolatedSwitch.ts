/** isolated-switch: a switch that no `links` entry names. Server NICs are not links. */
import type { Finding } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatNumber } from '../model/number';
import { nameIndexFor } from '../text/closestName';
import { quote } from '../text/quote';
import { makeFinding, type FabricRule, type RuleContext } from './ruleContext';

export const id = 'isolated-switch';

/**
 * A switch named in a link entry whose other end is misspelt is not reported: unknown-switch
 * already reports that mistake.
 */
export function isIsolated(sw: FabricSwitch): boolean {
  return !sw.mentionedInLinks;
}

/** Distinct unknown link names looked at for a likely intended switch, at most. */
const MAX_GUESSED_NAMES = 200;

/**
 * Switches a misspelt link end most likely meant: such a switch may have no links only
 * because of the typo, which unknown-switch reports.
 */
function likelyMeant(model: FabricModel): Set<string> {
  const meant = new Set<string>();
  const seen = new Set<string>();
  for (const ref of model.unknownReferences) {
    if (ref.kind !== 'link' || seen.has(ref.name) || seen.size >= MAX_GUESSED_NAMES) continue;
    seen.add(ref.name);
    const guess = nameIndexFor(model.switches).closest(ref.name);
    if (guess !== undefined) meant.add(guess);
  }
  return meant;
}

export function check(model: FabricModel, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const meant = likelyMeant(model);
  for (const sw of model.switches.values()) {
    if (!isIsolated(sw) || meant.has(sw.name)) continue;
    let consequence: string;
    if (sw.role === 'leaf' && sw.serverShares.length > 0) {
      const servers = sw.serverShares.map((s) => s.group.name);
      consequence = `its servers (${servers.length === 1 ? quote(servers[0]) : `${formatNumber(servers.length, 0)} groups`}) reach each other but nothing beyond this leaf`;
    } else if (sw.role === 'leaf') {
      consequence = 'servers attached to it would reach nothing beyond it';
    } else if (sw.role === 'spine') {
      consequence = 'it carries no traffic: link every leaf to it, or remove it';
    } else if (sw.role === 'external') {
      consequence = 'no traffic enters or leaves the fabric through it: link it to two border leaves, or remove it';
    } else if (sw.role === 'super-spine') {
      consequence = 'it joins no spines: link the spines of its plane to it, or remove it';
    } else {
      consequence = 'it takes no part in the fabric';
    }
    findings.push(makeFinding(ctx, id, sw.keyNode, `${quote(sw.name)} has no links at all: ${consequence}.`, undefined, undefined, { switches: [sw.name] }));
  }
  return findings;
}

export const rule: FabricRule = { id, check };
