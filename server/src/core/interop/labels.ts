/**
 * The labels a containerlab topology carries for Topology Tutor: their names (a public contract,
 * like rule ids) and the grammar of their values. Pure string parsing; callers map the offsets
 * back into the file.
 *
 * - on a node (directly or through `defaults`, `kinds`, `groups`): `topology.role`,
 *   `topology.pod`, `topology.plane`, `topology.ports` ("48x25G servers, 8x100G fabric,
 *   4x400G breakout 4x100G"), `topology.model`, and on a server stand-in `topology.group`;
 * - on a link: `topology.speed` ("100G"), `topology.kind` ("peer");
 * - lab-wide, in `topology.defaults.labels`: `topology.name`, `topology.description`,
 *   `topology.design.<key>` (the format's `design` keys) and `topology.servers.<group>`
 *   ("40x2x25G on leaf1,leaf2": 40 servers with 2 NICs of 25G, spread over leaf1 and leaf2).
 */
import { BREAKOUT_WAYS, breakoutMatches } from '../model/breakout';
import { parseSpeed } from '../model/speed';
import { quote } from '../text/quote';

export const LABELS = {
  role: 'topology.role',
  pod: 'topology.pod',
  plane: 'topology.plane',
  ports: 'topology.ports',
  model: 'topology.model',
  group: 'topology.group',
  speed: 'topology.speed',
  kind: 'topology.kind',
  name: 'topology.name',
  description: 'topology.description',
} as const;

export const DESIGN_PREFIX = 'topology.design.';
export const SERVERS_PREFIX = 'topology.servers.';

/** Labels that describe one node. */
export const NODE_LABELS: readonly string[] = [LABELS.role, LABELS.pod, LABELS.plane, LABELS.ports, LABELS.model, LABELS.group];
/** Labels that describe one link. */
export const LINK_LABELS: readonly string[] = [LABELS.speed, LABELS.kind];
/** The design keys `topology.design.<key>` may name, as in the format's `design` map. */
export const DESIGN_KEYS: readonly string[] = ['workload', 'max_oversubscription', 'max_spine_oversubscription', 'min_spines', 'server_homing'];
/** Lab-wide labels (under `topology.defaults.labels` only). */
export const LAB_LABELS: readonly string[] = [LABELS.name, LABELS.description, ...DESIGN_KEYS.map((k) => DESIGN_PREFIX + k)];

/** `topology.role` values: the format's roles, and `server` for a host that stands for servers. */
export const LAB_ROLES = ['leaf', 'spine', 'super-spine', 'external', 'server'] as const;
export type LabRole = (typeof LAB_ROLES)[number];

/** A problem in a label value, at [start, end) of the value text. */
export interface ValueProblem {
  message: string;
  start: number;
  end: number;
}

export interface PortsItem {
  /** Physical ports and their speed as written. */
  count: number;
  speedText: string;
  speedGbps: number;
  purpose?: 'servers' | 'fabric';
  breakout?: { ways: number; speedGbps: number; text: string };
  /** The item's place in the value text. */
  start: number;
  end: number;
}

const ITEM = /^(\d+)x(\S+)$/;

/** Splits `text` at commas, keeping each part's offset (trimmed). */
function parts(text: string): { part: string; start: number }[] {
  const out: { part: string; start: number }[] = [];
  let offset = 0;
  for (const raw of text.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    out.push({ part: raw.trim(), start: offset + lead });
    offset += raw.length + 1;
  }
  return out;
}

