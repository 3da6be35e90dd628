/**
 * "Topology: Lint Workspace": lints the topology files that are not open into the Problems panel.
 * The client finds them (`**∕*.topology.{yaml,yml}`, the default file excludes), reads each through
 * `vscode.workspace.fs` and sends its text (`topology/lintFile`, shared/lintWorkspace.ts): the server
 * lints it with that file's settings and project config (`.topology-tutor.yaml`: severities, and
 * `ignore:`, which it answers with `ignored`). Works where the server cannot read the disk.
 *
 * The answers go into a diagnostic collection of their own, per file URI:
 *   - a file that opens leaves it (the live diagnostics of the open document take over);
 *   - a file of the last run that closes (onDidCloseTextDocument, which VS Code sends when it disposes
 *     the document, or at once when its language changes), or changes on disk while closed, is linted
 *     again from disk;
 *   - a deleted file leaves it; a changed config file re-lints every file of the last run.
 * With progress and cancellation (what was linted before the cancel stays).
 */
import * as vscode from 'vscode';
import type { TopologyClient } from './languageClient';
import { parseLintFileResult } from '../../shared/lintWorkspace';
import type { LessonTarget } from '../../shared/lessons/lessonLinks';
import { LintFileRequest } from '../../shared/protocol';
import type { LintFileParams } from '../../shared/protocol';
import { CONFIG_FILE_GLOB, rewriteDiagnosticLinks } from './languageClient';

export const TOPOLOGY_FILE_GLOB = '**/*.topology.{yaml,yml}';
/** Files bigger than this are not read (one info diagnostic says so; opening the file lints it). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The most files one run looks at. */
export const MAX_FILES = 20_000;

/** What a run did: the command returns it (tests read it) and a message says it. */
export interface LintWorkspaceSummary {
  /** Topology files found. */
  files: number;
  linted: number;
  /** Matched by an `ignore:` glob of their config file. */
  ignored: number;
  /** Open in an editor: their live diagnostics already show. */
  open: number;
  /** Too big or unreadable. */
  skipped: number;
  errors: number;
  warnings: number;
  cancelled: boolean;
}

type Outcome = 'linted' | 'ignored' | 'open' | 'skipped';

