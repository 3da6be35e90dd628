/**
 * Short lessons for every key of format v1 and every enum value, keyed by schema path
 * (`switches.*.ports.*.speed`). Each links to the lesson section that goes deeper.
 */
import { SECTIONS } from '../lessons/lessonSections';
import type { Learn } from '../lessons/lessonSections';

export type { Learn };

export interface KeyDoc {
  /** 2–5 lines of Markdown. */
  text: string;
  learn: Learn;
}

const { format: FORMAT, oversubscription: OVERSUB, speeds: SPEEDS, ports: PORTS, layers: LAYERS, equidistant: EQUIDISTANT, homing: HOMING, names: NAMES, clos5: CLOS5, redundancy: REDUNDANCY, rdma: RDMA, parallel: PARALLEL, ring0: RING0, rootMode: HWVIRT, sriov: SRIOV, exits: EXITS, breakouts: BREAKOUTS, borderLeaves: BORDER, peerLinks: PEERS } = SECTIONS;

export const KEY_DOCS: ReadonlyMap<string, KeyDoc> = new Map<string, KeyDoc>([
  ['topology', { text: '**topology** — the fabric\'s name (required).\nUsed in messages and in the status bar summary.', learn: FORMAT }],
  ['description', { text: '**description** — free text about the fabric, for people.\nThe linter never reads it.', learn: FORMAT }],
  ['design', {
    text: '**design** — the intent the linter checks against: workload, the highest oversubscription allowed at a leaf, the fewest spines, and server homing.\nEvery field is optional; defaults are `general`, `3` (3:1), `2` spines, `single`.',
    learn: OVERSUB,
  }],
  ['design.workload', {
    text: '**workload** — `general` (default) or `rdma`.\nRDMA (RoCEv2) traffic is usually run lossless (PFC with ECN) and needs full bisection bandwidth: with `rdma` the default max oversubscription becomes 1:1 and an oversubscribed leaf is an **error**, not a warning.',
    learn: RDMA,
  }],
  ['design.max_oversubscription', {
    text: '**max_oversubscription** — N allows N:1 at a leaf: server-facing bandwidth ÷ spine-facing bandwidth.\n3 (3:1) is a common choice for general workloads; storage and RDMA fabrics aim for 1:1 (full bisection bandwidth). A leaf exactly at N:1 is allowed.',
    learn: OVERSUB,
  }],
  ['design.max_spine_oversubscription', {
    text: '**max_spine_oversubscription** — N allows N:1 at a spine of a 5-stage fabric: leaf-facing ÷ super-spine-facing bandwidth (format 1.1).\nDefaults to `max_oversubscription`; a spine often gets a tighter limit than a leaf, since every pod\'s traffic to other pods crosses it.',
    learn: CLOS5,
  }],
  ['design.min_spines', {
    text: '**min_spines** — the fewest spines each pod may have, or the whole fabric when there are no pods (default 2).\nWith N spines in a pod, losing one removes 1/N of the uplink bandwidth of each leaf of that pod: 50% with 2, 25% with 4.',
    learn: REDUNDANCY,
  }],
  ['design.server_homing', {
    text: '**server_homing** — `single` (default): each server reaches one leaf.\n`dual`: each server has NICs on two leaves, so a leaf failure or upgrade does not cut it off.',
    learn: HOMING,
  }],
  ['switches', {
    text: '**switches** — every switch of the fabric, by name, with its role and ports.\nLeaves connect servers; spines connect leaves; super-spines connect the spines of several pods.',
    learn: LAYERS,
  }],
  ['switches.*.role', {
    text: '**role** — the switch\'s tier: `leaf`, `spine` or `super-spine`; or `external` (format 1.1) for a device outside the fabric.\nLinks go one tier up: leaf → spine → super-spine. Never leaf–leaf or spine–spine, except a `kind: peer` link.',
    learn: LAYERS,
  }],
  ['switches.*.pod', {
    text: '**pod** — the pod (a spine-leaf unit) this switch belongs to.\nA leaf with a pod must reach every spine of that pod, and only those are its uplinks: a link to a spine of another pod is a `tier-violation`. Pods are joined by super-spines (a 5-stage Clos).',
    learn: CLOS5,
  }],
  ['switches.*.plane', {
    text: '**plane** — the spine plane: spine *k* of every pod joins the super-spines of plane *k*.\nA spine with a plane must reach every super-spine of that plane; a link to a super-spine of another plane is a `tier-violation`.',
    learn: CLOS5,
  }],
  ['switches.*.model', { text: '**model** — the hardware model, for people. The linter counts `ports`, not models.', learn: PORTS }],
  ['switches.*.ports', {
    text: '**ports** — port groups: how many ports of which speed the switch has.\nEvery link end and every server NIC takes one port at least as fast as it; a faster port may run a slower speed.',
    learn: PORTS,
  }],
  ['switches.*.ports.*.count', { text: '**count** — the number of ports in this group.', learn: PORTS }],
  ['switches.*.ports.*.speed', {
    text: '**speed** — the fastest rate each port of the group runs, e.g. `25G`, `100G`, `400G`.\nA 400G port can usually run 100G (or break out into 4×100G); a 25G port can never carry 100G.',
    learn: SPEEDS,
  }],
  ['switches.*.ports.*.for', {
    text: '**for** — what the ports face: `servers` (downlinks) or `fabric` (uplinks).\nWhen no server group attaches to a leaf, its `for: servers` ports are its downlink capacity.',
    learn: OVERSUB,
  }],
  ['switches.*.ports.*.breakout', {
    text: '**breakout** — run each port as N logical ports: `2x`, `4x` or `8x` a speed, N × speed = the port\'s speed (format 1.1).\n`{ count: 16, speed: 400G, breakout: 4x100G }` offers 64 ports of 100G and none of 400G; GPU and storage fabrics often break 400G or 800G ports out to their NICs.',
    learn: BREAKOUTS,
  }],
  ['servers', {
    text: '**servers** — groups of identical servers, by name, with their NICs and the leaves they attach to.\nThey make up a leaf\'s downlink bandwidth.',
    learn: LAYERS,
  }],
  ['servers.*.count', { text: '**count** — the number of identical servers in the group.', learn: LAYERS }],
  ['servers.*.nics', {
    text: '**nics** — each server\'s network ports towards the leaves: `count` ports of `speed`.\nThe group\'s count × nics.count NIC links are spread evenly over its leaves.',
    learn: SPEEDS,
  }],
  ['servers.*.nics.count', { text: '**count** — NIC ports per server. Dual homing needs at least 2.', learn: HOMING }],
  ['servers.*.nics.speed', { text: '**speed** — the speed of each NIC port; 25G is today\'s common server NIC, 100G and faster for AI and storage.', learn: SPEEDS }],
  ['servers.*.leaves', {
    text: '**leaves** — the leaves these servers attach to. Their NIC links are spread evenly: leaf *i* gets the floor or the ceiling of its share.\nTwo or more leaves are needed for dual homing; naming a spine or super-spine here is a `tier-violation`.',
    learn: HOMING,
  }],
  ['servers.*.virtualization', {
    text: '**virtualization** — how these servers host virtual machines (informational).\nA hypervisor runs guest kernels that each believe they own ring 0: hardware support (VT-x/AMD-V) makes that work.',
    learn: RING0,
  }],
  ['servers.*.virtualization.hypervisor', { text: '**hypervisor** — e.g. `kvm`, `esxi`, `hyper-v`, `xen`. With VT-x/AMD-V it runs in root mode while guests run in non-root mode.', learn: HWVIRT }],
  ['servers.*.virtualization.vms_per_server', {
    text: '**vms_per_server** — virtual machines per server. Every VM exit (I/O, interrupts, some instructions) costs time on the host; more VMs means more exits to keep cheap.',
    learn: EXITS,
  }],
  ['servers.*.virtualization.sriov', {
    text: '**sriov** — whether VMs get SR-IOV virtual functions (VFs) of the NIC: the VM drives its VF\'s registers directly (mapped into it through EPT/NPT), and the IOMMU translates the VF\'s DMA and remaps its interrupts, so the hypervisor\'s software switch is off the data path.',
    learn: SRIOV,
  }],
  ['links', {
    text: '**links** — cables between two switches: `between`, `speed`, and `count` parallel links.\nEvery leaf should reach every spine of its pod with the same bandwidth.',
    learn: EQUIDISTANT,
  }],
  ['links.*.between', { text: '**between** — the two switches this link joins, by name. Each end takes one port per parallel link.', learn: NAMES }],
  ['links.*.speed', { text: '**speed** — the link\'s rate. Both ends need a port group at least this fast.', learn: SPEEDS }],
  ['links.*.count', {
    text: '**count** — parallel links between the pair (default 1). Each is a separate ECMP path (or a LAG member); keep one entry per pair and raise `count` rather than repeating the pair.',
    learn: PARALLEL,
  }],
  ['links.*.kind', {
    text: '**kind** — `fabric` (default): a link between tiers; `peer` (format 1.1): an MLAG/vPC/ESI peer link between two switches of the same role and pod.\nA peer link is never an uplink or a tier violation; it uses ports like any link.',
    learn: PEERS,
  }],
]);

