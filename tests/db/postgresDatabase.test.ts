import { PostgresDatabase } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshServerCopy, serverUrl } from '../support/testDatabases.ts';

/** The server pool's own behaviour (the embedded engine has no pool). */
describe.skipIf(!serverUrl())('PostgreSQL connection pool', () => {
  let copy: { url: string; drop: () => Promise<void> };
  let observer: PostgresDatabase;
  beforeAll(async () => {
    copy = await freshServerCopy('migrated');
    observer = await PostgresDatabase.open(serverUrl()!, { max: 1 });
  });
  afterAll(async () => {
    await observer.close();
    await copy.drop();
  });

  const marsadBackends = async (url: string) => {
    const [row] = await observer.query<{ n: number }>(
      `select count(*)::integer as n from pg_stat_activity where datname = $1 and application_name = 'marsad'`,
      [new URL(url).pathname.slice(1)],
    );
    return row!.n;
  };

  it('opens and warms every connection at start-up, so the first readers do not each start a cold server process', async () => {
    const db = await PostgresDatabase.open(copy.url, { max: 3 });
    try {
      expect(await marsadBackends(copy.url)).toBe(1); // the reachability check
      await db.warmUp();
      expect(await marsadBackends(copy.url)).toBe(3);
      // Warm connections stay for readers (pg's default would close them after 10 s idle).
      await db.query('select 1');
      expect(await marsadBackends(copy.url)).toBe(3);
    } finally {
      await db.close();
    }
  });
});
