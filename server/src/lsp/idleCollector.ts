/**
 * After linting a large document, V8 keeps the memory of the parse (the event list, the previous
 * tree) long after it is garbage, so the server's resident size stays near its peak. Once the
 * server has been idle for a moment, one full collection gives that memory back. Requests that
 * arrive before then are not delayed; any new lint postpones the collection.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

type Collect = () => void;

function exposeGc(): Collect | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as Collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : undefined;
  } catch {
    return undefined;
  }
}

export class IdleCollector {
  private readonly collect = exposeGc();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly idleMs: number,
    /** Documents smaller than this leave too little garbage to bother. */
    private readonly minChars: number,
  ) {}

  /**
   * Collects right away (on the next turn of the event loop) after a big text was handed on,
   * e.g. to an analysis worker: the copies made on the way are garbage, and this thread would
   * otherwise keep them through the other thread's memory peak.
   */
  handedOn(chars: number): void {
    if (this.collect === undefined || chars < this.minChars) return;
    const collect = this.collect;
    setImmediate(collect);
  }

  /** Call after each lint; collects once nothing else has happened for `idleMs`. */
  linted(chars: number): void {
    if (this.collect === undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (chars < this.minChars && this.timer === undefined) return;
    const collect = this.collect;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      collect();
    }, this.idleMs);
    this.timer.unref();
  }
}
