import { PgliteWorkerDatabase } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotOf } from '../support/testDatabases.ts';

/** PGlite in a worker thread behaves like PGlite in the same thread, seen from the caller. */
describe('PgliteWorkerDatabase', () => {
  let db: PgliteWorkerDatabase;
  beforeAll(async () => {
    db = await PgliteWorkerDatabase.open({ snapshot: await snapshotOf('migrated') });
    await db.exec('create table worker_probe (id int primary key, note text not null)');
  });
  afterAll(() => db.close());

  it('returns the values both engines agree on (the type parsers run in the worker)', async () => {
    const [row] = await db.query(
      `select 12::int8 as count, 12.5::numeric as amount, date '2026-03-01' as day,
              timestamp '2026-03-01 10:00:00' as at, timestamptz '2026-03-01 10:00:00+03' as at_tz,
              array[1, 2]::int[] as list, $1::text as param, '\\x0102'::bytea as bytes`,
      ['x'],
    );
    expect(row).toEqual({
      count: 12,
      amount: 12.5,
      day: '2026-03-01',
      at: '2026-03-01T10:00:00.000Z',
      at_tz: '2026-03-01T07:00:00.000Z',
      list: [1, 2],
      param: 'x',
      bytes: new Uint8Array([1, 2]),
    });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into worker_probe values ($1, $2)', [1, 'kept']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into worker_probe values ($1, $2)', [2, 'dropped']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('select id, note from worker_probe order by id')).toEqual([{ id: 1, note: 'kept' }]);
  });

  it('holds other statements back until an open transaction ends', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query(`insert into worker_probe values (10, 'in transaction')`);
      await hold;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = db.query<{ n: number }>('select count(*) as n from worker_probe where id = 10');
    release();
    await transaction;
    expect(await outside).toEqual([{ n: 1 }]); // it ran after the commit, never inside the transaction
  });

  it('re-creates database errors with their SQLSTATE and constraint', async () => {
    await expect(db.query(`insert into worker_probe values (1, 'again')`)).rejects.toMatchObject({
      code: '23505',
      constraint: 'worker_probe_pkey',
      message: expect.stringContaining('duplicate key'),
    });
    await expect(db.query(`select 'x'::int`)).rejects.toMatchObject({ code: '22P02' });
    await expect(db.transaction((tx) => tx.query('insert into worker_probe (id) values (99)'))).rejects.toMatchObject({ code: '23502' });
  });

  it('dumps the data directory as a gzipped tarball, handed over without a copy', async () => {
    const dump = new Uint8Array(await (await db.dump()).arrayBuffer());
    expect([dump[0], dump[1]]).toEqual([0x1f, 0x8b]);
    expect(dump.length).toBeGreaterThan(100_000);
  });
});
