import pg from 'pg';
import type { Database, Queryable } from './Database.ts';
import { TYPE_PARSERS } from './Database.ts';

const parserFor = (oid: number, format?: string) =>
  TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text');

/** A PostgreSQL + PostGIS server reached through a connection pool (`DATABASE_URL`). */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5_000,
      // PostGIS functions carry high cost estimates, which trip JIT compilation: on tile and
      // summary queries it spends far longer compiling (seconds) than the query then runs.
      // Parallel workers take longer to start (tens of ms on a busy 2-core server) than our
      // queries, which are index scans and small aggregates, take to run alone; under many
      // concurrent readers they only compete for the same cores.
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
      types: { getTypeParser: parserFor as typeof pg.types.getTypeParser },
    });
    // An idle client can lose its server (restart, network); the pool replaces it on next use.
    pool.on('error', () => {});
    const db = new PostgresDatabase(pool);
    await db.query('select 1'); // fail now, with the real reason, rather than on the first request
    return db;
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params as unknown[])).rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work({
        query: async <Row>(sql: string, params: readonly unknown[] = []) =>
          (await client.query(sql, params as unknown[])).rows as Row[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
