/** What every check produces: a finding with a rule id, a severity and an exact range. */
import type { Range } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  message: string;
  range: Range;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
}
