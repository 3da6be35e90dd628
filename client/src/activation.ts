/**
 * Topology Tutor client, the same in the desktop and the browser extension: starts the language
 * server, registers commands, and hosts the learning features (lessons panel, lesson links,
 * walkthrough progress, status bar, Lint Workspace) and the fabric diagram. Every check and every
 * explanation of a finding comes from the server. Wiring only: each feature is its own module
 * (languageClient, lessonsPanel/, walkthrough/, tryIt, statusBar, lintWorkspace, diagram/); what the
 * client, the server and the webviews say to each other is declared in shared/. The entries pass what differs (ClientPlatform): extension.ts (desktop, package.json
 * `main`) and browserExtension.ts (vscode.dev / github.dev, package.json `browser`).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../shared/commands';
import { LESSONS } from '../../shared/lessons/catalog';
import { parseLessonUri, toLessonTarget } from '../../shared/lessons/lessonLinks';
import { lessonOpenedKey, OPENED_KEY } from '../../shared/walkthrough';
import { registerCommands } from './commands';
import { DiagramPanel } from './diagram/diagramPanel';
import type { DiagramPanelApi } from './diagram/diagramPanel';
import { extensionLessonUri, startableClient } from './languageClient';
import type { CreateClient, TopologyClient } from './languageClient';
import { exportLabCommand } from './exportLab';
import { FabricSource } from './lessonsPanel/fabricSource';
import { LESSONS_VIEW_TYPE, LessonsPanel } from './lessonsPanel/lessonsPanel';
import type { LessonsPanelApi } from './lessonsPanel/lessonsPanel';
import { ProgressStore } from './lessonsPanel/progressStore';
import { WorkspaceLinter } from './lintWorkspace';
import { StatusBar } from './statusBar';
import { NEW_TOPOLOGY_TEMPLATE } from './template';
import { tryItCommand } from './tryIt';
import { ContextKeys } from './walkthrough/contextKeys';
import { FixTracker } from './walkthrough/fixTracker';
import { knownContextKeys } from './walkthrough/walkthroughKeys';

/**
 * What activate() returns: a small hook for the real-editor tests (test/vscode/suite). Not a public
 * API for other extensions; it may change with the tests.
 */
export interface TopologyTutorApi {
  /** Which entry activated: the desktop one (extension.ts) or the web one (browserExtension.ts). */
  runtime: ClientPlatform['runtime'];
  lessonsPanel: LessonsPanelApi;
  diagram: DiagramPanelApi;
  walkthrough: {
    /** Every context key the extension sets for walkthrough steps, with its current value. */
    contextKeys(): Record<string, boolean>;
  };
  lintWorkspace: {
    /** What "Topology: Lint Workspace" shows for a file in its own diagnostic collection. */
    diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[];
  };
}

/** What differs between the desktop and the browser extension. */
export interface ClientPlatform {
  runtime: 'node' | 'web';
  /** Starts the server: a Node process (nodeLanguageClient.ts) or a Web Worker (browserLanguageClient.ts). */
  createClient: CreateClient;
  /** The lessons folder URI to send the server; undefined: the server knows its own (Node). */
  lessonsBase?(context: vscode.ExtensionContext): string;
}

