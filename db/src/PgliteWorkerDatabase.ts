import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './Database.ts';
import { lockDataDir } from './dataDirLock.ts';
import { DatabaseUnavailableError } from './DatabaseUnavailableError.ts';
import type { PgliteOptions } from './PgliteDatabase.ts';
import type { SerializedError, WorkerReply, WorkerRequest } from './pgliteWorkerProtocol.ts';
import { DEFAULT_LOAD_LIMITS, QueryGate, type LoadLimits } from './QueryGate.ts';

export interface PgliteWorkerOptions extends PgliteOptions {
  /** How many statements may wait for the database, and for how long, before callers are told it is busy. */
  limits?: Partial<Pick<LoadLimits, 'queueMax' | 'queueWaitMs'>>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Waits between attempts to reopen a data directory after the worker stopped. */
const REOPEN_DELAYS_MS = [200, 500, 1000, 2000, 5000];

/**
 * Embedded PGlite in a worker thread: the app's default engine. PGlite runs its queries
 * synchronously in WASM, so in the HTTP server's own thread one slow query would stop every
 * other request (health checks included); here the server thread only passes messages.
 *
 * PGlite has one connection: the gate lets two statements toward it at once (one running, the
 * next ready) and sheds load beyond its bounded queue, like the PostgreSQL pool does.
 *
 * Should the worker stop (PGlite aborting, out of memory), calls fail as unreachable and a
 * data directory is opened again in a new worker; an in-memory database cannot come back.
 */
export class PgliteWorkerDatabase implements Database {
  readonly engine = 'pglite' as const;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private worker!: Worker;
  /** Why calls cannot go through now: the worker stopped (perhaps being reopened), or close(). */
  private failure: Error | undefined;
  private opened = false;
  private closed = false;
  private reopening = false;

  private constructor(
    private readonly options: PgliteWorkerOptions,
    private readonly gate: QueryGate,
    private readonly unlock: () => void,
  ) {
    this.startWorker();
  }

  static async open(options: PgliteWorkerOptions = {}): Promise<PgliteWorkerDatabase> {
    // Before anything touches the directory: a second process gets a clear refusal, not corrupt files.
    const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
    const gate = new QueryGate({
      concurrency: 2,
      queueMax: options.limits?.queueMax ?? DEFAULT_LOAD_LIMITS.queueMax,
      queueWaitMs: options.limits?.queueWaitMs ?? DEFAULT_LOAD_LIMITS.queueWaitMs,
    });
    const db = new PgliteWorkerDatabase(options, gate, unlock);
    try {
      const snapshot = options.snapshot ? await options.snapshot.arrayBuffer() : undefined;
      await db.call({ op: 'open', ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(snapshot ? { snapshot } : {}) }, snapshot ? [snapshot] : []);
    } catch (error) {
      db.closed = true;
      await db.worker.terminate();
      unlock();
      throw error;
    }
    db.opened = true;
    return db;
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.gate.run(() => this.call<Row[]>({ op: 'query', sql, params }));
  }

  async exec(sql: string): Promise<void> {
    await this.gate.run(() => this.call({ op: 'exec', sql }));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.gate.run(async () => {
      const tx = await this.call<number>({ op: 'begin' });
      let result: T;
      try {
        result = await work({
          query: <Row>(sql: string, params: readonly unknown[] = []) => this.call<Row[]>({ op: 'query', sql, params, tx }),
          exec: async (sql: string) => void (await this.call({ op: 'exec', sql, tx })),
        });
      } catch (error) {
        await this.call({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await this.call({ op: 'end', tx, commit: true });
      return result;
    });
  }

  /** A gzipped tarball of the whole data directory, like PgliteDatabase.dump(). */
  async dump(): Promise<Blob> {
    return new Blob([await this.gate.run(() => this.call<ArrayBuffer>({ op: 'dump' }))]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const closing = this.failure ? Promise.resolve() : this.call({ op: 'close' }).catch(() => {});
    this.closed = true;
    // What still arrives (requests in flight while the server shuts down) is told to come back.
    this.failure = new DatabaseUnavailableError('unreachable', 'The database has been closed: Marsad is shutting down.');
    await closing;
    await this.worker.terminate();
    this.unlock();
  }

  private startWorker(): void {
    const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url));
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the worker thread exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
  }

  private call<T = unknown>(request: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure && request.op !== 'open') return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // Only a worker with work in hand keeps the process alive.
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ id, ...request }, transfer);
    });
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(revive(reply.error));
  }

  /** The worker is gone: fail what waits on it, and reopen a data directory in a new one. */
  private lost(worker: Worker, cause: Error): void {
    if (worker !== this.worker || this.closed) return;
    const reopen = this.opened && this.options.dataDir !== undefined;
    this.failure ??= new DatabaseUnavailableError(
      'unreachable',
      `The embedded database stopped (${cause.message})${reopen ? '; it is being opened again' : ''}.`,
      { cause },
    );
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
    if (reopen) void this.reopen();
  }

  private async reopen(): Promise<void> {
    if (this.reopening) return;
    this.reopening = true;
    try {
      for (let attempt = 0; !this.closed; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, REOPEN_DELAYS_MS[Math.min(attempt, REOPEN_DELAYS_MS.length - 1)]));
        if (this.closed) return;
        this.startWorker();
        try {
          await this.call({ op: 'open', dataDir: this.options.dataDir! });
          this.failure = undefined;
          return;
        } catch {
          await this.worker.terminate(); // and try again after a longer wait
        }
      }
    } finally {
      this.reopening = false;
    }
  }
}

/**
 * The worker's error, re-created on this thread with the fields callers look at (`code`,
 * `constraint`, `detail`...), so a unique violation is still a 409 and a bad value a 400.
 */
function revive(serialized: SerializedError): Error {
  const error = Object.assign(new Error(serialized.message), serialized.fields);
  error.name = serialized.name === 'error' ? 'DatabaseError' : serialized.name;
  return error;
}
