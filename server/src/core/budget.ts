/**
 * Cooperative cancellation and time budgets for one lint. The core calls a `Checkpoint` between
 * its phases (parse, schema, model, each rule) and every few thousand iterations of its long
 * loops; the caller's checkpoint throws `AnalysisAborted` to stop the work there. The core stays
 * pure: the clock and the cancellation signal belong to whoever creates the checkpoint (the
 * language server's analysis worker, the CLI).
 */

/** Where the lint is. Syntax and schema always finish; the budget applies from `model` on. */
export type AnalysisPhase = 'parse' | 'schema' | 'model' | 'rule';

export type Checkpoint = (phase: AnalysisPhase) => void;

export type AbortReason = 'cancelled' | 'over-budget';

/** Thrown by a checkpoint: the lint is to stop (a newer version arrived, or time ran out). */
export class AnalysisAborted extends Error {
  constructor(readonly reason: AbortReason) {
    super(reason === 'cancelled' ? 'analysis cancelled' : 'analysis over its time budget');
    this.name = 'AnalysisAborted';
  }
}

/** Loops call the checkpoint once per this many iterations (a power of two minus one, for `&`). */
export const CHECKPOINT_EVERY_MASK = 4095;

export interface CheckpointOptions {
  /** Milliseconds the fabric analysis may run, counted from when the checkpoint is created. */
  budgetMs?: number;
  /** True when the work is no longer wanted. */
  cancelled?: () => boolean;
  /** Called once, the first time the fabric analysis (the budgeted part) is reached. */
  onFabricStart?: (remainingMs: number) => void;
  /** The clock, in milliseconds (performance.now by default). */
  now?: () => number;
}

/** A checkpoint that aborts when `cancelled()` says so, and in the fabric phases once the budget is spent. */
export function createCheckpoint(options: CheckpointOptions = {}): Checkpoint {
  const now = options.now ?? (() => performance.now());
  const deadline = options.budgetMs === undefined ? Infinity : now() + options.budgetMs;
  let fabricStarted = false;
  return (phase) => {
    if (options.cancelled?.() === true) throw new AnalysisAborted('cancelled');
    if (phase !== 'model' && phase !== 'rule') return;
    const remaining = deadline - now();
    if (!fabricStarted) {
      fabricStarted = true;
      options.onFabricStart?.(Math.max(0, remaining));
    }
    if (remaining < 0) throw new AnalysisAborted('over-budget');
  };
}
