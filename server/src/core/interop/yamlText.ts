/**
 * The few pieces of YAML the exporters and the importer write: scalars and keys that read back as
 * the same string (plain when that is unambiguous, else double-quoted, which JSON's escaping makes
 * safe for any text), so every output parses to exactly what was meant, byte for byte the same
 * for the same input.
 */
import { resolvePlainScalar } from '../yaml/yamlTree';

/** Words YAML 1.1 or 1.2 reads as booleans or null when plain. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** A plain scalar without YAML indicators (letters, digits, `_./-`); numbers and dates are quoted below. */
const SAFE_PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
/** What YAML 1.1 readers also take for numbers or dates: `1_000`, `0b101`, `1:30`, `2026-01-02`. */
const YAML11_NOT_STRING = /^[-+]?[0-9][0-9_]*$|^0b[01_]+$|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;

/** `text` as a YAML scalar that reads back as the string `text`. */
export function yamlString(text: string): string {
  const plain = SAFE_PLAIN.test(text) && !RESERVED.test(text) && resolvePlainScalar(text) === text && !YAML11_NOT_STRING.test(text);
  return plain ? text : JSON.stringify(text);
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
