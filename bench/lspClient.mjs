/**
 * A minimal editor-like LSP client over stdio for the benchmark: spawns a server process,
 * speaks JSON-RPC with vscode-jsonrpc, waits for publishDiagnostics per uri and version,
 * and reads the process's memory from /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export class TimeoutError extends Error {
  constructor(what, ms) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Races a promise against a timer; rejects with TimeoutError. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** VmRSS and VmHWM (peak) of a process, in MB; undefined where /proc is unavailable. */
export function processMemoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m === null ? undefined : Number(m[1]) / 1024;
    };
    return { rssMb: kb('VmRSS'), peakRssMb: kb('VmHWM') };
  } catch {
    return { rssMb: undefined, peakRssMb: undefined };
  }
}

export class LspProcess {
  /**
   * @param {string[]} args node arguments (script path first, or node flags then script)
   * @param {{ onRequest?: (method: string, params: unknown) => unknown, cwd?: string }} options
   */
  constructor(args, options = {}) {
    this.child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => {
      if (this.stderr.length < 100_000) this.stderr += d;
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.stopping = false;
    /** Rejects if the process exits before stop(): races every wait so a crash fails fast. */
    this.died = this.exited.then(({ code, signal }) => {
      if (!this.stopping) throw new Error(`server exited (code ${code}, signal ${signal}) ${this.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
    });
    this.died.catch(() => {});
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    /** uri → list of { version, diagnostics, at } */
    this.diagnostics = new Map();
    this.waiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const at = performance.now();
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push({ version: params.version, diagnostics: params.diagnostics, at });
      this.diagnostics.set(params.uri, list);
      this.waiters = this.waiters.filter((w) => !w.check(params, at));
    });
    // Everything else the server sends us: logs, telemetry, progress.
    this.connection.onNotification(() => {});
    const onRequest = options.onRequest ?? (() => null);
    this.connection.onRequest((method, params) => onRequest(method, params));
    this.connection.onError(() => {});
    this.connection.onClose(() => {});
    this.connection.listen();
  }

  get pid() {
    return this.child.pid;
  }

  request(method, params) {
    return this.guard(this.connection.sendRequest(method, params));
  }

  /** The promise, or a rejection if the process dies first. */
  guard(promise) {
    return Promise.race([promise, this.died.then(() => new Promise(() => {}))]);
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /**
   * Resolves with { diagnostics, at } for the first publishDiagnostics for `uri` that matches
   * `version` (any version when undefined) arriving after this call.
   */
  nextDiagnostics(uri, version) {
    return this.guard(new Promise((resolve) => {
      this.waiters.push({
        check: (params, at) => {
          if (params.uri !== uri) return false;
          if (version !== undefined && params.version !== version) return false;
          resolve({ diagnostics: params.diagnostics, at, version: params.version });
          return true;
        },
      });
    }));
  }

  memory() {
    return processMemoryMb(this.child.pid);
  }

  /** shutdown + exit, then wait for the process (killed after `graceMs`). */
  async stop(graceMs = 10_000) {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await withTimeout(this.request('shutdown', null), graceMs, 'shutdown');
        await this.notify('exit', null);
      } catch {
        // fall through to the kill below
      }
      let timer;
      const done = await Promise.race([this.exited, new Promise((r) => (timer = setTimeout(() => r(undefined), graceMs)))]);
      clearTimeout(timer);
      if (done === undefined) {
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
    this.connection.dispose();
  }
}
