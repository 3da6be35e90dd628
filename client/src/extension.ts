/**
 * Topology Tutor client: starts the language server, registers commands, and hosts the learning
 * features (lessons panel, lesson links, walkthrough progress, status bar). Every check and every
 * explanation of a finding comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import { LESSONS } from '../../server/src/core/lessons/lessonCatalog';
import { parseLesson } from '../../server/src/core/lessons/lessonFile';
import { COMMAND_IDS, registerCommands } from './commands';
import { ContextKeys, knownContextKeys, lessonOpenedKey, OPENED_KEY } from './contextKeys';
import { FixTracker } from './fixTracker';
import { HOVER_ENABLED_COMMANDS, LESSON_URI_PATH, isKnownLesson, lessonUriQuery, parseLessonHref, parseLessonUri, rewriteLessonLinks, toLessonTarget } from './lessonLinks';
import type { LessonTarget } from './lessonLinks';
import { isTryItPath } from './lessonsModel';
import { LessonsPanel } from './lessonsPanel';
import type { LessonsPanelApi } from './lessonsPanel';
import { ProgressStore } from './progressStore';
import { StatusBar } from './statusBar';
import { NEW_TOPOLOGY_TEMPLATE } from './template';

/**
 * What activate() returns: a small hook for the real-editor tests (test/vscode/suite). Not a public
 * API for other extensions; it may change with the tests.
 */
export interface TopologyTutorApi {
  lessonsPanel: LessonsPanelApi;
  walkthrough: {
    /** Every context key the extension sets for walkthrough steps, with its current value. */
    contextKeys(): Record<string, boolean>;
  };
}

let client: LanguageClient | undefined;

/**
 * Rewrites lesson links: in hovers to `command:topology.openLesson?…` (trusted for our commands
 * only); in diagnostics to the extension's own URI (`vscode://topology-tutor.topology-tutor/lesson?…`,
 * or the product's scheme in a browser VS Code), which every place that shows a rule code opens
 * through the URI handler: the Problems panel, the hover and the "next problem" peek.
 */
export function lessonLinkMiddleware(lessonUri: (target: LessonTarget) => vscode.Uri): Middleware {
  return {
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (hover === undefined || hover === null) return hover;
      const contents = hover.contents.map((content) => {
        const value = typeof content === 'string' ? content : content instanceof vscode.MarkdownString ? content.value : undefined;
        if (value === undefined) return content;
        const { text, changed } = rewriteLessonLinks(value);
        if (!changed) return content;
        const markdown = new vscode.MarkdownString(text, content instanceof vscode.MarkdownString ? content.supportThemeIcons : false);
        if (content instanceof vscode.MarkdownString) markdown.supportHtml = content.supportHtml;
        // Trust only our own commands; no blanket trust.
        markdown.isTrusted = { enabledCommands: [...HOVER_ENABLED_COMMANDS] };
        return markdown;
      });
      return new vscode.Hover(contents, hover.range);
    },
    handleDiagnostics: (uri, diagnostics, next) => {
      for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        if (code === undefined || typeof code !== 'object') continue;
        const target = parseLessonHref(code.target.toString(true));
        if (target !== undefined) diagnostic.code = { value: code.value, target: lessonUri(target) };
      }
      next(uri, diagnostics);
    },
  };
}

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'topology' }, { pattern: '**/.topology-tutor.{yaml,yml}' }],
    synchronize: { configurationSection: 'topology' },
    outputChannel: output,
    middleware: lessonLinkMiddleware((target) =>
      vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: LESSON_URI_PATH, query: lessonUriQuery(target) }),
    ),
  };
  return new LanguageClient('topology', 'Topology Tutor', serverOptions, clientOptions);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function activate(context: vscode.ExtensionContext): Promise<TopologyTutorApi> {
  const output = vscode.window.createOutputChannel('Topology Tutor');
  context.subscriptions.push(output);
  const log = (message: string): void => output.appendLine(message);
  const keys = new ContextKeys(log);
  const progress = new ProgressStore(context.globalState);

  const tryItPathOf = async (lesson: string): Promise<string | undefined> => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'lessons', `${lesson}.md`));
    const path = parseLesson(new TextDecoder().decode(bytes)).frontMatter.get('tryIt');
    return isTryItPath(path) ? path : undefined;
  };

  /** Opens a try-it file: the workspace's copy if it has one, else an untitled copy (never the extension's own file). */
  const openTryItPath = async (path: string): Promise<void> => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, path);
      try {
        await vscode.workspace.fs.stat(uri);
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preview: false });
        return;
      } catch {
        // not in this folder
      }
    }
    const name = path.slice(path.lastIndexOf('/') + 1);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const untitled = (folder !== undefined ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`)).with({ scheme: 'untitled' });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === untitled.toString());
    const document = open ?? (await vscode.workspace.openTextDocument(untitled));
    if (open === undefined && document.getText() === '') {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, path)));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(untitled, new vscode.Position(0, 0), text);
      await vscode.workspace.applyEdit(edit);
    }
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  };

  const panel = new LessonsPanel(context.extensionUri, progress, {
    onLessonShown: (lesson) => keys.set(lessonOpenedKey(lesson)),
    openTryIt: (lesson) => openTryIt(lesson),
    log,
  });
  context.subscriptions.push(panel);

  const openTryIt = async (arg?: unknown): Promise<void> => {
    let value = arg;
    if (value === undefined) {
      const withFiles = (await Promise.all(LESSONS.map(async (l) => ({ lesson: l, path: await tryItPathOf(l.id) })))).filter((x) => x.path !== undefined);
      const picked = await vscode.window.showQuickPick(
        withFiles.map((x) => ({ label: x.lesson.title, description: x.path, id: x.lesson.id })),
        { placeHolder: 'Open the try-it file of a lesson' },
      );
      if (picked === undefined) return;
      value = picked.id;
    }
    if (isKnownLesson(value)) {
      const path = await tryItPathOf(value);
      // Lessons without a try-it file have a "Try it" section instead.
      if (path === undefined) return panel.show({ lesson: value, section: 'try-it' });
      return openTryItPath(path);
    }
    if (isTryItPath(value)) return openTryItPath(value);
    log(`topology.openTryIt: ignored argument ${JSON.stringify(value)}`);
  };

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

  client = createClient(context, output);
  const statusBar = new StatusBar(() => client, log);
  context.subscriptions.push(statusBar);

  registerCommands(context, {
    restartServer: async () => {
      if (client !== undefined) await client.restart();
      statusBar.reset();
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
        log(`${COMMAND_IDS.openLesson}: ignored argument ${JSON.stringify(arg)}`);
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
  });

  try {
    await client.start();
  } catch (error) {
    // Keep the lessons working when the server cannot start; say so in the output.
    log(`The language server failed to start: ${String(error)}`);
    void vscode.window.showErrorMessage('Topology Tutor: the language server failed to start. See "Topology: Show Server Output".');
  }
  statusBar.refresh();

  return {
    lessonsPanel: {
      isOpen: () => panel.isOpen(),
      currentLesson: () => panel.currentLesson(),
      currentSection: () => panel.currentSection(),
      requestDom: () => panel.requestDom(),
      click: (action) => panel.click(action),
    },
    walkthrough: {
      contextKeys: () => {
        const snapshot = keys.snapshot();
        return Object.fromEntries(knownContextKeys().map((k) => [k, snapshot[k] === true]));
      },
    },
  };
}

export async function deactivate(): Promise<void> {
  if (client !== undefined) await client.stop();
  client = undefined;
}
