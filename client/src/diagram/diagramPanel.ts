/**
 * The "Fabric Diagram" webview panel: the diagram of the active topology editor, beside it. It
 * follows the active topology editor, and after every publishDiagnostics of that document it asks
 * the server for the diagram again (`topology/diagram`, from the same lint result: no second parse).
 * Clicks select the definition in the editor; the editor's cursor highlights its switch or link in
 * the diagram (`topology/diagramLocate`); hovers show the server's figures (`topology/diagramHover`);
 * the what-if marks are state kept here, per document, and never touch the file. The webview script
 * is media/diagram.js; the messages are shared/webview/diagramMessages.ts.
 */
import * as vscode from 'vscode';
import { DiagramHoverRequest, DiagramLocateRequest, DiagramRequest, DiagramSvgRequest } from '../../../shared/protocol';
import { parseDiagramWebviewMessage } from '../../../shared/webview/diagramMessages';
import type { DiagramAction, DiagramDom, FromDiagramWebview, ToDiagramWebview } from '../../../shared/webview/diagramMessages';
import { parseDiagramHover, parseDiagramState, parseDiagramView } from '../../../shared/webview/diagramView';
import type { DiagramPalette, DiagramRange, DiagramState, DiagramView } from '../../../shared/webview/diagramView';
import type { TopologyClient } from '../languageClient';
import { webviewHtml } from '../webviewHtml';
import { WebviewProbes } from '../webviewProbes';
import type { Pending } from '../webviewProbes';

export const DIAGRAM_VIEW_TYPE = 'topology.diagram';
export const DIAGRAM_TITLE = 'Fabric Diagram';

const METHOD_NOT_FOUND = -32601;

/** Test hook, returned by activate() as `api.diagram`. */
export interface DiagramPanelApi {
  isOpen(): boolean;
  /** The document the diagram shows. */
  documentUri(): string | undefined;
  /** The panel's title. */
  title(): string | undefined;
  /** The what-if and expansion state of the document shown. */
  state(): DiagramState | undefined;
  /** What the webview's DOM shows. Rejects if no panel is open. */
  requestDom(): Promise<DiagramDom>;
  /** Clicks a node or link in the webview (with Alt: marks it failed); resolves once the extension has handled the click. */
  click(key: string, alt?: boolean): Promise<void>;
  /** Presses a toolbar button; resolves once the extension has handled what it sent. */
  press(action: DiagramAction): Promise<void>;
  /** Focuses a node or link in the webview and presses a key there (ArrowRight, Enter, f, …). */
  key(on: string, key: string): Promise<void>;
  /** Fires with the revision each time the webview has drawn a view. */
  onDidRender: vscode.Event<number>;
  /** The revision the webview last drew. */
  renderedRevision(): number;
  /** Exports the current picture to `target` without asking. */
  exportSvgTo(target: vscode.Uri): Promise<void>;
}

function emptyState(): DiagramState {
  return { expanded: [], failed: { switches: [], links: [] } };
}

/** Control characters out, at most 60 characters: the panel title shows the topology's name. */
function titleText(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, '').trim();
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

