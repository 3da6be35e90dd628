import { formatNumber } from './number';

/** An oversubscription ratio as `2.5:1`: at most 2 decimals, trailing zeros dropped. */
export function formatRatio(ratio: number): string {
  return `${formatNumber(ratio, 2)}:1`;
}

/**
 * Two ratios formatted so they read differently when they differ: `ratio` gets more decimals
 * (up to 6) while it would otherwise print the same as `limit` (3.001 vs 3 → `3.001:1`).
 */
export function formatRatioAgainst(ratio: number, limit: number): string {
  let decimals = 2;
  while (decimals < 6 && ratio !== limit && formatNumber(ratio, decimals) === formatNumber(limit, decimals)) decimals++;
  return `${formatNumber(ratio, decimals)}:1`;
}

/** Down ÷ up > max, with room for floating-point noise (3:1 is allowed when max is 3). */
export function exceedsRatio(down: number, up: number, max: number): boolean {
  return down > max * up * (1 + 1e-12);
}
