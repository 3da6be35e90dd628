/**
 * The "Topology Lessons" webview panel: tracks and lessons with progress, the lesson rendered in VS
 * Code's colours, previous / next / try it. One panel at most: deep links reveal and reuse it.
 * The lesson list, titles and minutes come from the catalogue (shared/lessons/catalog.ts); a
 * lesson's text is read from the extension's `lessons/<id>.md` when first shown (`load`) and
 * rendered by ./markdown.ts; the webview script is media/lessons.js, and the messages between the
 * two are shared/webview/lessonsPanelMessages.ts.
 */
import * as vscode from 'vscode';
import { lessonInfo, neighbours, tracks, TRACK_TITLES } from '../../../shared/lessons/catalog';
import { parseLesson } from '../../../shared/lessons/lessonFile';
import type { LessonTarget } from '../../../shared/lessons/lessonLinks';
import { parseWebviewMessage } from '../../../shared/webview/lessonsPanelMessages';
import type { ClickAction, DomSnapshot, FromWebview, PanelView, ToWebview } from '../../../shared/webview/lessonsPanelMessages';
import { webviewNonce } from '../webviewNonce';
import { renderMarkdown } from './markdown';
import type { ProgressStore } from './progressStore';

export const LESSONS_VIEW_TYPE = 'topology.lessons';
export const LESSONS_PANEL_TITLE = 'Topology Lessons';

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
}

/** A lesson's text as the panel shows it (its title, minutes and summary come from the catalogue). */
export interface LessonContent {
  html: string;
  anchors: Set<string>;
}

interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class LessonsPanel implements LessonsPanelApi, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private lesson: string | undefined;
  private section: string | undefined;
  private seq = 0;
  private nextRequestId = 1;
  private readonly domRequests = new Map<number, Pending<DomSnapshot>>();
  private readonly clickRequests = new Map<number, Pending<void>>();
  private readonly cache = new Map<string, LessonContent>();
  /** Webview messages are handled one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly progress: ProgressStore,
    private readonly hooks: {
      /** A lesson is now shown (sets the walkthrough context key). */
      onLessonShown(lesson: string): void;
      openTryIt(lesson: string): Promise<void>;
      log(message: string): void;
    },
  ) {
    this.disposables.push(progress.onDidChange(() => this.rerender()));
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

  /** Opens (or reveals) the panel on `target`, or on the current / first lesson. */
  async show(target?: LessonTarget): Promise<void> {
    const lesson = target?.lesson ?? this.lesson ?? 'ring0-problem';
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
  }

  requestDom(): Promise<DomSnapshot> {
    const requestId = this.nextRequestId++;
    return this.request(this.domRequests, requestId, { type: 'requestDom', requestId });
  }

  click(action: ClickAction): Promise<void> {
    const requestId = this.nextRequestId++;
    return this.request(this.clickRequests, requestId, { type: 'click', requestId, action });
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => void d.dispose());
  }

  private request<T>(pending: Map<number, Pending<T>>, requestId: number, message: ToWebview): Promise<T> {
    if (this.panel === undefined) return Promise.reject(new Error('the lessons panel is not open'));
    return new Promise<T>((resolve, reject) => {
      pending.set(requestId, { resolve, reject });
      this.post(message);
    });
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      LESSONS_VIEW_TYPE,
      LESSONS_PANEL_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true, enableFindWidget: true },
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'lessons.svg');
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseWebviewMessage(raw);
      if (message === undefined) return; // unknown or malformed: ignored
      this.queue = this.queue.then(() => this.handle(message)).catch((error: unknown) => this.hooks.log(`Lessons panel: ${String(error)}`));
    }, undefined, this.disposables);
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      const gone = new Error('the lessons panel was closed');
      for (const p of [...this.domRequests.values(), ...this.clickRequests.values()]) p.reject(gone);
      this.domRequests.clear();
      this.clickRequests.clear();
    }, undefined, this.disposables);
    return panel;
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'getState':
        // The script (re)loaded: send it everything it shows, and where to scroll.
        this.rerender(true);
        return;
      case 'openLesson':
        await this.show({ lesson: message.lesson, section: message.section });
        return;
      case 'setDone':
        await this.progress.setDone(message.lesson, message.done);
        return;
      case 'tryIt':
        await this.hooks.openTryIt(message.lesson);
        return;
      case 'dom': {
        const p = this.domRequests.get(message.requestId);
        this.domRequests.delete(message.requestId);
        p?.resolve(message.dom);
        return;
      }
      case 'clicked': {
        const p = this.clickRequests.get(message.requestId);
        this.clickRequests.delete(message.requestId);
        if (message.ok) p?.resolve();
        else p?.reject(new Error('the button to click is not in the lessons panel'));
        return;
      }
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
    };
  }

  private html(webview: vscode.Webview): string {
    const nonce = webviewNonce();
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'lessons.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'lessons.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>${LESSONS_PANEL_TITLE}</title>
</head>
<body>
<nav id="nav" aria-label="Lessons"></nav>
<main id="main" tabindex="-1">
  <header id="lesson-header"></header>
  <article id="lesson"><p class="loading">Loading…</p></article>
  <footer id="lesson-footer"></footer>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
