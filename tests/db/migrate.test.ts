import { migrate, MigrationEditedError, readMigrations } from '@marsad/db';
import { describe, expect, it } from 'vitest';
import { useDatabase } from '../support/testDatabases.ts';

describe('migration runner', () => {
  const t = useDatabase('empty');

  it('runs every migration once, in order, and records each', async () => {
    const all = await readMigrations();
    expect(all.map((m) => m.id)).toEqual([...all.map((m) => m.id)].sort());
    expect(await migrate(t.db)).toEqual(all.map((m) => m.id));
    expect(await migrate(t.db)).toEqual([]);
    const recorded = await t.db.query<{ id: string }>('select id from schema_migrations order by id');
    expect(recorded.map((r) => r.id)).toEqual(all.map((m) => m.id));
  });

  it('refuses a migration edited after it ran, and runs nothing', async () => {
    const all = await readMigrations();
    const edited = all.map((m, i) => (i === 2 ? { ...m, sql: m.sql + '\n-- edited', checksum: 'different' } : m));
    const extra = { id: '9999_should_not_run', sql: 'create table should_not_exist (id int);', checksum: 'x' };
    await expect(migrate(t.db, [...edited, extra])).rejects.toThrow(MigrationEditedError);
    await expect(migrate(t.db, [...edited, extra])).rejects.toThrow(/0003_organizations_users was edited/);
    const [row] = await t.db.query<{ exists: boolean }>(`select to_regclass('should_not_exist') is not null as exists`);
    expect(row?.exists).toBe(false);
  });

  it('rolls back a failing migration completely', async () => {
    const all = await readMigrations();
    const broken = { id: '9998_broken', sql: 'create table half_made (id int); select no_such_function();', checksum: 'y' };
    await expect(migrate(t.db, [...all, broken])).rejects.toThrow(/no_such_function/);
    const [row] = await t.db.query<{ exists: boolean; recorded: number }>(
      `select to_regclass('half_made') is not null as exists,
              (select count(*) from schema_migrations where id = '9998_broken') as recorded`,
    );
    expect(row).toEqual({ exists: false, recorded: 0 });
  });
});
