/**
 * The fabric at a glance, as the server sends it (`topology/fabricSummary`) and the status bar
 * shows it, and the check the client applies to what arrives over the wire. The server's core
 * computes it (server/src/core/summary/fabricSummary.ts). Pure: no node or vscode import.
 */
export interface FabricSummary {
  spines: number;
  leaves: number;
  /** The highest leaf ratio, formatted like `4:1`; absent when no leaf has one. */
  worstRatio?: string;
  worstLeaf?: string;
  /** The worst ratio exceeds the design's max_oversubscription. */
  overMax: boolean;
  errors: number;
  warnings: number;
}

/** The longest worstRatio / worstLeaf text accepted (the server truncates names to this). */
export const MAX_SUMMARY_TEXT = 200;

/**
 * Checks a response from the wire (the client does not trust it blindly) and returns a clean copy;
 * undefined when it is not a FabricSummary. A missing `overMax` reads as false.
 */
export function parseFabricSummary(value: unknown): FabricSummary | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const count = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_SUMMARY_TEXT;
  if (!count(v.spines) || !count(v.leaves) || !count(v.errors) || !count(v.warnings)) return undefined;
  if (v.overMax !== undefined && typeof v.overMax !== 'boolean') return undefined;
  const summary: FabricSummary = { spines: v.spines, leaves: v.leaves, overMax: v.overMax === true, errors: v.errors, warnings: v.warnings };
  if (text(v.worstRatio)) summary.worstRatio = v.worstRatio;
  if (text(v.worstLeaf)) summary.worstLeaf = v.worstLeaf;
  return summary;
}
