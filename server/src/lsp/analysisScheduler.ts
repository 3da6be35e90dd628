/**
 * Runs every document's analysis off the connection's thread and routes its requests to where
 * its result lives. The main thread keeps only texts and versions; the workers keep the results.
 *
 * - Documents under `bigDocumentChars` share one worker; each bigger one gets a worker of its
 *   own (at most `maxDedicatedWorkers`), so a big analysis never delays a small document's
 *   requests. Closing a big document ends its worker, which frees all of its memory; one such
 *   worker is kept instead, its result dropped, for the next big document (no start-up cost).
 *   At most `maxParallelBig` big analyses run at once (peak memory), the others queue.
 * - A change cancels the analysis of the older version (a shared flag the worker's checkpoints
 *   read) and analyses the newest text after a quiet period; a request waits for the result of
 *   the document's newest version and never starts an analysis of an outdated text.
 * - The fabric analysis has `topology.maxAnalysisSeconds`; the worker stops itself at the next
 *   checkpoint past it, and a worker that does not (a loop without checkpoints) is terminated
 *   `graceMs` later, after which the text is checked for syntax and schema only. A worker that
 *   crashes (or runs out of memory) or hangs is replaced; that version is not retried.
 * - Results of at most `maxHeldDocuments` documents and `maxHeldChars` characters are kept, the
 *   least recently used evicted first (their diagnostics stay; a request analyses them again).
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { LintSettings } from '../core/settings';
import { toDiagnostic } from './diagnostics';
import type { AnalysisWorkerPort, FallbackWorkerStarter } from './workerHost';
import { signalCancel } from './workerProtocol';
import type { AnalysedMessage, MainToWorker, ResponseMessage, WorkerMethod, WorkerRequests, WorkerToMain } from './workerProtocol';

export interface SchedulerLimits {
  /** Documents of at least this many characters get a worker of their own. */
  bigDocumentChars: number;
  maxDedicatedWorkers: number;
  /** Big analyses running at once, at most. */
  maxParallelBig: number;
  /** Characters of documents whose results are kept, at most (the most recent one is always kept). */
  maxHeldChars: number;
  maxHeldDocuments: number;
  /** Quiet period after a change before the document is analysed again. */
  debounceMs: number;
  /** How long past its budget a worker may run before it is terminated. */
  graceMs: number;
  /** How long syntax and schema of one document may take before its worker counts as hung. */
  hungMs: number;
  /**
   * After the first analysis, start the spare dedicated worker and warm its code, so that the first
   * big document does not wait for a worker to start and its code to compile (≈ 10 % of opening
   * 64×2048). Off where workers share the connection's thread (the browser build).
   */
  warmSpare: boolean;
}

export const DEFAULT_LIMITS: SchedulerLimits = {
  bigDocumentChars: 512 * 1024,
  maxDedicatedWorkers: 4,
  maxParallelBig: 1,
  maxHeldChars: 24 * 1024 * 1024,
  maxHeldDocuments: 64,
  debounceMs: 200,
  graceMs: 1500,
  hungMs: 120_000,
  warmSpare: true,
};

/** One step in a document's analysis, for the test hook (TOPOLOGY_TEST_HOOKS) and logs. */
export interface AnalysisEvent {
  uri: string;
  version: number;
  event: 'started' | 'done' | 'over-budget' | 'cancelled' | 'failed' | 'killed' | 'crashed' | 'evicted' | 'computed' | 'warmed';
  worker: string;
  /** For 'computed': the request a worker answered. */
  method?: WorkerMethod;
  ms?: number;
}

export interface SchedulerHost {
  /** Starts the analysis workers (falling back to the connection's thread when they do not start). */
  workers: FallbackWorkerStarter;
  lessonsBase: string;
  testHooks: boolean;
  /** The document's current state (undefined once closed). */
  document(uri: string): { readonly version: number; getText(): string } | undefined;
  settings(uri: string): Promise<LintSettings>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** A text of this many characters was sent to a worker. */
  posted?(chars: number): void;
  log(message: string): void;
  event?(event: AnalysisEvent): void;
}

