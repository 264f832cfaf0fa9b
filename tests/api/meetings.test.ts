import type { Meeting } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import {
  agendaIds,
  createMeeting,
  dayFromToday,
  escalateObstacle,
  insertObstacle,
  listMeetings,
  projectIn,
  readMeeting,
  recordDecision,
  resolveObstacle,
  userId,
} from '../support/meetingFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

describe('meetings', () => {
  const t = useTestApp('demo');

  it('have an agenda that follows the live obstacles until it freezes, and never changes after', async () => {
    const admin = await t.as(DEMO.admin);
    const minister = await t.as(DEMO.minister);
    const project = await projectIn(admin, 'SY-DI');
    const critical = await insertObstacle(t.db, project, { level: 'minister', severity: 'critical' });
    const high = await insertObstacle(t.db, project, { level: 'minister', severity: 'high' });
    const below = await insertObstacle(t.db, project, { level: 'governorate' });
    const ended = await insertObstacle(t.db, project, { level: 'minister', status: 'resolved' });

    const meeting = await createMeeting(minister, { project_ids: [project], held_on: dayFromToday(30), freeze_days: 7 });
    expect(meeting).toMatchObject({ agenda_frozen: false, freeze_days: 7, freezes_on: dayFromToday(23), project_ids: [project], status: 'scheduled', may_edit: true });
    expect(agendaIds(meeting.agenda)).toEqual([critical, high]);
    expect(meeting.agenda_items).toBe(2);

    // Before it freezes, the agenda is the live obstacles at its level in its scope.
    const added = await insertObstacle(t.db, project, { level: 'minister', severity: 'medium' });
    await resolveObstacle(t.db, high);
    expect(agendaIds((await readMeeting(minister, meeting.id)).agenda)).toEqual([critical, added]);

    const frozen = (await (await minister.post(`/api/meetings/${meeting.id}/freeze`)).json()) as Meeting;
    expect(frozen.agenda_frozen).toBe(true);
    expect(agendaIds(frozen.agenda)).toEqual([critical, added]);
    expect(frozen.agenda[1]).toMatchObject({ position: 2, severity: 'medium', level: 'minister', status: 'open', project: { id: project, governorate: 'SY-DI' } });

    // After: new obstacles, resolved, escalated or renamed ones leave it as it froze.
    await insertObstacle(t.db, project, { level: 'minister', severity: 'critical' });
    await resolveObstacle(t.db, critical);
    await escalateObstacle(t.db, below, 'minister');
    await t.db.query(`update obstacles set title = 'Renamed after the freeze', severity = 'low' where id = $1`, [added]);
    const after = await readMeeting(minister, meeting.id);
    expect(after.agenda).toEqual(frozen.agenda);
    expect(after.agenda[0]).toMatchObject({ obstacle_id: critical, status: 'open' });
    expect(after.agenda[1]).toMatchObject({ obstacle_id: added, title: 'Waiting for the land decision', severity: 'medium' });
    expect(after.agenda_items).toBe(2);
    expect(agendaIds(after.agenda)).not.toContain(ended);

    // Freezing again changes nothing; the database refuses any change of a frozen agenda.
    expect(agendaIds(((await (await minister.post(`/api/meetings/${meeting.id}/freeze`)).json()) as Meeting).agenda)).toEqual([critical, added]);
    expect(await t.db.query('select obstacle_id::int from meeting_agenda_items where meeting_id = $1 order by position', [meeting.id])).toEqual([
      { obstacle_id: critical },
      { obstacle_id: added },
    ]);
    await expect(t.db.query(`delete from meeting_agenda_items where meeting_id = $1`, [meeting.id])).rejects.toThrow(/frozen agenda/);

    // The freeze is audited as the organizer's.
    const audited = await t.db.query<{ actor_id: number }>(
      `select distinct actor_id from audit_log where table_name = 'meeting_agenda_items' and new_values->>'meeting_id' = $1`,
      [String(meeting.id)],
    );
    expect(audited).toEqual([{ actor_id: await userId(t.db, DEMO.minister) }]);
  });

  it('freeze at the first read or write on or after freezes_on, once, however many ask at once', async () => {
    const admin = await t.as(DEMO.admin);
    const planner = await t.as(DEMO.planner);
    const project = await projectIn(admin, 'SY-DI');
    const first = await insertObstacle(t.db, project, { level: 'directorate' });
    const second = await insertObstacle(t.db, project, { level: 'directorate', severity: 'high' });

    // Created after its freezes_on: frozen at once.
    const late = await createMeeting(planner, { level: 'directorate', project_ids: [project], held_on: dayFromToday(3), freeze_days: 7 });
    expect(late).toMatchObject({ agenda_frozen: true, freezes_on: dayFromToday(-4) });
    expect(agendaIds(late.agenda)).toEqual([first, second]);

    // Created early; its day then comes (moved here with SQL, as time would): the first readers freeze it, once.
    const early = await createMeeting(planner, { level: 'directorate', project_ids: [project], held_on: dayFromToday(40) });
    expect(early.agenda_frozen).toBe(false);
    await t.db.query(`update meetings set held_on = current_date + 2 where id = $1`, [early.id]);
    const engineer = await t.as(DEMO.engineer);
    const reads = await Promise.all([readMeeting(engineer, early.id), readMeeting(planner, early.id), readMeeting(engineer, early.id)]);
    for (const read of reads) expect(read).toMatchObject({ agenda_frozen: true, agenda_items: 2 });
    expect(await t.db.query('select count(*)::int as n from meeting_agenda_items where meeting_id = $1', [early.id])).toEqual([{ n: 2 }]);
    await insertObstacle(t.db, project, { level: 'directorate' });
    expect(agendaIds((await readMeeting(planner, early.id)).agenda)).toEqual([first, second]);

    // A list freezes the due ones it shows before counting.
    const listed = await createMeeting(planner, { level: 'directorate', project_ids: [project], held_on: dayFromToday(40) });
    await t.db.query(`update meetings set held_on = current_date where id = $1`, [listed.id]);
    const list = await listMeetings(planner, `?from=${dayFromToday(0)}&to=${dayFromToday(0)}`);
    expect(list.items.find((m) => m.id === listed.id)).toMatchObject({ agenda_frozen: true, agenda_items: 3, freezes_on: dayFromToday(-7) });
  });

  it('are changed at the version read; held_on stays once the agenda froze; a held meeting stays held', async () => {
    const minister = await t.as(DEMO.minister);
    const meeting = await createMeeting(minister, { held_on: dayFromToday(30) });
    const moved = await minister.patch(`/api/meetings/${meeting.id}`, { held_on: dayFromToday(31), minutes: 'Opened by the minister', version: meeting.version });
    expect(moved.status).toBe(200);
    const changed = (await moved.json()) as Meeting;
    expect(changed).toMatchObject({ held_on: dayFromToday(31), freezes_on: dayFromToday(24), minutes: 'Opened by the minister', version: meeting.version + 1 });

    const stale = await expectProblem(await minister.patch(`/api/meetings/${meeting.id}`, { title_ar: 'عنوان آخر', version: meeting.version }), 409);
    expect((stale as unknown as { current_version: number }).current_version).toBe(changed.version);

    // Moved close enough to freeze: the change freezes it; after that the day stays.
    const soon = (await (await minister.patch(`/api/meetings/${meeting.id}`, { held_on: dayFromToday(2), version: changed.version })).json()) as Meeting;
    expect(soon.agenda_frozen).toBe(true);
    await expectProblem(await minister.patch(`/api/meetings/${meeting.id}`, { held_on: dayFromToday(5), version: soon.version }), 422, { detail: /held_on cannot move/ });

    const held = (await (await minister.patch(`/api/meetings/${meeting.id}`, { status: 'held', version: soon.version })).json()) as Meeting;
    expect(held.status).toBe('held');
    await expectProblem(await minister.patch(`/api/meetings/${meeting.id}`, { status: 'cancelled', version: held.version }), 422, { detail: /stays held/ });
    // Every change audited as its writer's.
    const actors = await t.db.query<{ action: string; actor_id: number | null }>(
      `select action, actor_id from audit_log where table_name = 'meetings' and row_key = $1 order by id`,
      [String(meeting.id)],
    );
    expect(actors.length).toBeGreaterThanOrEqual(5);
    expect(new Set(actors.map((a) => a.actor_id))).toEqual(new Set([await userId(t.db, DEMO.minister)]));
  });

  it('refuse bad input with a 400 naming the field, and unknown governorates, projects and organizations by name', async () => {
    const minister = await t.as(DEMO.minister);
    const base = { country_iso3: 'SYR', level: 'minister', title_ar: 'اجتماع', held_on: dayFromToday(10) };
    await expectProblem(await minister.post('/api/meetings', { ...base, level: 'galaxy' }), 400, { parameter: 'level' });
    await expectProblem(await minister.post('/api/meetings', { ...base, held_on: '2026-02-30' }), 400, { parameter: 'held_on' });
    await expectProblem(await minister.post('/api/meetings', { ...base, freeze_days: 90 }), 400, { parameter: 'freeze_days' });
    await expectProblem(await minister.post('/api/meetings', { ...base, governorates: ['SY-DI', 'LY-MI'] }), 400, { parameter: 'governorates', detail: /LY-MI/ });
    await expectProblem(await minister.post('/api/meetings', { ...base, project_ids: [999_999_999] }), 400, { parameter: 'project_ids', detail: /999999999/ });
    await expectProblem(await minister.post('/api/meetings', { ...base, organizations: ['undp', 'no-such-body'] }), 400, { parameter: 'organizations', detail: /no-such-body/ });
    await expectProblem(await minister.get('/api/meetings?from=2026-13-01'), 400, { parameter: 'from' });
    await expectProblem(await minister.get('/api/meetings/abc'), 400, { parameter: 'id' });
    await expectProblem(await minister.get('/api/meetings/999999999'), 404);
    // Ids past the integer columns are refused, not sent to the database.
    await expectProblem(await minister.get('/api/meetings/2147483648'), 400, { parameter: 'id' });
    await expectProblem(await minister.post('/api/meetings/9007199254740991/freeze'), 400, { parameter: 'id' });
    await expectProblem(await minister.get('/api/decisions?meeting=2147483648'), 400, { parameter: 'meeting' });
    await expectProblem(await minister.get('/api/decisions/9007199254740991'), 404);
    const meeting = await createMeeting(minister);
    await expectProblem(await minister.patch(`/api/meetings/${meeting.id}`, { status: 'postponed', version: meeting.version }), 400, { parameter: 'status' });
    // The default freeze is the server's MEETING_AGENDA_FREEZE_DAYS (7).
    const res = await minister.post('/api/meetings', { ...base, held_on: dayFromToday(20) });
    expect(((await res.json()) as Meeting).freeze_days).toBe(7);
  });

  it('are seen by engineers of the governorates they cover, with only their projects’ agenda items', async () => {
    const admin = await t.as(DEMO.admin);
    const minister = await t.as(DEMO.minister);
    const damascus = await projectIn(admin, 'SY-DI');
    const aleppo = await projectIn(admin, 'SY-HL');
    const inDamascus = await insertObstacle(t.db, damascus, { level: 'inter_ministerial' });
    const inAleppo = await insertObstacle(t.db, aleppo, { level: 'inter_ministerial' });
    const both = await createMeeting(minister, { level: 'inter_ministerial', governorates: ['SY-DI', 'SY-HL'] });
    const aleppoOnly = await createMeeting(minister, { level: 'inter_ministerial', governorates: ['SY-HL'] });
    const mine = [inDamascus, inAleppo];
    const ours = (m: Meeting) => agendaIds(m.agenda).filter((id) => mine.includes(id));
    expect(ours(both)).toEqual(mine);

    const engineer = await t.as(DEMO.engineer);
    const aleppoEngineer = await t.as(DEMO.aleppoEngineer);
    for (const frozen of [false, true]) {
      if (frozen) await minister.post(`/api/meetings/${both.id}/freeze`);
      const seen = await readMeeting(engineer, both.id);
      expect(seen.agenda_frozen).toBe(frozen);
      expect(seen.agenda_items).toBe(seen.agenda.length);
      expect(ours(seen)).toEqual([inDamascus]);
      expect(seen.agenda.every((item) => item.project.governorate === 'SY-DI')).toBe(true);
      expect(seen.may_edit).toBe(false);
      expect(ours(await readMeeting(aleppoEngineer, both.id))).toEqual([inAleppo]);
    }
    await expectProblem(await engineer.get(`/api/meetings/${aleppoOnly.id}`), 404);
    const listed = (await listMeetings(engineer, '?country=SYR')).items.map((m) => m.id);
    expect(listed).toContain(both.id);
    expect(listed).not.toContain(aleppoOnly.id);
    // Seen is not run: 403 for writes, 404 where not seen.
    await expectProblem(await engineer.patch(`/api/meetings/${both.id}`, { minutes: 'x', version: 1 }), 403);
    await expectProblem(await engineer.post(`/api/meetings/${both.id}/freeze`), 403);
    await expectProblem(await engineer.patch(`/api/meetings/${aleppoOnly.id}`, { minutes: 'x', version: 1 }), 404);
    await expectProblem(await engineer.post('/api/meetings', { country_iso3: 'SYR', level: 'minister', title_ar: 'اجتماع', held_on: dayFromToday(9) }), 403);
  });

  it('of a follow-up committee are seen by the donor taking part, with only the items and decisions on projects shared with it', async () => {
    const admin = await t.as(DEMO.admin);
    const minister = await t.as(DEMO.minister);
    const shared = await projectIn(admin, 'SY-HL');
    const unshared = await projectIn(admin, 'SY-HL');
    expect((await admin.put(`/api/projects/${shared}/shares/undp`)).status).toBe(204);
    const onShared = await insertObstacle(t.db, shared, { level: 'inter_ministerial' });
    const onUnshared = await insertObstacle(t.db, unshared, { level: 'inter_ministerial', severity: 'high' });
    const committee = await createMeeting(minister, { level: 'inter_ministerial', project_ids: [shared, unshared], organizations: ['undp'] });
    const sharedDecision = await recordDecision(minister, t.db, committee.id, { obstacle_id: onShared });
    const unsharedDecision = await recordDecision(minister, t.db, committee.id, { obstacle_id: onUnshared });
    const general = await recordDecision(minister, t.db, committee.id, { text: 'Report on the agreement monthly' });
    expect(sharedDecision.project?.id).toBe(shared);
    const elsewhere = await createMeeting(minister, { level: 'inter_ministerial', project_ids: [unshared] });

    const donor = await t.as(DEMO.undpDonor);
    for (const frozen of [false, true]) {
      if (frozen) await minister.post(`/api/meetings/${committee.id}/freeze`);
      const seen = await readMeeting(donor, committee.id);
      expect(seen).toMatchObject({ organizations: ['undp'], agenda_frozen: frozen, agenda_items: 1, open_decisions: 2 });
      expect(agendaIds(seen.agenda)).toEqual([onShared]);
      expect(seen.decisions.map((d) => d.id).sort()).toEqual([sharedDecision.id, general.id].sort());
      expect(agendaIds((await readMeeting(minister, committee.id)).agenda)).toEqual([onShared, onUnshared]);
    }
    await expectProblem(await donor.get(`/api/meetings/${elsewhere.id}`), 404);
    await expectProblem(await donor.get(`/api/decisions/${unsharedDecision.id}`), 404);
    const decisions = (await donor.json<{ items: { id: number }[] }>(`/api/decisions?meeting=${committee.id}`)).items.map((d) => d.id);
    expect(decisions.sort()).toEqual([sharedDecision.id, general.id].sort());
    expect((await (await t.as(DEMO.gizDonor)).get(`/api/meetings/${committee.id}`)).status).toBe(404);
  });

  it('are nothing to anonymous callers: asked to sign in', async () => {
    const meeting = await createMeeting(await t.as(DEMO.minister));
    await expectProblem(await t.anonymous.get('/api/meetings'), 401);
    await expectProblem(await t.anonymous.get(`/api/meetings/${meeting.id}`), 401);
    await expectProblem(await t.anonymous.post('/api/meetings', { country_iso3: 'SYR' }), 401);
    await expectProblem(await t.anonymous.get('/api/decisions'), 401);
  });
});