let client: TopologyClient | undefined;

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function activateTopologyTutor(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<TopologyTutorApi> {
  const output = vscode.window.createOutputChannel('Topology Tutor');
  context.subscriptions.push(output);
  const log = (message: string): void => output.appendLine(message);
  const keys = new ContextKeys(log);
  const progress = new ProgressStore(context.globalState);

  const fabricSource = new FabricSource(() => client, log);
  context.subscriptions.push(fabricSource);
  const panel = new LessonsPanel(context.extensionUri, progress, fabricSource, {
    onLessonShown: (lesson) => keys.set(lessonOpenedKey(lesson)),
    openTryIt: (lessonOrPath) => openTryIt(lessonOrPath),
    log,
  });
  context.subscriptions.push(panel);
  // After a window reload VS Code restores the panel (activation event onWebviewPanel:topology.lessons).
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(LESSONS_VIEW_TYPE, { deserializeWebviewPanel: (webviewPanel, state: unknown) => panel.restore(webviewPanel, state) }),
  );

  const openTryIt = tryItCommand(context.extensionUri, { showLesson: (target) => panel.show(target), log });

  // Walkthrough: "Open a sample fabric" and the hands-on fixes.
  const markOpened = (document: vscode.TextDocument): void => {
    if (document.languageId === 'topology') keys.set(OPENED_KEY);
  };
  vscode.workspace.textDocuments.forEach(markOpened);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(markOpened));
  const fixes = new FixTracker();
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) {
        const codes = vscode.languages.getDiagnostics(uri).map(codeOf).filter((c): c is string => c !== undefined);
        const isOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed);
        for (const key of fixes.update(uri.toString(), codes, isOpen)) keys.set(key);
      }
    }),
  );

  context.subscriptions.push(
    vscode.window.registerUriHandler({
      handleUri: async (uri) => {
        const target = parseLessonUri(uri.path, uri.query);
        if (target === undefined) log(`Ignored URI ${uri.toString(true)}`);
        else await panel.show(target);
      },
    }),
  );

  const lessonsBase = platform.lessonsBase?.(context);
  const started = startableClient(context, { output, lessonsBase }, platform.createClient);
  client = started;
  const statusBar = new StatusBar(() => client, log);
  context.subscriptions.push(statusBar);
  const workspaceLinter = new WorkspaceLinter(() => client, (target) => extensionLessonUri(context, target), log, lessonsBase);
  context.subscriptions.push(workspaceLinter);
  const diagram = new DiagramPanel(context.extensionUri, () => client, log);
  context.subscriptions.push(diagram);

  registerCommands(context, {
    restartServer: async () => {
      if (client !== undefined) await client.restart();
      statusBar.reset();
      fabricSource.reset();
      diagram.reset();
    },
    showOutput: () => output.show(true),
    openLessons: () => panel.show(),
    openLesson: async (arg?: unknown) => {
      if (arg === undefined) {
        const picked = await vscode.window.showQuickPick(
          LESSONS.map((l) => ({ label: l.title, description: `${l.minutes} min`, id: l.id })),
          { placeHolder: 'Open a lesson' },
        );
        if (picked !== undefined) await panel.show({ lesson: picked.id });
        return;
      }
      const target = toLessonTarget(arg);
      if (target === undefined) {
        log(`${COMMANDS.openLesson}: ignored argument ${JSON.stringify(arg)}`);
        return;
      }
      await panel.show(target);
    },
    openTryIt,
    resetLessonProgress: async () => {
      await progress.reset();
      void vscode.window.showInformationMessage('Topology Tutor: lesson progress reset.');
    },
    newTopologyFile: async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'topology', content: NEW_TOPOLOGY_TEMPLATE });
      await vscode.window.showTextDocument(document, { preview: false });
    },
    exportLab: exportLabCommand(() => client, log),
    lintWorkspace: () => workspaceLinter.run(),
    showDiagram: () => diagram.show(),
    exportDiagramSvg: () => diagram.exportSvg(),
  });

  try {
    await started.start();
  } catch (error) {
    // Keep the lessons working when the server cannot start; say so in the output.
    log(`The language server failed to start: ${String(error)}`);
    void vscode.window.showErrorMessage('Topology Tutor: the language server failed to start. See "Topology: Show Server Output".');
  }
  statusBar.refresh();
  // The server is up (or not): the lessons panel's figures can be asked for now.
  fabricSource.reset();
  diagram.reset();

  return {
    runtime: platform.runtime,
    lessonsPanel: {
      isOpen: () => panel.isOpen(),
      currentLesson: () => panel.currentLesson(),
      currentSection: () => panel.currentSection(),
      requestDom: () => panel.requestDom(),
      click: (action) => panel.click(action),
      fabric: () => panel.fabric(),
      onDidUpdateFabric: panel.onDidUpdateFabric,
      clickFabricLink: (link) => panel.clickFabricLink(link),
      restore: (webviewPanel, state) => panel.restore(webviewPanel, state),
    },
    diagram,
    walkthrough: {
      contextKeys: () => {
        const snapshot = keys.snapshot();
        return Object.fromEntries(knownContextKeys().map((k) => [k, snapshot[k] === true]));
      },
    },
    lintWorkspace: {
      diagnostics: (uri) => workspaceLinter.diagnostics(uri),
    },
  };
}

export async function deactivateTopologyTutor(): Promise<void> {
  if (client !== undefined) await client.stop();
  client = undefined;
}