interface Pending {
  uri: string;
  method: WorkerMethod;
  params: unknown;
  fallback: unknown;
  resolve(value: unknown): void;
  done: boolean;
  /** Set once forwarded to a worker. */
  seq?: number;
}

interface Posted {
  seq: number;
  version: number;
  settings: LintSettings;
  big: boolean;
}

interface VersionSettings {
  version: number;
  settings: LintSettings;
}

interface DocState {
  uri: string;
  slot?: WorkerSlot;
  /** An analysis sent to the slot's worker, not finished yet. */
  posted?: Posted;
  /** The result the slot's worker holds. */
  held?: VersionSettings & { chars: number };
  /** This version ran out of time: from now on syntax and schema only. */
  overBudget?: VersionSettings;
  /** This version crashed or hung its worker: not tried again until it changes. */
  failed?: VersionSettings;
  /** Requests not yet forwarded (waiting for an analysis of the newest version to be sent). */
  waiting: Pending[];
  timer?: ReturnType<typeof setTimeout>;
  /** Linted at least once: later changes are debounced, the first (the open) is not. */
  linted: boolean;
  lastUsed: number;
}

class WorkerSlot {
  port: AnalysisWorkerPort | undefined;
  signals: Int32Array | undefined;
  private seq = 0;
  readonly docs = new Set<string>();
  readonly forwarded = new Map<number, Pending>();
  /** The analysis the worker is executing: set by 'started', cleared by 'analysed'. */
  running: { seq: number; uri: string } | undefined;
  watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly name: string,
    readonly dedicated: boolean,
  ) {}

  next(): number {
    this.seq = (this.seq % 0x3fffffff) + 1;
    return this.seq;
  }

  clearWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }
}


const CANCELLED = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

export class AnalysisScheduler {
  private readonly docs = new Map<string, DocState>();
  private readonly shared: WorkerSlot;
  private readonly dedicated = new Set<WorkerSlot>();
  /** Big documents waiting for a free big-analysis place, in order. */
  private readonly bigQueue: string[] = [];
  private workerCount = 0;
  /** One dedicated worker kept, without a document, for the next big one. */
  private spare: WorkerSlot | undefined;
  /** The spare was started ahead of need once (limits.warmSpare); it is not started ahead again. */
  private sparePrepared = false;
  private useClock = 0;
  private disposed = false;

  constructor(
    private readonly host: SchedulerHost,
    private readonly limits: SchedulerLimits = DEFAULT_LIMITS,
  ) {
    this.shared = new WorkerSlot('analysis-shared', false);
  }

  /** Starts the shared worker now, so the first document does not wait for it. */
  warmUp(): void {
    this.ensurePort(this.shared);
  }

  /** The document was opened or changed: cancel older work, analyse the newest text soon. */
  changed(uri: string): void {
    const state = this.stateFor(uri);
    const version = this.host.document(uri)?.version;
    if (state.posted !== undefined && state.posted.version !== version) this.cancelAnalysis(state);
    this.schedule(state, state.linted ? this.limits.debounceMs : 0);
    state.linted = true;
  }

  /** Settings changed for every document (or for one, when its late configuration answer arrives). */
  settingsChanged(uri?: string): void {
    for (const state of uri === undefined ? this.docs.values() : [this.docs.get(uri)]) {
      if (state !== undefined) this.schedule(state, 0);
    }
  }

  closed(uri: string): void {
    const state = this.docs.get(uri);
    if (state === undefined) return;
    this.docs.delete(uri);
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    this.unqueue(uri);
    this.cancelAnalysis(state);
    for (const pending of state.waiting.splice(0)) this.settle(pending, pending.fallback);
    const slot = state.slot;
    if (slot !== undefined) {
      for (const pending of this.forwardedFor(slot, uri)) {
        this.cancelMessage(slot, pending.seq!);
        this.settle(pending, pending.fallback);
      }
      this.leave(state, slot);
    }
    this.pumpBigQueue();
  }

