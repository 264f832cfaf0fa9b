import { DatabaseUnavailableError } from './DatabaseUnavailableError.ts';

/** How much work may go toward the database at once, and how much may wait for it. */
export interface LoadLimits {
  /** Operations (a query, or a whole transaction) running at once: the pool size on PostgreSQL. */
  concurrency: number;
  /** Operations waiting for a free slot; one more is refused at once as busy. */
  queueMax: number;
  /** The longest an operation waits for a slot before it is refused as busy. */
  queueWaitMs: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { concurrency: 10, queueMax: 500, queueWaitMs: 3_000 };

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Bounded concurrency toward the database with load shedding: at most `concurrency` operations
 * run, at most `queueMax` wait (first come, first served) and none waits longer than
 * `queueWaitMs`. Beyond that the caller gets DatabaseUnavailableError('busy') at once, so an
 * overload turns into quick 503s with Retry-After instead of a queue that grows until
 * everyone times out.
 */
export class QueryGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: LoadLimits) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.limits.concurrency && this.waiting.length === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queueMax) {
      return Promise.reject(
        new DatabaseUnavailableError('busy', `The database is busy: ${this.waiting.length} queries are already waiting.`),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new DatabaseUnavailableError('busy', `The database is busy: no connection came free within ${this.limits.queueWaitMs} ms.`));
        }, this.limits.queueWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.running -= 1;
      return;
    }
    clearTimeout(next.timer); // the slot passes straight to the next in line
    next.start();
  }
}
