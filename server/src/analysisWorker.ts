/**
 * Entry point of an analysis worker thread (bundled as server/out/analysisWorker.js; the
 * language server starts it with worker_threads). The logic is in lsp/analysisWorker.ts.
 */
import { parentPort } from 'worker_threads';
import { performance } from 'perf_hooks';
import { AnalysisWorkerRuntime } from './lsp/analysisWorker';
import { IdleCollector } from './lsp/idleCollector';
import type { MainToWorker } from './lsp/workerProtocol';

const port = parentPort;
if (port === null) throw new Error('analysisWorker.js runs as a worker thread of the language server');
const collector = new IdleCollector(1500, 1_000_000);
const runtime = new AnalysisWorkerRuntime({
  post: (message) => port.postMessage(message),
  now: () => performance.now(),
  analysed: (chars) => collector.linted(chars),
  released: (chars) => collector.linted(chars),
});
port.on('message', (message: MainToWorker) => runtime.handle(message));
