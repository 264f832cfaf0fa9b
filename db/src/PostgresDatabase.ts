import pg from 'pg';
import type { Database, Queryable } from './Database.ts';
import { TYPE_PARSERS } from './Database.ts';
import { classifyFailures, DatabaseUnavailableError } from './DatabaseUnavailableError.ts';
import { DEFAULT_LOAD_LIMITS, QueryGate } from './QueryGate.ts';

const parserFor = (oid: number, format?: string) =>
  TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text');

export interface PostgresOptions {
  /** Connections in the pool, and so queries (or transactions) running at once. */
  max?: number;
  /** Queries that may wait for a free connection; more are refused as busy. */
  queueMax?: number;
  /** The longest a query waits for a free connection before it is refused as busy. */
  queueWaitMs?: number;
  /** The longest opening a connection may take before the server counts as unreachable. */
  connectTimeoutMs?: number;
}

/**
 * A PostgreSQL + PostGIS server reached through a connection pool (`DATABASE_URL`).
 *
 * While the server is away (stopped, restarting, unreachable) every call fails quickly with
 * DatabaseUnavailableError, and no error event can end the process; once it is back, the pool
 * opens new connections on demand, so nothing needs restarting.
 */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly gate: QueryGate,
    private readonly max: number,
  ) {}

  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
    const max = options.max ?? DEFAULT_LOAD_LIMITS.concurrency;
    const pool = new pg.Pool({
      connectionString,
      // Marsad's connections by name in pg_stat_activity (unless the URL names another).
      application_name: 'marsad',
      max,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
      // A new server process starts cold: PostGIS loads, PROJ sets up its transformations, the
      // catalog caches fill (15–40 ms before its first tile query). Keep warm connections
      // through a quiet spell rather than paying that again after pg's default 10 s.
      idleTimeoutMillis: 10 * 60_000,
      // A dead peer (a server gone without closing the socket) is noticed instead of waited on.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // PostGIS functions carry high cost estimates, which trip JIT compilation: on tile and
      // summary queries it spends far longer compiling (seconds) than the query then runs.
      // Parallel workers take longer to start (tens of ms on a busy 2-core server) than our
      // queries, which are index scans and small aggregates, take to run alone; under many
      // concurrent readers they only compete for the same cores.
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
      types: { getTypeParser: parserFor as typeof pg.types.getTypeParser },
    });
    // An idle client can lose its server (restart, network); the pool drops it and opens
    // another on next use. Without a listener this event would end the process.
    pool.on('error', () => {});
    // The gate holds back what the pool cannot serve at once, so the pool itself never queues.
    const gate = new QueryGate({
      concurrency: max,
      queueMax: options.queueMax ?? DEFAULT_LOAD_LIMITS.queueMax,
      queueWaitMs: options.queueWaitMs ?? DEFAULT_LOAD_LIMITS.queueWaitMs,
    });
    const db = new PostgresDatabase(pool, gate, max);
    // Fail now, with the real reason, rather than on the first request.
    await db.query('select 1').catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    return db;
  }

  /**
   * Opens every connection of the pool at once and has each run a tile query's set-up (PostGIS
   * and a Web Mercator transformation), so the first readers after start-up (or after the
   * server came back) do not each pay for a cold server process. Without PostGIS it is a no-op.
   */
  async warmUp(): Promise<void> {
    const clients = await Promise.all(Array.from({ length: this.max }, () => this.pool.connect()));
    try {
      await Promise.all(clients.map((client) => client.query(WARM_UP_SQL)));
    } finally {
      for (const client of clients) client.release();
    }
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.use(async () => (await this.pool.query(sql, params as unknown[])).rows as Row[]);
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.use(() => this.inTransaction(work));
  }

  /** Through the gate, with outages classified; refused once closed (also after waiting in the queue). */
  private use<T>(work: () => Promise<T>): Promise<T> {
    const run = () => (this.closed ? Promise.reject(closedError()) : classifyFailures(work));
    return this.closed ? run() : this.gate.run(run);
  }

  private async inTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no listener of the pool's: when its server goes away (57P01 on
    // a restart or pg_terminate_backend) the 'error' event would end the process. Keep the
    // error instead, and hand it back on release so the pool destroys the broken client.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('begin');
      // Classified here too, so code that catches a statement's error (to word a 400) can tell an outage apart.
      const result = await work({
        query: <Row>(sql: string, params: readonly unknown[] = []) =>
          classifyFailures(async () => (await client.query(sql, params as unknown[])).rows as Row[]),
        exec: (sql: string) => classifyFailures(async () => void (await client.query(sql))),
      });
      await client.query('commit');
      return result;
    } catch (error) {
      if (!broken) {
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.end();
  }
}

/** What a cold server process spends on its first tile query, paid ahead. */
const WARM_UP_SQL = `
  do $$ begin
    perform ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(36, 33), 4326), 3857), ST_TileEnvelope(6, 38, 25));
  exception when others then null; -- no PostGIS yet, or one without MVT: nothing to warm
  end $$`;

/** What still arrives while the server shuts down is told to come back, not given a 500. */
const closedError = () => new DatabaseUnavailableError('unreachable', 'The database has been closed: Marsad is shutting down.');
