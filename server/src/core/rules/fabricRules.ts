/** Every rule the fabric analysis runs, in catalog order. */
import { rule as unknownSwitch } from './unknownSwitch';
import { rule as tierViolation } from './tierViolation';
import { rule as spineConnectivity } from './spineConnectivity';
import { rule as ecmpImbalance } from './ecmpImbalance';
import { rule as linkSpeed } from './linkSpeed';
import { rule as portCapacity } from './portCapacity';
import { rule as oversubscription } from './oversubscription';
import { rule as spineRedundancy } from './spineRedundancy';
import { rule as serverHoming } from './serverHoming';
import { rule as isolatedSwitch } from './isolatedSwitch';
import { rule as duplicateLink } from './duplicateLink';
import { rule as peerLink } from './peerLink';
import { rule as externalHoming } from './externalHoming';
import { rule as inferred } from './inferred';
import type { FabricRule } from './ruleContext';

export const FABRIC_RULES: readonly FabricRule[] = [
  unknownSwitch,
  tierViolation,
  spineConnectivity,
  ecmpImbalance,
  linkSpeed,
  portCapacity,
  oversubscription,
  spineRedundancy,
  serverHoming,
  isolatedSwitch,
  duplicateLink,
  peerLink,
  externalHoming,
  inferred,
];
