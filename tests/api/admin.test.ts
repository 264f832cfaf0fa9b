import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/testApp.ts';

describe('managing accounts and organizations', () => {
  let t: TestApp;
  const signIn = async (email: string, password = 'marsad-demo') => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return res.status === 200 ? { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: (await res.json()).csrfToken } : null;
  };
  let adminSession: { cookie: string; csrf: string };
  const send = (session: { cookie: string; csrf: string } | null, method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    t = await testApp('demo');
    adminSession = (await signIn('admin@marsad.demo'))!;
  });
  afterAll(() => t.close());

  it('lets an admin create an engineer for a governorate, who can then sign in', async () => {
    const res = await send(adminSession, 'POST', '/api/admin/users', {
      email: 'New.Engineer@Example.org',
      display_name: 'New engineer',
      role: 'engineer',
      organization: 'office-sy-hm',
      governorates: ['SY-HM'],
      password: 'a-long-secret-1',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: 'new.engineer@example.org', role: 'engineer', governorates: ['SY-HM'], disabled: false });
    expect(await signIn('new.engineer@example.org', 'a-long-secret-1')).not.toBeNull();
    const [stored] = await t.db.query<{ hash: string }>(`select password_hash as hash from users where email = 'new.engineer@example.org'`);
    expect(stored!.hash).toMatch(/^\$argon2id\$/);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const session = (await signIn('viewer@marsad.demo'))!;
    const [user] = await t.db.query<{ id: number }>(`select id from users where email = 'viewer@marsad.demo'`);
    expect((await send(adminSession, 'PATCH', `/api/admin/users/${user!.id}`, { disabled: true })).status).toBe(200);
    expect((await send(session, 'GET', '/api/auth/me')).status).toBe(401);
    expect(await signIn('viewer@marsad.demo')).toBeNull();
  });

  it('refuses everyone but admins, and bad input', async () => {
    const minister = (await signIn('minister@marsad.demo'))!;
    expect((await send(minister, 'GET', '/api/admin/users')).status).toBe(403);
    expect((await send(null, 'GET', '/api/admin/users')).status).toBe(401);
    const bad = await send(adminSession, 'POST', '/api/admin/users', {
      email: 'x@example.org',
      display_name: 'X',
      role: 'king',
      organization: 'undp',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { parameter: string }) => e.parameter)).toEqual(
      expect.arrayContaining(['role', 'password', 'display_name']),
    );
    const taken = await send(adminSession, 'POST', '/api/admin/users', {
      email: 'admin@marsad.demo',
      display_name: 'Again',
      role: 'viewer',
      organization: 'undp',
      password: 'a-long-secret-2',
    });
    expect(taken.status).toBe(409);
  });

  it('creates organizations, and new donors can then receive shares', async () => {
    const res = await send(adminSession, 'POST', '/api/admin/organizations', {
      slug: 'jica-test',
      kind: 'donor',
      name_en: 'Test agency',
      name_ar: 'وكالة اختبار',
    });
    expect(res.status).toBe(201);
    const list = await (await t.app.request('/api/organizations?kind=donor')).json();
    expect(list.items.map((o: { slug: string }) => o.slug)).toContain('jica-test');
    expect((await send(adminSession, 'POST', '/api/admin/organizations', { slug: 'jica-test', kind: 'donor', name_en: 'Again', name_ar: 'مرة' })).status).toBe(409);
  });

  it('renames an organization and changes its country, but not its kind', async () => {
    const res = await send(adminSession, 'PATCH', '/api/admin/organizations/giz', { name_en: 'GIZ (renamed)', country: 'SYR' });
    expect(res.status).toBe(200);
    const [stored] = await t.db.query<{ name_en: string; name_ar: string; country_iso3: string | null; kind: string }>(
      `select name_en, name_ar, country_iso3, kind from organizations where slug = 'giz'`,
    );
    expect(await res.json()).toEqual({ slug: 'giz', kind: stored!.kind, name_en: 'GIZ (renamed)', name_ar: stored!.name_ar, country: 'SYR' });
    expect(stored).toMatchObject({ name_en: 'GIZ (renamed)', country_iso3: 'SYR', kind: 'donor' });
    expect((await send(adminSession, 'PATCH', '/api/admin/organizations/giz', { country: null })).status).toBe(200);
    const [cleared] = await t.db.query<{ country_iso3: string | null }>(`select country_iso3 from organizations where slug = 'giz'`);
    expect(cleared!.country_iso3).toBeNull();
    expect((await send(adminSession, 'PATCH', '/api/admin/organizations/nobody', { name_en: 'Nobody' })).status).toBe(404);
    expect((await send(adminSession, 'PATCH', '/api/admin/organizations/giz', { name_ar: 'x' })).status).toBe(400);
    const minister = (await signIn('minister@marsad.demo'))!;
    expect((await send(minister, 'PATCH', '/api/admin/organizations/giz', { name_en: 'Mine' })).status).toBe(403);
  });

  it('moves an account to another organization, which then decides what a donor sees', async () => {
    const [donor] = await t.db.query<{ id: number }>(`select id from users where email = 'donor.undp@marsad.demo'`);
    const shared = async (slug: string) =>
      Number((await t.db.query<{ n: string }>(
        `select count(*) as n from project_shares s join organizations o on o.id = s.organization_id where o.slug = $1`, [slug],
      ))[0]!.n);
    const session = (await signIn('donor.undp@marsad.demo'))!;
    const seen = async () => (await (await send(session, 'GET', '/api/summaries/countries')).json()).total.projects as number;
    expect(await seen()).toBe(await shared('undp'));
    const moved = await send(adminSession, 'PATCH', `/api/admin/users/${donor!.id}`, { organization: 'eu' });
    expect(moved.status).toBe(200);
    expect((await moved.json()).organization).toBe('eu');
    expect(await seen()).toBe(await shared('eu'));
    const unknown = await send(adminSession, 'PATCH', `/api/admin/users/${donor!.id}`, { organization: 'nobody', display_name: 'Renamed' });
    expect(unknown.status).toBe(400);
    const [after] = await t.db.query<{ display_name: string; slug: string }>(
      `select u.display_name, o.slug from users u join organizations o on o.id = u.organization_id where u.id = $1`, [donor!.id],
    );
    expect(after).toEqual({ display_name: expect.not.stringMatching(/^Renamed$/), slug: 'eu' }); // nothing half-written
  });
});
