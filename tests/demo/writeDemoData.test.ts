import type { Database, Queryable } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData, type DemoOptions } from '@marsad/demo';
import { freshDatabase, type TestDatabase } from '../support/testDatabases.ts';

// Each case seeds inside a transaction that is rolled back, so one database serves them all.
let t: TestDatabase;
let db: Database;

beforeAll(async () => {
  t = await freshDatabase('boundaries');
  db = t.db;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

class RolledBack extends Error {}

async function inRolledBackSeed<T>(options: DemoOptions, read: (tx: Queryable) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      await writeDemoData(tx, options);
      result = await read(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as T;
}

/** A hash of everything generated, by stable keys (ids differ between runs). */
async function fingerprint(tx: Queryable): Promise<string> {
  const [row] = await tx.query<{ projects: string; updates: string; others: string }>(`
    select (select md5(string_agg(concat_ws('|', code, kind, sector_code, title_en, title_ar, description_en, ST_AsText(geom), budget,
                                           planned_start, planned_end, actual_start, actual_end, is_published, status, physical_progress,
                                           financial_progress, last_update_on), E'\\n' order by code)) from projects) as projects,
           (select md5(string_agg(concat_ws('|', p.code, u.reported_on, u.status, u.physical_progress, u.financial_progress, u.note,
                                           (select email from users where id = u.author_id)), E'\\n' order by p.code, u.reported_on, u.id))
              from progress_updates u join projects p on p.id = u.project_id) as updates,
           (select md5(string_agg(concat_ws('|', p.code, o.slug, f.amount), E'\\n' order by p.code, o.slug))
              from project_funding f join projects p on p.id = f.project_id join organizations o on o.id = f.organization_id) as others`);
  return JSON.stringify(row);
}

const SMALL: DemoOptions = { projects: 300, zones: 12, updates: 3000 };

describe('writeDemoData', () => {
  it('generates exactly the same data from the same seed, and different data from another', async () => {
    const first = await inRolledBackSeed({ ...SMALL, seed: 7 }, fingerprint);
    const again = await inRolledBackSeed({ ...SMALL, seed: 7 }, fingerprint);
    const other = await inRolledBackSeed({ ...SMALL, seed: 8 }, fingerprint);
    expect(again).toBe(first);
    expect(JSON.parse(other).projects).not.toBe(JSON.parse(first).projects);
    expect(JSON.parse(other).updates).not.toBe(JSON.parse(first).updates);
  }, 60_000);

  it('ends the history at the given day', async () => {
    const latest = await inRolledBackSeed({ ...SMALL, today: '2025-06-30' }, async (tx) => {
      const [row] = await tx.query<{ latest: string; created: string }>(
        `select (select max(reported_on) from progress_updates) as latest, (select max(created_at)::date from projects)::text as created`,
      );
      return row!;
    });
    expect(latest.latest <= '2025-06-30').toBe(true);
    expect(latest.created <= '2025-06-30').toBe(true);
  }, 60_000);

  it('seeds only the countries asked for', async () => {
    const countries = await inRolledBackSeed({ ...SMALL, countries: ['LBY'] }, (tx) =>
      tx.query<{ country_iso3: string }>(`select distinct country_iso3 from projects`),
    );
    expect(countries).toEqual([{ country_iso3: 'LBY' }]);
  }, 60_000);

  it('refuses clearly when boundaries are missing', async () => {
    const migratedOnly = await freshDatabase('migrated');
    try {
      await expect(writeDemoData(migratedOnly.db, { ...SMALL, countries: ['SYR', 'LBY'] })).rejects.toThrow(
        /no boundaries for SYR.*Load the boundaries first/,
      );
    } finally {
      await migratedOnly.close();
    }
  });

  it('refuses an unknown country', async () => {
    await expect(inRolledBackSeed({ ...SMALL, countries: ['SYR', 'XXX'] }, async () => null)).rejects.toThrow(/XXX/);
  });

  it('refuses on a database that is not migrated', async () => {
    const empty = await freshDatabase('empty');
    try {
      await expect(writeDemoData(empty.db)).rejects.toThrow(/not migrated/);
    } finally {
      await empty.close();
    }
  });
});
