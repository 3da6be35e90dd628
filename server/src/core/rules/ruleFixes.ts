/** Every rule that has fixes, with its fix module (rules/<rule>Fixes.ts), by rule id. */
import type { RuleFixes } from '../editing/fixTypes';
import { fixes as spineConnectivity } from './spineConnectivityFixes';
import { fixes as ecmpImbalance } from './ecmpImbalanceFixes';
import { fixes as oversubscription } from './oversubscriptionFixes';
import { fixes as unknownSwitch } from './unknownSwitchFixes';
import { fixes as duplicateLink } from './duplicateLinkFixes';
import { fixes as linkSpeed } from './linkSpeedFixes';
import { fixes as tierViolation } from './tierViolationFixes';
import { fixes as peerLink } from './peerLinkFixes';
import { fixes as externalHoming } from './externalHomingFixes';

export const RULE_FIXES: ReadonlyMap<string, RuleFixes> = new Map(
  [spineConnectivity, ecmpImbalance, oversubscription, unknownSwitch, duplicateLink, linkSpeed, tierViolation, peerLink, externalHoming].map((f) => [f.id, f]),
);
