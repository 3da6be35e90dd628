/**
 * The "Topology Lessons" webview panel: tracks and lessons with progress, the lesson rendered in VS
 * Code's colours, previous / next / try it. One panel at most: deep links reveal and reuse it.
 * The lesson list, titles and minutes come from the catalogue (shared/lessons/catalog.ts); a
 * lesson's text is read from the extension's `lessons/<id>.md` when first shown (`load`) and
 * rendered by ./markdown.ts; the webview script is media/lessons.js, and the messages between the
 * two are shared/webview/lessonsPanelMessages.ts.
 *
 * Beside the lesson, "In your fabric" shows the figures of the topology file the user has open
 * (./fabricSource.ts), each a link that reveals its switch; with no file open, the lesson's try-it
 * file. The panel survives a window reload: VS Code hands the restored webview and its saved state
 * (lesson, section, scroll) to restore() (registered as the panel serializer in extension.ts).
 */
import * as vscode from 'vscode';
import { lessonInfo, neighbours, tracks, TRACK_TITLES } from '../../../shared/lessons/catalog';
import { parseLesson } from '../../../shared/lessons/lessonFile';
import type { LessonTarget } from '../../../shared/lessons/lessonLinks';
import { parseSavedPanelState, parseWebviewMessage } from '../../../shared/webview/lessonsPanelMessages';
import type { ClickAction, DomSnapshot, FabricPart, FromWebview, PanelView, ToWebview } from '../../../shared/webview/lessonsPanelMessages';
import { fabricTryIt } from '../../../shared/lessonFigures';
import { webviewHtml } from '../webviewHtml';
import { WebviewProbes } from '../webviewProbes';
import type { FabricSource, SourcedState } from './fabricSource';
import { fileName, loadingState, noFileState } from './fabricView';
import { renderMarkdown } from './markdown';
import type { ProgressStore } from './progressStore';

export const LESSONS_VIEW_TYPE = 'topology.lessons';
export const LESSONS_PANEL_TITLE = 'Topology Lessons';
/** The lesson shown when nothing else was asked for. */
export const FIRST_LESSON = 'ring0-problem';

