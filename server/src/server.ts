/**
 * The Topology Tutor language server on Node (the desktop extension, the npm package, any LSP
 * client). Node-specific wiring only: the connection (stdio, IPC or socket), analysis workers on
 * worker_threads, the lessons folder next to this file, project config files read from disk, the
 * idle memory collector and the test hooks. The server itself is lsp/serverSetup.ts, shared with
 * the browser entry (browserServer.ts).
 *
 * Run standalone with `node server/out/server.js --stdio` (or --node-ipc / --socket=N).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { performance } from 'perf_hooks';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DEFAULT_LIMITS } from './lsp/analysisScheduler';
import type { SchedulerLimits } from './lsp/analysisScheduler';
import { IdleCollector } from './lsp/idleCollector';
import { inlineWorkerStarter } from './lsp/inlineWorkerHost';
import { nodeWorkerStarter } from './lsp/nodeWorkerHost';
import { ProjectConfigService } from './lsp/projectConfig';
import { startLanguageServer } from './lsp/serverSetup';

const connection = createConnection(ProposedFeatures.all);
/** TOPOLOGY_TEST_HOOKS=1: report each analysis step as a `topology/test/analysis` notification (tests count them). */
const testHooks = process.env.TOPOLOGY_TEST_HOOKS === '1';

/** The bundled worker next to this file; the test hooks may point elsewhere (a missing script tests the fallback). */
const workerScript = (testHooks ? process.env.TOPOLOGY_TEST_WORKER_SCRIPT : undefined) ?? path.join(__dirname, 'analysisWorker.js');

/** The lessons folder ships next to server/ in the extension and the npm package. */
const lessonsBase = pathToFileURL(path.resolve(__dirname, '..', '..', 'lessons')).toString();

/** TOPOLOGY_TEST_LIMITS (with the test hooks only): JSON overriding some of the scheduler's limits, so tests need no huge files. */
function schedulerLimits(): SchedulerLimits {
  const raw = testHooks ? process.env.TOPOLOGY_TEST_LIMITS : undefined;
  if (raw === undefined) return DEFAULT_LIMITS;
  const overrides = JSON.parse(raw) as Partial<SchedulerLimits>;
  return { ...DEFAULT_LIMITS, ...overrides };
}

startLanguageServer(connection, {
  startWorker: nodeWorkerStarter(workerScript, (message) => connection.console.log(message)),
  inlineWorker: inlineWorkerStarter(() => performance.now()),
  lessonsBase: () => lessonsBase,
  projectConfigs: (host, base) => new ProjectConfigService(host, base()),
  testHooks,
  limits: schedulerLimits(),
  memory: new IdleCollector(1500, 1_000_000),
});
