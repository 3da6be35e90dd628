/**
 * Where the lessons panel's "In your fabric" figures come from: the topology editor the user is
 * working in (the active one; while the panel has focus, the last active one as long as it has a
 * tab, else a visible one) and the server's `topology/lessonFigures` for it. Fires onDidChange when that editor changes or
 * its diagnostics are republished (the figures may have changed with them). Reveals a figure's
 * switch in its editor: selects its name key.
 */
import * as vscode from 'vscode';
import type { TopologyClient } from '../languageClient';
import { fabricTryIt, parseLessonFigures } from '../../../shared/lessonFigures';
import type { FigureTarget } from '../../../shared/lessonFigures';
import { LessonFiguresRequest } from '../../../shared/protocol';
import type { LessonFiguresParams } from '../../../shared/protocol';
import { figuresState, fileName, loadingState, noFileState, unavailableState } from './fabricView';
import type { FabricState } from './fabricView';

const METHOD_NOT_FOUND = -32601;

/** The figures and the document they are of. */
export interface SourcedState {
  state: FabricState;
  uri: vscode.Uri | undefined;
}

function isTopology(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && !document.isClosed && document.languageId === 'topology';
}

export class FabricSource implements vscode.Disposable {
  private followed: vscode.TextDocument | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** The server said it does not know the request: stop asking until a restart. */
  private unsupported = false;
  /** Asks again when the server did not know the document yet (a clean file brings no diagnostics event). */
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: () => TopologyClient | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.followed = this.pick();
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const followed = this.followed?.uri.toString();
        if (followed !== undefined && event.uris.some((u) => u.toString() === followed)) this.changed.fire();
      }),
    );
  }

  /** The topology document the figures are of, if any. */
  document(): vscode.TextDocument | undefined {
    return this.followed;
  }

  /** After a server restart: ask again even if the old server did not know the request. */
  reset(): void {
    this.unsupported = false;
    this.changed.fire();
  }

  /** Whether a tab shows the document (VS Code keeps a closed tab's document for a while). */
  private static hasTab(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
  }

  private pick(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (isTopology(active)) return active;
    // The panel has focus (or another editor does): keep the file the user worked in while its tab is open.
    if (isTopology(this.followed) && FabricSource.hasTab(this.followed)) return this.followed;
    return vscode.window.visibleTextEditors.map((e) => e.document).find(isTopology);
  }

  private update(): void {
    const next = this.pick();
    const moved = next?.uri.toString() !== this.followed?.uri.toString();
    this.followed = next;
    if (moved) {
      this.retries = 0;
      this.changed.fire();
    }
  }

  /** What the panel shows for `lesson` now. */
  async state(lesson: string, seq: number): Promise<SourcedState> {
    const document = this.followed;
    if (document === undefined) return { state: noFileState(lesson, seq, fabricTryIt(lesson)), uri: undefined };
    const uri = document.uri;
    const file = fileName(uri.path) || uri.toString(true);
    const client = this.client();
    if (client === undefined || !client.isRunning()) {
      return { state: unavailableState(lesson, seq, file, 'The language server is not running (see "Topology: Show Server Output").'), uri };
    }
    if (this.unsupported) return { state: unavailableState(lesson, seq, file, `The language server does not answer ${LessonFiguresRequest.method}.`), uri };
    let result: unknown;
    try {
      const params: LessonFiguresParams = { uri: client.code2ProtocolConverter.asUri(uri), lesson };
      result = await client.sendRequest(LessonFiguresRequest.type, params);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === METHOD_NOT_FOUND) this.unsupported = true;
      else this.log(`${LessonFiguresRequest.method} failed: ${String(error)}`);
      return { state: unavailableState(lesson, seq, file, 'The language server could not compute the figures (see "Topology: Show Server Output").'), uri };
    }
    // Not open in the server yet (it opens right after the editor): its diagnostics bring another
    // update, and a clean file (no diagnostics event) is asked again a few times.
    if (result === null) {
      this.retryLater();
      return { state: loadingState(lesson, seq, file), uri };
    }
    this.retries = 0;
    // Typed by the request, but checked all the same: the server may be another version or program.
    const figures = parseLessonFigures(result, lesson);
    if (figures === undefined) {
      this.log(`${LessonFiguresRequest.method}: ignored an answer that is not the figures of ${lesson}.`);
      return { state: unavailableState(lesson, seq, file, 'The language server sent figures that are not valid.'), uri };
    }
    return { state: figuresState(lesson, seq, file, figures), uri };
  }

  private retryLater(): void {
    if (this.retryTimer !== undefined || this.retries >= 5) return;
    const delay = 250 * 2 ** this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.changed.fire();
    }, delay);
  }

  /**
   * Shows `uri` with the target (a switch's name key) selected and in view: in the editor that shows
   * it, else in a group other than the lessons panel's (`panelColumn`).
   */
  async reveal(uri: vscode.Uri, target: FigureTarget, panelColumn: vscode.ViewColumn | undefined): Promise<void> {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key) ?? (await vscode.workspace.openTextDocument(uri));
    const { start, end } = target.range;
    const range = document.validateRange(new vscode.Range(start.line, start.character, end.line, end.character));
    const other = panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key)?.viewColumn ?? other;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: false, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.disposables.forEach((d) => void d.dispose());
  }
}
