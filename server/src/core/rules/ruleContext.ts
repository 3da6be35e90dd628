/** What every fabric rule module shares: its shape, the context it runs in, message helpers. */
import type { Finding, FindingSubject, RelatedLocation, Severity } from '../findings';
import type { FabricModel, FabricSwitch } from '../model/fabricModel';
import { formatNumber } from '../model/number';
import type { LineIndex, Range } from '../text/lineIndex';
import { quote } from '../text/quote';
import type { YamlNode } from '../yaml/yamlTree';
import { ruleInfo } from './catalog';

export interface RuleContext {
  lines: LineIndex;
}

export interface FabricRule {
  id: string;
  check(model: FabricModel, ctx: RuleContext): Finding[];
}

/** Related locations listed per finding at most (the message says how many more). */
export const MAX_RELATED = 50;
/** Names listed in one message at most. */
export const MAX_NAMES = 8;

export function defaultSeverity(id: string): Severity {
  return ruleInfo(id)?.defaultSeverity ?? 'warning';
}

export function rangeOf(ctx: RuleContext, node: YamlNode): Range {
  return ctx.lines.range(node.start, node.end);
}

export function related(ctx: RuleContext, node: YamlNode, message: string): RelatedLocation {
  return { message, range: rangeOf(ctx, node) };
}

export function makeFinding(
  ctx: RuleContext,
  rule: string,
  node: YamlNode,
  message: string,
  relatedLocations?: RelatedLocation[],
  severity: Severity = defaultSeverity(rule),
  subject?: FindingSubject,
): Finding {
  const finding: Finding = { rule, severity, message, range: rangeOf(ctx, node) };
  if (relatedLocations !== undefined && relatedLocations.length > 0) finding.related = relatedLocations.slice(0, MAX_RELATED);
  if (subject !== undefined) finding.subject = subject;
  return finding;
}

/** `a`, `a and b`, `a, b and c`, `a, b, … and 5 more` (names quoted). */
export function listNames(names: readonly string[], max = MAX_NAMES): string {
  const quoted = names.slice(0, max).map(quote);
  const rest = names.length - quoted.length;
  if (rest > 0) return `${quoted.join(', ')} and ${formatNumber(rest, 0)} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

export function switchNames(switches: readonly FabricSwitch[]): string[] {
  return switches.map((sw) => sw.name);
}

/** `half (50%)`, `a third (33.3%)`, `1/5 (20%)`: the share one of `n` equal parts is. */
export function shareWords(n: number): string {
  const percent = `${formatNumber(100 / n, 1)}%`;
  if (n === 1) return `all (${percent})`;
  if (n === 2) return `half (${percent})`;
  if (n === 3) return `a third (${percent})`;
  if (n === 4) return `a quarter (${percent})`;
  return `1/${formatNumber(n, 0)} (${percent})`;
}

/** The N-1 impact of losing one of `n` spines, for a fabric whose every leaf reaches all of them. */
export function spineLossImpact(n: number): string {
  if (n <= 0) return 'with no spine, leaves have no path to each other';
  if (n === 1) return 'with 1 spine, losing it disconnects every leaf';
  return `with ${formatNumber(n, 0)} spines, losing one removes ${shareWords(n)} of every leaf's uplink bandwidth`;
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** The word for a role in messages. */
export function roleWord(role: string | undefined): string {
  return role ?? 'switch';
}
