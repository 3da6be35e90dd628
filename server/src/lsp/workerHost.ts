/**
 * The one seam between the analysis scheduler and a threading API: something that starts an
 * analysis worker and carries messages to and from it. The language server over stdio/IPC uses
 * Node's worker_threads (nodeWorkerHost.ts); a browser build would start a Web Worker instead.
 */
import type { MainToWorker, WorkerToMain } from './workerProtocol';

export interface AnalysisWorkerPort {
  post(message: MainToWorker): void;
  /** Ends the worker at once, wherever it is (it frees all its memory). */
  terminate(): void;
  /** Memory both sides see (Int32 cancellation slots); undefined where it cannot be shared. */
  readonly sharedMemory: SharedArrayBuffer | undefined;
}

export interface WorkerListeners {
  message(message: WorkerToMain): void;
  /** The worker ended without being asked (a crash, running out of memory); called once. */
  exit(reason: string): void;
}

/** Starts one analysis worker; `name` shows in debuggers and logs. */
export type StartWorker = (name: string, listeners: WorkerListeners) => AnalysisWorkerPort;

/** Workers that end before their first message, in a row, before falling back to the inline host. */
const MAX_FAILED_STARTS = 3;

/**
 * Starts workers with `preferred`; after MAX_FAILED_STARTS in a row that end before their first
 * message (a missing or broken worker script), starts every later one with `inline` (the same
 * runtime on the connection's thread), once logged. One instance serves every part of the server
 * that starts workers, so they fall back together.
 */
export class FallbackWorkerStarter {
  private failedStarts = 0;
  private current: StartWorker;

  constructor(
    preferred: StartWorker,
    private readonly inline: StartWorker | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.current = preferred;
  }

  /** True once workers are started inline (after the fallback). */
  get inlineOnly(): boolean {
    return this.inline !== undefined && this.current === this.inline;
  }

  readonly start: StartWorker = (name, listeners) => {
    let spoke = false;
    return this.current(name, {
      message: (message) => {
        spoke = true;
        this.failedStarts = 0;
        listeners.message(message);
      },
      exit: (reason) => {
        if (!spoke && ++this.failedStarts >= MAX_FAILED_STARTS && this.inline !== undefined && !this.inlineOnly) {
          this.log(`Analysis workers do not start (${reason}); analysing on the connection's thread from now on`);
          this.current = this.inline;
        }
        listeners.exit(reason);
      },
    });
  };
}
