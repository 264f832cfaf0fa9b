import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './Database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  /** File name without `.sql`, e.g. `0004_projects`. Runs in name order. */
  id: string;
  sql: string;
  checksum: string;
}

/** Raised when a migration that already ran has been edited: migrations are forward-only. */
export class MigrationEditedError extends Error {
  constructor(readonly migrationId: string) {
    super(
      `Migration ${migrationId} was edited after it ran on this database. ` +
        `Migrations are never edited once landed: revert the edit and add a new numbered migration instead.`,
    );
    this.name = 'MigrationEditedError';
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(new URL(name, `file://${dir.endsWith('/') ? dir : dir + '/'}`), 'utf8');
      return { id: name.slice(0, -4), sql, checksum: sha256(sql) };
    }),
  );
}

const sha256 = (text: string) => createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');

/**
 * Brings the database up to date: runs, in order and each in its own transaction, the
 * migrations it has not recorded yet. Returns the ids it ran.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await db.exec(`
    create table if not exists schema_migrations (
      id          text primary key,
      checksum    text not null,
      applied_at  timestamptz not null default now()
    );
    comment on table schema_migrations is 'Which db/migrations files have run, with a checksum to catch later edits.';
  `);
  const applied = new Map(
    (await db.query<{ id: string; checksum: string }>('select id, checksum from schema_migrations')).map(
      (row) => [row.id, row.checksum] as const,
    ),
  );
  for (const migration of all) {
    const checksum = applied.get(migration.id);
    if (checksum !== undefined && checksum !== migration.checksum) throw new MigrationEditedError(migration.id);
  }
  const ran: string[] = [];
  for (const migration of all) {
    if (applied.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, checksum) values ($1, $2)', [migration.id, migration.checksum]);
    });
    ran.push(migration.id);
  }
  return ran;
}
