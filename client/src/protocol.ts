/**
 * Custom LSP requests between the Topology Tutor client and server: method names and types that
 * both sides import, so they stay in step. No vscode import (the server imports this module).
 */
import type { FabricSummary } from '../../server/src/core/summary/fabricSummary';

/** `topology/fabricSummary`: the figures shown in the status bar for one open document. */
export const FABRIC_SUMMARY_METHOD = 'topology/fabricSummary';

export interface FabricSummaryParams {
  /** The document URI, as the client sent it in textDocument/didOpen. */
  uri: string;
}

/** The summary the server computes (one definition, in the server's pure core). */
export type { FabricSummary };

/** Result: the summary, or null when the document is unknown to the server or cannot be analysed. */
export type FabricSummaryResult = FabricSummary | null;

/**
 * Checks a response from the wire (the client does not trust it blindly) and returns a clean copy;
 * undefined when it is not a FabricSummary. A missing `overMax` reads as false.
 */
export function parseFabricSummary(value: unknown): FabricSummary | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const count = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
  if (!count(v.spines) || !count(v.leaves) || !count(v.errors) || !count(v.warnings)) return undefined;
  if (v.overMax !== undefined && typeof v.overMax !== 'boolean') return undefined;
  const summary: FabricSummary = { spines: v.spines, leaves: v.leaves, overMax: v.overMax === true, errors: v.errors, warnings: v.warnings };
  if (text(v.worstRatio)) summary.worstRatio = v.worstRatio;
  if (text(v.worstLeaf)) summary.worstLeaf = v.worstLeaf;
  return summary;
}
