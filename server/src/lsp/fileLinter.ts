/**
 * Lints the texts of unopened files (topology/lintFile, "Topology: Lint Workspace") on an analysis
 * worker of their own, one at a time, so that a workspace lint never delays the open documents'
 * requests (they live on the scheduler's workers) and never blocks the connection's thread.
 *
 * Each text gets the document time budget (topology.maxAnalysisSeconds) inside the worker; a
 * worker that overruns it without reaching a checkpoint is terminated and the text is linted
 * again for syntax and schema only, as an open document would be. A worker that crashes or hangs
 * costs that one file its answer (logged), and the next file starts a new worker. The worker
 * ends after a quiet minute, so a workspace lint's memory goes back when it is over.
 */
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { LintSettings } from '../core/settings';
import type { AnalysisWorkerPort, FallbackWorkerStarter } from './workerHost';
import { signalCancel } from './workerProtocol';
import type { LintedTextMessage, WorkerToMain } from './workerProtocol';

export interface FileLinterHost {
  /** The server's worker starter (shared with the scheduler, so both fall back to the connection's thread together). */
  workers: FallbackWorkerStarter;
  readonly lessonsBase: string;
  testHooks: boolean;
  log(message: string): void;
}

export interface FileLinterLimits {
  /** How long past its budget a worker may run before it is terminated. */
  graceMs: number;
  /** How long syntax and schema of one text may take before the worker counts as hung. */
  hungMs: number;
  /** The worker ends after this long without work. */
  idleMs: number;
}

interface Job {
  seq: number;
  uri: string;
  text: string;
  settings: LintSettings;
  skipAnalysis?: 'over-budget';
  /** undefined: no answer (cancelled, or the worker failed on it). */
  resolve(diagnostics: Diagnostic[] | undefined): void;
}

export class FileLinter {
  private port: AnalysisWorkerPort | undefined;
  private signals: Int32Array | undefined;
  private seq = 0;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly host: FileLinterHost,
    private readonly limits: FileLinterLimits,
  ) {}

  /** The text's diagnostics as an open document would get them; undefined when cancelled or failed. */
  lint(uri: string, text: string, settings: LintSettings, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    if (this.disposed || token?.isCancellationRequested === true) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const job: Job = { seq: this.next(), uri, text, settings, resolve };
      token?.onCancellationRequested(() => this.cancel(job));
      this.queue.push(job);
      this.pump();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    this.port?.terminate();
    this.port = undefined;
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    this.running?.resolve(undefined);
    this.running = undefined;
  }

  private next(): number {
    this.seq = (this.seq % 0x3fffffff) + 1;
    return this.seq;
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      job.resolve(undefined);
      return;
    }
    if (this.running !== job || this.port === undefined) return;
    // The worker stops at its next checkpoint and answers `cancelled`.
    if (this.signals !== undefined) signalCancel(this.signals, job.seq);
    else this.port.post({ type: 'cancel', seq: job.seq });
  }

  private pump(): void {
    if (this.running !== undefined || this.disposed) return;
    const job = this.queue.shift();
    if (job === undefined) {
      if (this.idleTimer === undefined && this.port !== undefined) {
        this.idleTimer = setTimeout(() => this.endIdle(), this.limits.idleMs);
        // Node: an idle worker's timer does not keep the process alive (a browser's timer is a number).
        (this.idleTimer as { unref?: () => void }).unref?.();
      }
      return;
    }
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.running = job;
    this.arm(this.limits.hungMs, 'hung');
    this.ensurePort().post({ type: 'lintText', seq: job.seq, uri: job.uri, text: job.text, settings: job.settings, skipAnalysis: job.skipAnalysis });
  }

  private ensurePort(): AnalysisWorkerPort {
    if (this.port !== undefined) return this.port;
    const port = this.host.workers.start('lint-files', {
      message: (message) => {
        if (this.port === port) this.onMessage(message);
      },
      exit: (reason) => {
        if (this.port === port) this.lost(`its worker stopped (${reason})`);
      },
    });
    this.port = port;
    this.signals = port.sharedMemory === undefined ? undefined : new Int32Array(port.sharedMemory);
    port.post({ type: 'init', lessonsBase: this.host.lessonsBase, signals: port.sharedMemory, testHooks: this.host.testHooks });
    return port;
  }

  private onMessage(message: WorkerToMain): void {
    switch (message.type) {
      case 'fabric':
        // The fabric analysis started with `remainingMs` of the budget: past it (and the grace), stop the worker.
        if (this.running?.seq === message.seq) this.arm(message.remainingMs + this.limits.graceMs, 'over-budget');
        return;
      case 'lintedText':
        this.onLinted(message);
        return;
      case 'log':
        this.host.log(`lint-files: ${message.message}`);
        return;
      default:
        return;
    }
  }

  private onLinted(message: LintedTextMessage): void {
    const job = this.running;
    if (job === undefined || job.seq !== message.seq) return;
    this.clearWatchdog();
    this.running = undefined;
    if (message.error !== undefined) this.host.log(`Linting ${job.uri} (Lint Workspace) failed: ${message.error}`);
    job.resolve(message.diagnostics);
    this.pump();
  }

  private arm(ms: number, why: 'hung' | 'over-budget'): void {
    this.clearWatchdog();
    this.watchdog = setTimeout(() => this.kill(why), ms);
  }

  /** The worker overran the budget without reaching a checkpoint, or hangs: it ends. */
  private kill(why: 'hung' | 'over-budget'): void {
    const job = this.running;
    this.port?.terminate();
    this.port = undefined;
    if (why === 'over-budget' && job !== undefined && job.skipAnalysis === undefined) {
      // As for an open document: syntax and schema only, with one analysis-skipped info saying why.
      this.running = undefined;
      this.clearWatchdog();
      this.queue.unshift({ ...job, seq: this.next(), skipAnalysis: 'over-budget' });
      this.pump();
      return;
    }
    this.lost(why === 'hung' ? `no result after ${Math.round(this.limits.hungMs / 1000)} s` : 'past its time budget');
  }

  /** The worker is gone: the file it was linting gets no answer; the next one starts a new worker. */
  private lost(detail: string): void {
    this.clearWatchdog();
    this.port = undefined;
    this.signals = undefined;
    const job = this.running;
    this.running = undefined;
    if (job !== undefined) {
      this.host.log(`Linting ${job.uri} (Lint Workspace) stopped its worker: ${detail}`);
      job.resolve(undefined);
    }
    this.pump();
  }

  private endIdle(): void {
    this.idleTimer = undefined;
    if (this.running !== undefined || this.queue.length > 0) return;
    this.port?.terminate();
    this.port = undefined;
    this.signals = undefined;
  }

  private clearWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  private clearTimers(): void {
    this.clearWatchdog();
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