function toRange(range: DiagramRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export class DiagramPanel implements DiagramPanelApi, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private readonly states = new Map<string, DiagramState>();
  private view: DiagramView | undefined;
  /** The last view with something drawn, per document: kept on screen while the file does not parse. */
  private lastGood: { uri: string; view: DiagramView } | undefined;
  private revision = 0;
  private rendered = 0;
  private generation = 0;
  private locateTimer: ReturnType<typeof setTimeout> | undefined;
  private locateGeneration = 0;
  private unsupported = false;
  private readonly probes = new WebviewProbes<DiagramDom>('the diagram is not open');
  private exportTarget: { target: vscode.Uri; pending: Pending<void> } | undefined;
  /** Export was asked for before the panel existed: export after its first drawing. */
  private exportWhenDrawn = false;
  private readonly renderEmitter = new vscode.EventEmitter<number>();
  readonly onDidRender = this.renderEmitter.event;
  /** Webview messages are handled one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => TopologyClient | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      this.renderEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel !== undefined && editor !== undefined && editor.document.languageId === 'topology' && editor.document.uri.toString() !== this.uri?.toString()) {
          this.follow(editor.document.uri);
        }
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const shown = this.uri?.toString();
        if (this.panel !== undefined && shown !== undefined && event.uris.some((u) => u.toString() === shown)) this.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.panel !== undefined && event.textEditor.document.uri.toString() === this.uri?.toString()) this.scheduleLocate(event.textEditor);
      }),
    );
  }

  isOpen(): boolean {
    return this.panel !== undefined;
  }

  documentUri(): string | undefined {
    return this.panel === undefined ? undefined : this.uri?.toString();
  }

  title(): string | undefined {
    return this.panel?.title;
  }

  state(): DiagramState | undefined {
    return this.uri === undefined ? undefined : this.stateOf(this.uri);
  }

  renderedRevision(): number {
    return this.rendered;
  }

  /** After the server (re)started: ask again, even if the old server did not know the requests. */
  reset(): void {
    this.unsupported = false;
    this.refresh();
  }

  /** Opens (or reveals) the panel on the active topology editor's document (or the one shown already). */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const fromEditor = editor !== undefined && editor.document.languageId === 'topology' ? editor.document.uri : undefined;
    const fallback = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'topology')?.document.uri;
    const uri = fromEditor ?? this.uri ?? fallback;
    if (uri === undefined) {
      void vscode.window.showInformationMessage('Topology Tutor: open a topology file (*.topology.yaml) to see its fabric diagram.');
      return;
    }
    if (this.panel === undefined) this.panel = this.createPanel();
    else this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    this.follow(uri);
    await Promise.resolve();
  }

  /** "Export Diagram as SVG": the panel's picture (the panel opens first if needed, and exports once it has drawn). */
  async exportSvg(): Promise<void> {
    if (this.panel === undefined) {
      await this.show();
      if (this.panel !== undefined) this.exportWhenDrawn = true;
      return;
    }
    this.post({ type: 'export' });
  }

  exportSvgTo(target: vscode.Uri): Promise<void> {
    if (this.panel === undefined) return Promise.reject(new Error('the diagram is not open'));
    return new Promise<void>((resolve, reject) => {
      this.exportTarget?.pending.reject(new Error('superseded by another export'));
      this.exportTarget = { target, pending: { resolve, reject } };
      this.post({ type: 'export' });
    });
  }

  requestDom(): Promise<DiagramDom> {
    return this.probes.dom((requestId) => this.postIfOpen({ type: 'requestDom', requestId }));
  }

  click(key: string, alt = false): Promise<void> {
    return this.probes.click((requestId) => this.postIfOpen({ type: 'click', requestId, key, alt }));
  }

  press(action: DiagramAction): Promise<void> {
    return this.probes.click((requestId) => this.postIfOpen({ type: 'press', requestId, action }));
  }

  key(on: string, key: string): Promise<void> {
    return this.probes.click((requestId) => this.postIfOpen({ type: 'key', requestId, on, key }));
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => void d.dispose());
  }

  /** Posts the message when the panel is open; false when it is not. */
  private postIfOpen(message: ToDiagramWebview): boolean {
    if (this.panel === undefined) return false;
    this.post(message);
    return true;
  }

  private stateOf(uri: vscode.Uri): DiagramState {
    const key = uri.toString();
    let state = this.states.get(key);
    if (state === undefined) {
      state = emptyState();
      this.states.set(key, state);
    }
    return state;
  }

  private follow(uri: vscode.Uri): void {
    this.uri = uri;
    this.view = undefined;
    this.updateTitle();
    this.refresh();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor !== undefined) this.scheduleLocate(editor);
  }

  private updateTitle(): void {
    if (this.panel === undefined || this.uri === undefined) return;
    const name = titleText(this.view?.name ?? '') || titleText(this.uri.path.split('/').pop() ?? '');
    this.panel.title = name === '' ? DIAGRAM_TITLE : `${DIAGRAM_TITLE} — ${name}`;
  }

  /** Asks the server for the diagram of the shown document in its state, and draws it. */
  private refresh(): void {
    const uri = this.uri;
    const client = this.client();
    if (this.panel === undefined || uri === undefined || this.unsupported || client === undefined || !client.isRunning()) return;
    const generation = ++this.generation;
    const state = this.stateOf(uri);
    client.sendRequest(DiagramRequest.type, { uri: client.code2ProtocolConverter.asUri(uri), state }).then(
      (result) => {
        if (generation !== this.generation || uri !== this.uri) return;
        if (result === null) return; // not open in the server yet: its diagnostics will come and refresh
        const view = parseDiagramView(result);
        if (view === undefined) {
          this.log(`${DiagramRequest.method}: ignored a malformed diagram`);
          return;
        }
        this.draw(uri, view);
      },
      (error: unknown) => {
        if ((error as { code?: unknown } | null)?.code === METHOD_NOT_FOUND) this.unsupported = true;
        else this.log(`${DiagramRequest.method} failed: ${String(error)}`);
      },
    );
  }

  private draw(uri: vscode.Uri, view: DiagramView): void {
    let shown = view;
    if (view.nodes.length > 0) this.lastGood = { uri: uri.toString(), view };
    else if (view.notice !== null && this.lastGood?.uri === uri.toString()) shown = { ...this.lastGood.view, notice: `${view.notice} Showing the last version that did.` };
    this.view = shown;
    this.updateTitle();
    this.post({ type: 'render', view: shown, revision: ++this.revision });
  }

  private scheduleLocate(editor: vscode.TextEditor): void {
    if (this.locateTimer !== undefined) clearTimeout(this.locateTimer);
    this.locateTimer = setTimeout(() => {
      this.locateTimer = undefined;
      this.locate(editor);
    }, 60);
  }

  private locate(editor: vscode.TextEditor): void {
    const client = this.client();
    const uri = this.uri;
    if (this.panel === undefined || uri === undefined || client === undefined || !client.isRunning() || this.unsupported) return;
    const generation = ++this.locateGeneration;
    const position = editor.selection.active;
    client
      .sendRequest(DiagramLocateRequest.type, { uri: client.code2ProtocolConverter.asUri(uri), position: { line: position.line, character: position.character }, state: this.stateOf(uri) })
      .then(
        (key) => {
          if (generation !== this.locateGeneration) return;
          this.post({ type: 'highlight', key: typeof key === 'string' ? key : null });
        },
        (error: unknown) => this.log(`${DiagramLocateRequest.method} failed: ${String(error)}`),
      );
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      DIAGRAM_VIEW_TYPE,
      DIAGRAM_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true },
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'diagram.svg');
    this.probes.pageLoading();
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage(
      (raw: unknown) => {
        const message = parseDiagramWebviewMessage(raw);
        if (message === undefined) return; // unknown or malformed: ignored
        this.queue = this.queue.then(() => this.handle(message)).catch((error: unknown) => this.log(`Fabric diagram: ${String(error)}`));
      },
      undefined,
      this.panelDisposables,
    );
    panel.onDidDispose(
      () => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.view = undefined;
        this.exportWhenDrawn = false;
        const gone = new Error('the diagram was closed');
        this.probes.rejectAll(gone);
        this.exportTarget?.pending.reject(gone);
        this.exportTarget = undefined;
        this.panelDisposables.splice(0).forEach((d) => void d.dispose());
      },
      undefined,
      this.panelDisposables,
    );
    return panel;
  }

  private changeState(change: (state: DiagramState) => void): void {
    if (this.uri === undefined) return;
    const state = this.stateOf(this.uri);
    change(state);
    this.states.set(this.uri.toString(), parseDiagramState(state));
    this.refresh();
  }

  private async handle(message: FromDiagramWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // The script (re)loaded: draw what we have, or ask for it.
        if (this.view !== undefined) this.post({ type: 'render', view: this.view, revision: ++this.revision });
        else this.refresh();
        this.probes.listening();
        return;
      case 'select':
        await this.select(message.key);
        return;
      case 'expand':
        this.changeState((s) => {
          if (!s.expanded.includes(message.key)) s.expanded.push(message.key);
        });
        return;
      case 'collapse':
        this.changeState((s) => {
          s.expanded = message.key === 'all' ? [] : s.expanded.filter((k) => k !== message.key);
        });
        return;
      case 'toggleFailed':
        this.toggleFailed(message.key);
        return;
      case 'failOneSpinePerPod': {
        const spines = this.view?.onePerPod ?? [];
        this.changeState((s) => {
          for (const name of spines) if (!s.failed.switches.includes(name)) s.failed.switches.push(name);
        });
        return;
      }
      case 'clearFailures':
        this.changeState((s) => {
          s.failed = { switches: [], links: [] };
        });
        return;
      case 'hover':
        await this.hover(message.key);
        return;
      case 'exportSvg':
        await this.writeSvg(message.palette);
        return;
      case 'rendered':
        this.rendered = Math.max(this.rendered, message.revision);
        this.renderEmitter.fire(message.revision);
        if (this.exportWhenDrawn) {
          this.exportWhenDrawn = false;
          this.post({ type: 'export' });
        }
        return;
      case 'dom':
        this.probes.answerDom(message.requestId, message.dom);
        return;
      case 'clicked':
        this.probes.answerClick(message.requestId, message.ok, 'nothing to click with that key or action in the diagram');
        return;
    }
  }

  private toggleFailed(key: string): void {
    const node = this.view?.nodes.find((n) => n.key === key);
    const link = node === undefined ? this.view?.links.find((l) => l.key === key) : undefined;
    if (node?.kind === 'switch') {
      this.changeState((s) => {
        s.failed.switches = s.failed.switches.includes(node.name) ? s.failed.switches.filter((n) => n !== node.name) : [...s.failed.switches, node.name];
      });
    } else if (link?.ends !== null && link?.ends !== undefined) {
      const [a, b] = link.ends;
      this.changeState((s) => {
        const same = (pair: [string, string]): boolean => (pair[0] === a && pair[1] === b) || (pair[0] === b && pair[1] === a);
        s.failed.links = s.failed.links.some(same) ? s.failed.links.filter((p) => !same(p)) : [...s.failed.links, [a, b]];
      });
    }
  }

  /** Reveals and selects a switch's or link's definition in the editor, keeping the focus in the diagram. */
  private async select(key: string): Promise<void> {
    const uri = this.uri;
    const item = this.view?.nodes.find((n) => n.key === key) ?? this.view?.links.find((l) => l.key === key);
    if (uri === undefined || item === undefined || item.select === null) return;
    const range = toRange(item.select);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (visible !== undefined) {
      visible.selection = new vscode.Selection(range.start, range.end);
      visible.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: true, preview: false });
  }

  private async hover(key: string): Promise<void> {
    const client = this.client();
    const uri = this.uri;
    if (uri === undefined || client === undefined || !client.isRunning() || this.unsupported) return;
    try {
      const result = await client.sendRequest(DiagramHoverRequest.type, { uri: client.code2ProtocolConverter.asUri(uri), key, state: this.stateOf(uri) });
      const info = parseDiagramHover(result);
      if (info !== undefined && uri === this.uri) this.post({ type: 'hoverInfo', info });
    } catch (error) {
      this.log(`${DiagramHoverRequest.method} failed: ${String(error)}`);
    }
  }

  private async writeSvg(palette: DiagramPalette): Promise<void> {
    const uri = this.uri;
    const client = this.client();
    const pending = this.exportTarget;
    this.exportTarget = undefined;
    try {
      if (uri === undefined || client === undefined || !client.isRunning()) throw new Error('the language server is not running');
      let target = pending?.target;
      if (target === undefined) {
        const base = (uri.path.split('/').pop() ?? 'fabric').replace(/\.topology\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'fabric';
        const folder = uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        target = await vscode.window.showSaveDialog({
          defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(folder, `${base}-diagram.svg`),
          filters: { 'SVG image': ['svg'] },
          saveLabel: 'Export Diagram',
        });
        if (target === undefined) return;
      }
      const svg = await client.sendRequest(DiagramSvgRequest.type, { uri: client.code2ProtocolConverter.asUri(uri), state: this.stateOf(uri), palette });
      if (typeof svg !== 'string' || !svg.startsWith('<?xml')) throw new Error('the server sent no SVG');
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
      if (pending === undefined) void vscode.window.showInformationMessage(`Topology Tutor: diagram saved to ${target.scheme === 'file' ? target.fsPath : target.toString(true)}.`);
      pending?.pending.resolve();
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      this.log(`Export Diagram as SVG failed: ${reason.message}`);
      if (pending !== undefined) pending.pending.reject(reason);
      else void vscode.window.showErrorMessage(`Topology Tutor: the diagram could not be exported: ${reason.message}`);
    }
  }

  private post(message: ToDiagramWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, {
      extensionUri: this.extensionUri,
      script: 'diagram.js',
      style: 'diagram.css',
      title: DIAGRAM_TITLE,
      body: `<header id="toolbar" role="toolbar" aria-label="Diagram tools">
  <button type="button" data-action="failSelected" title="Mark the selected switch or link failed (F), or clear its mark">Fail selected</button>
  <button type="button" data-action="failOneSpinePerPod" title="Mark the first spine of every pod failed">Fail one spine per pod</button>
  <button type="button" data-action="clearFailures" title="Clear every failure mark">Clear failures</button>
  <span class="sep"></span>
  <button type="button" data-action="collapseAll" class="secondary" title="Close every opened group">Collapse all</button>
  <button type="button" data-action="zoomOut" class="secondary" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <button type="button" data-action="fit" class="secondary" title="Fit to the panel (0)">Fit</button>
  <button type="button" data-action="zoomIn" class="secondary" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button type="button" data-action="export" class="secondary" title="Save this picture as an SVG file">Export SVG</button>
  <span id="status" role="status" aria-live="polite"></span>
</header>
<div id="notice" role="alert" hidden></div>
<main id="canvas" tabindex="-1"><p class="loading">Loading the fabric…</p></main>
<aside id="tooltip" role="tooltip" hidden></aside>
<section id="summary" aria-label="What-if summary"></section>`,
    });
  }
}
