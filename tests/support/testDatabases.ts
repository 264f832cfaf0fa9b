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
import { preparedDatabaseKey } from '@marsad/api';
import { seedDemoData } from '@marsad/demo';
import { loadBoundaries } from '@marsad/geodata';

/**
 * Fresh, isolated databases for tests, on the engine the run uses: embedded PGlite by default,
 * the PostgreSQL server named by DATABASE_URL otherwise. Each level is prepared once per run
 * (a PGlite snapshot or a server template database) and every test file gets its own copy.
 */
export type Level = 'empty' | 'migrated' | 'boundaries' | 'demo';

const SNAPSHOT_DIR = resolve(fileURLToPath(new URL('../../.data/snapshots', import.meta.url)));

export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

const STEPS: Record<Exclude<Level, 'empty'>, { base?: Exclude<Level, 'empty'>; run: (db: Database) => Promise<unknown> }> = {
  migrated: { run: (db) => migrate(db) },
  boundaries: { base: 'migrated', run: (db) => db.transaction((tx) => loadBoundaries(tx)) },
  demo: { base: 'boundaries', run: (db) => seedDemoData(db) },
};

async function keyFor(level: Exclude<Level, 'empty'>): Promise<string> {
  return `${await preparedDatabaseKey({ demo: level === 'demo' })}-${level}`;
}

/** Builds every level's snapshot or template; called once by the global setup. */
export async function prepareAllLevels(): Promise<void> {
  for (const level of ['migrated', 'boundaries', 'demo'] as const) await prepared(level);
}

async function prepared(level: Exclude<Level, 'empty'>): Promise<Blob | string> {
  const step = STEPS[level];
  const key = await keyFor(level);
  const url = serverUrl();
  if (url) {
    return ensureTemplate(url, key, async (db) => {
      if (step.base) await replay(db, step.base);
      await step.run(db);
    });
  }
  const base = step.base ? ((await prepared(step.base)) as Blob) : undefined;
  return new SnapshotCache(SNAPSHOT_DIR).getOrBuild(key, async (db) => void (await step.run(db)), base);
}

/** On a server, a template is built from scratch by running the earlier steps first. */
async function replay(db: Database, level: Exclude<Level, 'empty'>): Promise<void> {
  const step = STEPS[level];
  if (step.base) await replay(db, step.base);
  await step.run(db);
}

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

export async function freshDatabase(level: Level): Promise<TestDatabase> {
  const url = serverUrl();
  if (url) {
    const template = level === 'empty' ? 'template1' : ((await prepared(level)) as string);
    const copy = await copyTemplate(url, template);
    const db = await PostgresDatabase.open(copy.url, { max: 4 });
    if (level === 'empty') await db.exec('create extension if not exists postgis');
    return { db, close: async () => (await db.close(), await copy.drop()) };
  }
  const db = await PgliteDatabase.open(level === 'empty' ? {} : { snapshot: (await prepared(level)) as Blob });
  if (level === 'empty') await db.exec('create extension if not exists postgis');
  return { db, close: () => db.close() };
}
