/** Speeds as the file spells them, so new entries and edits read like the user's own. */
import type { FabricSwitch } from '../model/fabricModel';
import { stringValue } from '../yaml/treeQueries';

/** The `speed` text of the first port group of `sw` that runs at `gbps` (`100G`, `"100G"` as a value), if any. */
export function writtenPortSpeed(sw: FabricSwitch, gbps: number): string | undefined {
  for (const g of sw.portGroups) {
    if (g.speedGbps !== gbps || g.node.kind !== 'map') continue;
    for (const pair of g.node.pairs) {
      if (pair.key.kind === 'scalar' && pair.key.value === 'speed') {
        const text = stringValue(pair.value);
        if (text !== undefined) return text;
      }
    }
  }
  return undefined;
}
