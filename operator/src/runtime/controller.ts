// Workers that pull keys from a WorkQueue and run a level-triggered reconcile(key), with
// controller-runtime's result handling:
// - success: forget the key's backoff (and requeue after a delay when asked to);
// - TerminalError: permanent, not retried (a later watch event brings the key back);
// - any other error: retried with per-key exponential backoff.
import { isConflict } from '../../../crds/client/client.js';
import type { OperatorMetrics } from './metrics.js';
import { silentLogger, withFields, type Logger } from '../../../crds/client/logger.js';
import { WorkQueue } from './work-queue.js';

export interface ReconcileResult {
  /** Reconcile the key again after this many milliseconds. */
  requeueAfter?: number;
}

export type ReconcileFn = (key: string) => Promise<ReconcileResult>;

/** An error that retrying cannot fix (bad input, a conflict only a user can resolve). */
export class TerminalError extends Error {
  constructor(
    message: string,
    readonly reason = 'TerminalError',
  ) {
    super(message);
    this.name = 'TerminalError';
  }
}

export type ReconcileOutcome = 'success' | 'error' | 'requeue_after';

export interface ControllerMetrics {
  reconciled(outcome: ReconcileOutcome, seconds: number): void;
  errored(): void;
}

/** What the operator passes to every controller constructor. */
export interface ControllerSetup {
  workers?: number;
  metrics?: OperatorMetrics;
  log?: Logger;
}

export interface ControllerOptions {
  name: string;
  reconcile: ReconcileFn;
  workers?: number;
  queue?: WorkQueue;
  metrics?: ControllerMetrics;
  log?: Logger;
}

/** A controller named name with its own queue, both reporting under that name. */
export function newController(name: string, reconcile: ReconcileFn, setup: ControllerSetup = {}): Controller {
  return new Controller({
    name,
    reconcile,
    workers: setup.workers,
    log: setup.log,
    metrics: setup.metrics?.forController(name),
    queue: new WorkQueue({ metrics: setup.metrics?.forQueue(name) }),
  });
}

export class Controller {
  readonly name: string;
  readonly queue: WorkQueue;
  private readonly log: Required<Logger>;
  private workers: Promise<void>[] = [];

  constructor(private readonly opts: ControllerOptions) {
    this.name = opts.name;
    this.queue = opts.queue ?? new WorkQueue();
    this.log = withFields(opts.log ?? silentLogger, { controller: opts.name });
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  enqueueAfter(key: string, ms: number): void {
    this.queue.addAfter(key, ms);
  }

  /** Starts the workers; keys added before this are processed too. */
  start(): void {
    if (this.workers.length > 0) return;
    const n = Math.max(1, this.opts.workers ?? 2);
    for (let i = 0; i < n; i++) this.workers.push(this.work());
    this.log.info('controller started', { workers: n });
  }

  /** Stops taking new keys and waits for the reconciles in flight to finish. */
  async stop(): Promise<void> {
    this.queue.shutdown();
    await Promise.all(this.workers);
    this.workers = [];
    this.log.info('controller stopped');
  }

  private async work(): Promise<void> {
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      try {
        await this.processItem(key);
      } finally {
        this.queue.done(key);
      }
    }
  }

  /** Runs one reconcile of key and files the outcome; never throws. */
  async processItem(key: string): Promise<ReconcileOutcome> {
    const started = performance.now();
    const outcome = await this.runOnce(key);
    this.opts.metrics?.reconciled(outcome, (performance.now() - started) / 1000);
    if (outcome === 'error') this.opts.metrics?.errored();
    return outcome;
  }

  private async runOnce(key: string): Promise<ReconcileOutcome> {
    try {
      const result = await this.opts.reconcile(key);
      this.queue.forget(key);
      if (result.requeueAfter !== undefined && result.requeueAfter >= 0) {
        this.queue.addAfter(key, result.requeueAfter);
        return 'requeue_after';
      }
      return 'success';
    } catch (err) {
      this.onError(key, err);
      return 'error';
    }
  }

  private onError(key: string, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof TerminalError) {
      this.queue.forget(key);
      this.log.warn('reconcile failed permanently; not retrying', { key, reason: err.reason, error: message });
      return;
    }
    this.queue.addRateLimited(key);
    const retries = this.queue.numRequeues(key);
    // Stale-cache conflicts are routine and resolve on the next pass: keep them out of the warnings.
    if (isConflict(err)) this.log.debug('conflict; requeued', { key, retries });
    else this.log.warn('reconcile failed; requeued with backoff', { key, retries, error: message });
  }
}
