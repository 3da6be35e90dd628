/** Request handlers: look up the document, ask the core, convert to LSP. Never throw. */
import { InlayHintKind, MarkupKind } from 'vscode-languageserver';
import type { Hover, InlayHint, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/lint';
import { hoverAt } from '../core/hover/hover';
import { inlayHints } from '../core/hints/inlayHints';

export function hover(result: LintResult, document: TextDocument, position: Position, lessonsBase: string): Hover | null {
  const found = hoverAt(result, document.offsetAt(position), lessonsBase);
  if (found === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: found.range };
}

export function hints(result: LintResult, document: TextDocument, range: Range): InlayHint[] {
  return inlayHints(result, document.offsetAt(range.start), document.offsetAt(range.end)).map((hint) => ({
    position: hint.position,
    label: hint.label,
    kind: InlayHintKind.Type,
    paddingLeft: true,
  }));
}
