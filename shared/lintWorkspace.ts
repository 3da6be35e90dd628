/**
 * "Topology: Lint Workspace" (`topology/lintFile`): the client finds the topology files that are not
 * open, reads each through `vscode.workspace.fs` (so it works where the server cannot read the disk,
 * as in a browser), and sends its text; the server lints it as it would lint the open document, with
 * the file's settings and project config (`.topology-tutor.yaml`: severities and `ignore:`), and
 * answers with the diagnostics, which the client shows in the Problems panel until the file is
 * opened. parseLintFileResult checks the answer before anything of it is shown. Pure.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol';

export interface LintFileParams {
  /** The file's URI (a file: URI when on disk; the config lookup needs one). */
  uri: string;
  /** The file's text, as read from disk. */
  text: string;
}

export interface LintFileResult {
  uri: string;
  /** The project config's `ignore:` matches the file: nothing to show for it. */
  ignored: boolean;
  diagnostics: Diagnostic[];
}

/** The most diagnostics accepted for one file (the server's findings are bounded far below it). */
export const MAX_FILE_DIAGNOSTICS = 100_000;
const MAX_MESSAGE = 20_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function parseRange(value: unknown): Diagnostic['range'] | undefined {
  if (!isRecord(value) || !isRecord(value.start) || !isRecord(value.end)) return undefined;
  const { start, end } = value;
  if (!isCount(start.line) || !isCount(start.character) || !isCount(end.line) || !isCount(end.character)) return undefined;
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}

function parseDiagnostic(value: unknown): Diagnostic | undefined {
  if (!isRecord(value) || typeof value.message !== 'string' || value.message.length > MAX_MESSAGE) return undefined;
  const range = parseRange(value.range);
  if (range === undefined) return undefined;
  const diagnostic: Diagnostic = { range, message: value.message };
  if (value.severity !== undefined) {
    if (value.severity !== 1 && value.severity !== 2 && value.severity !== 3 && value.severity !== 4) return undefined;
    diagnostic.severity = value.severity;
  }
  if (typeof value.code === 'string' || (typeof value.code === 'number' && Number.isSafeInteger(value.code))) diagnostic.code = value.code;
  if (typeof value.source === 'string' && value.source.length <= 100) diagnostic.source = value.source;
  if (isRecord(value.codeDescription) && typeof value.codeDescription.href === 'string' && value.codeDescription.href.length <= 2000) {
    diagnostic.codeDescription = { href: value.codeDescription.href };
  }
  if (Array.isArray(value.relatedInformation)) {
    const related: NonNullable<Diagnostic['relatedInformation']> = [];
    for (const item of value.relatedInformation.slice(0, 100)) {
      if (!isRecord(item) || !isRecord(item.location) || typeof item.location.uri !== 'string' || typeof item.message !== 'string') continue;
      const at = parseRange(item.location.range);
      if (at !== undefined && item.message.length <= MAX_MESSAGE) related.push({ location: { uri: item.location.uri, range: at }, message: item.message });
    }
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

/** Checks a `topology/lintFile` answer for `uri`; undefined when it is not one (then nothing is shown). */
export function parseLintFileResult(value: unknown, uri: string): LintFileResult | undefined {
  if (!isRecord(value) || value.uri !== uri || typeof value.ignored !== 'boolean' || !Array.isArray(value.diagnostics)) return undefined;
  if (value.diagnostics.length > MAX_FILE_DIAGNOSTICS) return undefined;
  const diagnostics: Diagnostic[] = [];
  for (const raw of value.diagnostics) {
    const diagnostic = parseDiagnostic(raw);
    if (diagnostic === undefined) return undefined;
    diagnostics.push(diagnostic);
  }
  return { uri, ignored: value.ignored, diagnostics };
}
