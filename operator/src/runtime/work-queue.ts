// A keyed work queue with client-go's semantics:
// - a key is queued at most once (dirty set);
// - a key is never handed to two workers at once: re-added while processing, it is queued again
//   only when done() is called;
// - delayed adds (addAfter) keep only the earliest pending time per key;
// - addRateLimited delays by the rate limiter; forget clears the key's backoff.
// After shutdown, get() resolves undefined at once (queued keys are dropped, not drained).
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';

export interface QueueMetrics {
  added(): void;
  depth(n: number): void;
  retried(): void;
  /** Seconds a key waited in the queue before a worker took it. */
  waited(seconds: number): void;
}

export interface WorkQueueOptions {
  rateLimiter?: RateLimiter;
  metrics?: QueueMetrics;
  now?: () => number;
}

interface Delayed {
  at: number;
  timer: NodeJS.Timeout;
}

export class WorkQueue {
  private items: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly addedAt = new Map<string, number>();
  private readonly delayed = new Map<string, Delayed>();
  private readonly waiters: ((key: string | undefined) => void)[] = [];
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly opts: WorkQueueOptions = {}) {
    this.limiter = opts.rateLimiter ?? defaultControllerRateLimiter();
    this.now = opts.now ?? Date.now;
  }

  /** Keys waiting for a worker (not counting delayed ones or those being processed). */
  get length(): number {
    return this.items.length - this.head;
  }

  get shuttingDown(): boolean {
    return this.closed;
  }

  add(key: string): void {
    if (this.closed || this.dirty.has(key)) return;
    this.opts.metrics?.added();
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.push(key);
  }

  addAfter(key: string, ms: number): void {
    if (this.closed) return;
    if (ms <= 0) return this.add(key);
    const at = this.now() + ms;
    const pending = this.delayed.get(key);
    if (pending && pending.at <= at) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, ms);
    timer.unref();
    this.delayed.set(key, { at, timer });
  }

  addRateLimited(key: string): void {
    if (this.closed) return;
    this.opts.metrics?.retried();
    this.addAfter(key, this.limiter.when(key));
  }

  forget(key: string): void {
    this.limiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.limiter.retries(key);
  }

  /** The next key to process, or undefined once the queue shuts down. Call done(key) after. */
  get(): Promise<string | undefined> {
    if (this.length > 0) return Promise.resolve(this.take());
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key) && !this.closed) this.push(key);
  }

  shutdown(): void {
    this.closed = true;
    for (const d of this.delayed.values()) clearTimeout(d.timer);
    this.delayed.clear();
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  private push(key: string): void {
    this.items.push(key);
    this.addedAt.set(key, this.now());
    this.opts.metrics?.depth(this.length);
    while (this.waiters.length > 0 && this.length > 0) this.waiters.shift()?.(this.take());
  }

  private take(): string {
    const key = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    const since = this.addedAt.get(key);
    this.addedAt.delete(key);
    if (since !== undefined) this.opts.metrics?.waited((this.now() - since) / 1000);
    this.opts.metrics?.depth(this.length);
    return key;
  }
}
