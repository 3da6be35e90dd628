/**
 * Runs the web extension's language server bundle (server/out/browserServer.js) the way VS Code for
 * the web does: in a Web Worker of a real browser (headless Debian Chromium, through playwright-core,
 * with the real-editor harness's flags), LSP over postMessage. A local HTTP server serves an empty
 * page and the bundle; the test talks JSON-RPC to the worker through the page (vscode-jsonrpc on the
 * Node side, postMessage on the page side). Tests wait on the server's messages; they never sleep.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { DataCallback, Disposable, Message, MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const WEB_SERVER_BUNDLE = path.join(ROOT, 'server', 'out', 'browserServer.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The harness's Chromium flags (scripts/vscode/paths.mjs CHROMIUM_ARGS), read from there so they stay one list. */
function chromiumArgs(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'scripts', 'vscode', 'paths.mjs'), 'utf8');
  const list = /export const CHROMIUM_ARGS = \[([^\]]*)\]/.exec(source);
  if (list === null) throw new Error('CHROMIUM_ARGS not found in scripts/vscode/paths.mjs');
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** Messages from the worker, handed over by the page. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }

  deliver(message: Message): void {
    this.callback?.(message);
  }
}

/** Messages to the worker, in order, through the page. */
class PageWriter extends AbstractMessageWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly page: Page) {
    super();
  }

  write(message: Message): Promise<void> {
    this.queue = this.queue.then(() => this.page.evaluate((m) => (globalThis as unknown as { lsp: { post(m: unknown): void } }).lsp.post(m), message as unknown));
    return this.queue;
  }

  end(): void {}
}

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Topology Tutor web server test</title></head><body>
<script>
  // The worker's messages go to the test (__fromWorker); an uncaught error in it too (__workerError).
  const worker = new Worker('/server/out/browserServer.js');
  worker.onmessage = (event) => window.__fromWorker(event.data);
  worker.onerror = (event) => window.__workerError(String(event.message));
  window.lsp = { post: (message) => worker.postMessage(message) };
</script></body></html>`;

export class WorkerLspSession {
  readonly connection: MessageConnection;
  /** Uncaught errors in the worker (a bundle that needs Node would end up here). */
  readonly workerErrors: string[] = [];
  readonly logs: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly browser: Browser,
    private readonly server: http.Server,
    readonly baseUrl: string,
    page: Page,
    reader: PageReader,
  ) {
    this.connection = createMessageConnection(reader, new PageWriter(page));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.predicate(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      ready.forEach((w) => w.resolve(params.diagnostics));
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      if (this.logs.length < 1000) this.logs.push(params.message);
    });
    this.connection.listen();
  }

  /** Serves the repository's bundle, opens the page, starts the worker. */
  static async launch(): Promise<WorkerLspSession> {
    if (!fs.existsSync(WEB_SERVER_BUNDLE)) throw new Error(`${path.relative(ROOT, WEB_SERVER_BUNDLE)} is missing: run npm run build`);
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      } else if (url.pathname === '/server/out/browserServer.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(fs.readFileSync(WEB_SERVER_BUNDLE));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs() });
    try {
      const page = await browser.newPage();
      const reader = new PageReader();
      const errors: string[] = [];
      await page.exposeFunction('__fromWorker', (message: Message) => reader.deliver(message));
      await page.exposeFunction('__workerError', (message: string) => errors.push(message));
      await page.goto(baseUrl, { waitUntil: 'load' });
      const session = new WorkerLspSession(browser, server, baseUrl, page, reader);
      session.workerErrors.push(...errors.splice(0));
      return session;
    } catch (error) {
      await browser.close();
      server.close();
      throw error;
    }
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  nextDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  async open(uri: string, text: string, languageId = 'topology'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      await this.browser.close();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
  }
}