/** Docs for enum values, keyed `schemaPath=value`. */
export const VALUE_DOCS: ReadonlyMap<string, KeyDoc> = new Map<string, KeyDoc>([
  ['design.workload=general', { text: '**general** — mixed application traffic. Some oversubscription (3:1 by default) is acceptable: not every server sends at line rate at once.', learn: OVERSUB }],
  ['design.workload=rdma', { text: '**rdma** — RDMA over Converged Ethernet (RoCEv2): latency-sensitive traffic, usually run lossless with PFC and ECN. Needs full bisection bandwidth (1:1); oversubscription is an error.', learn: RDMA }],
  ['design.server_homing=single', { text: '**single** — each server reaches one leaf. Simple, but a leaf failure or upgrade takes its servers offline.', learn: HOMING }],
  ['design.server_homing=dual', { text: '**dual** — each server has NICs on two leaves (MLAG or EVPN multihoming). Every server group needs ≥ 2 leaves and ≥ 2 NICs.', learn: HOMING }],
  ['switches.*.role=leaf', { text: '**leaf** — the top-of-rack switch: servers attach here, and it links to every spine (of its pod).', learn: LAYERS }],
  ['switches.*.role=spine', { text: '**spine** — connects leaves: every leaf links to every spine of its pod, so any two leaves of a pod are two hops apart (four, through a super-spine, between pods).', learn: EQUIDISTANT }],
  ['switches.*.role=external', {
    text: '**external** — a device outside the fabric: firewall, WAN/DCI router, load balancer (format 1.1). Its links to leaves are north-south traffic: at a border leaf they count as downlink, never as uplink.\n`ports` are optional; home it on two fabric switches (`external-homing`).',
    learn: BORDER,
  }],
  ['switches.*.role=super-spine', { text: '**super-spine** — joins the spines of several pods (a 5-stage Clos); spines link up to the super-spines of their plane.', learn: CLOS5 }],
  ['switches.*.ports.*.for=servers', { text: '**servers** — downlink ports: they face servers and count as the leaf\'s downlink capacity when no server group is attached.', learn: OVERSUB }],
  ['switches.*.ports.*.for=fabric', { text: '**fabric** — uplink ports: they face spines (or super-spines).', learn: OVERSUB }],
  ['links.*.kind=fabric', { text: '**fabric** — an ordinary link between tiers (the default): leaf → spine → super-spine, or to an external.', learn: EQUIDISTANT }],
  ['links.*.kind=peer', {
    text: '**peer** — an MLAG/vPC/ESI peer link between the two switches of a pair (same role, same pod): they act as one to dual-homed servers. Not an uplink, not in ECMP; each switch has one peer (`peer-link`).',
    learn: PEERS,
  }],
]);

/** What a speed is typically used for, for speed hovers and completion (one table: model/speedFacts.ts). */
export { speedUse } from '../model/speedFacts';
