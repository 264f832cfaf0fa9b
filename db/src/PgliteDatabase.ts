import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './Database.ts';
import { TYPE_PARSERS } from './Database.ts';
import { lockDataDir } from './dataDirLock.ts';

export interface PgliteOptions {
  /** Directory for the data files; omitted means in memory. */
  dataDir?: string;
  /** A gzipped tarball from `dumpDataDir()`, used to create the database instead of initdb. */
  snapshot?: Blob;
}

/** Embedded PostgreSQL (WASM) with PostGIS and pg_trgm: the zero-setup default engine. */
export class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;

  private constructor(
    private readonly pg: PGlite,
    private readonly unlock: () => void,
  ) {}

  static async open(options: PgliteOptions = {}): Promise<PgliteDatabase> {
    // One process per data directory (see dataDirLock.ts): the seed command and a running app, say.
    const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
    try {
      const pg = await PGlite.create({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
        extensions: { postgis, pg_trgm },
        parsers: TYPE_PARSERS,
      });
      return new PgliteDatabase(pg, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pg.query<Row>(sql, params as unknown[])).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => work(wrapTransaction(tx)));
  }

  /** A gzipped tarball of the whole data directory, to open copies quickly (see snapshot.ts). */
  async dump(): Promise<Blob> {
    return this.pg.dumpDataDir('gzip');
  }

  async close(): Promise<void> {
    try {
      await this.pg.close();
    } finally {
      this.unlock();
    }
  }
}

function wrapTransaction(tx: Transaction): Queryable {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await tx.query<Row>(sql, params as unknown[])).rows,
    exec: async (sql: string) => {
      await tx.exec(sql);
    },
  };
}
