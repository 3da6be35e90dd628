/** What every check produces: a finding with a rule id, a severity and an exact range. */
import type { Range } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  message: string;
  range: Range;
}

/**
 * What a finding is about, by name: code actions look the subject up in the model (never by
 * searching the document for an offset), and the fix proof tells a finding that survived an edit
 * from a new one by its rule and subject. Sent to LSP clients as `Diagnostic.data`.
 */
export interface FindingSubject {
  /** The switch (or, for a link, its two ends as written) the finding is about. */
  switches?: string[];
  /** The index of the `links` entry (not part of the identity: entries move when others are edited). */
  link?: number;
  /** A server group. */
  group?: string;
  /** A pod or plane the finding is about (spine-redundancy per pod). */
  pod?: string;
  plane?: string;
  /** A name that is no switch (unknown-switch). */
  name?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  subject?: FindingSubject;
}

/**
 * A finding's identity across edits: its rule and subject, without positions, messages or link
 * indexes (which an edit elsewhere may change).
 */
export function findingKey(finding: Finding): string {
  const s = finding.subject;
  if (s === undefined) return JSON.stringify([finding.rule]);
  return JSON.stringify([finding.rule, s.switches ?? null, s.group ?? null, s.pod ?? null, s.plane ?? null, s.name ?? null]);
}
