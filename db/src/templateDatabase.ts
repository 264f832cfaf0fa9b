import { randomBytes } from 'node:crypto';
import { PostgresDatabase } from './PostgresDatabase.ts';

/**
 * On a PostgreSQL server, the counterpart of a PGlite snapshot: a template database prepared
 * once per key, from which `CREATE DATABASE ... TEMPLATE` makes a copy in about a second.
 */
export async function ensureTemplate(
  serverUrl: string,
  key: string,
  prepare: (db: PostgresDatabase) => Promise<void>,
): Promise<string> {
  const name = `marsad_template_${key}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = await PostgresDatabase.open(serverUrl, { max: 1 });
  try {
    const [existing] = await admin.query<{ datistemplate: boolean }>(
      'select datistemplate from pg_database where datname = $1',
      [name],
    );
    if (existing?.datistemplate) return name;
    if (existing) await admin.exec(`drop database ${name}`); // left half-built by an interrupted run
    const building = `${name}_building_${randomBytes(3).toString('hex')}`;
    await admin.exec(`create database ${building}`);
    const db = await PostgresDatabase.open(withDatabase(serverUrl, building), { max: 2 });
    try {
      await prepare(db);
    } finally {
      await db.close();
    }
    // Only a fully prepared database gets the template name; concurrent builders race harmlessly.
    try {
      await admin.exec(`alter database ${building} rename to ${name}`);
      await admin.exec(`alter database ${name} is_template true`);
    } catch (error) {
      await admin.exec(`drop database if exists ${building}`);
      const [winner] = await admin.query<{ datistemplate: boolean }>(
        'select datistemplate from pg_database where datname = $1',
        [name],
      );
      if (!winner?.datistemplate) throw error;
    }
    return name;
  } finally {
    await admin.close();
  }
}

/** Creates a new database copied from `template`; returns its URL and a function that drops it. */
export async function copyTemplate(
  serverUrl: string,
  template: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `marsad_test_${randomBytes(6).toString('hex')}`;
  const admin = await PostgresDatabase.open(serverUrl, { max: 1 });
  try {
    await admin.exec(`create database ${name} template ${template}`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const cleaner = await PostgresDatabase.open(serverUrl, { max: 1 });
      try {
        await cleaner.exec(`drop database if exists ${name} with (force)`);
      } finally {
        await cleaner.close();
      }
    },
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
