import { Decision, DecisionList } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { createAccount } from '../support/freshData.ts';
import { createMeeting, dayFromToday, insertObstacle, projectIn, readMeeting, recordDecision, userId } from '../support/meetingFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

describe('decisions', () => {
  const t = useTestApp('demo');

  it('cannot close without a note, and close with one, once', async () => {
    const minister = await t.as(DEMO.minister);
    const meeting = await createMeeting(minister);
    const decision = await recordDecision(minister, t.db, meeting.id);
    expect(decision).toMatchObject({ meeting_id: meeting.id, status: 'open', is_overdue: false, days_overdue: 0, may_close: true, version: 1, closed_at: null });

    const missing = await expectProblem(await minister.post(`/api/decisions/${decision.id}/close`, { version: 1 }), 400, { parameter: 'closing_note' });
    expect(missing.detail).toMatch(/say in a few words what was done/);
    await expectProblem(await minister.post(`/api/decisions/${decision.id}/close`, { closing_note: '  ', version: 1 }), 400, { parameter: 'closing_note', detail: /what was done/ });
    expect((await minister.json<Decision>(`/api/decisions/${decision.id}`)).status).toBe('open');

    await expectProblem(await minister.post(`/api/decisions/${decision.id}/close`, { closing_note: 'Connected on Sunday', version: 9 }), 409);
    const res = await minister.post(`/api/decisions/${decision.id}/close`, { closing_note: 'Connected on Sunday', closing_document: 'Letter 14/2026', version: 1 });
    expect(res.status).toBe(200);
    const closed = Decision.parse(await res.json());
    expect(closed).toMatchObject({ status: 'closed', closing_note: 'Connected on Sunday', closing_document: 'Letter 14/2026', closed_by: expect.any(String), may_close: false, version: 2 });
    expect(Date.parse(closed.closed_at!)).toBeGreaterThan(Date.now() - 60_000);
    await expectProblem(await minister.post(`/api/decisions/${decision.id}/close`, { closing_note: 'Again', version: 2 }), 409, { detail: /already closed/ });
    await expectProblem(await minister.patch(`/api/decisions/${decision.id}`, { text: 'Changed after', version: 2 }), 409);

    const [logged] = await t.db.query<{ actor_id: number; new_values: Record<string, unknown> }>(
      `select actor_id, new_values from audit_log where table_name = 'decisions' and row_key = $1 and action = 'update' order by id desc limit 1`,
      [String(decision.id)],
    );
    expect(logged).toMatchObject({ actor_id: await userId(t.db, DEMO.minister), new_values: { status: 'closed', closing_note: 'Connected on Sunday' } });
  });

  it('show as overdue when open past their due date, and are listed by status, overdue, governorate and meeting', async () => {
    const admin = await t.as(DEMO.admin);
    const minister = await t.as(DEMO.minister);
    const project = await projectIn(admin, 'SY-DI');
    const obstacle = await insertObstacle(t.db, project, { level: 'minister' });
    const meeting = await createMeeting(minister, { held_on: dayFromToday(-20), freeze_days: 0 });
    const late = await recordDecision(minister, t.db, meeting.id, { obstacle_id: obstacle, due_date: dayFromToday(-10) });
    const onTime = await recordDecision(minister, t.db, meeting.id, { due_date: dayFromToday(10) });
    const closedLate = await recordDecision(minister, t.db, meeting.id, { due_date: dayFromToday(-5) });
    await minister.post(`/api/decisions/${closedLate.id}/close`, { closing_note: 'Done late', version: 1 });

    expect(late).toMatchObject({ is_overdue: true, days_overdue: 10, obstacle_id: obstacle, project: { id: project, governorate: 'SY-DI' } });
    expect(onTime).toMatchObject({ is_overdue: false, days_overdue: 0, project: null });
    const ids = async (query: string) => DecisionList.parse(await minister.json(`/api/decisions?meeting=${meeting.id}${query}`)).items.map((d) => d.id);
    expect(await ids('')).toEqual([late.id, closedLate.id, onTime.id]);
    expect(await ids('&overdue=true')).toEqual([late.id]);
    expect(await ids('&status=open')).toEqual([late.id, onTime.id]);
    expect(await ids('&status=closed')).toEqual([closedLate.id]);
    expect(await ids('&governorate=SY-DI&status=open')).toEqual([late.id]);
    expect(await ids('&country=LBY')).toEqual([]);
    const read = await readMeeting(minister, meeting.id);
    expect(read).toMatchObject({ open_decisions: 2, overdue_decisions: 1 });
    expect(read.decisions.find((d) => d.id === late.id)).toMatchObject({ is_overdue: true, days_overdue: 10 });
    await expectProblem(await minister.get('/api/decisions?overdue=yes'), 400, { parameter: 'overdue' });
    await expectProblem(await minister.get('/api/decisions?status=done'), 400, { parameter: 'status' });
  });

  it('are closed by organizers, their owner, or an engineer writing their project; read by the rest who see them', async () => {
    const admin = await t.as(DEMO.admin);
    const minister = await t.as(DEMO.minister);
    const owner = await createAccount(admin, { role: 'viewer' });
    const project = await projectIn(admin, 'SY-DI');
    const obstacle = await insertObstacle(t.db, project, { level: 'minister' });
    const meeting = await createMeeting(minister, { governorates: ['SY-DI'] });
    const onProject = await recordDecision(minister, t.db, meeting.id, { obstacle_id: obstacle });
    const owned = await recordDecision(minister, t.db, meeting.id, { owner_body_id: null, owner_user_id: owner.id });
    const note = { closing_note: 'Done and checked on site', version: 1 };

    const viewer = await t.as(DEMO.viewer);
    expect((await viewer.json<Decision>(`/api/decisions/${onProject.id}`)).may_close).toBe(false);
    await expectProblem(await viewer.post(`/api/decisions/${onProject.id}/close`, note), 403, { detail: /owner/ });
    await expectProblem(await (await t.as(DEMO.aleppoEngineer)).post(`/api/decisions/${onProject.id}/close`, note), 404);

    const engineer = await t.as(DEMO.engineer);
    expect((await engineer.json<Decision>(`/api/decisions/${onProject.id}`)).may_close).toBe(true);
    expect((await engineer.json<Decision>(`/api/decisions/${owned.id}`)).may_close).toBe(false);
    await expectProblem(await engineer.post(`/api/decisions/${owned.id}/close`, note), 403);
    expect((await engineer.post(`/api/decisions/${onProject.id}/close`, note)).status).toBe(200);

    const ownerClient = await t.as(owner.email, owner.password);
    expect((await ownerClient.json<Decision>(`/api/decisions/${owned.id}`)).may_close).toBe(true);
    const closed = await ownerClient.post(`/api/decisions/${owned.id}/close`, note);
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as Decision).closed_by).toBe(`Account ${owner.email}`);
  });

  it('are recorded with an owner that exists, on an obstacle and project the organizer sees, and changed at the version read', async () => {
    const admin = await t.as(DEMO.admin);
    const minister = await t.as(DEMO.minister);
    const project = await projectIn(admin, 'SY-DI');
    const other = await projectIn(admin, 'SY-HL');
    const obstacle = await insertObstacle(t.db, project, { level: 'minister' });
    const meeting = await createMeeting(minister);
    const [{ id: body } = { id: 0 }] = await t.db.query<{ id: number }>(`select id from responsible_bodies where name_en = 'Ministry of Finance' and country_iso3 = 'SYR'`);
    const [{ id: retired } = { id: 0 }] = await t.db.query<{ id: number }>(
      `insert into responsible_bodies (country_iso3, kind, name_ar, name_en, is_active) values ('SYR', 'agency', $1, 'A retired agency', false) returning id`,
      [`هيئة سابقة ${meeting.id}`],
    );
    const post = (fields: Record<string, unknown>) =>
      minister.post(`/api/meetings/${meeting.id}/decisions`, { text: 'Pay the contractor', owner_body_id: body, due_date: dayFromToday(7), ...fields });

    await expectProblem(await post({ owner_body_id: null }), 400, { parameter: 'owner_body_id', detail: /who must act/ });
    await expectProblem(await post({ owner_body_id: 999_999 }), 400, { parameter: 'owner_body_id', detail: /responsible-bodies/ });
    await expectProblem(await post({ owner_body_id: retired }), 400, { parameter: 'owner_body_id', detail: /no longer active/ });
    await expectProblem(await post({ owner_user_id: 999_999_999 }), 400, { parameter: 'owner_user_id' });
    await expectProblem(await post({ owner_user_id: 2 ** 40 }), 400, { parameter: 'owner_user_id' });
    await expectProblem(await post({ obstacle_id: 2 ** 53 - 1 }), 400, { parameter: 'obstacle_id' });
    await expectProblem(await post({ obstacle_id: 999_999_999 }), 400, { parameter: 'obstacle_id' });
    await expectProblem(await post({ obstacle_id: obstacle, project_id: other }), 400, { parameter: 'project_id', detail: /leave project_id out/ });
    await expectProblem(await post({ project_id: 999_999_999 }), 400, { parameter: 'project_id' });
    await expectProblem(await post({ due_date: '2026-02-30' }), 400, { parameter: 'due_date' });
    await expectProblem(await post({ text: '' }), 400, { parameter: 'text' });
    await expectProblem(await minister.post('/api/meetings/999999999/decisions', { text: 'Pay', owner_body_id: body, due_date: dayFromToday(7) }), 404);
    await expectProblem(await (await t.as(DEMO.engineer)).post(`/api/meetings/${meeting.id}/decisions`, { text: 'Pay', owner_body_id: body, due_date: dayFromToday(7) }), 404);
    expect(await t.db.query('select 1 from decisions where meeting_id = $1', [meeting.id])).toEqual([]);

    const decision = await recordDecision(minister, t.db, meeting.id, { project_id: other });
    expect(decision.project?.governorate).toBe('SY-HL');
    const res = await minister.patch(`/api/decisions/${decision.id}`, { due_date: dayFromToday(21), owner_user_id: await userId(t.db, DEMO.engineer), version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ due_date: dayFromToday(21), owner_user: { display_name: expect.any(String) }, version: 2 });
    const stale = await expectProblem(await minister.patch(`/api/decisions/${decision.id}`, { text: 'Pay now', version: 1 }), 409);
    expect((stale as unknown as { current_version: number }).current_version).toBe(2);
    await expectProblem(await minister.patch(`/api/decisions/${decision.id}`, { owner_body_id: null, owner_user_id: null, version: 2 }), 400, { parameter: 'owner_body_id' });
    await expectProblem(await (await t.as(DEMO.viewer)).patch(`/api/decisions/${decision.id}`, { text: 'Pay now', version: 2 }), 403);

    const [audit] = await t.db.query<{ actor_id: number; project_id: number }>(
      `select actor_id, project_id::int from audit_log where table_name = 'decisions' and row_key = $1 and action = 'insert'`,
      [String(decision.id)],
    );
    expect(audit).toEqual({ actor_id: await userId(t.db, DEMO.minister), project_id: other });

    const cancelled = await createMeeting(minister);
    await minister.patch(`/api/meetings/${cancelled.id}`, { status: 'cancelled', version: cancelled.version });
    await expectProblem(await minister.post(`/api/meetings/${cancelled.id}/decisions`, { text: 'Pay', owner_body_id: body, due_date: dayFromToday(7) }), 422);
  });
});
