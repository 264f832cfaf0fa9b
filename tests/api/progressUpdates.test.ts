import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { pointIn } from '../support/fixtures.ts';
import { createProject, reportProgress, today } from '../support/freshData.ts';
import { useTestApp } from '../support/testApp.ts';

describe('reporting progress', () => {
  const t = useTestApp('demo');

  /** A project in progress in Damascus (or `governorate`), made for one test. */
  const projectInProgress = async (governorate: 'SY-DI' | 'SY-HL' = 'SY-DI') =>
    createProject(await t.as(DEMO.admin), { status: 'in_progress', geometry: pointIn(governorate) });
  const valid = (version: number) => ({ reported_on: today(), status: 'in_progress', physical_progress: 55, financial_progress: 40, note: 'تقدم جيد', version });

  it('lets the governorate engineer append a report, which becomes the current state and is audited', async () => {
    const project = await projectInProgress();
    const engineer = await t.as(DEMO.engineer);
    const res = await reportProgress(engineer, project, valid(project.version));
    expect(res.status).toBe(201);
    const { version } = await res.json();
    expect(version).toBeGreaterThan(project.version);
    const detail = await engineer.json(`/api/projects/${project.id}`);
    expect(detail).toMatchObject({ physical_progress: 55, financial_progress: 40, last_update_on: today(), version });
    expect(detail.progress.at(-1)).toMatchObject({ note: 'تقدم جيد', author: expect.any(String) });
    const [audit] = await t.db.query<{ actor: string }>(
      `select u.email as actor from audit_log l join users u on u.id = l.actor_id
        where l.table_name = 'progress_updates' and l.project_id = $1 order by l.id desc limit 1`,
      [project.id],
    );
    expect(audit!.actor).toBe(DEMO.engineer);
  });

  it('lets one of two concurrent editors win; the other gets 409 and nothing is lost', async () => {
    const project = await projectInProgress();
    const base = valid(project.version);
    const [first, second] = await Promise.all([
      reportProgress(await t.as(DEMO.engineer), project, { ...base, physical_progress: 60 }),
      reportProgress(await t.as(DEMO.admin), project, { ...base, physical_progress: 61 }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const loser = first.status === 409 ? first : second;
    expect((await loser.json()).current_version).toBeGreaterThan(base.version);
    const [count] = await t.db.query<{ n: number }>(
      `select count(*) as n from progress_updates where project_id = $1 and reported_on = $2 and physical_progress in (60, 61)`,
      [project.id, today()],
    );
    expect(count!.n).toBe(1);
  });

  it('refuses other governorates, read-only roles and anonymous callers', async () => {
    const aleppo = await projectInProgress('SY-HL');
    const body = valid(aleppo.version);
    expect((await reportProgress(await t.as(DEMO.engineer), aleppo, body)).status).toBe(403);
    expect((await reportProgress(await t.as(DEMO.minister), aleppo, body)).status).toBe(403);
    expect((await reportProgress(t.anonymous, aleppo, body)).status).toBe(401);
    expect((await reportProgress(await t.as(DEMO.aleppoEngineer), aleppo, body)).status).toBe(201);
  });

  it.each([
    [{ physical_progress: 101 }, 'physical_progress'],
    [{ financial_progress: -1 }, 'financial_progress'],
    [{ reported_on: '2999-01-01' }, 'reported_on'],
    [{ reported_on: '2025-02-30' }, 'reported_on'],
    [{ status: 'finished' }, 'status'],
  ])('rejects %o with a 400 naming %s, writing nothing', async (change, parameter) => {
    const project = await projectInProgress();
    const before = await t.db.query<{ n: number }>('select count(*) as n from progress_updates');
    const res = await reportProgress(await t.as(DEMO.admin), project, { ...valid(project.version), ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    expect(await t.db.query<{ n: number }>('select count(*) as n from progress_updates')).toEqual(before);
  });

  it("accepts today's date wherever the reporter is, and refuses a day that has begun nowhere yet", async () => {
    const project = await projectInProgress();
    const admin = await t.as(DEMO.admin);
    const [dates] = await t.db.query<{ latest: string; beyond: string }>(
      `select (now() at time zone 'Etc/GMT-14')::date::text as latest,
              ((now() at time zone 'Etc/GMT-14')::date + 1)::text as beyond`,
    );
    const beyond = await reportProgress(admin, project, { ...valid(project.version), reported_on: dates!.beyond });
    expect(beyond.status).toBe(400);
    // The latest "today" on Earth (UTC+14), e.g. Damascus (UTC+3) just after midnight while UTC is still on the day before.
    const latest = await reportProgress(admin, project, { ...valid(project.version), reported_on: dates!.latest });
    expect(latest.status).toBe(201);
  });

  it('refuses a status change the lifecycle does not allow', async () => {
    const admin = await t.as(DEMO.admin);
    const planned = await createProject(admin);
    const done = await createProject(admin, { status: 'in_progress' });
    const completed = await reportProgress(admin, done, { status: 'completed', physical_progress: 100 });
    expect(completed.status).toBe(201);
    const version = (await completed.json()).version;
    const res = await reportProgress(admin, { id: done.id, version }, valid(version));
    expect(res.status).toBe(422);
    expect((await res.json()).allowed).toEqual(['completed']);
    // And from planned straight to completed, skipping the work.
    expect((await reportProgress(admin, planned, { status: 'completed', physical_progress: 100 })).status).toBe(422);
  });
});
