/**
 * An "analysis worker" on the connection's own thread: the same runtime, without isolation or
 * shared memory. On Node the fallback when worker threads cannot be started; in the browser
 * (browserServer.ts) the host of every analysis, since the language server's Web Worker cannot
 * start workers of its own there. It keeps the server working, but a long analysis delays every
 * request meanwhile (the time budget still stops it at its next checkpoint).
 */
import { AnalysisWorkerRuntime } from './analysisWorker';
import type { AnalysisWorkerPort, StartWorker, WorkerListeners } from './workerHost';
import type { MainToWorker } from './workerProtocol';

/** Runs a task soon, after the current one (Node: setImmediate; a browser: a MessageChannel). */
export type Defer = (task: () => void) => void;

export function inlineWorkerStarter(now: () => number, defer: Defer = setImmediate): StartWorker {
  return (_name: string, listeners: WorkerListeners): AnalysisWorkerPort => {
    let alive = true;
    const runtime = new AnalysisWorkerRuntime({
      // Asynchronous like a real worker's messages, so the scheduler's state is settled first.
      post: (message) => {
        defer(() => {
          if (alive) listeners.message(message);
        });
      },
      now,
    });
    return {
      sharedMemory: undefined,
      post: (message: MainToWorker) => {
        defer(() => {
          if (alive) runtime.handle(message);
        });
      },
      terminate: () => {
        alive = false;
      },
    };
  };
}
