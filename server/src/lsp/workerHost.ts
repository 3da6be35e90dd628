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
