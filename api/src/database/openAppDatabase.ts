import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataDirInUseError, migrate, PgliteWorkerDatabase, PostgresDatabase, SnapshotCache, type Database } from '@marsad/db';
import type { Config } from '../config.ts';
import { preparedDatabaseKey } from './preparedDatabaseKey.ts';
import { setUpDatabase } from './setUpDatabase.ts';

/** A start-up failure the user can fix; main.ts prints its message as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface OpenedDatabase {
  db: Database;
  /** How the database was obtained, for the start-up log line. */
  origin: 'server' | 'existing data directory' | 'snapshot' | 'built and snapshotted';
}

/**
 * The app's database: the server named by DATABASE_URL, or embedded PGlite in DATA_DIR, run
 * in a worker thread so its queries never stop the HTTP server's thread. A new PGlite data
 * directory starts as a copy of a prepared snapshot (migrated, boundaries, demo data), built
 * once and cached in SNAPSHOT_DIR.
 */
export async function openAppDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const db = await PostgresDatabase.open(config.DATABASE_URL, {
      max: config.DATABASE_POOL_SIZE,
      queueMax: config.DATABASE_QUEUE_MAX,
      queueWaitMs: config.DATABASE_QUEUE_WAIT_MS,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    }).catch((error: Error) => {
      throw new StartupError(`Cannot connect to DATABASE_URL (${redact(config.DATABASE_URL!)}): ${error.message}`);
    });
    await setUpDatabase(db, { demo: config.DEMO_DATA });
    await db.warmUp();
    return { db, origin: 'server' };
  }

  const limits = { queueMax: config.DATABASE_QUEUE_MAX, queueWaitMs: config.DATABASE_QUEUE_WAIT_MS };
  if (existsSync(join(config.DATA_DIR, 'PG_VERSION'))) {
    const db = await PgliteWorkerDatabase.open({ dataDir: config.DATA_DIR, limits }).catch((error: Error) => {
      if (error instanceof DataDirInUseError) throw new StartupError(error.message);
      throw new StartupError(
        `The data directory ${config.DATA_DIR} cannot be opened (${error.message}). ` +
          `If it is damaged, move it aside and start again: a new one is created with demo data.`,
      );
    });
    await migrate(db);
    return { db, origin: 'existing data directory' };
  }

  if (existsSync(config.DATA_DIR) && readdirSync(config.DATA_DIR).length > 0) {
    throw new StartupError(
      `DATA_DIR ${config.DATA_DIR} is not empty but holds no database: point DATA_DIR at a Marsad data directory or an empty one.`,
    );
  }

  const cache = new SnapshotCache(config.SNAPSHOT_DIR);
  // Named like the test suite's prepared levels, so a test run and the app share one snapshot.
  const key = `${await preparedDatabaseKey({ demo: config.DEMO_DATA })}-${config.DEMO_DATA ? 'demo' : 'boundaries'}`;
  const cached = await cache.read(key);
  const snapshot = cached ?? (await cache.getOrBuild(key, (db) => setUpDatabase(db, { demo: config.DEMO_DATA }).then(() => {})));
  mkdirSync(dirname(config.DATA_DIR), { recursive: true });
  const db = await PgliteWorkerDatabase.open({ dataDir: config.DATA_DIR, snapshot, limits }).catch((error: Error) => {
    throw error instanceof DataDirInUseError ? new StartupError(error.message) : error;
  });
  return { db, origin: cached ? 'snapshot' : 'built and snapshotted' };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
