/**
 * The Topology Tutor language server in a Web Worker (the web extension: vscode.dev, github.dev),
 * bundled as server/out/browserServer.js. The server is lsp/serverSetup.ts, the same as on Node;
 * what differs:
 *   - the connection: LSP over the worker's postMessage (vscode-languageserver/browser);
 *   - analyses run on this worker's own thread (lsp/inlineWorkerHost.ts): VS Code for the web
 *     starts the language server as a nested worker of its extension host, and nested workers
 *     cannot start workers of their own there, so there is no worker to hand an analysis to. A
 *     long analysis delays the other requests meanwhile; the time budget still stops it;
 *   - the lessons folder is the extension's (the client sends its URI in initializationOptions);
 *   - project config files come from the client (lsp/clientProjectConfig.ts), which reads them
 *     through `workspace.fs`;
 *   - no idle memory collector (V8 flags are Node's), no test hooks.
 * Nothing here or below may import a Node built-in: scripts/bundle.mjs fails the build otherwise.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import type { TopologyInitializationOptions } from '../../shared/protocol';
import { DEFAULT_LIMITS } from './lsp/analysisScheduler';
import { ClientProjectConfigService } from './lsp/clientProjectConfig';
import { inlineWorkerStarter } from './lsp/inlineWorkerHost';
import type { Defer } from './lsp/inlineWorkerHost';
import { startLanguageServer } from './lsp/serverSetup';

/** What this file uses of a dedicated worker's global scope (the project's type check has no DOM library). */
interface WorkerScope {
  location?: { href: string };
  MessageChannel: new () => { port1: { onmessage: ((event: unknown) => void) | null }; port2: { postMessage(message: unknown): void } };
}

const scope = globalThis as unknown as WorkerScope;

// The reader and writer take the worker's global scope (typed by the DOM library, which the
// project's type check leaves out: the cast is only for the compiler).
const port = globalThis as never;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));

/** Runs tasks after the current one, in order, letting incoming messages in between (setTimeout would be clamped to 4 ms). */
function messageChannelDefer(): Defer {
  const tasks: (() => void)[] = [];
  const channel = new scope.MessageChannel();
  channel.port1.onmessage = () => {
    const task = tasks.shift();
    try {
      task?.();
    } catch (error) {
      connection.console.error(`Analysis task failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(0);
  };
}

/** The lessons folder: the one the client names, else the one next to this script (server/out/ → lessons/). */
function lessonsBase(options: unknown): string {
  const named = options !== null && typeof options === 'object' ? (options as TopologyInitializationOptions).lessonsBase : undefined;
  if (typeof named === 'string' && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(named)) return named.replace(/\/+$/, '');
  try {
    return new URL('../../lessons', scope.location?.href).toString();
  } catch {
    return 'lessons';
  }
}

const inline = inlineWorkerStarter(() => performance.now(), messageChannelDefer());

startLanguageServer(connection, {
  startWorker: inline,
  lessonsBase,
  projectConfigs: (host, base) => new ClientProjectConfigService(host, base),
  testHooks: false,
  // No spare worker to warm: every analysis runs on this worker's thread.
  limits: { ...DEFAULT_LIMITS, warmSpare: false },
});
