import { afterAll, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  copyTemplate,
  ensureTemplate,
  migrate,
  PgliteDatabase,
  PostgresDatabase,
  SnapshotCache,
  type Database,
} from '@marsad/db';
import { preparedDatabaseKey } from '@marsad/api/database';
import { loadBoundaries } from '@marsad/geodata';

/**
 * Fresh, isolated databases for tests, on the engine the run uses: embedded PGlite by default,
 * the PostgreSQL server named by DATABASE_URL otherwise. Each level is prepared once per run
 * (a PGlite snapshot or a server template database) and every test file gets its own copy.
 */
/** empty: PostGIS only; migrated: the schema; boundaries: and the boundaries; demo: and the demo data. */
export type Level = 'empty' | 'migrated' | 'boundaries' | 'demo';

const SNAPSHOT_DIR = resolve(fileURLToPath(new URL('../../.data/snapshots', import.meta.url)));

export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

type Step = { base?: Level; run: (db: Database) => Promise<unknown> };
const STEPS: Record<Level, Step> = {
  empty: { run: (db) => db.exec('create extension if not exists postgis') },
  migrated: { base: 'empty', run: (db) => migrate(db) },
  boundaries: { base: 'migrated', run: (db) => db.transaction((tx) => loadBoundaries(tx)) },
  demo: {
    base: 'boundaries',
    run: async (db) => {
      await (await import('@marsad/demo')).seedDemoData(db);
      await (await import('@marsad/api/database')).setDemoPasswords(db);
    },
  },
};

async function keyFor(level: Level): Promise<string> {
  return `${await preparedDatabaseKey({ demo: level === 'demo' })}-${level}`;
}

/** Builds every level's snapshot or template; called once by the global setup. */
export async function prepareAllLevels(levels: readonly Level[] = ['empty', 'migrated', 'boundaries', 'demo']): Promise<void> {
  for (const level of levels) await prepared(level, serverUrl());
}

/** The prepared copy source for `level`: a server template name when `url` is given, else a PGlite snapshot. */
async function prepared(level: Level, url: string | undefined): Promise<Blob | string> {
  const step = STEPS[level];
  const key = await keyFor(level);
  if (url) {
    return ensureTemplate(url, key, async (db) => {
      if (step.base) await replay(db, step.base);
      await step.run(db);
    });
  }
  const base = step.base ? ((await prepared(step.base, undefined)) as Blob) : undefined;
  return new SnapshotCache(SNAPSHOT_DIR).getOrBuild(key, async (db) => void (await step.run(db)), base);
}

/** On a server, a template is built from scratch by running the earlier steps first. */
async function replay(db: Database, level: Level): Promise<void> {
  const step = STEPS[level];
  if (step.base) await replay(db, step.base);
  await step.run(db);
}

/** On the PostgreSQL server: a new database at `level`, by URL, for tests that open it their own way. */
export async function freshServerCopy(level: Level): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = serverUrl();
  if (!url) throw new Error('freshServerCopy needs DATABASE_URL');
  return copyTemplate(url, (await prepared(level, url)) as string);
}

/** The prepared PGlite snapshot of `level`, for tests that open it their own way. */
export async function snapshotOf(level: Level): Promise<Blob> {
  return (await prepared(level, undefined)) as Blob;
}

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

/**
 * A new database at `level`. The engine is the run's (DATABASE_URL or PGlite) unless `engine`
 * asks for PGlite explicitly, for tests that compare the two engines.
 */
export async function freshDatabase(level: Level, engine?: 'pglite'): Promise<TestDatabase> {
  const url = engine === 'pglite' ? undefined : serverUrl();
  if (url) {
    const copy = await copyTemplate(url, (await prepared(level, url)) as string);
    const db = await PostgresDatabase.open(copy.url, { max: 4 });
    return { db, close: async () => (await db.close(), await copy.drop()) };
  }
  const db = await PgliteDatabase.open({ snapshot: (await prepared(level, undefined)) as Blob });
  return { db, close: () => db.close() };
}

/**
 * Something opened before the tests of one `describe` (or file) and closed after them; the
 * returned function hands it to the tests, and says so plainly when called too early.
 */
export function openForSuite<T extends { close(): Promise<void> }>(open: () => Promise<T>): () => T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened?.close());
  return () => {
    if (!opened) throw new Error('not open yet: use it inside a test or hook');
    return opened;
  };
}

/** A fresh database at `level` for the tests of one `describe` (or file): opened before them, closed after. */
export function useDatabase(level: Level): TestDatabase {
  const current = openForSuite(() => freshDatabase(level));
  return {
    get db() {
      return current().db;
    },
    close: () => current().close(),
  };
}
