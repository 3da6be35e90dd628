/**
 * Drives the real language server process (server/out/server.js --stdio) over JSON-RPC,
 * the way an editor does. Tests wait on the server's notifications; they never sleep.
 */
import { spawn } from 'child_process';
import type { ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, InitializeResult } from 'vscode-languageserver-protocol';

export const SERVER_PATH = path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'server.js');

/** One step of a document's analysis, as the server reports it with TOPOLOGY_TEST_HOOKS=1 (server/src/lsp/analysisScheduler.ts). */
export interface AnalysisEvent {
  uri: string;
  version: number;
  event: 'started' | 'done' | 'over-budget' | 'cancelled' | 'failed' | 'killed' | 'crashed' | 'evicted' | 'computed' | 'warmed';
  worker: string;
  method?: string;
  ms?: number;
}

export interface StartOptions {
  configuration?: boolean;
  initializationOptions?: unknown;
  /** Start the server with TOPOLOGY_TEST_HOOKS=1: analysis steps arrive in `events`. */
  testHooks?: boolean;
  /** More environment for the server process. */
  env?: NodeJS.ProcessEnv;
}

interface Waiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (diagnostics: Diagnostic[]) => void;
}

export class LspSession {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  initializeResult: InitializeResult | undefined;
  readonly stderr: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  /** Answer for workspace/configuration requests (the `topology` section). */
  configuration: unknown = null;
  /** False: workspace/configuration requests are never answered (a stuck client); a number: answered after that many ms. */
  answerConfiguration: boolean | number = true;
  /** The server's window/logMessage lines (the first 1,000). */
  readonly logs: string[] = [];
  /** Analysis steps (only with the testHooks start option). */
  readonly events: AnalysisEvent[] = [];
  private eventWaiters: { predicate: (event: AnalysisEvent) => boolean; resolve: (event: AnalysisEvent) => void }[] = [];

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(process.execPath, [SERVER_PATH, ...args], { stdio: 'pipe', env });
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.predicate(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      ready.forEach((w) => w.resolve(params.diagnostics));
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      const answer = (): unknown[] => params.items.map(() => this.configuration);
      if (this.answerConfiguration === true) return answer();
      if (this.answerConfiguration === false) return new Promise<never>(() => undefined);
      const delay = this.answerConfiguration;
      return new Promise<unknown[]>((resolve) => setTimeout(() => resolve(answer()), delay));
    });
    this.connection.onNotification('topology/test/analysis', (event: AnalysisEvent) => {
      this.events.push(event);
      const ready = this.eventWaiters.filter((w) => w.predicate(event));
      this.eventWaiters = this.eventWaiters.filter((w) => !ready.includes(w));
      ready.forEach((w) => w.resolve(event));
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      if (this.logs.length < 1000) this.logs.push(params.message);
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspSession> {
    const env = { ...process.env, ...(options.testHooks === true ? { TOPOLOGY_TEST_HOOKS: '1' } : {}), ...options.env };
    const session = new LspSession(['--stdio'], env);
    session.initializeResult = await session.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: options.configuration ?? false },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  nextDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  /** Resolves with the next analysis event (testHooks sessions) that satisfies `predicate`, or one already seen. */
  nextEvent(predicate: (event: AnalysisEvent) => boolean, includePast = false): Promise<AnalysisEvent> {
    const past = includePast ? this.events.find(predicate) : undefined;
    if (past !== undefined) return Promise.resolve(past);
    return new Promise((resolve) => this.eventWaiters.push({ predicate, resolve }));
  }

  /** Analysis events of one document. */
  eventsFor(uri: string, event?: AnalysisEvent['event']): AnalysisEvent[] {
    return this.events.filter((e) => e.uri === uri && (event === undefined || e.event === event));
  }

  /** Opens a document and resolves with its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topology', version: 1, text } });
    return published;
  }

  /** Replaces the whole text and resolves with diagnostics for the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  /** Sends one didChange with these content changes (no waiting) and returns the new version. */
  async sendChanges(uri: string, contentChanges: unknown[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return published;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
