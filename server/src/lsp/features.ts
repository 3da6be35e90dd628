/** Request handlers: ask the core with the cached lint result, convert to LSP. Never throw. */
import { InlayHintKind, MarkupKind } from 'vscode-languageserver';
import type { Hover, InlayHint, Position, Range } from 'vscode-languageserver';
import type { LintResult } from '../core/lint';
import { hoverAt } from '../core/hover/hover';
import { inlayHints } from '../core/hints/inlayHints';

// Offsets come from the result's own line index, built with the result: TextDocument.offsetAt
// would build a second one on first use (tens of milliseconds on a 150k-line file).

export function hover(result: LintResult, position: Position, lessonsBase: string): Hover | null {
  const found = hoverAt(result, result.lines.offsetAt(position), lessonsBase);
  if (found === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: found.range };
}

export function hints(result: LintResult, range: Range): InlayHint[] {
  return inlayHints(result, result.lines.offsetAt(range.start), result.lines.offsetAt(range.end)).map((hint) => ({
    position: hint.position,
    label: hint.label,
    kind: InlayHintKind.Type,
    paddingLeft: true,
  }));
}