/** Test hook, returned by activate() as `api.lessonsPanel`. */
export interface LessonsPanelApi {
  /** A lessons panel exists (visible or not). */
  isOpen(): boolean;
  /** The lesson the panel shows. */
  currentLesson(): string | undefined;
  /** The section (anchor) the panel was last asked to scroll to, if any. */
  currentSection(): string | undefined;
  /** Asks the webview script for what its DOM shows. Rejects if no panel is open. */
  requestDom(): Promise<DomSnapshot>;
  /**
   * Clicks a button in the webview DOM (done toggle, previous, next, try it); resolves once the
   * extension has handled the message the click sent. Rejects if the button is missing.
   */
  click(action: ClickAction): Promise<void>;
  /** The "In your fabric" part last sent to the webview (undefined before the first). */
  fabric(): FabricPart | undefined;
  /** Fires after an "In your fabric" update was sent to the webview. */
  onDidUpdateFabric: vscode.Event<void>;
  /**
   * Clicks the "In your fabric" link with this number in the webview DOM; resolves once the
   * extension has handled it (revealed the switch, opened the try-it file). Rejects if it is missing.
   */
  clickFabricLink(link: number): Promise<void>;
  /** The panel serializer's restore (what VS Code calls after a window reload), for tests that cannot reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

/** A lesson's text as the panel shows it (its title, minutes and summary come from the catalogue). */
export interface LessonContent {
  html: string;
  anchors: Set<string>;
}

export class LessonsPanel implements LessonsPanelApi, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private lesson: string | undefined;
  private section: string | undefined;
  private seq = 0;
  private readonly probes = new WebviewProbes<DomSnapshot>('the lessons panel is not open');
  private readonly cache = new Map<string, LessonContent>();
  /** Webview messages are handled one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  /** Disposed with the webview panel (message and view-state listeners). */
  private panelDisposables: vscode.Disposable[] = [];
  /** "In your fabric": what the webview shows and what its links do. */
  private fabricShown: SourcedState | undefined;
  /** Numbers every "In your fabric" part sent (a click on an older one is refused). */
  private fabricSeq = 0;
  /** The latest figures request: an older answer is dropped. */
  private fabricRequest = 0;
  private readonly fabricUpdated = new vscode.EventEmitter<void>();
  readonly onDidUpdateFabric = this.fabricUpdated.event;
  /** A restored panel keeps the webview's own scroll position once instead of jumping to the section. */
  private keepScrollOnce = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly progress: ProgressStore,
    private readonly fabricSource: FabricSource,
    private readonly hooks: {
      /** A lesson is now shown (sets the walkthrough context key). */
      onLessonShown(lesson: string): void;
      /** Opens a lesson's try-it file, or a try-it path (`examples/….topology.yaml`). */
      openTryIt(lessonOrPath: string): Promise<void>;
      log(message: string): void;
    },
  ) {
    this.disposables.push(
      this.fabricUpdated,
      progress.onDidChange(() => this.rerender()),
      fabricSource.onDidChange(() => this.refreshFabric()),
    );
  }

  isOpen(): boolean {
    return this.panel !== undefined;
  }

  currentLesson(): string | undefined {
    return this.panel === undefined ? undefined : this.lesson;
  }

  currentSection(): string | undefined {
    return this.panel === undefined ? undefined : this.section;
  }

  fabric(): FabricPart | undefined {
    return this.panel === undefined ? undefined : this.fabricShown?.state.part;
  }

  /** Opens (or reveals) the panel on `target`, or on the current / first lesson. */
  async show(target?: LessonTarget): Promise<void> {
    const lesson = target?.lesson ?? this.lesson ?? FIRST_LESSON;
    const content = await this.load(lesson);
    const section = target?.section !== undefined && content.anchors.has(target.section) ? target.section : undefined;
    if (target?.section !== undefined && section === undefined) this.hooks.log(`Lesson ${lesson} has no section "${target.section}"; showing its top.`);
    this.lesson = lesson;
    this.section = section;
    if (this.panel === undefined) {
      this.panel = this.createPanel();
    } else {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, false);
    }
    this.post({ type: 'render', view: this.view(lesson, content, true) });
    this.hooks.onLessonShown(lesson);
    this.refreshFabric();
  }

  /**
   * The panel serializer: after a window reload VS Code hands over the restored webview and the
   * state its script saved (lesson, section, scroll). A state that is not usable opens the lesson
   * shown last (after a reload: the first lesson); a second panel (one is open already) is closed,
   * since there is one panel at most.
   */
  async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel !== undefined && this.panel !== webviewPanel) {
      webviewPanel.dispose();
      this.panel.reveal(this.panel.viewColumn, true);
      return;
    }
    const saved = parseSavedPanelState(state);
    if (state !== undefined && state !== null && saved === undefined) this.hooks.log('Lessons panel: the saved state was not usable; showing the first lesson.');
    const lesson = saved?.lesson ?? this.lesson ?? FIRST_LESSON;
    const content = await this.load(lesson);
    this.lesson = lesson;
    this.section = saved?.section !== undefined && content.anchors.has(saved.section) ? saved.section : undefined;
    this.keepScrollOnce = saved?.scrollY !== undefined;
    this.panel = this.adopt(webviewPanel);
    this.post({ type: 'render', view: this.view(lesson, content, !this.keepScrollOnce) });
    this.hooks.onLessonShown(lesson);
    this.refreshFabric();
  }

  clickFabricLink(link: number): Promise<void> {
    return this.probes.click((requestId) => this.postIfOpen({ type: 'clickFabricLink', requestId, link }));
  }

  /** Asks for the figures of the followed topology file for the lesson shown, and sends them to the webview. */
  private refreshFabric(): void {
    const panel = this.panel;
    const lesson = this.lesson;
    if (panel === undefined || lesson === undefined) return;
    // Also while hidden (the webview keeps its DOM): the answer is computed from the server's cached lint.
    const request = ++this.fabricRequest;
    const seq = ++this.fabricSeq;
    void this.fabricSource
      .state(lesson, seq)
      .then((sourced) => {
        // A newer request started, the lesson changed or the panel closed meanwhile: drop this answer.
        if (request !== this.fabricRequest || this.panel !== panel || this.lesson !== lesson) return;
        this.fabricShown = sourced;
        this.post({ type: 'fabric', fabric: sourced.state.part });
        this.fabricUpdated.fire();
      })
      .catch((error: unknown) => this.hooks.log(`Lessons panel: the figures of the open file failed: ${String(error)}`));
  }

  /** A link of "In your fabric" was clicked: reveal its switch or open its try-it file. */
  private async followFabricLink(seq: number, link: number): Promise<void> {
    const shown = this.fabricShown;
    if (shown === undefined || shown.state.part.seq !== seq) {
      this.hooks.log('Lessons panel: ignored a click on figures that have been updated since.');
      return;
    }
    const action = shown.state.actions[link];
    if (action === undefined) return;
    if (action.kind === 'tryIt') {
      await this.hooks.openTryIt(action.path);
      return;
    }
    if (shown.uri === undefined) return;
    await this.fabricSource.reveal(shown.uri, action.target, this.panel?.viewColumn);
  }

  requestDom(): Promise<DomSnapshot> {
    return this.probes.dom((requestId) => this.postIfOpen({ type: 'requestDom', requestId }));
  }

  click(action: ClickAction): Promise<void> {
    return this.probes.click((requestId) => this.postIfOpen({ type: 'click', requestId, action }));
  }

  dispose(): void {
    this.panel?.dispose();
    this.panelDisposables.forEach((d) => void d.dispose());
    this.disposables.forEach((d) => void d.dispose());
  }

  /** Posts the message when the panel is open; false when it is not. */
  private postIfOpen(message: ToWebview): boolean {
    if (this.panel === undefined) return false;
    this.post(message);
    return true;
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      LESSONS_VIEW_TYPE,
      LESSONS_PANEL_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { ...this.webviewOptions(), retainContextWhenHidden: true, enableFindWidget: true },
    );
    return this.adopt(panel);
  }

  /** Wires a panel (new, or restored by VS Code after a reload) to this object. */
  private adopt(panel: vscode.WebviewPanel): vscode.WebviewPanel {
    this.panelDisposables.forEach((d) => void d.dispose());
    this.panelDisposables = [];
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'lessons.svg');
    this.probes.pageLoading();
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseWebviewMessage(raw);
      if (message === undefined) return; // unknown or malformed: ignored
      this.queue = this.queue.then(() => this.handle(message)).catch((error: unknown) => this.hooks.log(`Lessons panel: ${String(error)}`));
    }, undefined, this.panelDisposables);
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.fabricShown = undefined;
      this.panelDisposables.forEach((d) => void d.dispose());
      this.panelDisposables = [];
      const gone = new Error('the lessons panel was closed');
      this.probes.rejectAll(gone);
    });
    return panel;
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'getState': {
        // The script (re)loaded: send it everything it shows, and where to scroll (a restored
        // panel keeps its own scroll position once).
        const scroll = !this.keepScrollOnce;
        this.keepScrollOnce = false;
        this.rerender(scroll);
        this.probes.listening();
        return;
      }
      case 'openLesson':
        await this.show({ lesson: message.lesson, section: message.section });
        return;
      case 'setDone':
        await this.progress.setDone(message.lesson, message.done);
        return;
      case 'tryIt':
        await this.hooks.openTryIt(message.lesson);
        return;
      case 'fabricLink':
        await this.followFabricLink(message.seq, message.link);
        return;
      case 'dom':
        this.probes.answerDom(message.requestId, message.dom);
        return;
      case 'clicked':
        this.probes.answerClick(message.requestId, message.ok, 'the button to click is not in the lessons panel');
        return;
    }
  }

  /** Sends the current view again (progress changed, or the script reloaded when `scroll`). */
  private rerender(scroll = false): void {
    if (this.panel === undefined || this.lesson === undefined) return;
    const content = this.cache.get(this.lesson);
    if (content !== undefined) this.post({ type: 'render', view: this.view(this.lesson, content, scroll) });
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private async load(lesson: string): Promise<LessonContent> {
    const cached = this.cache.get(lesson);
    if (cached !== undefined) return cached;
    if (lessonInfo(lesson) === undefined) throw new Error(`unknown lesson: ${lesson}`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'lessons', `${lesson}.md`));
    const parsed = parseLesson(new TextDecoder().decode(bytes));
    const content: LessonContent = { html: renderMarkdown(parsed.body), anchors: parsed.anchors };
    this.cache.set(lesson, content);
    return content;
  }

  private view(lesson: string, content: LessonContent, scroll: boolean): PanelView {
    const info = lessonInfo(lesson)!;
    const { previous, next } = neighbours(lesson);
    const done = new Set(this.progress.doneIds());
    return {
      tracks: tracks().map((t) => ({
        title: t.title,
        lessons: t.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, done: done.has(l.id) })),
      })),
      lesson: {
        id: lesson,
        title: info.title,
        trackTitle: TRACK_TITLES[info.track],
        minutes: info.minutes,
        summary: info.summary,
        html: content.html,
        done: done.has(lesson),
        hasTryIt: info.tryIt !== undefined || content.anchors.has('try-it'),
        previous: previous === undefined ? undefined : { id: previous.id, title: previous.title },
        next: next === undefined ? undefined : { id: next.id, title: next.title },
      },
      section: scroll ? this.section : undefined,
      seq: ++this.seq,
      fabric: this.fabricPartFor(lesson),
    };
  }

  /**
   * The "In your fabric" part to render with `lesson`: the one shown if it is of this lesson and of
   * the file followed now; else a placeholder until refreshFabric's answer (never another file's figures).
   */
  private fabricPartFor(lesson: string): FabricPart {
    const shown = this.fabricShown;
    const document = this.fabricSource.document();
    if (shown !== undefined && shown.state.part.lesson === lesson && shown.uri?.toString() === document?.uri.toString()) return shown.state.part;
    const seq = ++this.fabricSeq;
    const state = document === undefined ? noFileState(lesson, seq, fabricTryIt(lesson)) : loadingState(lesson, seq, fileName(document.uri.path) || document.uri.toString(true));
    this.fabricShown = { state, uri: document?.uri };
    return state.part;
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, {
      extensionUri: this.extensionUri,
      script: 'lessons.js',
      style: 'lessons.css',
      title: LESSONS_PANEL_TITLE,
      body: `<nav id="nav" aria-label="Lessons"></nav>
<main id="main" tabindex="-1">
  <header id="lesson-header"></header>
  <aside id="fabric" aria-label="In your fabric"></aside>
  <article id="lesson"><p class="loading">Loading…</p></article>
  <footer id="lesson-footer"></footer>
</main>`,
    });
  }
}
