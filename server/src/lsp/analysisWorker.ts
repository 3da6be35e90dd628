/**
 * The analysis worker's logic, free of any threading API: it receives messages from the main
 * thread, lints documents (with cooperative cancellation and the time budget), keeps each
 * document's latest lint result and answers that document's requests from it. The Node entry
 * (server/src/analysisWorker.ts) wires it to worker_threads; a browser build would wire it to
 * a Web Worker's `self`.
 */
import { AnalysisAborted, createCheckpoint, type Checkpoint } from '../core/budget';
import type { LintResult } from '../core/lint';
import { lintDocument } from '../core/lintDocument';
import { DEFAULT_SETTINGS } from '../core/settings';
import { toDiagnostics } from './diagnostics';
import { answer } from './requests';
import { WARM_UP_FABRIC, WARM_UP_URI } from './warmUpFabric';
import { isSignalled } from './workerProtocol';
import type { AnalysedMessage, AnalyseMessage, InitMessage, LintTextMessage, MainToWorker, RequestMessage, WorkerToMain } from './workerProtocol';

export interface WorkerEnvironment {
  post(message: WorkerToMain): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Called after each analysis with the text's length (the Node entry collects garbage when idle). */
  analysed?(chars: number): void;
  /** Called when a result of a text this long was dropped. */
  released?(chars: number): void;
}

interface Held {
  version: number;
  result: LintResult;
}

/** Test hook (TOPOLOGY_TEST_HOOKS only): `# topology-test-stall-ms: N` makes the first rule checkpoint spin N ms, deaf to cancellation. */
const STALL_MARKER = /# topology-test-stall-ms: (\d+)/;

export class AnalysisWorkerRuntime {
  private lessonsBase = '';
  private signals: Int32Array | undefined;
  private testHooks = false;
  /** Cancelled message numbers, for hosts without shared memory. */
  private readonly cancelled = new Set<number>();
  private readonly held = new Map<string, Held>();
  /** Requests waiting for a result of their version, per document. */
  private readonly waiting = new Map<string, RequestMessage[]>();

  constructor(private readonly env: WorkerEnvironment) {}

  handle(message: MainToWorker): void {
    try {
      switch (message.type) {
        case 'init':
          this.init(message);
          return;
        case 'analyse':
          this.analyse(message);
          return;
        case 'request':
          this.request(message);
          return;
        case 'drop': {
          const chars = this.held.get(message.uri)?.result.text.length ?? 0;
          this.held.delete(message.uri);
          this.waiting.delete(message.uri);
          this.env.released?.(chars);
          return;
        }
        case 'cancel':
          this.cancelled.add(message.seq);
          return;
        case 'lintText':
          this.lintOnce(message);
          return;
        case 'warm': {
          const started = this.env.now();
          lintDocument(WARM_UP_URI, WARM_UP_FABRIC, DEFAULT_SETTINGS);
          this.env.post({ type: 'warmed', ms: this.env.now() - started });
          return;
        }
      }
    } catch (error) {
      this.env.post({ type: 'log', message: `analysis worker: ${describe(error)}` });
    }
  }

  private init(message: InitMessage): void {
    this.lessonsBase = message.lessonsBase;
    this.signals = message.signals === undefined ? undefined : new Int32Array(message.signals);
    this.testHooks = message.testHooks;
  }

  private isCancelled(seq: number): boolean {
    if (this.signals !== undefined && isSignalled(this.signals, seq)) return true;
    return this.cancelled.delete(seq);
  }

