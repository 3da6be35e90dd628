import { formatNumber } from './number';

/**
 * A bandwidth in Gbps as `1200G`, `0.1G`: G with at most 2 decimals. A non-zero amount that
 * would round to `0G` (megabit speeds) keeps enough decimals to stay non-zero.
 */
export function formatGbps(gbps: number): string {
  let decimals = 2;
  while (decimals < 6 && gbps !== 0 && formatNumber(gbps, decimals) === '0') decimals++;
  return `${formatNumber(gbps, decimals)}G`;
}
