/**
 * The language client: starts the server (server/out/server.js) over IPC and rewrites the lesson
 * links it sends, so they open our lessons panel.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import { HOVER_ENABLED_COMMANDS } from '../../shared/commands';
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
    documentSelector: [{ language: 'topology' }, { pattern: '**/.topology-tutor.{yaml,yml}' }, { language: 'yaml', pattern: '**/*.clab.{yml,yaml}' }],
    synchronize: { configurationSection: 'topology' },
    outputChannel: output,
    middleware: lessonLinkMiddleware((target) =>
      vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: LESSON_URI_PATH, query: lessonUriQuery(target) }),
    ),
  };
  return new LanguageClient('topology', 'Topology Tutor', serverOptions, clientOptions);
}
