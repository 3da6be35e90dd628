/** Analysis workers on Node's worker_threads: the only Node-specific part of the scheduler. */
import { Worker } from 'worker_threads';
import type { AnalysisWorkerPort, StartWorker, WorkerListeners } from './workerHost';
import { SIGNAL_SLOTS, type WorkerToMain } from './workerProtocol';

/** Starts workers running `script` (the bundled server/out/analysisWorker.js). */
export function nodeWorkerStarter(script: string, log: (message: string) => void): StartWorker {
  return (name: string, listeners: WorkerListeners): AnalysisWorkerPort => {
    // stdout: true keeps the worker's console output off the process's stdout, which carries
    // the LSP messages over --stdio; it goes to the log instead.
    const worker = new Worker(script, { name, stdout: true });
    const sharedMemory = new SharedArrayBuffer(SIGNAL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    let ended = false;
    let lastError = '';
    worker.stdout.setEncoding('utf8');
    worker.stdout.on('data', (chunk: string) => log(`${name}: ${chunk.trimEnd()}`));
    worker.on('message', (message: WorkerToMain) => listeners.message(message));
    worker.on('error', (error: Error) => {
      lastError = error.message;
    });
    worker.on('exit', (code) => {
      if (ended) return;
      ended = true;
      listeners.exit(lastError !== '' ? lastError : `exit code ${code}`);
    });
    return {
      sharedMemory,
      post: (message) => worker.postMessage(message),
      terminate: () => {
        ended = true;
        worker.terminate().catch((error: unknown) => log(`${name}: terminating failed: ${String(error)}`));
      },
    };
  };
}
