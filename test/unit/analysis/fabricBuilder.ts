/**
 * Fabrics the way real designs are built, for tests: pods of leaves and spines, optionally planes
 * of super-spines above them (5-stage Clos, spine k of every pod in plane k), server groups per
 * leaf. Each option can be bent (a missing link, a cross-pod link, a port-full leaf) by editing the
 * returned parts before `render`.
 */
export interface FabricOptions {
  pods: number;
  spinesPerPod: number;
  leavesPerPod: number;
  /** Super-spines per plane; 0 for a 3-stage fabric. Planes = spinesPerPod. */
  superSpinesPerPlane?: number;
  /** Leaf ports: server-facing 25G and fabric 100G. */
  leafServerPorts?: number;
  leafFabricPorts?: number;
  spinePorts?: number;
  /** Servers per leaf (1 × 25G NIC each). */
  serversPerLeaf?: number;
  linkCount?: number;
  maxOversubscription?: number;
  minSpines?: number;
}

export interface Fabric {
  header: string[];
  switches: string[];
  servers: string[];
  links: string[];
}

export const leafName = (pod: number, leaf: number): string => `p${pod}-leaf${leaf}`;
export const spineName = (pod: number, spine: number): string => `p${pod}-spine${spine}`;
export const superSpineName = (plane: number, n: number): string => `ss${plane}-${n}`;

export function buildFabric(o: FabricOptions): Fabric {
  const superSpines = o.superSpinesPerPlane ?? 0;
  const header = ['topology: built', 'design:', `  max_oversubscription: ${o.maxOversubscription ?? 3}`, `  min_spines: ${o.minSpines ?? 2}`];
  const switches: string[] = [];
  const servers: string[] = [];
  const links: string[] = [];
  const count = o.linkCount ?? 1;
  const spineDown = o.spinePorts ?? 64;
  for (let plane = 1; superSpines > 0 && plane <= o.spinesPerPod; plane++) {
    for (let n = 1; n <= superSpines; n++) {
      switches.push(`  ${superSpineName(plane, n)}: { role: super-spine, plane: ${plane}, ports: [{ count: 64, speed: 400G }] }`);
    }
  }
  for (let pod = 1; pod <= o.pods; pod++) {
    for (let s = 1; s <= o.spinesPerPod; s++) {
      const plane = superSpines > 0 ? `, plane: ${s}` : '';
      const up = superSpines > 0 ? `, { count: ${superSpines * count}, speed: 400G, for: fabric }` : '';
      switches.push(`  ${spineName(pod, s)}: { role: spine, pod: ${pod}${plane}, ports: [{ count: ${spineDown}, speed: 100G }${up}] }`);
      for (let n = 1; n <= superSpines; n++) links.push(`  - { between: [${spineName(pod, s)}, ${superSpineName(s, n)}], speed: 400G${count > 1 ? `, count: ${count}` : ''} }`);
    }
    for (let l = 1; l <= o.leavesPerPod; l++) {
      const leaf = leafName(pod, l);
      switches.push(
        `  ${leaf}: { role: leaf, pod: ${pod}, ports: [{ count: ${o.leafServerPorts ?? 48}, speed: 25G, for: servers }, { count: ${o.leafFabricPorts ?? 8}, speed: 100G, for: fabric }] }`,
      );
      servers.push(`  rack-${leaf}: { count: ${o.serversPerLeaf ?? 24}, nics: { count: 1, speed: 25G }, leaves: [${leaf}] }`);
      for (let s = 1; s <= o.spinesPerPod; s++) links.push(`  - { between: [${leaf}, ${spineName(pod, s)}], speed: 100G${count > 1 ? `, count: ${count}` : ''} }`);
    }
  }
  return { header, switches, servers, links };
}

export function render(f: Fabric): string {
  return [...f.header, 'switches:', ...f.switches, 'servers:', ...f.servers, 'links:', ...f.links, ''].join('\n');
}

/** Drops the link entries whose text contains every one of `parts`. */
export function withoutLink(f: Fabric, ...parts: string[]): Fabric {
  return { ...f, links: f.links.filter((l) => !parts.every((p) => l.includes(p))) };
}
