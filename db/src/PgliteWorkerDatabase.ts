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

/**
 * Embedded PGlite in a worker thread: the app's default engine. PGlite runs its queries
 * synchronously in WASM, so in the HTTP server's own thread one slow query would stop every
 * other request (health checks included); here the server thread only passes messages.
 *
 * PGlite has one connection: the gate lets two statements toward it at once (one running, the
 * next ready) and sheds load beyond its bounded queue, like the PostgreSQL pool does.
 */
export class PgliteWorkerDatabase implements Database {
  readonly engine = 'pglite' as const;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set when the worker has stopped; every later call fails with it. */
  private stopped: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly gate: QueryGate,
    private readonly unlock: () => void,
  ) {
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`the worker thread exited with code ${code}`)));
    worker.unref();
  }

  static async open(options: PgliteWorkerOptions = {}): Promise<PgliteWorkerDatabase> {
    // Before anything touches the directory: a second process gets a clear refusal, not corrupt files.
    const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
    const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url));
    const db = new PgliteWorkerDatabase(
      worker,
      new QueryGate({
        concurrency: 2,
        queueMax: options.limits?.queueMax ?? DEFAULT_LOAD_LIMITS.queueMax,
        queueWaitMs: options.limits?.queueWaitMs ?? DEFAULT_LOAD_LIMITS.queueWaitMs,
      }),
      unlock,
    );
    const snapshot = options.snapshot ? await options.snapshot.arrayBuffer() : undefined;
    try {
      await db.call({ op: 'open', ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(snapshot ? { snapshot } : {}) }, snapshot ? [snapshot] : []);
    } catch (error) {
      await worker.terminate();
      unlock();
      throw error;
    }
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
    if (this.stopped) return;
    await this.call({ op: 'close' }).catch(() => {});
    this.stopped = new Error('The database has been closed');
    await this.worker.terminate();
    this.unlock();
  }

  private call<T = unknown>(request: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
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

  /** The worker is gone (a crash in PGlite, or close): fail what waits and everything after. */
  private stop(cause: Error): void {
    this.stopped ??= new DatabaseUnavailableError(
      'unreachable',
      `The embedded database stopped (${cause.message}); restart Marsad to open it again.`,
      { cause },
    );
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
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
