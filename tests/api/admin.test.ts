import { describe, expect, it } from 'vitest';
import { DEMO, logIn, type Client } from '../support/client.ts';
import { createAccount, createOrganization, unique } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

describe('managing accounts and organizations', () => {
  const t = useTestApp('demo');

  const admin = () => t.as(DEMO.admin);
  const signedIn = async (account: { email: string; password: string }) => t.as(account.email, account.password);

  it('lets an admin create an engineer for a governorate, who can then sign in', async () => {
    const email = `New.Engineer.${unique('E')}@Example.org`;
    const res = await (await admin()).post('/api/admin/users', {
      email,
      display_name: 'New engineer',
      role: 'engineer',
      organization: 'office-sy-hm',
      governorates: ['SY-HM'],
      password: 'a-long-secret-1',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: email.toLowerCase(), role: 'engineer', governorates: ['SY-HM'], disabled: false });
    expect((await logIn(t.app, email.toLowerCase(), 'a-long-secret-1')).status).toBe(200);
    const [stored] = await t.db.query<{ hash: string }>(`select password_hash as hash from users where email = $1`, [email.toLowerCase()]);
    expect(stored!.hash).toMatch(/^\$argon2id\$/);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const viewer = await createAccount(await admin());
    const session = await signedIn(viewer);
    expect((await session.get('/api/auth/me')).status).toBe(200); // the session is now a recent one, kept in memory
    expect((await (await admin()).patch(`/api/admin/users/${viewer.id}`, { disabled: true })).status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await logIn(t.app, viewer.email, viewer.password)).status).not.toBe(200);
  });

  it('applies a change of role or governorates to a signed-in account from its next request', async () => {
    const engineer = await createAccount(await admin(), { role: 'engineer', organization: 'office-sy-di', governorates: ['SY-DI'] });
    const session = await signedIn(engineer);
    const me = async () => (await session.json('/api/auth/me')).user;
    expect(await me()).toMatchObject({ role: 'engineer', governorates: ['SY-DI'] });
    expect((await (await admin()).patch(`/api/admin/users/${engineer.id}`, { governorates: ['SY-DI', 'SY-RD'] })).status).toBe(200);
    expect(await me()).toMatchObject({ role: 'engineer', governorates: ['SY-DI', 'SY-RD'] });
    expect((await (await admin()).patch(`/api/admin/users/${engineer.id}`, { role: 'viewer' })).status).toBe(200);
    expect(await me()).toMatchObject({ role: 'viewer' });
    // Signing out ends the session at once, though it was just used.
    expect((await session.post('/api/auth/logout')).status).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses everyone but admins, and bad input', async () => {
    expect((await (await t.as(DEMO.minister)).get('/api/admin/users')).status).toBe(403);
    expect((await t.anonymous.get('/api/admin/users')).status).toBe(401);
    const bad = await (await admin()).post('/api/admin/users', {
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
    const taken = await (await admin()).post('/api/admin/users', {
      email: DEMO.admin,
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
    const slug = unique('jica').toLowerCase();
    const res = await (await admin()).post('/api/admin/organizations', { slug, kind: 'donor', name_en: 'Test agency', name_ar: 'وكالة اختبار' });
    expect(res.status).toBe(201);
    const list = await t.anonymous.json('/api/organizations?kind=donor');
    expect(list.items.map((o: { slug: string }) => o.slug)).toContain(slug);
    const again = await (await admin()).post('/api/admin/organizations', { slug, kind: 'donor', name_en: 'Again', name_ar: 'مرة' });
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual([{ parameter: 'slug', message: 'an organization with this slug already exists' }]);
  });

  it('renames an organization and changes its country, but not its kind', async () => {
    const slug = await createOrganization(await admin(), 'donor');
    const res = await (await admin()).patch(`/api/admin/organizations/${slug}`, { name_en: 'Donor (renamed)', country: 'SYR' });
    expect(res.status).toBe(200);
    const [stored] = await t.db.query<{ name_en: string; name_ar: string; country_iso3: string | null; kind: string }>(
      `select name_en, name_ar, country_iso3, kind from organizations where slug = $1`,
      [slug],
    );
    expect(await res.json()).toEqual({ slug, kind: stored!.kind, name_en: 'Donor (renamed)', name_ar: stored!.name_ar, country: 'SYR' });
    expect(stored).toMatchObject({ name_en: 'Donor (renamed)', country_iso3: 'SYR', kind: 'donor' });
    expect((await (await admin()).patch(`/api/admin/organizations/${slug}`, { country: null })).status).toBe(200);
    const [cleared] = await t.db.query<{ country_iso3: string | null }>(`select country_iso3 from organizations where slug = $1`, [slug]);
    expect(cleared!.country_iso3).toBeNull();
    expect((await (await admin()).patch('/api/admin/organizations/nobody', { name_en: 'Nobody' })).status).toBe(404);
    expect((await (await admin()).patch(`/api/admin/organizations/${slug}`, { name_ar: 'x' })).status).toBe(400);
    expect((await (await t.as(DEMO.minister)).patch(`/api/admin/organizations/${slug}`, { name_en: 'Mine' })).status).toBe(403);
  });

  it('moves an account to another organization, which then decides what a donor sees', async () => {
    const donor = await createAccount(await admin(), { role: 'donor', organization: 'undp' });
    const shared = async (slug: string) =>
      Number((await t.db.query<{ n: string }>(
        `select count(*) as n from project_shares s join organizations o on o.id = s.organization_id where o.slug = $1`, [slug],
      ))[0]!.n);
    const session = await signedIn(donor);
    const seen = async () => (await session.json('/api/summaries/countries')).total.projects as number;
    expect(await seen()).toBe(await shared('undp'));
    const moved = await (await admin()).patch(`/api/admin/users/${donor.id}`, { organization: 'eu' });
    expect(moved.status).toBe(200);
    expect((await moved.json()).organization).toBe('eu');
    expect(await seen()).toBe(await shared('eu'));
    const stored = async () =>
      (await t.db.query<{ display_name: string; slug: string; governorates: string[] }>(
        `select u.display_name, o.slug, array(select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id where ua.user_id = u.id) as governorates
           from users u join organizations o on o.id = u.organization_id where u.id = $1`,
        [donor.id],
      ))[0]!;
    const before = await stored();
    // The organization and the name are valid and written first; the unknown governorate fails last.
    const unknown = await (await admin()).patch(`/api/admin/users/${donor.id}`, { organization: 'world-bank', display_name: 'Renamed', governorates: ['XX-ZZZ'] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([expect.objectContaining({ parameter: 'governorates' })]);
    expect(await stored()).toEqual(before); // nothing half-written
    expect(before).toMatchObject({ slug: 'eu', display_name: expect.not.stringMatching(/^Renamed$/) });
  });

  const accountOf = async (id: number) =>
    (await t.db.query<{ role: string; slug: string; display_name: string; disabled: boolean }>(
      `select u.role, o.slug, u.display_name, u.disabled_at is not null as disabled
         from users u join organizations o on o.id = u.organization_id where u.id = $1`,
      [id],
    ))[0]!;
  const newAccount = async (client: Client, email: string, role: string, organization: string) =>
    client.post('/api/admin/users', { email, display_name: `Account ${email}`, role, organization, password: 'a-long-secret-3' });

  it('puts donors, and only donors, in donor and partner organizations, on creation', async () => {
    const client = await admin();
    const refused = [
      ['viewer.undp@example.org', 'viewer', 'undp'],
      ['engineer.eu@example.org', 'engineer', 'eu'],
      ['admin.sarc@example.org', 'admin', 'sarc'],
      ['donor.ministry@example.org', 'donor', 'ministry-syr'],
      ['donor.office@example.org', 'donor', 'office-sy-di'],
    ] as const;
    for (const [email, role, organization] of refused) {
      const problem = await expectProblem(await newAccount(client, email, role, organization), 400, { parameter: 'organization' });
      expect(problem.detail).toContain(organization);
    }
    const created = await t.db.query('select 1 from users where email = any($1::text[])', [refused.map(([email]) => email)]);
    expect(created).toEqual([]);
    expect((await newAccount(client, `${unique('donor-unops').toLowerCase()}@example.org`, 'donor', 'unops')).status).toBe(201);
    expect((await newAccount(client, `${unique('donor-kfw').toLowerCase()}@example.org`, 'donor', 'kfw')).status).toBe(201);
  });

  it('keeps role and organization fitting after a change; both may change together, all or nothing', async () => {
    const client = await admin();
    const donor = await createAccount(client, { role: 'donor', organization: 'kfw' });
    // The role alone: named as the role.
    await expectProblem(await client.patch(`/api/admin/users/${donor.id}`, { role: 'viewer', display_name: 'Half written' }), 400, { parameter: 'role' });
    expect(await accountOf(donor.id)).toMatchObject({ role: 'donor', slug: 'kfw', display_name: `Account ${donor.email}` });
    // The organization alone: named as the organization.
    await expectProblem(await client.patch(`/api/admin/users/${donor.id}`, { organization: 'ministry-syr' }), 400, { parameter: 'organization' });
    const engineer = await createAccount(client, { role: 'engineer', organization: 'office-sy-hl', governorates: ['SY-HL'] });
    await expectProblem(await client.patch(`/api/admin/users/${engineer.id}`, { organization: 'sarc' }), 400, { parameter: 'organization' });
    await expectProblem(await client.patch(`/api/admin/users/${engineer.id}`, { role: 'donor' }), 400, { parameter: 'role' });
    expect(await accountOf(engineer.id)).toMatchObject({ role: 'engineer', slug: 'office-sy-hl' });
    // Both together: a donor becomes a ministry viewer, and back to a partner's donor.
    const toViewer = await client.patch(`/api/admin/users/${donor.id}`, { role: 'viewer', organization: 'ministry-syr' });
    expect(toViewer.status).toBe(200);
    expect(await toViewer.json()).toMatchObject({ role: 'viewer', organization: 'ministry-syr' });
    const toPartner = await client.patch(`/api/admin/users/${donor.id}`, { role: 'donor', organization: 'sarc' });
    expect(toPartner.status).toBe(200);
    expect(await accountOf(donor.id)).toMatchObject({ role: 'donor', slug: 'sarc' });
    // Moving a donor between donors and partners needs no role change.
    expect((await client.patch(`/api/admin/users/${donor.id}`, { organization: 'giz' })).status).toBe(200);
  });

  it('never lets an admin change their own role or disable themselves', async () => {
    const client = await admin();
    const [{ id: self }] = (await t.db.query<{ id: number }>('select id from users where email = $1', [DEMO.admin])) as [{ id: number }];
    for (const [change, parameter] of [[{ role: 'viewer' }, 'role'], [{ role: 'donor', organization: 'undp' }, 'role'], [{ disabled: true, display_name: 'Gone' }, 'disabled']] as const) {
      const problem = await expectProblem(await client.patch(`/api/admin/users/${self}`, change), 409, { parameter });
      expect(problem.detail).toMatch(/your own/);
    }
    expect(await accountOf(self)).toMatchObject({ role: 'admin', slug: 'ministry-syr', disabled: false, display_name: 'Demo Administrator' });
    expect((await client.get('/api/auth/me')).status).toBe(200); // still signed in
    // Anything else about their own account is theirs to change, the admin role included.
    const renamed = await client.patch(`/api/admin/users/${self}`, { display_name: 'Demo Administrator', role: 'admin', disabled: false });
    expect(renamed.status).toBe(200);
  });

  it('keeps an active admin: of two admins demoting each other at once, one is refused', async () => {
    // The demo has one admin, and no other test makes one: this one adds the second.
    let demoAdmin = await admin();
    const second = await createAccount(demoAdmin, { role: 'admin', organization: 'ministry-syr' });
    const secondSession = await signedIn(second);
    const [{ id: first }] = (await t.db.query<{ id: number }>('select id from users where email = $1', [DEMO.admin])) as [{ id: number }];
    const activeAdmins = async () =>
      (await t.db.query<{ email: string }>(`select email from users where role = 'admin' and disabled_at is null`)).map((u) => u.email).sort();
    expect(await activeAdmins()).toEqual([DEMO.admin, second.email].sort());
    for (const change of [{ role: 'viewer' }, { disabled: true }]) {
      const answers = await Promise.all([
        demoAdmin.patch(`/api/admin/users/${second.id}`, change),
        secondSession.patch(`/api/admin/users/${first}`, change),
      ]);
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses[0], JSON.stringify(change)).toBe(200);
      expect([403, 409], JSON.stringify(change)).toContain(statuses[1]);
      expect(await activeAdmins()).toHaveLength(1);
      // Whoever is left restores the other, for the next round.
      const [survivor] = await activeAdmins();
      const [session, target] = survivor === DEMO.admin ? [demoAdmin, second.id] : [secondSession, first];
      expect((await session.patch(`/api/admin/users/${target}`, { role: 'admin', disabled: false })).status).toBe(200);
      expect(await activeAdmins()).toHaveLength(2);
      if (survivor !== DEMO.admin) demoAdmin = await admin();
    }
    // Demoted again for good, so that no other test meets a second admin.
    expect((await demoAdmin.patch(`/api/admin/users/${second.id}`, { role: 'viewer' })).status).toBe(200);
  });
});