  /**
   * Answers a request from the document's newest result: forwards it to the worker that holds
   * (or is computing) that result, or waits until the analysis of the newest version is sent.
   * Never rejects: failures give `fallback`, cancellation a RequestCancelled error.
   */
  async request<M extends WorkerMethod>(
    uri: string,
    method: M,
    params: WorkerRequests[M]['params'],
    token: CancellationToken,
    fallback: WorkerRequests[M]['result'],
  ): Promise<WorkerRequests[M]['result'] | ResponseError<void>> {
    try {
      const settings = await this.host.settings(uri);
      const document = this.host.document(uri);
      if (document === undefined || this.disposed) return fallback;
      if (token.isCancellationRequested) return CANCELLED();
      const state = this.stateFor(uri);
      state.lastUsed = ++this.useClock;
      if (matches(state.failed, document.version, settings)) return fallback;
      return await new Promise<WorkerRequests[M]['result'] | ResponseError<void>>((resolve) => {
        const pending: Pending = { uri, method, params, fallback, resolve, done: false };
        token.onCancellationRequested(() => this.cancelRequest(pending));
        const current = matches(state.posted, document.version, settings) || matches(state.held, document.version, settings);
        if (current && state.slot !== undefined) {
          this.forward(state.slot, pending, document.version);
          return;
        }
        state.waiting.push(pending);
        // Nothing on its way (an evicted result, or new settings): analyse the newest text now.
        if (state.timer === undefined && !this.bigQueue.includes(uri)) this.schedule(state, 0);
      });
    } catch (error) {
      this.host.log(`${method} failed: ${describe(error)}`);
      return fallback;
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const state of this.docs.values()) if (state.timer !== undefined) clearTimeout(state.timer);
    for (const slot of [this.shared, ...this.dedicated, ...(this.spare === undefined ? [] : [this.spare])]) {
      slot.clearWatchdog();
      slot.port?.terminate();
      slot.port = undefined;
    }
  }

  // ------------------------------------------------------------------ scheduling

  private stateFor(uri: string): DocState {
    let state = this.docs.get(uri);
    if (state === undefined) {
      state = { uri, waiting: [], linted: false, lastUsed: ++this.useClock };
      this.docs.set(uri, state);
    }
    return state;
  }

