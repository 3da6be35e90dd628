/**
 * An "analysis worker" on the connection's own thread: the same runtime, without isolation or
 * shared memory. The fallback when worker threads cannot be started; it keeps the server
 * working, but a long analysis then delays every request, as before there were workers.
 */
import { AnalysisWorkerRuntime } from './analysisWorker';
import type { AnalysisWorkerPort, StartWorker, WorkerListeners } from './workerHost';
import type { MainToWorker } from './workerProtocol';

export function inlineWorkerStarter(now: () => number): StartWorker {
  return (_name: string, listeners: WorkerListeners): AnalysisWorkerPort => {
    let alive = true;
    const runtime = new AnalysisWorkerRuntime({
      // Asynchronous like a real worker's messages, so the scheduler's state is settled first.
      post: (message) => {
        setImmediate(() => {
          if (alive) listeners.message(message);
        });
      },
      now,
    });
    return {
      sharedMemory: undefined,
      post: (message: MainToWorker) => {
        setImmediate(() => {
          if (alive) runtime.handle(message);
        });
      },
      terminate: () => {
        alive = false;
      },
    };
  };
}
