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
    expect((await send(session, 'GET', '/api/auth/me')).status).toBe(200); // the session is now a recent one, kept in memory
    expect((await send(adminSession, 'PATCH', `/api/admin/users/${user!.id}`, { disabled: true })).status).toBe(200);
    expect((await send(session, 'GET', '/api/auth/me')).status).toBe(401);
    expect(await signIn('viewer@marsad.demo')).toBeNull();
  });

  it('applies a change of role or governorates to a signed-in account from its next request', async () => {
    const session = (await signIn('engineer.damascus@marsad.demo'))!;
    const me = async () => (await (await send(session, 'GET', '/api/auth/me')).json()).user;
    expect(await me()).toMatchObject({ role: 'engineer', governorates: ['SY-DI'] });
    const [user] = await t.db.query<{ id: number }>(`select id from users where email = 'engineer.damascus@marsad.demo'`);
    expect((await send(adminSession, 'PATCH', `/api/admin/users/${user!.id}`, { governorates: ['SY-DI', 'SY-RD'] })).status).toBe(200);
    expect(await me()).toMatchObject({ role: 'engineer', governorates: ['SY-DI', 'SY-RD'] });
    expect((await send(adminSession, 'PATCH', `/api/admin/users/${user!.id}`, { role: 'viewer' })).status).toBe(200);
    expect(await me()).toMatchObject({ role: 'viewer' });
    // Signing out ends the session at once, though it was just used.
    expect((await send(session, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await send(session, 'GET', '/api/auth/me')).status).toBe(401);
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
      organization: 'ministry-syr',
      password: 'a-long-secret-2',
    });
    expect(taken.status).toBe(409);
    // Said as the person chose it, not as the database's constraint.
    expect(await taken.json()).toMatchObject({ detail: 'email: an account with this email already exists', errors: [{ parameter: 'email' }] });
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
    const again = await send(adminSession, 'POST', '/api/admin/organizations', { slug: 'jica-test', kind: 'donor', name_en: 'Again', name_ar: 'مرة' });
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual([{ parameter: 'slug', message: 'an organization with this slug already exists' }]);
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
    const stored = async () =>
      (await t.db.query<{ display_name: string; slug: string; governorates: string[] }>(
        `select u.display_name, o.slug, array(select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id where ua.user_id = u.id) as governorates
           from users u join organizations o on o.id = u.organization_id where u.id = $1`,
        [donor!.id],
      ))[0]!;
    const before = await stored();
    // The organization and the name are valid and written first; the unknown governorate fails last.
    const unknown = await send(adminSession, 'PATCH', `/api/admin/users/${donor!.id}`, { organization: 'world-bank', display_name: 'Renamed', governorates: ['XX-ZZZ'] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([expect.objectContaining({ parameter: 'governorates' })]);
    expect(await stored()).toEqual(before); // nothing half-written
    expect(before).toMatchObject({ slug: 'eu', display_name: expect.not.stringMatching(/^Renamed$/) });
  });

  const idOf = async (email: string) => (await t.db.query<{ id: number }>('select id from users where email = $1', [email]))[0]!.id;
  const accountOf = async (email: string) =>
    (await t.db.query<{ role: string; slug: string; display_name: string; disabled: boolean }>(
      `select u.role, o.slug, u.display_name, u.disabled_at is not null as disabled
         from users u join organizations o on o.id = u.organization_id where u.email = $1`,
      [email],
    ))[0]!;
  const expectProblem = async (res: Response, status: number, parameter?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem.status).toBe(status);
    if (parameter) expect(problem.errors.map((e: { parameter: string }) => e.parameter)).toEqual([parameter]);
    return problem as { detail: string };
  };
  const newAccount = (email: string, role: string, organization: string) =>
    send(adminSession, 'POST', '/api/admin/users', { email, display_name: `Account ${email}`, role, organization, password: 'a-long-secret-3' });

  it('puts donors, and only donors, in donor and partner organizations, on creation', async () => {
    const refused = [
      ['viewer.undp@example.org', 'viewer', 'undp'],
      ['engineer.eu@example.org', 'engineer', 'eu'],
      ['admin.sarc@example.org', 'admin', 'sarc'],
      ['donor.ministry@example.org', 'donor', 'ministry-syr'],
      ['donor.office@example.org', 'donor', 'office-sy-di'],
    ] as const;
    for (const [email, role, organization] of refused) {
      const problem = await expectProblem(await newAccount(email, role, organization), 400, 'organization');
      expect(problem.detail).toContain(organization);
    }
    const created = await t.db.query('select 1 from users where email = any($1::text[])', [refused.map(([email]) => email)]);
    expect(created).toEqual([]);
    expect((await newAccount('donor.unops@example.org', 'donor', 'unops')).status).toBe(201);
    expect((await newAccount('donor.kfw@example.org', 'donor', 'kfw')).status).toBe(201);
  });

  it('keeps role and organization fitting after a change; both may change together, all or nothing', async () => {
    const donor = await idOf('donor.kfw@example.org');
    // The role alone: named as the role.
    await expectProblem(await send(adminSession, 'PATCH', `/api/admin/users/${donor}`, { role: 'viewer', display_name: 'Half written' }), 400, 'role');
    expect(await accountOf('donor.kfw@example.org')).toMatchObject({ role: 'donor', slug: 'kfw', display_name: 'Account donor.kfw@example.org' });
    // The organization alone: named as the organization.
    await expectProblem(await send(adminSession, 'PATCH', `/api/admin/users/${donor}`, { organization: 'ministry-syr' }), 400, 'organization');
    const engineer = await idOf('engineer.aleppo@marsad.demo');
    await expectProblem(await send(adminSession, 'PATCH', `/api/admin/users/${engineer}`, { organization: 'sarc' }), 400, 'organization');
    await expectProblem(await send(adminSession, 'PATCH', `/api/admin/users/${engineer}`, { role: 'donor' }), 400, 'role');
    expect(await accountOf('engineer.aleppo@marsad.demo')).toMatchObject({ role: 'engineer', slug: 'office-sy-hl' });
    // Both together: a donor becomes a ministry viewer, and back to a partner's donor.
    const toViewer = await send(adminSession, 'PATCH', `/api/admin/users/${donor}`, { role: 'viewer', organization: 'ministry-syr' });
    expect(toViewer.status).toBe(200);
    expect(await toViewer.json()).toMatchObject({ role: 'viewer', organization: 'ministry-syr' });
    const toPartner = await send(adminSession, 'PATCH', `/api/admin/users/${donor}`, { role: 'donor', organization: 'sarc' });
    expect(toPartner.status).toBe(200);
    expect(await accountOf('donor.kfw@example.org')).toMatchObject({ role: 'donor', slug: 'sarc' });
    // Moving a donor between donors and partners needs no role change.
    expect((await send(adminSession, 'PATCH', `/api/admin/users/${donor}`, { organization: 'giz' })).status).toBe(200);
  });

  it('never lets an admin change their own role or disable themselves', async () => {
    const self = await idOf('admin@marsad.demo');
    for (const [change, parameter] of [[{ role: 'viewer' }, 'role'], [{ role: 'donor', organization: 'undp' }, 'role'], [{ disabled: true, display_name: 'Gone' }, 'disabled']] as const) {
      const problem = await expectProblem(await send(adminSession, 'PATCH', `/api/admin/users/${self}`, change), 409, parameter);
      expect(problem.detail).toMatch(/your own/);
    }
    expect(await accountOf('admin@marsad.demo')).toMatchObject({ role: 'admin', slug: 'ministry-syr', disabled: false, display_name: 'Demo Administrator' });
    expect((await send(adminSession, 'GET', '/api/auth/me')).status).toBe(200); // still signed in
    // Anything else about their own account is theirs to change, the admin role included.
    const renamed = await send(adminSession, 'PATCH', `/api/admin/users/${self}`, { display_name: 'Demo Administrator', role: 'admin', disabled: false });
    expect(renamed.status).toBe(200);
  });

  it('keeps an active admin: of two admins demoting each other at once, one is refused', async () => {
    expect((await newAccount('second.admin@example.org', 'admin', 'ministry-syr')).status).toBe(201);
    const second = (await signIn('second.admin@example.org', 'a-long-secret-3'))!;
    const [first, other] = [await idOf('admin@marsad.demo'), await idOf('second.admin@example.org')];
    const activeAdmins = async () =>
      (await t.db.query<{ email: string }>(`select email from users where role = 'admin' and disabled_at is null order by email`)).map((u) => u.email);
    expect(await activeAdmins()).toEqual(['admin@marsad.demo', 'second.admin@example.org']);
    for (const change of [{ role: 'viewer' }, { disabled: true }]) {
      const answers = await Promise.all([
        send(adminSession, 'PATCH', `/api/admin/users/${other}`, change),
        send(second, 'PATCH', `/api/admin/users/${first}`, change),
      ]);
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses[0], JSON.stringify(change)).toBe(200);
      expect([403, 409], JSON.stringify(change)).toContain(statuses[1]);
      expect(await activeAdmins()).toHaveLength(1);
      // Whoever is left restores the other, for the next round.
      const [survivor] = await activeAdmins();
      const [session, target] = survivor === 'admin@marsad.demo' ? [adminSession, other] : [second, first];
      expect((await send(session, 'PATCH', `/api/admin/users/${target}`, { role: 'admin', disabled: false })).status).toBe(200);
      expect(await activeAdmins()).toHaveLength(2);
      if (survivor !== 'admin@marsad.demo') adminSession = (await signIn('admin@marsad.demo'))!;
    }
  });
});
