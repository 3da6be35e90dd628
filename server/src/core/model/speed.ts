/**
 * Line rates: `<number><M|G|T>` (the schema's speed pattern: up to 6 integer digits, up to
 * 3 decimals, never zero) → gigabits per second. Anything else is not a usable speed.
 */
const SPEED_RE = /^(?=[0-9.]*[1-9])([0-9]{1,6})(?:\.([0-9]{1,3}))?([MGT])$/;

/** Kilobits per second per thousandth of a unit. */
const UNIT_KBPS_PER_MILLI: Record<'M' | 'G' | 'T', number> = { M: 1, G: 1_000, T: 1_000_000 };

/**
 * Parses a speed such as `25G`, `1.6T` or `100M` to Gbps; undefined for anything that is not
 * a positive speed in the format (including non-strings). Values are computed from an exact
 * integer kbps count, so equal speeds compare equal and order is preserved.
 */
export function parseSpeed(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  // Files repeat a handful of speeds many thousand times.
  if (cache.has(text)) return cache.get(text);
  const value = parse(text);
  if (cache.size >= 1024) cache.clear();
  cache.set(text, value);
  return value;
}

const cache = new Map<string, number | undefined>();

function parse(text: string): number | undefined {
  const match = SPEED_RE.exec(text);
  if (match === null) return undefined;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(3, '0'));
  const unit = match[3] as 'M' | 'G' | 'T';
  const kbps = (whole * 1000 + fraction) * UNIT_KBPS_PER_MILLI[unit];
  if (!Number.isSafeInteger(kbps) || kbps <= 0) return undefined;
  return kbps / 1_000_000;
}
