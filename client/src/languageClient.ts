/**
 * The language client, the same in the desktop and the browser extension: which documents the
 * server sees, the settings it gets, the project config files (watched for it, and sent when it
 * asks), and the lesson links it sends (rewritten so that they open our lessons panel). Starting
 * the server is the entries' part: nodeLanguageClient.ts (a Node process over IPC) and
 * browserLanguageClient.ts (a Web Worker).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import { HOVER_ENABLED_COMMANDS } from '../../shared/commands';
import type { TopologyInitializationOptions } from '../../shared/protocol';
import { CONFIG_FILES_GLOB, ConfigFilesRequest } from '../../shared/protocol';
import { LESSON_URI_PATH, lessonUriQuery, parseLessonHref } from '../../shared/lessons/lessonLinks';
import type { LessonTarget } from '../../shared/lessons/lessonLinks';
import { readConfigFiles } from './configFiles';
import { rewriteLessonLinks } from './lessonLinkRewrite';

/**
 * The client of either entry (vscode-languageclient/node's LanguageClient, or the browser one in
 * browserLanguageClient.ts). Feature modules take this type, never an entry's own class.
 */
export type TopologyClient = BaseLanguageClient & { restart(): Promise<void> };

/** Starts the server the entry's way, with the shared client options. */
export type CreateClient = (context: vscode.ExtensionContext, options: LanguageClientOptions) => TopologyClient;

/**
 * Rewrites lesson links: in hovers to `command:topology.openLesson?…` (trusted for our commands
 * only); in diagnostics to the extension's own URI (`vscode://topology-tutor.topology-tutor/lesson?…`,
 * or the product's scheme in a browser VS Code), which every place that shows a rule code opens
 * through the URI handler: the Problems panel, the hover and the "next problem" peek. `lessonsBase`:
 * the lessons folder URI the server links into when it is not a `file:` URI (the browser build).
 */
export function lessonLinkMiddleware(lessonUri: (target: LessonTarget) => vscode.Uri, lessonsBase?: string): Middleware {
  return {
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (hover === undefined || hover === null) return hover;
      const contents = hover.contents.map((content) => {
        const value = typeof content === 'string' ? content : content instanceof vscode.MarkdownString ? content.value : undefined;
        if (value === undefined) return content;
        const { text, changed } = rewriteLessonLinks(value, lessonsBase);
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
      rewriteDiagnosticLinks(diagnostics, lessonUri, lessonsBase);
      next(uri, diagnostics);
    },
  };
}

/**
 * Points each diagnostic's code link (a lesson file, or a lesson under `lessonsBase`) at the
 * extension's lesson URI, in place.
 */
export function rewriteDiagnosticLinks(diagnostics: readonly vscode.Diagnostic[], lessonUri: (target: LessonTarget) => vscode.Uri, lessonsBase?: string): void {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (code === undefined || typeof code !== 'object') continue;
    const options = { base: lessonsBase };
    const target = parseLessonHref(code.target.toString(true), options) ?? parseLessonHref(code.target.toString(), options);
    if (target !== undefined) diagnostic.code = { value: code.value, target: lessonUri(target) };
  }
}

/** The extension's own URI for a lesson (opened through its URI handler). */
export function extensionLessonUri(context: vscode.ExtensionContext, target: LessonTarget): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: LESSON_URI_PATH, query: lessonUriQuery(target) });
}

/** The project config files the server re-lints on (it registers no watcher of its own when told so). */
export const CONFIG_FILE_GLOB = CONFIG_FILES_GLOB;

export interface ClientSetup {
  output: vscode.OutputChannel;
  /** The lessons folder URI to send the server (the browser entry); the Node server knows its own. */
  lessonsBase?: string;
}

export function createClientOptions(context: vscode.ExtensionContext, setup: ClientSetup): LanguageClientOptions {
  // Config file changes reach the server as workspace/didChangeWatchedFiles from this watcher; the
  // server then registers none itself (watchesConfigFiles), so no event arrives twice.
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  context.subscriptions.push(configWatcher);
  const initializationOptions: TopologyInitializationOptions = { watchesConfigFiles: true };
  if (setup.lessonsBase !== undefined) initializationOptions.lessonsBase = setup.lessonsBase;
  return {
    documentSelector: [{ language: 'topology' }, { pattern: CONFIG_FILE_GLOB }, { language: 'yaml', pattern: '**/*.clab.{yml,yaml}' }],
    synchronize: { configurationSection: 'topology', fileEvents: configWatcher },
    initializationOptions,
    outputChannel: setup.output,
    middleware: lessonLinkMiddleware((target) => extensionLessonUri(context, target), setup.lessonsBase),
  };
}

/** Creates the client the entry's way and answers what the server may ask the client for. */
export function startableClient(context: vscode.ExtensionContext, setup: ClientSetup, create: CreateClient): TopologyClient {
  const client = create(context, createClientOptions(context, setup));
  // A server that cannot read files (the browser build's) asks for the project config files.
  client.onRequest(ConfigFilesRequest.type, (params, token) => readConfigFiles(params, token, (message) => setup.output.appendLine(message)));
  return client;
}
