/**
 * Breakout ports (format 1.1): `breakout: NxS` runs each physical port as N logical ports of speed
 * S, with N one of 2, 4, 8 and N × S the port's own speed (a 400G port as 4x100G).
 */
import { parseSpeed } from './speed';

export const BREAKOUT_WAYS: readonly number[] = [2, 4, 8];

/** `4x100G` → 4 ways of 100 Gbps; undefined for anything else (the schema reports it). */
export function parseBreakout(text: string | undefined): { ways: number; speedGbps: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^([248])x(.+)$/.exec(text);
  if (match === null) return undefined;
  const speedGbps = parseSpeed(match[2]);
  return speedGbps === undefined ? undefined : { ways: Number(match[1]), speedGbps };
}

/** N × S equals the port speed (to the kilobit: speeds parse from exact integer kbps). */
export function breakoutMatches(split: { ways: number; speedGbps: number }, portGbps: number): boolean {
  return Math.abs(split.ways * split.speedGbps - portGbps) < 1e-9;
}
