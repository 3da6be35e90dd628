/**
 * Suppression comments:
 *   # topology-disable-next-line rule-id[, rule-id]   (the finding starts on the next line)
 *   # topology-disable rule-id[, rule-id]             (anywhere: the whole file)
 */
import type { Finding } from './findings';

export interface Suppressions {
  file: ReadonlySet<string>;
  /** Rule ids suppressed on a line (zero-based line of the finding). */
  lines: ReadonlyMap<number, ReadonlySet<string>>;
}

const DIRECTIVE = /(?:^|[ \t])#[ \t]*topology-disable(-next-line)?[ \t]+([A-Za-z0-9-]+(?:[ \t]*,[ \t]*[A-Za-z0-9-]+)*)/gm;

/**
 * `isInsideValue(offset)` tells whether a `#` is part of a value (a quoted string or a block
 * scalar) rather than a comment; directives there are ignored.
 */
export function parseSuppressions(text: string, isInsideValue: (offset: number) => boolean = () => false): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  if (!text.includes('topology-disable')) return { file, lines };
  let line = 0;
  let scanned = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    const at = match.index ?? 0;
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      scanned = i + 1;
    }
    if (isInsideValue(at + match[0].indexOf('#'))) continue;
    const ids = match[2].split(',').map((id) => id.trim());
    if (match[1] === undefined) {
      ids.forEach((id) => file.add(id));
    } else {
      const target = lines.get(line + 1) ?? new Set<string>();
      ids.forEach((id) => target.add(id));
      lines.set(line + 1, target);
    }
  }
  return { file, lines };
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  if (suppressions.file.has(finding.rule)) return true;
  return suppressions.lines.get(finding.range.start.line)?.has(finding.rule) ?? false;
}
