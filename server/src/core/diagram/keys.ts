/**
 * The keys of what the diagram draws (see shared/webview/diagramView.ts): `s:<name>` for a switch,
 * `g:<tier>:<lo>:<hi>:<column>` for a group box standing for members lo..hi-1 of a row segment,
 * and `l:<n>:<fromKey><toKey>` for the link (or bundle of links) between two drawn nodes. Only the
 * core builds and reads them; they are short, since thousands of links may be sent.
 */
import { DIAGRAM_TIERS } from '../../../../shared/webview/diagramView';
import type { DiagramTier } from '../../../../shared/webview/diagramView';

export interface GroupRef {
  tier: DiagramTier;
  /** The pod (spines, leaves) or plane (super-spines) id; '' for none. */
  column: string;
  lo: number;
  hi: number;
}

export const switchKey = (name: string): string => `s:${name}`;

export function switchName(key: string): string | undefined {
  return key.startsWith('s:') ? key.slice(2) : undefined;
}

/** `g:<tier letter>:<lo>:<hi>:<column>` (the column last: it may hold any character). */
const TIER_LETTER: Record<DiagramTier, string> = { 'super-spine': 'S', spine: 's', leaf: 'l', external: 'e', none: 'n' };
const LETTER_TIER = new Map<string, DiagramTier>(DIAGRAM_TIERS.map((t) => [TIER_LETTER[t], t]));

export function groupKey(ref: GroupRef): string {
  return `g:${TIER_LETTER[ref.tier]}:${ref.lo}:${ref.hi}:${ref.column}`;
}

export function parseGroupKey(key: string): GroupRef | undefined {
  const m = /^g:([Sslen]):(\d{1,9}):(\d{1,9}):/.exec(key);
  if (m === null) return undefined;
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  if (hi <= lo) return undefined;
  return { tier: LETTER_TIER.get(m[1])!, column: key.slice(m[0].length), lo, hi };
}

/** `l:<length of from>:<from><to>`: two node keys, unambiguously. */
export const linkKey = (from: string, to: string): string => `l:${from.length}:${from}${to}`;

export function parseLinkKey(key: string): [string, string] | undefined {
  const m = /^l:(\d{1,9}):/.exec(key);
  if (m === null) return undefined;
  const length = Number(m[1]);
  const rest = key.slice(m[0].length);
  if (length < 3 || length >= rest.length) return undefined;
  return [rest.slice(0, length), rest.slice(length)];
}