  private analyse(message: AnalyseMessage): void {
    const { seq, uri, version } = message;
    const started = this.env.now();
    const done = (fields: Pick<AnalysedMessage, 'outcome'> & Partial<AnalysedMessage>): void => {
      this.env.post({ type: 'analysed', seq, uri, version, chars: 0, ms: this.env.now() - started, ...fields });
    };
    if (this.isCancelled(seq)) {
      done({ outcome: 'cancelled' });
      return;
    }
    // The old version's result goes now, so two versions of a big file are never held at once.
    this.held.delete(uri);
    this.env.post({ type: 'started', seq });
    const checkpoint = this.checkpointFor(message);
    let result: LintResult;
    try {
      result = lintDocument(uri, message.text, message.settings, { checkpoint, skipAnalysis: message.skipAnalysis });
    } catch (error) {
      if (error instanceof AnalysisAborted) done({ outcome: 'cancelled' });
      else done({ outcome: 'failed', error: describe(error) });
      return;
    }
    this.held.set(uri, { version, result });
    // A bug in the core shows as one internal-error diagnostic; its stack goes to the server log.
    for (const internal of result.analysis?.internalErrors ?? []) {
      this.env.post({ type: 'log', message: `Internal error (${internal.context}) linting ${uri}: ${internal.stack}` });
    }
    const diagnostics = toDiagnostics(result.findings, uri, this.lessonsBase);
    done({ outcome: 'done', diagnostics, overBudget: result.overBudget === true, chars: message.text.length });
    this.env.analysed?.(message.text.length);
    this.flush(uri);
  }

  /** A text linted once for topology/lintFile: the same budget and cancellation as an analysis, nothing kept. */
  private lintOnce(message: LintTextMessage): void {
    const { seq, uri } = message;
    if (this.isCancelled(seq)) {
      this.env.post({ type: 'lintedText', seq, cancelled: true });
      return;
    }
    let result: LintResult;
    try {
      result = lintDocument(uri, message.text, message.settings, { checkpoint: this.checkpointFor(message), skipAnalysis: message.skipAnalysis });
    } catch (error) {
      if (error instanceof AnalysisAborted) this.env.post({ type: 'lintedText', seq, cancelled: true });
      else this.env.post({ type: 'lintedText', seq, error: describe(error) });
      return;
    }
    for (const internal of result.analysis?.internalErrors ?? []) {
      this.env.post({ type: 'log', message: `Internal error (${internal.context}) linting ${uri}: ${internal.stack}` });
    }
    this.env.post({ type: 'lintedText', seq, diagnostics: toDiagnostics(result.findings, uri, this.lessonsBase) });
  }

  private checkpointFor(message: Pick<AnalyseMessage, 'seq' | 'text' | 'settings'>): Checkpoint {
    const { seq } = message;
    const checkpoint = createCheckpoint({
      budgetMs: message.settings.maxAnalysisSeconds * 1000,
      cancelled: () => this.isCancelled(seq),
      onFabricStart: (remainingMs) => this.env.post({ type: 'fabric', seq, remainingMs }),
      now: () => this.env.now(),
    });
    const stall = this.testHooks ? STALL_MARKER.exec(message.text) : null;
    if (stall === null) return checkpoint;
    let stalled = false;
    return (phase) => {
      checkpoint(phase);
      if (phase !== 'rule' || stalled) return;
      stalled = true;
      const until = this.env.now() + Number(stall[1]);
      while (this.env.now() < until) {
        // spin: a rule that never reaches a checkpoint
      }
    };
  }

  private request(message: RequestMessage): void {
    const held = this.held.get(message.uri);
    if (held !== undefined && held.version >= message.version) {
      this.respond(message, held.result);
      return;
    }
    const list = this.waiting.get(message.uri);
    if (list === undefined) this.waiting.set(message.uri, [message]);
    else list.push(message);
  }

  /** Answers the requests that were waiting for this document's new result. */
  private flush(uri: string): void {
    const held = this.held.get(uri);
    const list = this.waiting.get(uri);
    if (held === undefined || list === undefined) return;
    const ready = list.filter((m) => m.version <= held.version);
    const rest = list.filter((m) => m.version > held.version);
    if (rest.length === 0) this.waiting.delete(uri);
    else this.waiting.set(uri, rest);
    for (const message of ready) this.respond(message, held.result);
  }

  private respond(message: RequestMessage, result: LintResult): void {
    const { seq, uri, method } = message;
    if (this.isCancelled(seq)) {
      this.env.post({ type: 'response', seq, uri, method, cancelled: true });
      return;
    }
    try {
      const report = (context: string, error: unknown): void => this.env.post({ type: 'log', message: `${context} failed for ${uri}: ${describe(error)}` });
      this.env.post({ type: 'response', seq, uri, method, ...answer(method, result, message.params, { uri, lessonsBase: this.lessonsBase, report }) });
    } catch (error) {
      this.env.post({ type: 'response', seq, uri, method, error: { code: -32603, message: `${method} failed: ${describe(error)}` } });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
