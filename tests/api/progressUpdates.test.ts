import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/testApp.ts';

interface Session {
  cookie: string;
  csrf: string;
}

describe('reporting progress', () => {
  let t: TestApp;
  const sessions: Record<string, Session> = {};
  let damascusProject: { id: number; version: number; status: string };
  let aleppoProject: { id: number; version: number };

  const signIn = async (email: string): Promise<Session> => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'marsad-demo' }),
    });
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: (await res.json()).csrfToken };
  };
  const report = (who: Session | null, id: number, body: Record<string, unknown>) =>
    t.app.request(`/api/projects/${id}/progress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      body: JSON.stringify(body),
    });
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await testApp('demo');
    for (const email of ['engineer.damascus@marsad.demo', 'engineer.aleppo@marsad.demo', 'minister@marsad.demo', 'admin@marsad.demo']) {
      sessions[email] = await signIn(email);
    }
    [damascusProject] = (await t.db.query<{ id: number; version: number; status: string }>(
      `select p.id, p.version, p.status from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code = 'SY-DI' and p.status = 'in_progress' order by p.id limit 1`,
    )) as [{ id: number; version: number; status: string }];
    [aleppoProject] = (await t.db.query<{ id: number; version: number }>(
      `select p.id, p.version from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code = 'SY-HL' and p.status = 'in_progress' order by p.id limit 1`,
    )) as [{ id: number; version: number }];
  });
  afterAll(() => t.close());

  const valid = () => ({ reported_on: today, status: 'in_progress', physical_progress: 55, financial_progress: 40, note: 'تقدم جيد', version: damascusProject.version });

  it('lets the governorate engineer append a report, which becomes the current state and is audited', async () => {
    const engineer = sessions['engineer.damascus@marsad.demo']!;
    const res = await report(engineer, damascusProject.id, valid());
    expect(res.status).toBe(201);
    const { version } = await res.json();
    expect(version).toBeGreaterThan(damascusProject.version);
    const detail = await (await t.app.request(`/api/projects/${damascusProject.id}`, { headers: { cookie: engineer.cookie } })).json();
    expect(detail).toMatchObject({ physical_progress: 55, financial_progress: 40, last_update_on: today, version });
    expect(detail.progress.at(-1)).toMatchObject({ note: 'تقدم جيد', author: expect.any(String) });
    const [audit] = await t.db.query<{ actor: string }>(
      `select u.email as actor from audit_log l join users u on u.id = l.actor_id
        where l.table_name = 'progress_updates' and l.project_id = $1 order by l.id desc limit 1`,
      [damascusProject.id],
    );
    expect(audit!.actor).toBe('engineer.damascus@marsad.demo');
    damascusProject.version = version;
  });

  it('lets one of two concurrent editors win; the other gets 409 and nothing is lost', async () => {
    const a = sessions['engineer.damascus@marsad.demo']!;
    const b = sessions['admin@marsad.demo']!;
    const base = valid();
    const [first, second] = await Promise.all([
      report(a, damascusProject.id, { ...base, physical_progress: 60 }),
      report(b, damascusProject.id, { ...base, physical_progress: 61 }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const loser = first.status === 409 ? first : second;
    expect((await loser.json()).current_version).toBeGreaterThan(base.version);
    const [count] = await t.db.query<{ n: number }>(
      `select count(*) as n from progress_updates where project_id = $1 and reported_on = $2 and physical_progress in (60, 61)`,
      [damascusProject.id, today],
    );
    expect(count!.n).toBe(1);
  });

  it('refuses other governorates, read-only roles and anonymous callers', async () => {
    const body = { ...valid(), version: aleppoProject.version };
    expect((await report(sessions['engineer.damascus@marsad.demo']!, aleppoProject.id, body)).status).toBe(403);
    expect((await report(sessions['minister@marsad.demo']!, aleppoProject.id, body)).status).toBe(403);
    expect((await report(null, aleppoProject.id, body)).status).toBe(401);
    expect((await report(sessions['engineer.aleppo@marsad.demo']!, aleppoProject.id, body)).status).toBe(201);
  });

  it.each([
    [{ physical_progress: 101 }, 'physical_progress'],
    [{ financial_progress: -1 }, 'financial_progress'],
    [{ reported_on: '2999-01-01' }, 'reported_on'],
    [{ reported_on: '2025-02-30' }, 'reported_on'],
    [{ status: 'finished' }, 'status'],
  ])('rejects %o with a 400 naming %s, writing nothing', async (change, parameter) => {
    const before = await t.db.query<{ n: number }>('select count(*) as n from progress_updates');
    const res = await report(sessions['admin@marsad.demo']!, damascusProject.id, { ...valid(), version: damascusProject.version, ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    expect(await t.db.query<{ n: number }>('select count(*) as n from progress_updates')).toEqual(before);
  });

  it("accepts today's date wherever the reporter is, and refuses a day that has begun nowhere yet", async () => {
    const [dates] = await t.db.query<{ latest: string; beyond: string }>(
      `select (now() at time zone 'Etc/GMT-14')::date::text as latest,
              ((now() at time zone 'Etc/GMT-14')::date + 1)::text as beyond`,
    );
    const [project] = await t.db.query<{ id: number; version: number }>('select id, version from projects where id = $1', [damascusProject.id]);
    const beyond = await report(sessions['admin@marsad.demo']!, project!.id, { ...valid(), reported_on: dates!.beyond, version: project!.version });
    expect(beyond.status).toBe(400);
    // The latest "today" on Earth (UTC+14), e.g. Damascus (UTC+3) just after midnight while UTC is still on the day before.
    const latest = await report(sessions['admin@marsad.demo']!, project!.id, { ...valid(), reported_on: dates!.latest, version: project!.version });
    expect(latest.status).toBe(201);
    damascusProject.version = ((await latest.json()) as { version: number }).version;
  });

  it('refuses a status change the lifecycle does not allow', async () => {
    const [done] = await t.db.query<{ id: number; version: number }>(
      `select id, version from projects where status = 'completed' order by id limit 1`,
    );
    const res = await report(sessions['admin@marsad.demo']!, done!.id, { ...valid(), status: 'in_progress', version: done!.version });
    expect(res.status).toBe(422);
    expect((await res.json()).allowed).toEqual(['completed']);
  });
});
