import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Obstacle, ObstaclePage } from '@marsad/contracts';
import { DEMO } from '../support/client.ts';
import { createProject, expectStatus } from '../support/freshData.ts';
import { raiseObstacle } from '../support/obstacleFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, useTestApp, type TestApp } from '../support/testApp.ts';

/**
 * Escalation: the system proposes it past the configured days at a level, or when a critical
 * obstacle passes its target date; those acting at the current level escalate, with a reason.
 */

/**
 * Puts obstacle `id` at `level` since `days` days (and `minutes` more) ago, as if it had sat there;
 * unaudited, as time passing is no one's change (readers use a fresh app, with no cached answers).
 */
const sitFor = (t: TestApp, id: number, days: number, minutes = 0, level?: string) =>
  t.db.transaction(async (tx) => {
    await tx.query(`select set_config('marsad.audit', 'off', true)`);
    await tx.query(`update obstacles set level = coalesce($4, level), level_since = now() - make_interval(days => $2, mins => $3) where id = $1`, [
      id, days, minutes, level ?? null,
    ]);
  });

const read = async (t: TestApp, id: number) => (await t.freshApp().as(DEMO.minister)).json<Obstacle>(`/api/obstacles/${id}`);

describe('escalation proposals', () => {
  const t = useTestApp('demo');

  it('appear exactly past the configured days at each level (30, 45, 60 by default), never at the top', async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    const obstacle = await raiseObstacle(admin, project.id);
    expect(obstacle.proposal).toBeNull();
    const cases: [string, number, string | null][] = [
      ['governorate', 30, 'directorate'],
      ['directorate', 45, 'minister'],
      ['minister', 60, 'inter_ministerial'],
    ];
    for (const [level, threshold, next] of cases) {
      // On the threshold, to the last minute of its last day: not yet.
      await sitFor(t, obstacle.id, threshold, 23 * 60 + 59, level);
      expect((await read(t, obstacle.id)).proposal, `${level} at ${threshold} days`).toBeNull();
      await sitFor(t, obstacle.id, threshold + 1, 0, level);
      expect((await read(t, obstacle.id)).proposal, `${level} past ${threshold} days`).toEqual({
        reason: 'too_long_at_level', to_level: next, days_at_level: threshold + 1, threshold_days: threshold,
      });
    }
    await sitFor(t, obstacle.id, 3650, 0, 'inter_ministerial');
    const top = await read(t, obstacle.id);
    expect(top).toMatchObject({ proposal: null, may_escalate: false, must_act: { role: 'inter_ministerial_meeting' } });
  });

  it('appear when a critical obstacle passes its target date, whatever its days at the level', async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const todayDate = new Date().toISOString().slice(0, 10);
    const late = await raiseObstacle(admin, project.id, { severity: 'critical', target_date: yesterday });
    expect(late.proposal).toEqual({ reason: 'critical_past_target', to_level: 'directorate', days_at_level: 0, threshold_days: 0 });
    expect(late.is_overdue).toBe(true);
    expect((await raiseObstacle(admin, project.id, { severity: 'critical', target_date: todayDate })).proposal).toBeNull();
    expect((await raiseObstacle(admin, project.id, { severity: 'high', target_date: yesterday })).proposal).toBeNull();
    // An ended obstacle is proposed nothing.
    const resolved = await expectStatus(await admin.patch(`/api/obstacles/${late.id}`, { status: 'resolved', resolution_note: 'Solved on site', version: 1 }), 200, 'resolving');
    expect(((await resolved.json()) as Obstacle).proposal).toBeNull();
  });

  it('can be listed alone (proposed=true)', async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    const waiting = await raiseObstacle(admin, project.id);
    const fresh = await raiseObstacle(admin, project.id);
    await sitFor(t, waiting.id, 31);
    const proposed = await (await t.freshApp().as(DEMO.minister)).json<ObstaclePage>(`/api/obstacles?project=${project.id}&proposed=true`);
    expect(proposed.items.map((o) => o.id)).toEqual([waiting.id]);
    const all = await (await t.freshApp().as(DEMO.minister)).json<ObstaclePage>(`/api/obstacles?project=${project.id}`);
    expect(all.items.map((o) => o.id).sort()).toEqual([waiting.id, fresh.id].sort());
  });
});

describe('escalation proposals with configured thresholds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('demo', { OBSTACLE_DAYS_AT_GOVERNORATE: '5', OBSTACLE_DAYS_AT_DIRECTORATE: '7' });
  });
  afterAll(() => t.close());

  it('follow OBSTACLE_DAYS_AT_GOVERNORATE and _DIRECTORATE', async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    const obstacle = await raiseObstacle(admin, project.id);
    await sitFor(t, obstacle.id, 5);
    expect((await read(t, obstacle.id)).proposal).toBeNull();
    await sitFor(t, obstacle.id, 6);
    expect((await read(t, obstacle.id)).proposal).toMatchObject({ reason: 'too_long_at_level', to_level: 'directorate', threshold_days: 5, days_at_level: 6 });
    await sitFor(t, obstacle.id, 7, 0, 'directorate');
    expect((await read(t, obstacle.id)).proposal).toBeNull();
    await sitFor(t, obstacle.id, 8, 0, 'directorate');
    expect((await read(t, obstacle.id)).proposal).toMatchObject({ to_level: 'minister', threshold_days: 7 });
    // The minister's level keeps its default.
    await sitFor(t, obstacle.id, 60, 0, 'minister');
    expect((await read(t, obstacle.id)).proposal).toBeNull();
    await sitFor(t, obstacle.id, 61, 0, 'minister');
    expect((await read(t, obstacle.id)).proposal).toMatchObject({ to_level: 'inter_ministerial', threshold_days: 60 });
  });
});

