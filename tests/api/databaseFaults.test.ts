import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { createApp, loadConfig, type MarsadApp } from '@marsad/api';
import { openAppDatabase } from '@marsad/api/database';
import { DatabaseUnavailableError, PgliteWorkerDatabase, PostgresDatabase, type Database } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, DEMO, type Client } from '../support/client.ts';
import { TcpProxy } from '../support/tcpProxy.ts';
import { tempDirForSuite } from '../support/tempDir.ts';
import { freshServerCopy, serverUrl, snapshotOf } from '../support/testDatabases.ts';

/**
 * The database going away, coming back, and being overloaded: the process stays up, clients
 * get good answers or a 503 problem with Retry-After (never a 500), and good answers resume
 * by themselves. The PostgreSQL cases run in the PostgreSQL run (DATABASE_URL), the PGlite
 * ones in the embedded run.
 */
const onPostgres = describe.skipIf(!serverUrl());
const onPglite = describe.skipIf(!!serverUrl());

const config = loadConfig({ LOG_REQUESTS: 'false' });

/** A 503 that says what happened and when to come back. */
async function expectUnavailable(res: Response, reason?: 'busy' | 'unreachable') {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  const problem = await res.json();
  expect(problem).toMatchObject({ status: 503, title: 'Service Unavailable', detail: expect.stringMatching(/Try again in \d+ s/) });
  if (reason) expect(problem.reason).toBe(reason);
}

