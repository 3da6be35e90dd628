/**
 * One lint result per open document version. Hovers, hints and diagnostics all read the
 * same result, so no request parses the document twice.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument } from '../core/lintDocument';
import type { LintResult } from '../core/lint';
import type { LintSettings } from '../core/settings';

interface Entry {
  version: number;
  settings: LintSettings;
  result: LintResult;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument, settings: LintSettings): LintResult {
    const entry = this.entries.get(document.uri);
    if (entry !== undefined && entry.version === document.version && entry.settings === settings) return entry.result;
    // The one place the server lints a document: topology files and containerlab topologies alike.
    const result = lintDocument(document.uri, document.getText(), settings);
    this.entries.set(document.uri, { version: document.version, settings, result });
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
