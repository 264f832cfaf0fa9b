import { beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, DEMO, DEMO_PASSWORD as PASSWORD, logIn, type Client } from '../support/client.ts';
import { useTestApp } from '../support/testApp.ts';

describe('accounts: sign in, sessions, CSRF, rate limit', () => {
  const t = useTestApp('demo');

  const login = (email: string, password = PASSWORD) => logIn(t.app, email, password);

  it('signs in a demo account with an httpOnly, SameSite session cookie, and knows who it is', async () => {
    const res = await login('Minister@Marsad.demo');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: 'minister@marsad.demo', role: 'minister' });
    expect(body.user).not.toHaveProperty('password_hash');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^marsad_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await t.app.request('/api/auth/me', { headers: { cookie: cookieOf(res) } });
    expect(await me.json()).toMatchObject({ user: { role: 'minister' }, csrfToken: body.csrfToken });
    const [stored] = await t.db.query<{ n: number }>(
      'select count(*) as n from sessions where token_hash = $1',
      [cookieOf(res).split('=')[1]],
    );
    expect(stored!.n).toBe(0); // only a hash of the token is kept
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await login('admin@marsad.demo', 'nope');
    const unknown = await login('nobody@marsad.demo', 'nope');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await wrong.json()).detail).toBe((await unknown.json()).detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('validates the body', async () => {
    const res = await t.anonymous.post('/api/auth/login', { email: 'not an email' });
    expect(res.status).toBe(400);
    const params = (await res.json()).errors.map((e: { parameter: string }) => e.parameter);
    expect(params).toEqual(expect.arrayContaining(['email', 'password']));
    const broken = await t.anonymous.post('/api/auth/login', '{', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
  });

  it('requires the CSRF token for changes, and refuses other sites', async () => {
    const res = await login('engineer.damascus@marsad.demo');
    const { csrfToken, user } = await res.json();
    expect(user.governorates).toEqual(['SY-DI']);
    const cookie = cookieOf(res);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
    const foreign = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a change whose Origin header is not a URL with 403 problem+json, not a crash', async () => {
    const res = await login('engineer.aleppo@marsad.demo');
    const { csrfToken } = await res.json();
    const cookie = cookieOf(res);
    for (const origin of ['not a url', 'http://', '://evil']) {
      const refused = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, origin } });
      expect(refused.status, origin).toBe(403);
      expect(refused.headers.get('content-type'), origin).toBe('application/problem+json');
      expect((await refused.json()).detail, origin).toContain(origin);
    }
    // The session survived the refusals.
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  it('slows down guessing: after five failures the account answers 429 from this client, with Retry-After', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login('viewer@marsad.demo', `guess-${i}`)).status).toBe(401);
    const statuses: number[] = [];
    let blocked: Response | undefined;
    // Each further failure doubles the wait (from 1 s): the next tries soon meet it, however slow the machine.
    for (let i = 0; i < 10 && !blocked; i += 1) {
      const res = await login('viewer@marsad.demo', `guess-again-${i}`);
      statuses.push(res.status);
      if (res.status === 429) blocked = res;
    }
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(blocked!.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(blocked!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    const problem = await blocked!.json();
    expect(problem).toMatchObject({ status: 429, retry_after_seconds: retryAfter });
    expect(problem.detail).toMatch(/try again in \d+ (seconds?|minutes)/);
  });
});

