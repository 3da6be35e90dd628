/** Number formatting for messages: never NaN, Infinity, exponents or grouping separators. */

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let format = formatters.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    formatters.set(decimals, format);
  }
  return format;
}

/**
 * `value` with at most `decimals` decimals, trailing zeros dropped (`2.5`, `1200`, `0.1`).
 * A non-finite value (which callers never pass) reads `?` rather than NaN or Infinity.
 */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '?';
  // Integers below 1e21 print the same through String (no exponent, no grouping; -0 is "0"): ~1 µs saved per call.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = formatter(decimals).format(value);
  return text === '-0' ? '0' : text;
}

/** `1 link`, `3 links`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : pluralForm}`;
}