  private schedule(state: DocState, delayMs: number): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    this.unqueue(state.uri);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.start(state).catch((error: unknown) => this.host.log(`Analysing ${state.uri} failed: ${describe(error)}`));
    }, delayMs);
  }

  private async start(state: DocState): Promise<void> {
    const { uri } = state;
    const settings = await this.host.settings(uri);
    const document = this.host.document(uri);
    // Closed, or changed again meanwhile (its own timer will start it).
    if (document === undefined || this.docs.get(uri) !== state || state.timer !== undefined || this.disposed) return;
    const version = document.version;
    if (matches(state.failed, version, settings)) {
      for (const pending of state.waiting.splice(0)) this.settle(pending, pending.fallback);
      return;
    }
    if (matches(state.posted, version, settings)) return;
    if (matches(state.held, version, settings) && state.slot !== undefined) {
      this.forwardWaiting(state, state.slot, version);
      return;
    }
    const text = document.getText();
    const big = text.length >= this.limits.bigDocumentChars;
    if (big && this.bigRunning(uri) >= this.limits.maxParallelBig) {
      if (!this.bigQueue.includes(uri)) this.bigQueue.push(uri);
      return;
    }
    this.cancelAnalysis(state);
    const slot = this.slotFor(state, big);
    const seq = slot.next();
    const skipAnalysis = matches(state.overBudget, version, settings) ? 'over-budget' : undefined;
    this.post(slot, { type: 'analyse', seq, uri, version, text, settings, skipAnalysis });
    this.host.posted?.(text.length);
    state.posted = { seq, version, settings, big };
    state.held = undefined;
    this.forwardWaiting(state, slot, version);
  }

  /** Big analyses sent and not finished, of documents other than `except`. */
  private bigRunning(except: string): number {
    let count = 0;
    for (const state of this.docs.values()) if (state.uri !== except && state.posted?.big === true) count++;
    return count;
  }

  private unqueue(uri: string): void {
    const at = this.bigQueue.indexOf(uri);
    if (at !== -1) this.bigQueue.splice(at, 1);
  }

  private pumpBigQueue(): void {
    while (this.bigQueue.length > 0 && this.bigRunning('') < this.limits.maxParallelBig) {
      const uri = this.bigQueue.shift()!;
      const state = this.docs.get(uri);
      if (state === undefined || state.timer !== undefined) continue;
      this.start(state).catch((error: unknown) => this.host.log(`Analysing ${uri} failed: ${describe(error)}`));
      return; // start() is asynchronous (settings); it re-queues if the place is taken meanwhile
    }
  }

  private cancelAnalysis(state: DocState): void {
    if (state.posted === undefined || state.slot === undefined) return;
    this.cancelMessage(state.slot, state.posted.seq);
  }

  private cancelMessage(slot: WorkerSlot, seq: number): void {
    if (slot.signals !== undefined) signalCancel(slot.signals, seq);
    else if (slot.port !== undefined) slot.port.post({ type: 'cancel', seq });
  }

  // ------------------------------------------------------------------ workers

  /** The worker for this document: the shared one for small documents, its own for big ones. */
  private slotFor(state: DocState, big: boolean): WorkerSlot {
    const current = state.slot;
    if (current !== undefined && current.dedicated === big) return current;
    if (current !== undefined) this.moveAway(state, current);
    let slot: WorkerSlot;
    if (!big) {
      slot = this.shared;
    } else {
      if (this.dedicated.size >= this.limits.maxDedicatedWorkers) {
        const victim = this.leastRecentlyUsed((s) => s.slot?.dedicated === true && s !== state && this.idle(s));
        if (victim !== undefined) this.evict(victim);
      }
      slot = this.spare ?? new WorkerSlot(`analysis-${++this.workerCount}`, true);
      this.spare = undefined;
      this.dedicated.add(slot);
    }
    slot.docs.add(state.uri);
    state.slot = slot;
    return slot;
  }

  /** Takes the document off `slot` (it changes size class): its requests there come back to wait. */
  private moveAway(state: DocState, slot: WorkerSlot): void {
    this.cancelAnalysis(state);
    for (const pending of this.forwardedFor(slot, state.uri)) {
      this.cancelMessage(slot, pending.seq!);
      pending.seq = undefined;
      state.waiting.push(pending);
    }
    state.posted = undefined;
    state.held = undefined;
    this.leave(state, slot);
  }

  /** The document leaves its worker: a dedicated worker ends (all its memory goes), the shared one forgets it. */
  private leave(state: DocState, slot: WorkerSlot): void {
    slot.docs.delete(state.uri);
    if (state.slot === slot) state.slot = undefined;
    if (slot.dedicated) {
      this.dedicated.delete(slot);
      for (const pending of slot.forwarded.values()) this.settle(pending, pending.fallback);
      slot.forwarded.clear();
      if (slot.port !== undefined && slot.running === undefined && this.spare === undefined && !this.disposed) {
        // Kept as the next big document's worker (started, schema compiled, code warm); the result goes.
        slot.port.post({ type: 'drop', uri: state.uri });
        this.spare = slot;
      } else {
        slot.clearWatchdog();
        slot.port?.terminate();
        slot.port = undefined;
      }
    } else if (slot.port !== undefined) {
      slot.port.post({ type: 'drop', uri: state.uri });
    }
  }

  /** Once, after the first analysis: the spare dedicated worker, started and warmed, for the first big document. */
  private prepareSpare(): void {
    if (this.sparePrepared || !this.limits.warmSpare || this.disposed) return;
    this.sparePrepared = true;
    if (this.spare !== undefined || this.dedicated.size > 0 || this.limits.maxDedicatedWorkers < 1) return;
    if (this.host.workers.inlineOnly) return;
    const slot = new WorkerSlot(`analysis-${++this.workerCount}`, true);
    this.spare = slot;
    this.post(slot, { type: 'warm' });
  }

  private ensurePort(slot: WorkerSlot): AnalysisWorkerPort {
    if (slot.port !== undefined) return slot.port;
    const port: AnalysisWorkerPort = this.host.workers.start(slot.name, {
      message: (message) => {
        if (slot.port === port) this.onMessage(slot, message);
      },
      exit: (reason) => {
        if (slot.port === port) this.lost(slot, 'crashed', reason);
      },
    });
    slot.port = port;
    slot.signals = port.sharedMemory === undefined ? undefined : new Int32Array(port.sharedMemory);
    port.post({ type: 'init', lessonsBase: this.host.lessonsBase, signals: port.sharedMemory, testHooks: this.host.testHooks });
    return port;
  }

  private post(slot: WorkerSlot, message: MainToWorker): void {
    this.ensurePort(slot).post(message);
  }

  private onMessage(slot: WorkerSlot, message: WorkerToMain): void {
    switch (message.type) {
      case 'started': {
        const state = this.stateOfAnalysis(slot, message.seq);
        if (state === undefined) return;
        slot.running = { seq: message.seq, uri: state.uri };
        slot.clearWatchdog();
        slot.watchdog = setTimeout(() => this.kill(slot, 'hung'), this.limits.hungMs);
        this.emit(state.uri, state.posted!.version, 'started', slot);
        return;
      }
      case 'fabric':
        if (slot.running?.seq !== message.seq) return;
        slot.clearWatchdog();
        slot.watchdog = setTimeout(() => this.kill(slot, 'over-budget'), message.remainingMs + this.limits.graceMs);
        return;
      case 'analysed':
        this.onAnalysed(slot, message);
        return;
      case 'response':
        this.onResponse(slot, message);
        return;
      case 'log':
        this.host.log(`${slot.name}: ${message.message}`);
        return;
      case 'warmed':
        this.emit('', -1, 'warmed', slot, message.ms);
        return;
    }
  }

  private stateOfAnalysis(slot: WorkerSlot, seq: number): DocState | undefined {
    for (const uri of slot.docs) {
      const state = this.docs.get(uri);
      if (state?.posted?.seq === seq) return state;
    }
    return undefined;
  }

  private onAnalysed(slot: WorkerSlot, message: AnalysedMessage): void {
    if (slot.running?.seq === message.seq) {
      slot.running = undefined;
      slot.clearWatchdog();
    }
    const state = this.docs.get(message.uri);
    const event = message.outcome === 'done' && message.overBudget === true ? 'over-budget' : message.outcome;
    this.emit(message.uri, message.version, event, slot, message.ms);
    if (state === undefined || state.slot !== slot || state.posted?.seq !== message.seq) {
      // Superseded (a newer analysis was sent, or the document left this worker).
      this.pumpBigQueue();
      return;
    }
    const posted = state.posted;
    state.posted = undefined;
    if (message.outcome === 'done') {
      state.held = { version: posted.version, settings: posted.settings, chars: message.chars };
      if (message.overBudget === true) state.overBudget = { version: posted.version, settings: posted.settings };
      if (this.host.document(state.uri)?.version === message.version) this.host.publish(state.uri, message.version, message.diagnostics ?? []);
      this.enforceMemoryBudget(state);
      this.prepareSpare();
    } else if (message.outcome === 'failed') {
      this.host.log(`Analysing ${state.uri} (version ${message.version}) failed: ${message.error ?? 'unknown error'}`);
      state.failed = { version: posted.version, settings: posted.settings };
      for (const pending of state.waiting.splice(0)) this.settle(pending, pending.fallback);
    } else if (state.waiting.length > 0 && state.timer === undefined) {
      // Cancelled, and no newer analysis on its way: the waiting requests still want an answer.
      this.schedule(state, 0);
    }
    this.pumpBigQueue();
  }

  private onResponse(slot: WorkerSlot, message: ResponseMessage): void {
    if (message.cancelled !== true) this.host.event?.({ uri: message.uri, version: -1, event: 'computed', worker: slot.name, method: message.method });
    const pending = slot.forwarded.get(message.seq);
    if (pending === undefined) return;
    slot.forwarded.delete(message.seq);
    if (message.cancelled === true) this.settle(pending, CANCELLED());
    else if (message.error !== undefined) this.settle(pending, new ResponseError(message.error.code, message.error.message));
    else this.settle(pending, message.result);
  }

  /** Ends a worker that overran its budget or hangs. */
  private kill(slot: WorkerSlot, why: 'over-budget' | 'hung'): void {
    if (slot.port === undefined) return;
    slot.port.terminate();
    this.lost(slot, why, why === 'hung' ? `no result after ${Math.round(this.limits.hungMs / 1000)} s` : 'past its time budget');
  }

  /** The worker is gone (killed or crashed): every document on it loses its result; the culprit is marked. */
  private lost(slot: WorkerSlot, why: 'over-budget' | 'hung' | 'crashed', detail: string): void {
    slot.clearWatchdog();
    const culprit = slot.running?.uri;
    slot.running = undefined;
    slot.port = undefined;
    slot.signals = undefined;
    const forwarded = [...slot.forwarded.values()];
    slot.forwarded.clear();
    const restart: DocState[] = [];
    for (const uri of slot.docs) {
      const state = this.docs.get(uri);
      if (state === undefined) continue;
      const posted = state.posted;
      state.posted = undefined;
      state.held = undefined;
      if (uri === culprit && posted !== undefined) {
        this.emit(uri, posted.version, why === 'crashed' ? 'crashed' : 'killed', slot);
        if (why === 'over-budget') {
          state.overBudget = { version: posted.version, settings: posted.settings };
        } else {
          state.failed = { version: posted.version, settings: posted.settings };
          this.host.log(`Analysing ${uri} (version ${posted.version}) stopped its worker: ${detail}`);
          this.publishFailure(uri, posted.version, why, detail);
        }
      }
      if (posted !== undefined || state.waiting.length > 0) restart.push(state);
    }
    for (const pending of forwarded) {
      const state = this.docs.get(pending.uri);
      if (pending.done) continue;
      // After a crash, a request the worker held may be what crashed it: answered, not retried.
      if (state === undefined || (why === 'crashed' && culprit === undefined)) {
        this.settle(pending, pending.fallback);
        continue;
      }
      pending.seq = undefined;
      state.waiting.push(pending);
      if (!restart.includes(state)) restart.push(state);
    }
    this.host.log(`${slot.name} stopped (${why}: ${detail}); starting a new one`);
    for (const state of restart) if (state.timer === undefined) this.schedule(state, 0);
  }

  private publishFailure(uri: string, version: number, why: 'hung' | 'crashed', detail: string): void {
    const document = this.host.document(uri);
    if (document === undefined || document.version !== version) return;
    const text = document.getText();
    const firstBreak = text.search(/[\r\n]/);
    const end = text.length === 0 || firstBreak === 0 ? 0 : 1;
    const reason = why === 'hung' ? `it did not finish within ${Math.round(this.limits.hungMs / 1000)} s` : `its analysis worker stopped (${detail.slice(0, 200)})`;
    const message =
      `Not checked: ${reason}, so this version of the file has no syntax, schema or fabric results. ` +
      'It is checked again when it changes; if this keeps happening, split the file or lower topology.maxFileSizeMB.';
    const finding = { rule: 'analysis-skipped', severity: 'info' as const, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } } };
    this.host.publish(uri, version, [toDiagnostic(finding, uri, this.host.lessonsBase)]);
  }

  // ------------------------------------------------------------------ requests

  private forward(slot: WorkerSlot, pending: Pending, version: number): void {
    if (pending.done) return;
    const seq = slot.next();
    pending.seq = seq;
    slot.forwarded.set(seq, pending);
    this.post(slot, { type: 'request', seq, uri: pending.uri, version, method: pending.method, params: pending.params as never });
  }

  private forwardWaiting(state: DocState, slot: WorkerSlot, version: number): void {
    for (const pending of state.waiting.splice(0)) this.forward(slot, pending, version);
  }

  private forwardedFor(slot: WorkerSlot, uri: string): Pending[] {
    const list: Pending[] = [];
    for (const [seq, pending] of slot.forwarded) {
      if (pending.uri !== uri) continue;
      slot.forwarded.delete(seq);
      list.push(pending);
    }
    return list;
  }

  private cancelRequest(pending: Pending): void {
    if (pending.done) return;
    const state = this.docs.get(pending.uri);
    if (pending.seq !== undefined) {
      const slot = state?.slot;
      if (slot !== undefined && slot.forwarded.get(pending.seq) === pending) {
        slot.forwarded.delete(pending.seq);
        this.cancelMessage(slot, pending.seq);
      }
    } else if (state !== undefined) {
      const at = state.waiting.indexOf(pending);
      if (at !== -1) state.waiting.splice(at, 1);
    }
    this.settle(pending, CANCELLED());
  }

  private settle(pending: Pending, value: unknown): void {
    if (pending.done) return;
    pending.done = true;
    pending.resolve(value);
  }

  // ------------------------------------------------------------------ memory

  private leastRecentlyUsed(eligible: (state: DocState) => boolean): DocState | undefined {
    let best: DocState | undefined;
    for (const state of this.docs.values()) {
      if (eligible(state) && (best === undefined || state.lastUsed < best.lastUsed)) best = state;
    }
    return best;
  }

  /** Evicts the least recently used results until the kept ones fit the limits; `keep` stays. */
  private enforceMemoryBudget(keep: DocState): void {
    for (;;) {
      let chars = 0;
      let count = 0;
      for (const state of this.docs.values()) {
        if (state.held === undefined) continue;
        chars += state.held.chars;
        count++;
      }
      if (chars <= this.limits.maxHeldChars && count <= this.limits.maxHeldDocuments) return;
      const victim = this.leastRecentlyUsed((s) => s !== keep && s.held !== undefined && this.idle(s));
      if (victim === undefined) return;
      this.evict(victim);
    }
  }

  /** No analysis or request of the document is under way. */
  private idle(state: DocState): boolean {
    if (state.posted !== undefined || state.waiting.length > 0) return false;
    for (const pending of state.slot?.forwarded.values() ?? []) if (pending.uri === state.uri) return false;
    return true;
  }

  private evict(state: DocState): void {
    const slot = state.slot;
    if (slot === undefined) return;
    this.emit(state.uri, state.held?.version ?? -1, 'evicted', slot);
    state.held = undefined;
    this.leave(state, slot);
  }

  private emit(uri: string, version: number, event: AnalysisEvent['event'], slot: WorkerSlot, ms?: number): void {
    this.host.event?.({ uri, version, event, worker: slot.name, ms });
  }
}

function matches(entry: VersionSettings | undefined, version: number, settings: LintSettings): boolean {
  return entry !== undefined && entry.version === version && entry.settings === settings;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
