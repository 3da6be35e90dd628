/**
 * What Topology Tutor knows about containerlab kinds: how each names its data interfaces, which
 * image and netlab device a generated lab uses for it, and (SR Linux only) the front panels of the
 * hardware types containerlab emulates, so a lab with a `type` has speeds without labels.
 */
import { parseSpeed } from '../model/speed';

export type InterfaceStyle = 'srl' | 'eth';

export interface KindInfo {
  /** The containerlab kind name (as the published schema lists it). */
  kind: string;
  style: InterfaceStyle;
  /** The image a generated lab uses (the user may change it). */
  image: string;
  /** The netlab device type. */
  netlab: string;
  /** Shown in messages. */
  label: string;
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'nokia_srlinux', style: 'srl', image: 'ghcr.io/nokia/srlinux:latest', netlab: 'srlinux', label: 'Nokia SR Linux' },
  { kind: 'arista_ceos', style: 'eth', image: 'ceos:latest', netlab: 'eos', label: 'Arista cEOS' },
  { kind: 'sonic-vs', style: 'eth', image: 'docker-sonic-vs:latest', netlab: 'sonic', label: 'SONiC (virtual switch)' },
  { kind: 'linux', style: 'eth', image: 'ghcr.io/srl-labs/network-multitool:latest', netlab: 'linux', label: 'Linux' },
];

/** Older names containerlab still accepts. */
const ALIASES = new Map<string, string>([
  ['srl', 'nokia_srlinux'],
  ['ceos', 'arista_ceos'],
]);

export const DEFAULT_KIND = 'nokia_srlinux';
export const EXTERNAL_KIND = 'linux';

/** The kind a name stands for (aliases resolved), or undefined for a kind not in the table. */
export function kindInfo(name: string | undefined): KindInfo | undefined {
  if (name === undefined) return undefined;
  const canonical = ALIASES.get(name) ?? name;
  return KINDS.find((k) => k.kind === canonical);
}

/** Kinds that are not devices of the fabric: links to them are not fabric links. */
export const NON_DEVICE_KINDS: ReadonlySet<string> = new Set(['bridge', 'ovs-bridge', 'host', 'ext-container', 'mgmt-net']);

/** Link endpoints with these node names are containerlab's special ones (host, management network, macvlan). */
export const SPECIAL_ENDPOINTS: ReadonlySet<string> = new Set(['host', 'mgmt-net', 'macvlan']);

export interface TablePortGroup {
  count: number;
  speedGbps: number;
  speedText: string;
}

const group = (count: number, speedText: string): TablePortGroup => ({ count, speedText, speedGbps: parseSpeed(speedText)! });

/**
 * Front panels of the Nokia 7220 IXR-D types, in interface order (ethernet-1/1 upward), from the
 * Nokia 7220 IXR-D series data sheet: D1 48 × 1G + 4 × 10G SFP+; D2 48 × 25G SFP28 + 8 × 100G
 * QSFP28 (D2L adds 2 × 10G SFP+); D3 and D3L 32 × 100G QSFP28 + 2 × 10G SFP+. Types are matched
 * without hyphens (`ixrd2l` and `ixr-d2l` are the same).
 */
const SRL_TYPES = new Map<string, TablePortGroup[]>([
  ['ixrd1', [group(48, '1G'), group(4, '10G')]],
  ['ixrd2', [group(48, '25G'), group(8, '100G')]],
  ['ixrd2l', [group(48, '25G'), group(8, '100G'), group(2, '10G')]],
  ['ixrd3', [group(32, '100G'), group(2, '10G')]],
  ['ixrd3l', [group(32, '100G'), group(2, '10G')]],
]);

/** The built-in front panel of a kind and type, when the table has one. */
export function tablePorts(kind: string | undefined, type: string | undefined): TablePortGroup[] | undefined {
  if (type === undefined || kindInfo(kind)?.kind !== 'nokia_srlinux') return undefined;
  return SRL_TYPES.get(type.trim().toLowerCase().replace(/-/g, ''));
}
