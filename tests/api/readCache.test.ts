import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { pointIn } from '../support/fixtures.ts';
import { createOrganization, createProject, featureCollection, projectFields, reportProgress, today, unique, uploadImport } from '../support/freshData.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

const ADMIN = DEMO.admin;
const MINISTER = DEMO.minister;
const DONOR = DEMO.gizDonor;

describe('read cache', () => {
  let database: TestApp;
  /** This test's app: the shared database, but nothing cached by an earlier test. */
  let t: TestApp;
  const clients: Record<string, Client> = {};
  // A poll an hour apart: only the API's own bumps can make a read fresh in these tests.
  beforeAll(async () => {
    database = await testApp('demo', { DATA_VERSION_POLL_SECONDS: '3600' });
  });
  beforeEach(async () => {
    t = database.freshApp();
    for (const email of [ADMIN, MINISTER, DONOR]) clients[email] = await t.as(email);
  });
  afterAll(() => database.close());

  const get = (path: string, email?: string, headers: Record<string, string> = {}) => (email ? clients[email]! : t.anonymous).get(path, headers);
  const send = (email: string, method: string, path: string, body?: unknown) => clients[email]!.request(path, { method, body });
  const json = async (path: string, email?: string) => {
    const res = await get(path, email);
    expect(res.status).toBe(200);
    return { body: await res.json(), cache: res.headers.get('x-read-cache') };
  };

  it('serves a repeated read from memory, with an ETag that answers 304', async () => {
    const first = await get('/api/summaries/countries?country=SYR');
    const second = await get('/api/summaries/countries?country=SYR');
    expect(second.headers.get('x-read-cache')).toBe('hit');
    expect(await second.json()).toEqual(await first.json());
    const etag = second.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(second.headers.get('cache-control')).toBe('private, no-cache');
    const revalidated = await get('/api/summaries/countries?country=SYR', undefined, { 'if-none-match': `W/${etag}` });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    // The order of parameters does not make another answer.
    const a = await get('/api/projects?limit=3&sort=code');
    const b = await get('/api/projects?sort=code&limit=3');
    expect(b.headers.get('x-read-cache')).toBe('hit');
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    // Gzip is served from memory too, and is the same answer.
    const zipped = await get('/api/projects?limit=3&sort=code', undefined, { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
  });

  it('never hands one visibility scope the answer of another', async () => {
    const paths = ['/api/summaries/countries', '/api/projects?limit=5&sort=code', '/ogc/collections/projects/items?limit=5'];
    for (const path of paths) {
      const all = await json(path, ADMIN);
      await json(path, ADMIN);
      const donor = await json(path, DONOR);
      expect(donor.cache).toBe('miss');
      const anonymous = await json(path);
      expect(anonymous.cache).toBe('miss');
      expect(donor.body).not.toEqual(all.body);
      expect(anonymous.body).not.toEqual(all.body);
      expect(anonymous.body).not.toEqual(donor.body);
      // Another viewer of the same scope shares the answer.
      const minister = await json(path, MINISTER);
      expect(minister.cache).toBe('hit');
      expect(minister.body).toEqual(all.body);
    }
    // Not cached at all: who is signed in, and answers for staff only.
    expect((await get('/api/auth/me', ADMIN)).headers.get('x-read-cache')).toBeNull();
    expect((await get('/api/admin/users', ADMIN)).headers.get('x-read-cache')).toBeNull();
  });

  it('makes the next read fresh after every kind of write', async () => {
    const funder = await createOrganization(clients[ADMIN]!);
    const project = await createProject(clients[ADMIN]!, { status: 'in_progress', funding: [{ organization: funder, amount: 1000 }] });
    const detail = `/api/projects/${project.id}`;
    const read = async () => {
      await json(detail, ADMIN);
      const again = await json(detail, ADMIN);
      expect(again.cache).toBe('hit');
      return again.body;
    };

    // A progress report.
    let before = await read();
    expect((await reportProgress(clients[ADMIN]!, project, { reported_on: today(), physical_progress: 61, financial_progress: 52, version: before.version })).status).toBe(201);
    let after = (await json(detail, ADMIN)).body;
    expect(after.progress).toHaveLength(before.progress.length + 1);

    // An edit.
    before = after;
    expect((await send(ADMIN, 'PATCH', detail, { title_en: 'Renamed while cached', version: before.version })).status).toBe(200);
    after = (await json(detail, ADMIN)).body;
    expect(after.title_en).toBe('Renamed while cached');

    // An organization renamed by an admin: its name shows in the project's funding.
    await read();
    expect((await send(ADMIN, 'PATCH', `/api/admin/organizations/${funder}`, { name_en: 'Funder renamed while cached' })).status).toBe(200);
    after = (await json(detail, ADMIN)).body;
    expect(after.funding.map((f: { name_en: string }) => f.name_en)).toContain('Funder renamed while cached');

    // A new project, then an import.
    const search = (code: string) => `/api/projects?q=${code}`;
    const [newCode, importedCode] = [unique('CACHE-NEW'), unique('CACHE-IMP')];
    expect((await json(search(newCode), ADMIN)).body.total).toBe(0);
    expect((await json(search(newCode), ADMIN)).cache).toBe('hit');
    const fields = (code: string) => projectFields(code, { title_ar: 'مشروع', title_en: 'Cached project' });
    const createdRes = await send(ADMIN, 'POST', '/api/projects', { ...fields(newCode), geometry: pointIn('SY-DI') });
    expect(createdRes.status).toBe(201);
    expect((await json(search(newCode), ADMIN)).body.total).toBe(1);

    expect((await json(search(importedCode), ADMIN)).body.total).toBe(0);
    const file = featureCollection([fields(importedCode), { type: 'Point', coordinates: [36.3, 33.52] }]);
    // A dry run rolls back: the cached answers stay.
    expect((await uploadImport(clients[ADMIN]!, 'one.geojson', JSON.stringify(file), '?dry_run=true')).status).toBe(200);
    expect((await json(search(importedCode), ADMIN)).cache).toBe('hit');
    const imported = await uploadImport(clients[ADMIN]!, 'one.geojson', JSON.stringify(file), '?dry_run=false');
    expect(imported.status).toBe(201);
    expect((await json(search(importedCode), ADMIN)).body.total).toBe(1);

    // Sharing and unsharing change what a donor sees.
    const created = (await createdRes.json()) as { id: number };
    const donorTotal = async () => (await json('/api/summaries/countries', DONOR)).body.total.projects as number;
    const unshared = await donorTotal();
    expect(await donorTotal()).toBe(unshared);
    expect((await send(ADMIN, 'PUT', `/api/projects/${created.id}/shares/giz`)).status).toBe(204);
    expect(await donorTotal()).toBe(unshared + 1);
    expect((await send(ADMIN, 'DELETE', `/api/projects/${created.id}/shares/giz`)).status).toBe(204);
    expect(await donorTotal()).toBe(unshared);
  });

  it('runs concurrent identical misses once', async () => {
    const seen: string[] = [];
    const query = t.db.query.bind(t.db);
    t.db.query = (async (sql: string, params?: readonly unknown[]) => {
      seen.push(sql);
      return query(sql, params);
    }) as typeof t.db.query;
    try {
      const path = '/api/summaries/governorates/SY-HL/timeline?sector=water';
      const answers = await Promise.all(Array.from({ length: 20 }, () => get(path)));
      expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200));
      expect(new Set(await Promise.all(answers.map((res) => res.text()))).size).toBe(1);
      expect(seen.filter((sql) => sql.includes('generate_series'))).toHaveLength(1);
    } finally {
      t.db.query = query;
    }
  });
});
