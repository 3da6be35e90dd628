/**
 * Front panels and interface names. A switch's port groups, in the order written, are laid out as
 * consecutive physical ports (1, 2, …); a broken-out port has one interface per lane. Each kind
 * names them its own way: SR Linux `e1-N` (`e1-N-L` for lane L), cEOS, SONiC and Linux `ethN`
 * (`ethN_L`). The exporter takes ports in that order; the lab linter reads a cable's speed back
 * from the ports its interfaces name.
 */
import type { InterfaceStyle } from './kinds';

export interface LayoutGroup {
  /** Physical ports. */
  count: number;
  /** Interfaces per physical port (the breakout ways, else 1) and their speed; undefined when unknown. */
  lanes: number;
  laneGbps: number | undefined;
  purpose?: 'servers' | 'fabric';
}

export interface InterfaceRef {
  /** Physical port, 1-based. */
  port: number;
  lane?: number;
}

const SRL = [/^e1-(\d+)(?:-(\d+))?$/, /^ethernet-1\/(\d+)(?:\/(\d+))?$/];
const ETH = [/^eth(\d+)(?:_(\d+))?$/, /^Ethernet(\d+)(?:\/(\d+))?$/];

/** The physical port (and lane) an interface name refers to; undefined for a name of no front-panel port (`eth0`, `mgmt0`, …). */
export function parseInterface(style: InterfaceStyle | undefined, name: string): InterfaceRef | undefined {
  const patterns = style === 'srl' ? SRL : style === 'eth' ? ETH : [...SRL, ...ETH];
  for (const pattern of patterns) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const port = Number(match[1]);
    if (!Number.isSafeInteger(port) || port < 1) return undefined;
    const lane = match[2] === undefined ? undefined : Number(match[2]);
    return lane === undefined ? { port } : { port, lane };
  }
  return undefined;
}

export function formatInterface(style: InterfaceStyle, ref: InterfaceRef): string {
  if (style === 'srl') return ref.lane === undefined ? `e1-${ref.port}` : `e1-${ref.port}-${ref.lane}`;
  return ref.lane === undefined ? `eth${ref.port}` : `eth${ref.port}_${ref.lane}`;
}

export class PortLayout {
  private readonly starts: number[] = [];
  readonly totalPorts: number;

  constructor(readonly groups: readonly LayoutGroup[]) {
    let next = 1;
    for (const g of groups) {
      this.starts.push(next);
      next += g.count;
    }
    this.totalPorts = next - 1;
  }

  /** The group holding physical port `port`, and the port's offset in it. */
  groupAt(port: number): { group: LayoutGroup; index: number; offset: number } | undefined {
    if (port < 1 || port > this.totalPorts) return undefined;
    let low = 0;
    let high = this.groups.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= port) low = mid;
      else high = mid - 1;
    }
    return { group: this.groups[low], index: low, offset: port - this.starts[low] };
  }

  /** The speed of the interface: its group's lane speed (the port's when not broken out). */
  speedAt(ref: InterfaceRef): number | undefined {
    const at = this.groupAt(ref.port);
    if (at === undefined) return undefined;
    if (ref.lane !== undefined && (ref.lane < 1 || ref.lane > at.group.lanes)) return undefined;
    return at.group.laneGbps;
  }

  firstPortOf(index: number): number {
    return this.starts[index];
  }
}

export type PortUse = 'fabric' | 'nic';

/**
 * Hands out interfaces in front-panel order: a cable of speed S takes the next free interface of
 * the slowest group at least as fast, preferring groups meant for its use (`for: servers` for NICs,
 * otherwise fabric), in the order written. When no group fits, it takes a port past the last one
 * (its speed unknown), so the lab still has every cable.
 */
export class PortAllocator {
  private readonly used: number[];
  private overflow = 0;

  constructor(
    private readonly layout: PortLayout,
    private readonly style: InterfaceStyle,
  ) {
    this.used = layout.groups.map(() => 0);
  }

  take(speedGbps: number | undefined, use: PortUse): { name: string; gbps: number | undefined } {
    let best = -1;
    let bestKey: [number, number, number] | undefined;
    this.layout.groups.forEach((g, i) => {
      if (g.laneGbps === undefined || this.used[i] >= g.count * g.lanes) return;
      if (speedGbps !== undefined && g.laneGbps < speedGbps) return;
      const mismatch = (use === 'nic' && g.purpose === 'fabric') || (use === 'fabric' && g.purpose === 'servers') ? 1 : 0;
      const key: [number, number, number] = [mismatch, g.laneGbps, i];
      if (bestKey === undefined || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = i;
        bestKey = key;
      }
    });
    if (best === -1) {
      this.overflow++;
      return { name: formatInterface(this.style, { port: this.layout.totalPorts + this.overflow }), gbps: undefined };
    }
    const g = this.layout.groups[best];
    const slot = this.used[best]++;
    const port = this.layout.firstPortOf(best) + Math.floor(slot / g.lanes);
    const ref: InterfaceRef = g.lanes > 1 ? { port, lane: (slot % g.lanes) + 1 } : { port };
    return { name: formatInterface(this.style, ref), gbps: g.laneGbps };
  }
}