describe('escalating', () => {
  const t = useTestApp('demo');

  it('is done by those acting at the current level, with a reason, one level up by default or higher when asked, up to the top', async () => {
    const engineer = await t.as(DEMO.engineer);
    const project = await createProject(engineer);
    let obstacle = await raiseObstacle(engineer, project.id, { severity: 'high' });
    const path = `/api/obstacles/${obstacle.id}/escalate`;
    await expectProblem(await engineer.post(path, { version: 1 }), 400, { parameter: 'reason' });
    await expectProblem(await engineer.post(path, { reason: '  ', version: 1 }), 400, { parameter: 'reason' });
    await expectProblem(await engineer.post(path, { reason: 'Needs the ministry', to_level: 'governorate', version: 1 }), 400, { parameter: 'to_level' });
    await expectProblem(await engineer.post(path, { reason: 'Needs the ministry', to_level: 'mayor', version: 1 }), 400, { parameter: 'to_level' });
    await expectProblem(await engineer.post(path, { reason: 'Needs the ministry', version: 7 }), 409);
    await expectProblem(await (await t.as(DEMO.aleppoEngineer)).post(path, { reason: 'Not mine', version: 1 }), 404);
    await expectProblem(await (await t.as(DEMO.viewer)).post(path, { reason: 'I only read', version: 1 }), 403);
    await expectProblem(await t.anonymous.post(path, { reason: 'Who am I', version: 1 }), 401);

    // The engineer escalates it to the directorate: not proposed (it was raised today).
    let res = await expectStatus(await engineer.post(path, { reason: 'The land decision is the directorate’s', version: 1 }), 200, 'escalating');
    obstacle = (await res.json()) as Obstacle;
    expect(obstacle).toMatchObject({ level: 'directorate', version: 2, may_edit: false, may_escalate: false, must_act: { role: 'ministry_directorate' } });
    expect(Date.now() - Date.parse(obstacle.level_since)).toBeLessThan(60_000);
    // It is no longer the engineer's to move; the planner acts at the directorate.
    await expectProblem(await engineer.post(path, { reason: 'Again', version: 2 }), 403);
    await expectProblem(await engineer.patch(`/api/obstacles/${obstacle.id}`, { severity: 'low', version: 2 }), 403);
    const planner = await t.as(DEMO.planner);
    expect(await planner.json<Obstacle>(`/api/obstacles/${obstacle.id}`)).toMatchObject({ may_edit: true, may_escalate: true });

    // Sitting too long at the directorate, the system proposes it; the planner escalates it straight to the inter-ministerial meeting.
    await sitFor(t, obstacle.id, 46);
    const proposed = await (await t.freshApp().as(DEMO.planner)).json<Obstacle>(`/api/obstacles/${obstacle.id}`);
    expect(proposed.proposal).toMatchObject({ reason: 'too_long_at_level', to_level: 'minister' });
    res = await expectStatus(await planner.post(path, { reason: 'Only the ministries together can decide', to_level: 'inter_ministerial', version: proposed.version }), 200, 'escalating to the top');
    obstacle = (await res.json()) as Obstacle;
    expect(obstacle).toMatchObject({ level: 'inter_ministerial', proposal: null, may_edit: false, must_act: { role: 'inter_ministerial_meeting' } });
    const minister = await t.as(DEMO.minister);
    expect(await minister.json<Obstacle>(`/api/obstacles/${obstacle.id}`)).toMatchObject({ may_edit: true, may_escalate: false });
    await expectProblem(await minister.post(path, { reason: 'Higher still', version: obstacle.version }), 409, { detail: /top level/ });

    // Recorded: each escalation with its levels, reason, actor, and whether it had been proposed.
    const rows = await t.db.query<{ from_level: string; to_level: string; reason: string; was_proposed: boolean; email: string; project_id: number }>(
      `select e.from_level, e.to_level, e.reason, e.was_proposed, u.email, e.project_id::int as project_id
         from obstacle_escalations e join users u on u.id = e.escalated_by where e.obstacle_id = $1 order by e.id`,
      [obstacle.id],
    );
    expect(rows).toEqual([
      { from_level: 'governorate', to_level: 'directorate', reason: 'The land decision is the directorate’s', was_proposed: false, email: DEMO.engineer, project_id: project.id },
      { from_level: 'directorate', to_level: 'inter_ministerial', reason: 'Only the ministries together can decide', was_proposed: true, email: DEMO.planner, project_id: project.id },
    ]);
    const audited = await t.db.query<{ actor_id: number | null; project_id: number | null }>(
      `select actor_id, project_id::int as project_id from audit_log where table_name in ('obstacles', 'obstacle_escalations')
          and coalesce(new_values ->> 'obstacle_id', row_key) = $1 and (table_name = 'obstacle_escalations' or row_key = $1)`,
      [String(obstacle.id)],
    );
    // Raised, two escalations (the level change and its record each): five entries, every one with its actor and project.
    expect(audited).toHaveLength(5);
    for (const entry of audited) expect(entry).toEqual({ actor_id: expect.any(Number), project_id: project.id });
  });
});
