/**
 * A speed in Gbps back as the format's `<number><M|G|T>` text (`25G`, `1.6T`, `100M`), so that
 * parseSpeed reads exactly the same number again.
 */
import { parseSpeed } from '../model/speed';

export function speedText(gbps: number): string {
  const kbps = Math.round(gbps * 1_000_000);
  const candidates: string[] = [];
  if (kbps % 1_000_000 === 0 && kbps >= 1_000_000_000 && (kbps / 1_000_000_000) % 1 !== 0) candidates.push(`${trim(kbps / 1_000_000_000)}T`);
  if (kbps % 1_000_000_000 === 0) candidates.push(`${kbps / 1_000_000_000}T`);
  if (kbps % 1000 === 0) candidates.push(`${trim(kbps / 1_000_000)}G`);
  candidates.push(`${trim(kbps / 1000)}M`);
  for (const text of candidates) {
    if (parseSpeed(text) === gbps) return text;
  }
  return `${trim(gbps)}G`;
}

function trim(value: number): string {
  return Number(value.toFixed(3)).toString();
}
