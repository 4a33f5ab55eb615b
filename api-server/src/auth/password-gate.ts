// Admission control for password checks. scrypt runs on libuv's threadpool (4 threads unless
// UV_THREADPOOL_SIZE says otherwise), which this process shares with fs, dns.lookup and zlib; a
// login flood, even with unknown user names (they are checked against a dummy hash), would fill
// it and hold 32 MiB per check. So only a few checks run at once, a few more wait, and the rest
// are refused at once with a retryable 503. Token validation (AES and HMAC on the main thread)
// never passes through here, so it stays fast during a flood.
import { ApiError } from '../common/errors.js';

export interface GateLimits {
  /** Password checks running at once. */
  concurrency: number;
  /** Checks that may wait for a free slot; beyond that a request is refused. */
  queue: number;
}

// A queued check holds no thread and little memory, only its socket, so the queue can be longer than
// the slots: with Tempest's parallel workers logging in at once, none should be refused.
export const DEFAULT_PASSWORD_CHECKS: GateLimits = { concurrency: 2, queue: 16 };

const RETRY_AFTER_SECONDS = 1;

export function tooManyLogins(): ApiError {
  return new ApiError(503, 'Too many authentication requests are in progress; please retry.', { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

/** A counting semaphore with a bounded FIFO wait queue. */
export class PasswordGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: GateLimits = DEFAULT_PASSWORD_CHECKS) {
    if (limits.concurrency < 1 || limits.queue < 0) throw new Error(`invalid password check limits ${JSON.stringify(limits)}`);
  }

  /** Runs fn in a slot, waiting for one if the queue has room; else rejects with a 503. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  /** What is running and waiting now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(tooManyLogins());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A freed slot passes straight to the oldest waiter, so running never exceeds the limit. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