export class WorkspaceLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('topology-workspace');
  /** The files of the last run (linted, ignored or open at the time), by URI string. */
  private readonly tracked = new Map<string, vscode.Uri>();
  private running: Promise<LintWorkspaceSummary> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: () => TopologyClient | undefined,
    private readonly lessonUri: (target: LessonTarget) => vscode.Uri,
    private readonly log: (message: string) => void,
    /** The lessons folder URI the server links into when it is not a `file:` URI (the browser build). */
    private readonly lessonsBase?: string,
  ) {
    const topologyWatcher = vscode.workspace.createFileSystemWatcher(TOPOLOGY_FILE_GLOB, true, false, false);
    const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
    this.disposables.push(
      this.collection,
      topologyWatcher,
      configWatcher,
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId === 'topology') this.collection.delete(document.uri);
      }),
      // The closed document may still be listed (a language change keeps the same object): it no longer counts as open.
      vscode.workspace.onDidCloseTextDocument((document) => this.relint([document.uri], document)),
      topologyWatcher.onDidChange((uri) => this.relint([uri])),
      topologyWatcher.onDidDelete((uri) => {
        this.tracked.delete(uri.toString());
        this.collection.delete(uri);
      }),
      configWatcher.onDidCreate(() => this.relintAll()),
      configWatcher.onDidChange(() => this.relintAll()),
      configWatcher.onDidDelete(() => this.relintAll()),
    );
  }

  /** The command: one run at a time (a second call while one runs gets its summary). */
  run(): Promise<LintWorkspaceSummary> {
    if (this.running !== undefined) return this.running;
    const options = { location: vscode.ProgressLocation.Notification, title: 'Topology: linting the workspace', cancellable: true };
    const running = Promise.resolve(vscode.window.withProgress(options, (progress, token) => this.lintAll(progress, token)))
      .then((summary) => {
        this.report(summary);
        return summary;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = running;
    return running;
  }

  dispose(): void {
    this.disposables.forEach((d) => void d.dispose());
  }

  private async lintAll(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<LintWorkspaceSummary> {
    const summary: LintWorkspaceSummary = { files: 0, linted: 0, ignored: 0, open: 0, skipped: 0, errors: 0, warnings: 0, cancelled: false };
    const uris = (await vscode.workspace.findFiles(TOPOLOGY_FILE_GLOB, undefined, MAX_FILES, token)).sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
    summary.files = uris.length;
    if (uris.length === MAX_FILES) this.log(`Lint Workspace: stopped looking after ${MAX_FILES} files.`);
    const found = new Set(uris.map((u) => u.toString()));
    // Files of an earlier run that are gone (or now excluded) leave the Problems panel.
    for (const [key, uri] of this.tracked) {
      if (!found.has(key)) {
        this.tracked.delete(key);
        this.collection.delete(uri);
      }
    }
    for (const [i, uri] of uris.entries()) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      progress.report({ message: `${i + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / uris.length });
      this.tracked.set(uri.toString(), uri);
      const outcome = await this.lintOne(uri, token);
      summary[outcome]++;
      if (outcome === 'linted') {
        for (const d of this.collection.get(uri) ?? []) {
          if (d.severity === vscode.DiagnosticSeverity.Error) summary.errors++;
          else if (d.severity === vscode.DiagnosticSeverity.Warning) summary.warnings++;
        }
      }
    }
    return summary;
  }

  /** Test hook: what this collection shows for a file (the live diagnostics of open files are the language client's). */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  /**
   * Open as a topology document: the language client syncs it and its live diagnostics show. (VS Code
   * keeps a document whose tab was closed for a while; it counts as open until onDidCloseTextDocument.)
   */
  private isOpen(uri: vscode.Uri, closing?: vscode.TextDocument): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d !== closing && d.uri.toString() === key && d.languageId === 'topology');
  }

  /** Lints one file from disk into the collection (or clears its entry). */
  private async lintOne(uri: vscode.Uri, token?: vscode.CancellationToken, closing?: vscode.TextDocument): Promise<Outcome> {
    if (this.isOpen(uri, closing)) {
      this.collection.delete(uri);
      return 'open';
    }
    const client = this.client();
    if (client === undefined || !client.isRunning()) {
      this.log(`Lint Workspace: the language server is not running; ${uri.toString(true)} was not linted.`);
      return 'skipped';
    }
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) {
        const range = new vscode.Range(0, 0, 0, 0);
        const mb = (stat.size / (1024 * 1024)).toFixed(1);
        const note = new vscode.Diagnostic(range, `Not linted by "Topology: Lint Workspace": the file is ${mb} MB, over ${MAX_FILE_BYTES / (1024 * 1024)} MB. Open it to lint it.`, vscode.DiagnosticSeverity.Information);
        note.source = 'topology-tutor';
        this.collection.set(uri, [note]);
        return 'skipped';
      }
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.log(`Lint Workspace: cannot read ${uri.toString(true)}: ${String(error)}`);
      this.collection.delete(uri);
      return 'skipped';
    }
    try {
      const params: LintFileParams = { uri: client.code2ProtocolConverter.asUri(uri), text };
      const answer: unknown = await client.sendRequest(LintFileRequest.type, params, token);
      // Typed by the request, but checked all the same: the server may be another version or program.
      const result = parseLintFileResult(answer, params.uri);
      if (result === undefined) {
        this.log(`Lint Workspace: ignored a malformed answer for ${uri.toString(true)}.`);
        return 'skipped';
      }
      // Opened meanwhile: its live diagnostics show; do not show these twice.
      if (this.isOpen(uri)) return 'open';
      if (result.ignored) {
        this.collection.delete(uri);
        return 'ignored';
      }
      const diagnostics = await client.protocol2CodeConverter.asDiagnostics(result.diagnostics);
      rewriteDiagnosticLinks(diagnostics, this.lessonUri, this.lessonsBase);
      if (this.isOpen(uri)) return 'open';
      this.collection.set(uri, diagnostics);
      return 'linted';
    } catch (error) {
      if (token?.isCancellationRequested !== true) this.log(`Lint Workspace: ${LintFileRequest.method} failed for ${uri.toString(true)}: ${String(error)}`);
      return 'skipped';
    }
  }

  /** Files of the last run, linted again (closed, changed on disk); others are left alone. */
  private relint(uris: readonly vscode.Uri[], closing?: vscode.TextDocument): void {
    const mine = uris.filter((uri) => this.tracked.has(uri.toString()));
    if (mine.length === 0) return;
    void (async () => {
      for (const uri of mine) await this.lintOne(uri, undefined, closing);
    })().catch((error: unknown) => this.log(`Lint Workspace: re-linting failed: ${String(error)}`));
  }

  /** A config file changed: its severities or `ignore:` may apply to every file of the last run. */
  private relintAll(): void {
    this.relint([...this.tracked.values()]);
  }

  private report(summary: LintWorkspaceSummary): void {
    const parts = [`${summary.errors} error${summary.errors === 1 ? '' : 's'}`, `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`];
    const notes: string[] = [];
    if (summary.ignored > 0) notes.push(`${summary.ignored} ignored by .topology-tutor.yaml`);
    if (summary.open > 0) notes.push(`${summary.open} open in an editor`);
    if (summary.skipped > 0) notes.push(`${summary.skipped} not read (see "Topology: Show Server Output")`);
    const head = summary.cancelled ? `Topology: Lint Workspace cancelled after ${summary.linted} of ${summary.files} files` : `Topology: linted ${summary.linted} of ${summary.files} topology files`;
    const message = summary.files === 0 ? 'Topology: no *.topology.yaml or *.topology.yml files in the workspace.' : `${head}: ${parts.join(', ')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`;
    this.log(message);
    void vscode.window.showInformationMessage(message);
  }
}