/** Retries `check` until it passes; returns how long that took. */
async function eventually(check: () => Promise<void>, withinMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      await check();
      return performance.now() - started;
    } catch (error) {
      if (performance.now() - started > withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DAMASCUS_POINT = { type: 'Point', coordinates: [36.29, 33.51] };
const newProject = (code: string) => ({
  code,
  kind: 'development_project',
  sector: 'water',
  title_ar: 'مشروع اختبار للمياه',
  title_en: 'Fault test project',
  geometry: DAMASCUS_POINT,
  budget: 1000,
});

onPostgres('PostgreSQL restarting under load (its backends terminated: 57P01)', () => {
  let copy: { url: string; drop: () => Promise<void> };
  let db: PostgresDatabase;
  let admin: PostgresDatabase;
  let app: MarsadApp;
  let engineer: Client;
  let databaseName: string;

  beforeAll(async () => {
    copy = await freshServerCopy('demo');
    databaseName = new URL(copy.url).pathname.slice(1);
    db = await PostgresDatabase.open(copy.url, { max: 4, connectTimeoutMs: 1000 });
    admin = await PostgresDatabase.open(serverUrl()!, { max: 1 });
    app = createApp({ db, config });
    engineer = await as(app, DEMO.engineer);
  });
  afterAll(async () => {
    await db?.close();
    await admin?.close();
    await copy?.drop();
  });

  /** What `pg_ctl restart` does to each session: FATAL 57P01 admin_shutdown. */
  const terminateBackends = () =>
    admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [databaseName]);

  it('fails a transaction whose connection is terminated with DatabaseUnavailableError, and carries on', async () => {
    const transaction = db.transaction(async (tx) => {
      await tx.query(`select set_config('marsad.actor_id', '', true)`);
      await tx.query('select pg_sleep(10)');
    });
    transaction.catch(() => {});
    await eventually(async () => {
      const [row] = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = $1 and query = 'select pg_sleep(10)'`,
        [databaseName],
      );
      expect(row!.n).toBe(1);
    });
    await terminateBackends();
    await expect(transaction).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await eventually(async () => expect(await db.query('select 1 as one')).toEqual([{ one: 1 }]), 5000);
  });

  it('answers only good answers or 503 + Retry-After, recovers within 5 s and keeps every acknowledged write', async () => {
    const statuses: number[] = [];
    const unexpected: string[] = [];
    const acknowledged: string[] = [];
    let stop = false;
    let written = 0;
    const record = async (res: Response) => {
      statuses.push(res.status);
      if (res.status === 503) await expectUnavailable(res);
      else if (res.status >= 300) unexpected.push(`${res.status} ${await res.text()}`);
      else await res.arrayBuffer();
    };
    const reader = async (path: string) => {
      while (!stop) {
        await record(await engineer.get(path));
        // A read from the read cache never waits for I/O: yield, or this loop starves the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const writer = async (prefix: string) => {
      while (!stop) {
        const code = `FAULT-${prefix}-${String(++written).padStart(4, '0')}`;
        const res = await engineer.post('/api/projects', newProject(code));
        if (res.status === 201) acknowledged.push(code);
        await record(res);
      }
    };
    const load = Promise.all([
      reader('/api/projects?limit=5'),
      reader('/api/summaries/governorates'),
      reader('/api/organizations'),
      writer('A'),
      writer('B'),
    ]);

    await sleep(500);
    await terminateBackends();
    await sleep(700);
    await terminateBackends();
    const lastRestart = performance.now();
    await eventually(async () => expect((await app.request('/api/projects?limit=1')).status).toBe(200), 10_000);
    const recoveredAfter = performance.now() - lastRestart;
    await sleep(300);
    stop = true;
    await load;

    expect(unexpected).toEqual([]);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(statuses.filter((status) => status < 300).length).toBeGreaterThan(0);
    expect(recoveredAfter).toBeLessThan(5000);
    const kept = await db.query<{ code: string }>('select code from projects where code = any($1)', [acknowledged]);
    expect(kept.map((row) => row.code).sort()).toEqual([...acknowledged].sort());
  });
});

onPostgres('PostgreSQL stopped (the connection to it cut by a proxy) and started again', () => {
  let copy: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let db: PostgresDatabase;
  let app: MarsadApp;

  beforeAll(async () => {
    copy = await freshServerCopy('demo');
    const server = new URL(copy.url);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    await proxy.open();
    db = await PostgresDatabase.open(proxy.through(copy.url), { max: 4, connectTimeoutMs: 1000 });
    app = createApp({ db, config });
  });
  afterAll(async () => {
    await proxy?.open().catch(() => {});
    await db?.close();
    await proxy?.close();
    await copy?.drop();
  });

  it('answers 503 + Retry-After quickly while it is away, liveness stays 200, and it recovers by itself', async () => {
    await eventually(async () => expect((await app.request('/api/health')).status).toBe(200));

    await proxy.close();
    const asked = performance.now();
    await expectUnavailable(await app.request('/api/projects?limit=5'), 'unreachable');
    expect(performance.now() - asked).toBeLessThan(3000);
    await eventually(async () => await expectUnavailable(await app.request('/api/health'), 'unreachable'), 5000);
    expect((await app.request('/api/health/live')).status).toBe(200);

    await proxy.open();
    const recoveredAfter = await eventually(async () => {
      expect((await app.request('/api/projects?limit=5')).status).toBe(200);
      expect((await app.request('/api/health')).status).toBe(200);
    });
    expect(recoveredAfter).toBeLessThan(5000);
  });
});

/** Holds every connection with slow queries, then checks that further requests are shed at once. */
async function expectShedding(db: Database, app: MarsadApp, connections: number) {
  await eventually(async () => expect((await app.request('/api/health')).status).toBe(200));
  const slow = Array.from({ length: connections }, () => db.query('select pg_sleep(2)'));
  await sleep(100);
  const answers = await Promise.all(['/api/organizations', '/api/projects?limit=1', '/api/summaries/governorates'].map((path) => app.request(path)));
  for (const res of answers) await expectUnavailable(res, 'busy');
  // Readiness is not stuck behind the queue: the database answers, it is only full.
  expect((await app.request('/api/health')).status).toBe(200);
  await Promise.all(slow);
  await eventually(async () => expect((await app.request('/api/organizations')).status).toBe(200));
}

onPostgres('PostgreSQL saturated', () => {
  let copy: { url: string; drop: () => Promise<void> };
  let db: PostgresDatabase;

  beforeAll(async () => {
    copy = await freshServerCopy('demo');
    db = await PostgresDatabase.open(copy.url, { max: 1, queueMax: 1, queueWaitMs: 300 });
  });
  afterAll(async () => {
    await db?.close();
    await copy?.drop();
  });

  it('sheds requests beyond the pool and its short queue with 503 busy + Retry-After', async () => {
    await expectShedding(db, createApp({ db, config }), 1);
  });
});

onPglite('PGlite in a worker thread', () => {
  const tempDir = tempDirForSuite('marsad-faults-');
  let db: Database;
  let app: MarsadApp;

  beforeAll(async () => {
    // The app's own way in: a new data directory from the prepared snapshot, in a worker.
    const appConfig = loadConfig({ LOG_REQUESTS: 'false', DATA_DIR: join(tempDir(), 'data'), DEMO_DATA: 'true' });
    ({ db } = await openAppDatabase(appConfig));
    app = createApp({ db, config: appConfig });
  });
  afterAll(async () => {
    await db?.close(); // before the directory goes (the hooks of tempDirForSuite, called first, run last)
  });

  it('is what the app opens', () => {
    expect(db).toBeInstanceOf(PgliteWorkerDatabase);
  });

  it('keeps liveness and readiness answering while a slow query runs', async () => {
    await eventually(async () => expect((await app.request('/api/health')).status).toBe(200));
    let slowDone = false;
    const slow = db.query('select pg_sleep(2)').then(() => (slowDone = true));
    await sleep(200);
    expect((await app.request('/api/health/live')).status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
    expect(slowDone).toBe(false);
    await slow;
  });

  it('answers 503 while its worker is gone, and opens the data directory again in a new one', async () => {
    const [before] = await db.query<{ n: number }>('select count(*) as n from projects');
    await (db as unknown as { worker: Worker }).worker.terminate(); // as if PGlite had aborted
    await eventually(async () => await expectUnavailable(await app.request('/api/organizations'), 'unreachable'), 5000);
    await eventually(async () => expect((await app.request('/api/organizations')).status).toBe(200), 60_000);
    expect(await db.query('select count(*) as n from projects')).toEqual([before]);
  });

  it('keeps the database errors that become 4xx: a taken code is 409, a bad value 400', async () => {
    const admin = await as(app, DEMO.admin);
    const create = () => admin.post('/api/projects', newProject('FAULT-DUP-0001'));
    expect((await create()).status).toBe(201);
    const conflict = await create();
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).errors).toEqual([expect.objectContaining({ parameter: 'code' })]);
    await expect(db.query(`select 'x'::int`)).rejects.toMatchObject({ code: '22P02' });
  });
});

onPglite('PGlite saturated', () => {
  let db: PgliteWorkerDatabase;

  beforeAll(async () => {
    db = await PgliteWorkerDatabase.open({ snapshot: await snapshotOf('demo'), limits: { queueMax: 1, queueWaitMs: 300 } });
  });
  afterAll(() => db?.close());

  it('sheds requests beyond its one connection and short queue with 503 busy + Retry-After', async () => {
    await expectShedding(db, createApp({ db, config }), 2);
  });
});
