/**
 * `topology/lintFile` (Topology: Lint Workspace): lints the text of a file the client read from disk
 * as the open document would be linted — its settings with its project config on top, `ignore:`
 * honoured — and returns the diagnostics. A config file is not linted here: the server publishes a
 * config file's problems itself once a topology file's lookup loads it. Publishes nothing: the client
 * shows the answer until the file is opened. Never throws across the wire: bad params get an empty
 * answer and a log line.
 *
 * The settings and the project config are looked up here; the lint itself runs on Lint Workspace's
 * own analysis worker (fileLinter.ts), held to the document time budget
 * (`topology.maxAnalysisSeconds`): a file that needs longer gets its syntax and schema findings and
 * one `analysis-skipped` info, as an open document would. Open documents never wait for it.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { LintSettings } from '../core/settings';
import type { LintFileParams, LintFileResult } from '../../../shared/protocol';
import type { ProjectConfigService } from './projectConfig';
import type { SettingsService } from './settingsService';

export interface LintFileDeps {
  settings: Pick<SettingsService, 'forDocument' | 'forget'>;
  projectConfigs: Pick<ProjectConfigService, 'isIgnored' | 'isConfigDocument'>;
  /** Whether the document is open (its settings stay cached then). */
  isOpen(uri: string): boolean;
  /** Lints the text (fileLinter.ts); undefined when cancelled or its worker failed on it. */
  lint(uri: string, text: string, settings: LintSettings): Promise<Diagnostic[] | undefined>;
  logError(context: string, error: unknown): void;
}

export async function lintFile(params: LintFileParams, deps: LintFileDeps): Promise<LintFileResult> {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  if (uri === '' || typeof params.text !== 'string') {
    deps.logError('topology/lintFile', new Error('params need { uri: string, text: string }'));
    return { uri, ignored: false, diagnostics: [] };
  }
  try {
    if (deps.projectConfigs.isConfigDocument(uri)) return { uri, ignored: true, diagnostics: [] };
    let settings;
    try {
      settings = await deps.settings.forDocument(uri);
    } finally {
      // One lookup per unopened file: do not keep its settings around.
      if (!deps.isOpen(uri)) deps.settings.forget(uri);
    }
    if (deps.projectConfigs.isIgnored(uri)) return { uri, ignored: true, diagnostics: [] };
    return { uri, ignored: false, diagnostics: (await deps.lint(uri, params.text, settings)) ?? [] };
  } catch (error) {
    deps.logError(`Linting ${uri} (Lint Workspace) failed`, error);
    return { uri, ignored: false, diagnostics: [] };
  }
}
