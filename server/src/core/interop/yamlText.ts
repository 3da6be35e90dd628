/**
 * The few pieces of YAML the exporters and the importer write: scalars and keys that read back as
 * the same string (plain when that is unambiguous, else double-quoted, which JSON's escaping makes
 * safe for any text), so every output parses to exactly what was meant, byte for byte the same
 * for the same input.
 */

/** Words YAML 1.1 or 1.2 reads as booleans or null when plain. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** A plain scalar that stays a string in every YAML reader: starts with a letter, digit or `_`, then no YAML indicator. */
const SAFE_PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** Looks like a number (or a date, or a sexagesimal) to some YAML reader. */
const NUMBER_LIKE = /^[-+.]?[0-9]|^\.(?:inf|nan)$/i;

/** `text` as a YAML scalar that reads back as the string `text`. */
export function yamlString(text: string): string {
  if (SAFE_PLAIN.test(text) && !RESERVED.test(text) && !NUMBER_LIKE.test(text)) return text;
  return JSON.stringify(text);
}

/** A YAML key for `text` (same rules as a value). */
export function yamlKey(text: string): string {
  return yamlString(text);
}

/** `text` always double-quoted (endpoints, label values that hold lists). */
export function yamlQuoted(text: string): string {
  return JSON.stringify(text);
}

/** A number as YAML writes it (integers as they are; others at full precision). */
export function yamlNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value);
}