describe('sign-in throttle across clients (behind a proxy that names them)', () => {
  const t = useTestApp('demo', { TRUST_PROXY: 'true' });

  const loginFrom = (client: string, email: string, password: string) => logIn(t.app, email, password, { 'x-forwarded-for': client });

  /** Wrong passwords from `client` until the throttle answers 429 (the doubling wait is soon longer than a try). */
  async function guessUntilThrottled(client: string, email: string): Promise<Response> {
    for (let i = 0; i < 20; i += 1) {
      const res = await loginFrom(client, email, `guess-${i}`);
      if (res.status === 429) return res;
      expect(res.status).toBe(401);
    }
    throw new Error('never throttled');
  }

  it("does not let a stranger's failures from one address lock the admin out of another", async () => {
    const blocked = await guessUntilThrottled('203.0.113.7', 'admin@marsad.demo');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await loginFrom('198.51.100.20', 'admin@marsad.demo', PASSWORD)).status).toBe(200);
  });

  it('caps one address across many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && statuses.at(-1) !== 429; i += 1) {
      statuses.push((await loginFrom('192.0.2.55', `nobody${i}@marsad.demo`, 'wrong password')).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeGreaterThan(20); // each account had only one failure: it is the address's total
    expect((await loginFrom('192.0.2.56', 'minister@marsad.demo', PASSWORD)).status).toBe(200);
  });
});

describe('what each role reads, on every way data leaves', () => {
  const t = useTestApp('demo');
  const clients: Record<string, Client> = {};
  beforeAll(async () => {
    for (const email of [DEMO.admin, DEMO.undpDonor, DEMO.gizDonor]) clients[email] = await t.as(email);
  });

  const as = (email: string | null, path: string) => (email ? clients[email]! : t.anonymous).get(path);
  const sharedWith = async (slug: string) =>
    (
      await t.db.query<{ n: number }>(
        `select count(*) as n from project_shares s join organizations o on o.id = s.organization_id where o.slug = $1`,
        [slug],
      )
    )[0]!.n;

  it('gives each role its own count in lists, summaries, OGC API and exports', async () => {
    const [counts] = await t.db.query<{ all: number; published: number }>(
      'select count(*) as all, count(*) filter (where is_published) as published from projects',
    );
    const expected: [string | null, number][] = [
      [null, counts!.published],
      ['admin@marsad.demo', counts!.all],
      ['donor.undp@marsad.demo', await sharedWith('undp')],
      ['donor.giz@marsad.demo', await sharedWith('giz')],
    ];
    for (const [who, n] of expected) {
      expect((await (await as(who, '/api/projects?limit=1')).json()).total, `list as ${who}`).toBe(n);
      expect((await (await as(who, '/api/summaries/countries')).json()).total.projects, `summary as ${who}`).toBe(n);
      expect((await (await as(who, '/ogc/collections/projects/items?limit=1&f=json')).json()).numberMatched, `OGC as ${who}`).toBe(n);
      const csv = await (await as(who, '/api/exports/projects.csv')).text();
      expect(csv.trim().split('\r\n').length - 1, `CSV as ${who}`).toBe(n);
    }
  });

  it('shows a donor a shared project but not an unshared one', async () => {
    const [shared] = await t.db.query<{ id: number }>(
      `select s.project_id as id from project_shares s join organizations o on o.id = s.organization_id where o.slug = 'undp' limit 1`,
    );
    const [unshared] = await t.db.query<{ id: number }>(
      `select p.id from projects p where not exists (select 1 from project_shares s join organizations o on o.id = s.organization_id
                                                      where s.project_id = p.id and o.slug = 'undp') limit 1`,
    );
    expect((await as('donor.undp@marsad.demo', `/api/projects/${shared!.id}`)).status).toBe(200);
    expect((await as('donor.undp@marsad.demo', `/api/projects/${unshared!.id}`)).status).toBe(404);
  });

  it('keeps tiles apart per visibility scope, even with the cache', async () => {
    const path = '/tiles/projects/5/19/12.mvt';
    const anonymous = await as(null, path);
    const donor = await as('donor.undp@marsad.demo', path);
    const admin = await as('admin@marsad.demo', path);
    expect(donor.headers.get('cache-control')).toMatch(/^private/);
    const etags = new Set([anonymous, donor, admin].map((r) => r.headers.get('etag')));
    expect(etags.size).toBe(3);
    const again = await as('donor.undp@marsad.demo', path);
    expect(again.headers.get('etag')).toBe(donor.headers.get('etag'));
  });
});
