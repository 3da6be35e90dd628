/**
 * The language client: starts the server (server/out/server.js) over IPC, watches the project config
 * files for it, and rewrites the lesson links it sends, so they open our lessons panel.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import { HOVER_ENABLED_COMMANDS } from '../../shared/commands';
import type { TopologyInitializationOptions } from '../../shared/protocol';
import { LESSON_URI_PATH, lessonUriQuery, parseLessonHref } from '../../shared/lessons/lessonLinks';
import type { LessonTarget } from '../../shared/lessons/lessonLinks';
import { rewriteLessonLinks } from './lessonLinkRewrite';

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
      rewriteDiagnosticLinks(diagnostics, lessonUri);
      next(uri, diagnostics);
    },
  };
}

/** Points each diagnostic's code link (a lesson file) at the extension's lesson URI, in place. */
export function rewriteDiagnosticLinks(diagnostics: readonly vscode.Diagnostic[], lessonUri: (target: LessonTarget) => vscode.Uri): void {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (code === undefined || typeof code !== 'object') continue;
    const target = parseLessonHref(code.target.toString(true));
    if (target !== undefined) diagnostic.code = { value: code.value, target: lessonUri(target) };
  }
}

/** The extension's own URI for a lesson (opened through its URI handler). */
export function extensionLessonUri(context: vscode.ExtensionContext, target: LessonTarget): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: LESSON_URI_PATH, query: lessonUriQuery(target) });
}

/** The project config files the server re-lints on (it registers no watcher of its own when told so). */
export const CONFIG_FILE_GLOB = '**/.topology-tutor.{yaml,yml}';

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Config file changes reach the server as workspace/didChangeWatchedFiles from this watcher; the
  // server then registers none itself (watchesConfigFiles), so no event arrives twice.
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  context.subscriptions.push(configWatcher);
  const initializationOptions: TopologyInitializationOptions = { watchesConfigFiles: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'topology' }, { pattern: CONFIG_FILE_GLOB }, { language: 'yaml', pattern: '**/*.clab.{yml,yaml}' }],
    synchronize: { configurationSection: 'topology', fileEvents: configWatcher },
    initializationOptions,
    outputChannel: output,
    middleware: lessonLinkMiddleware((target) => extensionLessonUri(context, target)),
  };
  return new LanguageClient('topology', 'Topology Tutor', serverOptions, clientOptions);
}
