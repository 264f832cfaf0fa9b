import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestSession } from '../support/signIn.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

const ADMIN = 'admin@marsad.demo';
const MINISTER = 'minister@marsad.demo';
const DONOR = 'donor.giz@marsad.demo';

describe('read cache', () => {
  let t: TestApp;
  const sessions: Record<string, TestSession> = {};
  // A poll an hour apart: only the API's own bumps can make a read fresh in these tests.
  beforeAll(async () => {
    t = await testApp('demo', { DATA_VERSION_POLL_SECONDS: '3600' });
    for (const email of [ADMIN, MINISTER, DONOR]) sessions[email] = await signIn(t.app, email);
  });
  afterAll(() => t.close());

  const get = (path: string, email?: string, headers: Record<string, string> = {}) =>
    t.app.request(path, { headers: { ...headers, ...(email ? { cookie: sessions[email]!.cookie } : {}) } });
  const send = (email: string, method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { cookie: sessions[email]!.cookie, 'x-csrf-token': sessions[email]!.csrf, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
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
    const [project] = await t.db.query<{ id: number; code: string }>(
      `select p.id, p.code from projects p join project_funding f on f.project_id = p.id join organizations o on o.id = f.organization_id
        where o.slug = 'giz' and p.status = 'in_progress' order by p.id limit 1`,
    );
    const detail = `/api/projects/${project!.id}`;
    const read = async () => {
      await json(detail, ADMIN);
      const again = await json(detail, ADMIN);
      expect(again.cache).toBe('hit');
      return again.body;
    };

    // A progress report.
    let before = await read();
    expect((await send(ADMIN, 'POST', `${detail}/progress`, {
      reported_on: new Date().toISOString().slice(0, 10), status: 'in_progress', physical_progress: 61, financial_progress: 52, version: before.version,
    })).status).toBe(201);
    let after = (await json(detail, ADMIN)).body;
    expect(after.progress).toHaveLength(before.progress.length + 1);

    // An edit.
    before = after;
    expect((await send(ADMIN, 'PATCH', detail, { title_en: 'Renamed while cached', version: before.version })).status).toBe(200);
    after = (await json(detail, ADMIN)).body;
    expect(after.title_en).toBe('Renamed while cached');

    // An organization renamed by an admin: its name shows in the project's funding.
    await read();
    expect((await send(ADMIN, 'PATCH', '/api/admin/organizations/giz', { name_en: 'GIZ renamed while cached' })).status).toBe(200);
    after = (await json(detail, ADMIN)).body;
    expect(after.funding.map((f: { name_en: string }) => f.name_en)).toContain('GIZ renamed while cached');

    // A new project, then an import.
    const search = (code: string) => `/api/projects?q=${code}`;
    expect((await json(search('CACHE-NEW-1'), ADMIN)).body.total).toBe(0);
    expect((await json(search('CACHE-NEW-1'), ADMIN)).cache).toBe('hit');
    const fields = { kind: 'development_project', sector: 'water', title_ar: 'مشروع', title_en: 'Cached project' };
    expect((await send(ADMIN, 'POST', '/api/projects', { ...fields, code: 'CACHE-NEW-1', geometry: { type: 'Point', coordinates: [36.29, 33.51] } })).status).toBe(201);
    expect((await json(search('CACHE-NEW-1'), ADMIN)).body.total).toBe(1);

    expect((await json(search('CACHE-IMP-1'), ADMIN)).body.total).toBe(0);
    const form = new FormData();
    const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ...fields, code: 'CACHE-IMP-1' }, geometry: { type: 'Point', coordinates: [36.3, 33.52] } }] };
    form.append('file', new File([JSON.stringify(file)], 'one.geojson'));
    const imported = await t.app.request('/api/imports/projects?dry_run=false', {
      method: 'POST',
      headers: { cookie: sessions[ADMIN]!.cookie, 'x-csrf-token': sessions[ADMIN]!.csrf },
      body: form,
    });
    expect(imported.status).toBe(201);
    expect((await json(search('CACHE-IMP-1'), ADMIN)).body.total).toBe(1);

    // Sharing and unsharing change what a donor sees.
    const [created] = await t.db.query<{ id: number }>(`select id from projects where code = 'CACHE-NEW-1'`);
    const donorTotal = async () => (await json('/api/summaries/countries', DONOR)).body.total.projects as number;
    const unshared = await donorTotal();
    expect(await donorTotal()).toBe(unshared);
    expect((await send(ADMIN, 'PUT', `/api/projects/${created!.id}/shares/giz`)).status).toBe(204);
    expect(await donorTotal()).toBe(unshared + 1);
    expect((await send(ADMIN, 'DELETE', `/api/projects/${created!.id}/shares/giz`)).status).toBe(204);
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
