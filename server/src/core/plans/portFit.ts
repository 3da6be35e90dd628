/**
 * Whether a switch's ports still fit after a change to what it carries: the same placement the
 * model does (each link end or NIC takes one port at least as fast as itself), asked as a
 * question. Every port a fast demand may use, a slower one may use too, so the demands fit exactly
 * when, for every speed t, the demands of t or faster are no more than the ports of t or faster.
 */
import type { FabricSwitch } from '../model/fabricModel';

/** Link ends or NICs added (positive) or taken away (negative) at a speed. */
export interface DemandChange {
  speedGbps: number;
  delta: number;
}

export type PortCheck =
  | { fits: true }
  | {
      fits: false;
      /** The switch would need `needed` ports of `thresholdGbps` or faster and has `available`. */
      thresholdGbps: number;
      needed: number;
      available: number;
    };

/** Ports of each usable speed, and the demand the model placed on them, after `changes`. */
export function checkPorts(sw: FabricSwitch, changes: readonly DemandChange[]): PortCheck {
  const max = sw.maxPortGbps;
  const demand = new Map<number, number>();
  for (const d of sw.portDemands) demand.set(d.speedGbps, (demand.get(d.speedGbps) ?? 0) + d.count);
  for (const change of changes) {
    if (change.delta === 0) continue;
    // A demand faster than every port was never placed (link-speed reports it): removing it frees nothing.
    if (max === undefined || change.speedGbps > max) {
      if (change.delta > 0) return { fits: false, thresholdGbps: change.speedGbps, needed: change.delta, available: 0 };
      continue;
    }
    demand.set(change.speedGbps, Math.max(0, (demand.get(change.speedGbps) ?? 0) + change.delta));
  }
  const speeds = [...demand.keys()].sort((x, y) => y - x);
  const ports = sw.portsBySpeed; // slowest first
  let p = ports.length - 1;
  let available = 0;
  let needed = 0;
  let failure: PortCheck | undefined;
  for (const speed of speeds) {
    while (p >= 0 && ports[p].speedGbps >= speed) available += ports[p--].total;
    needed += demand.get(speed)!;
    // The fastest speed that does not fit names the ports a plan is short of most directly.
    if (needed > available && failure === undefined) failure = { fits: false, thresholdGbps: speed, needed, available };
  }
  return failure ?? { fits: true };
}

/** Free ports of `speed` or faster, as the model placed today's demands. */
export function freePortsAtLeast(sw: FabricSwitch, speed: number): number {
  let free = 0;
  for (const g of sw.portGroups) if (g.usable && g.speedGbps! >= speed) free += g.count! - g.used;
  return free;
}
