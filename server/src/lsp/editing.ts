/**
 * LSP glue for the editing features: converts the core's offsets and plain objects to LSP
 * types. Every function takes the cached lint result of the document's current version.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  ResponseError,
  ErrorCodes,
  SymbolKind,
} from 'vscode-languageserver';
import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Location,
  Position,
  Range,
  SemanticTokens,
  SemanticTokensLegend,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { LintResult } from '../core/lint';
import { findingKey, type Finding } from '../core/findings';
import type { OffsetEdit } from '../core/editing/edits';
import { fixAll, fixesFor, type FixErrorReporter } from '../core/editing/quickFixes';
import { completeAt, type CompletionKind } from '../core/editing/completion';
import { documentSymbols, type CoreSymbol, type SymbolKind as CoreSymbolKind } from '../core/editing/symbols';
import { definitionAt, prepareRenameAt, referencesAt, renameAt, RenameError } from '../core/editing/navigation';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../core/editing/semanticTokens';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.topology`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
export const COMPLETION_TRIGGERS = [':', ' ', '[', ','];
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

function toTextEdits(result: LintResult, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: result.lines.range(e.start, e.end), newText: e.newText }));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The core finding a client diagnostic stands for: same rule id (`code`) and range. */
function findingFor(result: LintResult, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof diagnostic.code === 'object' && diagnostic.code !== null ? (diagnostic.code as { value?: unknown }).value : diagnostic.code;
  if (typeof code !== 'string') return undefined;
  const same = result.findings.filter((f) => f.rule === code && sameRange(f.range, diagnostic.range));
  const subject = subjectKeyOf(code, diagnostic.data);
  return (subject === undefined ? undefined : same.find((f) => findingKey(f) === subject)) ?? same.find((f) => f.message === diagnostic.message) ?? same[0];
}

/** The finding key a diagnostic's `data.subject` stands for (as the server sent it), if any. */
function subjectKeyOf(rule: string, data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const subject = (data as { subject?: unknown }).subject;
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) return undefined;
  return findingKey({ rule, severity: 'info', message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, subject });
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function codeActions(result: LintResult, uri: string, params: CodeActionParams, reporter?: FixErrorReporter): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(result, diagnostic);
      if (finding === undefined) continue;
      for (const fix of fixesFor(result, finding, reporter)) {
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
        if (fix.isPreferred === true) action.isPreferred = true;
        if (fix.edits !== undefined) action.edit = { changes: { [uri]: toTextEdits(result, fix.edits) } };
        if (fix.command !== undefined) action.command = fix.command;
        actions.push(action);
      }
    }
  }
  // source.fixAll.topology only when asked for explicitly (on save, or "Fix all"): never in the light bulb.
  if (only !== undefined && only.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`) || k === CodeActionKind.SourceFixAll)) {
    const all = fixAll(result, reporter);
    if (all.edits.length > 0) {
      actions.push({
        title: `Fix all safe problems (${all.fixed.length})`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: toTextEdits(result, all.edits) } },
      });
    }
  }
  return actions;
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  switch: CompletionItemKind.Reference,
  speed: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
};

export function completion(result: LintResult, position: Position): CompletionList {
  const offset = result.lines.offsetAt(position);
  const found = completeAt(result, offset);
  const range = result.lines.range(found.replaceStart, found.replaceEnd);
  const items: CompletionItem[] = found.items.map((item) => {
    const out: CompletionItem = {
      label: item.label,
      kind: COMPLETION_KINDS[item.kind],
      textEdit: { range, newText: item.insertText },
      insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
    };
    if (item.detail !== undefined) out.detail = item.detail;
    if (item.documentation !== undefined) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
    if (item.sortText !== undefined) out.sortText = item.sortText;
    if (item.filterText !== undefined) out.filterText = item.filterText;
    if (item.preselect === true) out.preselect = true;
    if (item.retrigger === true) out.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    return out;
  });
  return { isIncomplete: false, items };
}

const SYMBOL_KINDS: Record<CoreSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  group: SymbolKind.Package,
  switch: SymbolKind.Object,
  'server-group': SymbolKind.Struct,
  link: SymbolKind.Interface,
  field: SymbolKind.Field,
};

function toSymbol(result: LintResult, symbol: CoreSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: symbol.name.length > 0 ? symbol.name : '""',
    kind: SYMBOL_KINDS[symbol.kind],
    range: result.lines.range(symbol.start, symbol.end),
    selectionRange: result.lines.range(symbol.selectionStart, symbol.selectionEnd),
    children: symbol.children.map((child) => toSymbol(result, child)),
  };
  if (symbol.detail !== undefined && symbol.detail.length > 0) out.detail = symbol.detail;
  return out;
}

export function symbols(result: LintResult): DocumentSymbol[] {
  return documentSymbols(result).map((s) => toSymbol(result, s));
}

export function definition(result: LintResult, uri: string, position: Position): Location | null {
  const span = definitionAt(result, result.lines.offsetAt(position));
  return span === undefined ? null : { uri, range: result.lines.range(span.start, span.end) };
}

export function references(result: LintResult, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  return referencesAt(result, result.lines.offsetAt(position), includeDeclaration).map((s) => ({ uri, range: result.lines.range(s.start, s.end) }));
}

export function prepareRename(result: LintResult, position: Position): { range: Range; placeholder: string } | null {
  const found = prepareRenameAt(result, result.lines.offsetAt(position));
  return found === undefined ? null : { range: result.lines.range(found.span.start, found.span.end), placeholder: found.placeholder };
}

/** The rename's edit; a ResponseError (shown to the user) for a name that cannot be used. */
export function rename(result: LintResult, uri: string, position: Position, newName: string): WorkspaceEdit | null | ResponseError<void> {
  try {
    const edits = renameAt(result, result.lines.offsetAt(position), newName);
    if (edits === undefined) return new ResponseError(ErrorCodes.InvalidRequest, 'Only a switch name can be renamed here.');
    return { changes: { [uri]: toTextEdits(result, edits) } };
  } catch (error) {
    if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
    throw error;
  }
}

export function tokens(result: LintResult): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const token of semanticTokens(result)) {
    const start = result.lines.positionAt(token.start);
    const end = result.lines.positionAt(token.end);
    if (end.line !== start.line) continue;
    const type = TOKEN_TYPES.indexOf(token.type);
    let mods = 0;
    for (const m of token.modifiers) mods |= 1 << TOKEN_MODIFIERS.indexOf(m);
    data.push(start.line - prevLine, start.line === prevLine ? start.character - prevChar : start.character, end.character - start.character, type, mods);
    prevLine = start.line;
    prevChar = start.character;
  }
  return { data };
}