/** `topology.ports`: comma-separated `COUNTxSPEED [servers|fabric] [breakout WAYSxSPEED]`. */
export function parsePorts(text: string): { items: PortsItem[]; problems: ValueProblem[] } {
  const items: PortsItem[] = [];
  const problems: ValueProblem[] = [];
  for (const { part, start } of parts(text)) {
    const end = start + part.length;
    const bad = (message: string): void => {
      problems.push({ message, start, end: Math.max(end, start + 1) });
    };
    if (part === '') {
      bad('an empty port group (two commas, or a comma at the end)');
      continue;
    }
    const tokens = part.split(/\s+/);
    const match = ITEM.exec(tokens[0]);
    const count = match === null ? NaN : Number(match[1]);
    const speedGbps = match === null ? undefined : parseSpeed(match[2]);
    if (match === null || !Number.isSafeInteger(count) || count < 1 || count > 1_000_000 || speedGbps === undefined) {
      bad(`${quote(tokens[0])} is not COUNTxSPEED (like \`48x25G\`: 1 to 1,000,000 ports of a speed such as 25G, 100G, 1.6T)`);
      continue;
    }
    const item: PortsItem = { count, speedText: match[2], speedGbps, start, end };
    let ok = true;
    for (let i = 1; i < tokens.length && ok; i++) {
      const token = tokens[i];
      if ((token === 'servers' || token === 'fabric') && item.purpose === undefined) {
        item.purpose = token;
      } else if (token === 'breakout' && item.breakout === undefined && i + 1 < tokens.length) {
        const split = /^(\d+)x(\S+)$/.exec(tokens[i + 1]);
        const ways = split === null ? NaN : Number(split[1]);
        const lane = split === null ? undefined : parseSpeed(split[2]);
        if (split === null || !BREAKOUT_WAYS.includes(ways) || lane === undefined || !breakoutMatches({ ways, speedGbps: lane }, speedGbps)) {
          bad(`${quote(`breakout ${tokens[i + 1]}`)} does not split a ${quote(match[2])} port: use 2, 4 or 8 ways whose speeds add up to it (like \`breakout 4x100G\` on 400G)`);
          ok = false;
        } else {
          item.breakout = { ways, speedGbps: lane, text: tokens[i + 1] };
          i++;
        }
      } else {
        bad(`${quote(token)} after ${quote(tokens[0])}: a port group may add \`servers\` or \`fabric\` (what it is for) and \`breakout WAYSxSPEED\``);
        ok = false;
      }
    }
    if (ok) items.push(item);
  }
  return { items, problems };
}

export interface ServersSpec {
  count: number;
  nicCount: number;
  nicSpeedText: string;
  nicSpeedGbps: number;
  /** Where `COUNTxNICSxSPEED` is in the value text. */
  start: number;
  end: number;
  /** Where `NICSxSPEED` is. */
  nicsStart: number;
  leaves: { name: string; start: number; end: number }[];
}

/** `topology.servers.<group>`: `COUNTxNICSxSPEED on LEAF[,LEAF…]`. */
export function parseServers(text: string): { spec?: ServersSpec; problem?: ValueProblem } {
  const match = /^(\s*)(\d+)x(\d+)x(\S+)\s+on\s+(.*\S)\s*$/.exec(text);
  const whole = { start: 0, end: Math.max(1, text.length) };
  if (match === null) return { problem: { message: 'write `COUNTxNICSxSPEED on LEAF,LEAF` (like `40x2x25G on leaf1,leaf2`: 40 servers, 2 NICs of 25G each)', ...whole } };
  const count = Number(match[2]);
  const nicCount = Number(match[3]);
  const nicSpeedGbps = parseSpeed(match[4]);
  const start = match[1].length;
  const end = start + match[2].length + 1 + match[3].length + 1 + match[4].length;
  const nicsStart = start + match[2].length + 1;
  if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000 || !Number.isSafeInteger(nicCount) || nicCount < 1 || nicCount > 1_000_000) {
    return { problem: { message: 'server and NIC counts are whole numbers from 1 to 1,000,000', start, end } };
  }
  if (nicSpeedGbps === undefined) return { problem: { message: `${quote(match[4])} is not a speed (like 25G, 100G)`, start: nicsStart, end } };
  const listStart = /^\s*\d+x\d+x\S+\s+on\s+/.exec(text)![0].length;
  const leaves: ServersSpec['leaves'] = [];
  for (const { part, start: at } of parts(match[5])) {
    if (part === '') return { problem: { message: 'an empty leaf name in the list', start: listStart + at, end: listStart + at + 1 } };
    leaves.push({ name: part, start: listStart + at, end: listStart + at + part.length });
  }
  return { spec: { count, nicCount, nicSpeedText: match[4], nicSpeedGbps, start, end, nicsStart, leaves } };
}
