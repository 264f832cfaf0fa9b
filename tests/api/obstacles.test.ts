import { describe, expect, it } from 'vitest';
import {
  CriticalProjectsCollection,
  Obstacle as ObstacleSchema,
  ObstacleHistory as ObstacleHistorySchema,
  ObstacleOverview,
  ObstaclePage as ObstaclePageSchema,
  ResponsibleBodyList,
  type HistoryList,
  type Obstacle,
  type ObstacleHistory,
  type ObstaclePage,
} from '@marsad/contracts';
import { DEMO, type Client } from '../support/client.ts';
import { pointIn } from '../support/fixtures.ts';
import { createProject, expectStatus, today, unique } from '../support/freshData.ts';
import { bodyId, raiseObstacle } from '../support/obstacleFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/** The obstacle register: raising, reading, changing, history, who sees and who may do what. */
describe('obstacles', () => {
  const t = useTestApp('demo');

  const auditOf = (id: number) =>
    t.db.query<{ action: string; actor_id: number | null; project_id: number | null; new_values: Record<string, unknown> | null }>(
      `select action, actor_id, project_id::int as project_id, new_values from audit_log where table_name = 'obstacles' and row_key = $1 order by id`,
      [String(id)],
    );
  const userId = async (email: string) => (await t.db.query<{ id: number }>('select id from users where email = $1', [email]))[0]!.id;

  it('are raised by an engineer on a project of their governorate, with who must act, and audited with the actor and project', async () => {
    const engineer = await t.as(DEMO.engineer);
    const project = await createProject(engineer);
    const obstacle = await raiseObstacle(engineer, project.id, {
      category: 'land', severity: 'high', description: 'The plot is claimed by two owners', estimated_delay_days: 90, target_date: '2099-01-31',
    });
    expect(obstacle).toMatchObject({
      project: { id: project.id, governorate: 'SY-DI' },
      category: 'land', severity: 'high', estimated_delay_days: 90, target_date: '2099-01-31',
      level: 'governorate', status: 'open', is_overdue: false, ended_at: null, resolution_note: null, proposal: null,
      must_act: { level: 'governorate', role: 'governorate_engineers', body: null },
      may_edit: true, may_escalate: true, version: 1,
    });
    expect(obstacle.raised_by).toEqual(expect.any(String));
    expect(await engineer.json(`/api/obstacles/${obstacle.id}`)).toEqual(obstacle);
    const [inserted] = await auditOf(obstacle.id);
    expect(inserted).toMatchObject({ action: 'insert', actor_id: await userId(DEMO.engineer), project_id: project.id });
    // Planners and the minister raise on any project too; their obstacles start at the governorate all the same.
    for (const who of [DEMO.planner, DEMO.minister, DEMO.admin]) {
      const raised = await raiseObstacle(await t.as(who), project.id);
      expect(raised.level, who).toBe('governorate');
    }
  });

  it("stay out of a project's history for those who may not see its obstacles (anonymous callers, another governorate's engineer)", async () => {
    const engineer = await t.as(DEMO.engineer);
    const project = await createProject(engineer, { is_published: true });
    const obstacle = await raiseObstacle(engineer, project.id, { title: unique('Land claimed twice') });
    await expectStatus(await engineer.post(`/api/obstacles/${obstacle.id}/escalate`, { reason: 'Needs the directorate', version: obstacle.version }), 200, 'escalating');
    const obstacleEntries = async (client: Client) =>
      (await client.json<HistoryList>(`/api/projects/${project.id}/history`)).items.filter((e) => e.table === 'obstacles' || e.table === 'obstacle_escalations');
    // Raised (insert), escalated (the obstacle's update and the escalation's row).
    const seen = await obstacleEntries(engineer);
    expect(seen.map((e) => `${e.table} ${e.action}`).sort()).toEqual(['obstacle_escalations insert', 'obstacles insert', 'obstacles update']);
    expect(await obstacleEntries(await t.as(DEMO.minister))).toEqual(seen);
    expect(await obstacleEntries(await t.as(DEMO.aleppoEngineer))).toEqual([]);
    expect(await obstacleEntries(t.anonymous)).toEqual([]);
    // The project's own entries are still there for them.
    expect((await t.anonymous.json<HistoryList>(`/api/projects/${project.id}/history`)).items.some((e) => e.table === 'projects')).toBe(true);
  });

  it('are raised only by those who may: engineers in their governorates, not viewers, donors or anonymous callers', async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    await expectStatus(await admin.request(`/api/projects/${project.id}/shares/undp`, { method: 'PUT' }), 204, 'sharing');
    const body = { project_id: project.id, title: 'Waiting for the land decision', category: 'land', severity: 'low' };
    await expectProblem(await (await t.as(DEMO.aleppoEngineer)).post('/api/obstacles', body), 403, { detail: /governorate/ });
    await expectProblem(await (await t.as(DEMO.viewer)).post('/api/obstacles', body), 403);
    await expectProblem(await (await t.as(DEMO.undpDonor)).post('/api/obstacles', body), 403);
    await expectProblem(await t.anonymous.post('/api/obstacles', body), 401);
    expect(await t.db.query('select 1 from obstacles where project_id = $1', [project.id])).toEqual([]);
  });

  it('refuse bad input with a 400 problem naming the field', async () => {
    const engineer = await t.as(DEMO.engineer);
    const project = await createProject(engineer);
    const good = { project_id: project.id, title: 'Contractor left the site', category: 'contractor', severity: 'high' };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x' }, 'title'],
      [{ category: 'weather' }, 'category'],
      [{ severity: 'urgent' }, 'severity'],
      [{ target_date: '2026-02-30' }, 'target_date'],
      [{ estimated_delay_days: -3 }, 'estimated_delay_days'],
      [{ responsible_body_id: 999_999 }, 'responsible_body_id'],
      [{ responsible_body_id: 2 ** 31 }, 'responsible_body_id'],
      [{ responsible_body_id: await libyanBody(engineer) }, 'responsible_body_id'],
      [{ project_id: 999_999_999 }, 'project_id'],
    ];
    for (const [change, parameter] of cases) await expectProblem(await engineer.post('/api/obstacles', { ...good, ...change }), 400, { parameter });
    const missing = await expectProblem(await engineer.post('/api/obstacles', { project_id: project.id }), 400);
    expect(missing.errors!.map((e) => e.parameter).sort()).toEqual(['category', 'severity', 'title']);
    await expectProblem(await engineer.get('/api/obstacles?severity=urgent'), 400, { parameter: 'severity' });
    await expectProblem(await engineer.get('/api/obstacles?proposed=yes'), 400, { parameter: 'proposed' });
    await expectProblem(await engineer.get('/api/obstacles/overview'), 400, { parameter: 'country' });
    await expectProblem(await engineer.get('/api/obstacles/abc'), 400, { parameter: 'id' });
    await expectProblem(await engineer.get(`/api/obstacles?body=${2 ** 31}`), 400, { parameter: 'body' });
    await expectProblem(await (await t.as(DEMO.planner)).patch(`/api/responsible-bodies/${2 ** 31}`, { is_active: true, version: 1 }), 400, { parameter: 'id' });
  });

  async function libyanBody(client: Client): Promise<number> {
    const { items } = await client.json<{ items: { id: number; country_iso3: string | null }[] }>('/api/responsible-bodies?country=LBY');
    return items.find((b) => b.country_iso3 === 'LBY')!.id;
  }

  it('are changed with the version read: stale → 409 with current_version; ending needs a note; an ended one is only reopened as open', async () => {
    const engineer = await t.as(DEMO.engineer);
    const project = await createProject(engineer);
    let obstacle = await raiseObstacle(engineer, project.id);
    const path = `/api/obstacles/${obstacle.id}`;
    const save = async (change: Record<string, unknown>) => (await (await expectStatus(await engineer.patch(path, change), 200, 'saving')).json()) as Obstacle;

    obstacle = await save({ severity: 'critical', status: 'in_progress', version: 1 });
    expect(obstacle).toMatchObject({ severity: 'critical', status: 'in_progress', version: 2 });
    const stale = await expectProblem(await engineer.patch(path, { title: 'Someone else’s title', version: 1 }), 409);
    expect((stale as unknown as { current_version: number }).current_version).toBe(2);

    // Waiting for another body names it, and then that body must act.
    await expectProblem(await engineer.patch(path, { status: 'waiting_other_body', version: 2 }), 400, { parameter: 'responsible_body_id' });
    const electricity = await bodyId(engineer, 'Ministry of Electricity');
    obstacle = await save({ status: 'waiting_other_body', responsible_body_id: electricity, version: 2 });
    expect(obstacle.must_act).toEqual({ level: 'governorate', role: 'responsible_body', body: { id: electricity, name_ar: 'وزارة الكهرباء', name_en: 'Ministry of Electricity' } });
    expect(obstacle.responsible_body).toMatchObject({ id: electricity, kind: 'ministry' });

    // Ending it needs a note; a note goes only with an ended status.
    for (const status of ['resolved', 'closed', 'dropped']) {
      await expectProblem(await engineer.patch(path, { status, version: 3 }), 400, { parameter: 'resolution_note' });
    }
    await expectProblem(await engineer.patch(path, { resolution_note: 'Too early', version: 3 }), 400, { parameter: 'resolution_note' });
    obstacle = await save({ status: 'resolved', resolution_note: 'The ministry connected the site', version: 3 });
    expect(obstacle).toMatchObject({ status: 'resolved', resolution_note: 'The ministry connected the site', may_escalate: false });
    const endedAt = obstacle.ended_at;
    expect(endedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Ended: confirmed as closed (ended_at kept), its note corrected; nothing else until reopened.
    obstacle = await save({ status: 'closed', version: obstacle.version });
    expect(obstacle).toMatchObject({ status: 'closed', ended_at: endedAt, resolution_note: 'The ministry connected the site' });
    await expectProblem(await engineer.patch(path, { title: 'A new title', version: obstacle.version }), 422);
    await expectProblem(await engineer.patch(path, { status: 'in_progress', version: obstacle.version }), 422);
    await expectProblem(await engineer.post(`${path}/escalate`, { reason: 'Still blocked', version: obstacle.version }), 409, { detail: /closed/ });
    obstacle = await save({ status: 'open', version: obstacle.version });
    expect(obstacle).toMatchObject({ status: 'open', ended_at: null, resolution_note: null, may_escalate: true });

    // Every change is in the audit log with its actor and project.
    const audit = await auditOf(obstacle.id);
    expect(audit.length).toBe(1 + 5);
    const engineerId = await userId(DEMO.engineer);
    for (const entry of audit) expect(entry).toMatchObject({ actor_id: engineerId, project_id: project.id });
  });

  it('have a history, newest first, in words: raised, each change, each escalation', async () => {
    const engineer = await t.as(DEMO.engineer);
    const project = await createProject(engineer);
    const obstacle = await raiseObstacle(engineer, project.id, { title: 'Fuel for the generators' });
    const finance = await bodyId(engineer, 'Ministry of Finance');
    await expectStatus(await engineer.patch(`/api/obstacles/${obstacle.id}`, { responsible_body_id: finance, severity: 'high', version: 1 }), 200, 'changing');
    await expectStatus(await engineer.post(`/api/obstacles/${obstacle.id}/escalate`, { reason: 'Needs the directorate', version: 2 }), 200, 'escalating');
    const { items } = await engineer.json<ObstacleHistory>(`/api/obstacles/${obstacle.id}/history`);
    expect(items.map((e) => e.kind)).toEqual(['escalated', 'changed', 'raised']);
    expect(items[0]).toMatchObject({ from_level: 'governorate', to_level: 'directorate', reason: 'Needs the directorate', was_proposed: false, actor: expect.any(String) });
    expect(items[1]!.changes).toEqual({ responsible_body: { from: null, to: 'وزارة المالية' }, severity: { from: 'medium', to: 'high' } });
    expect(items[2]!.changes).toMatchObject({ title: { from: null, to: 'Fuel for the generators' }, status: { from: null, to: 'open' }, level: { from: null, to: 'governorate' } });
    const english = await engineer.json<ObstacleHistory>(`/api/obstacles/${obstacle.id}/history?lang=en`);
    expect(english.items[1]!.changes.responsible_body).toEqual({ from: null, to: 'Ministry of Finance' });
    // The escalation is audited too, with its actor and project.
    const [escalation] = await t.db.query<{ actor_id: number; project_id: number }>(
      `select actor_id, project_id::int as project_id from audit_log where table_name = 'obstacle_escalations' and new_values ->> 'obstacle_id' = $1`,
      [String(obstacle.id)],
    );
    expect(escalation).toEqual({ actor_id: await userId(DEMO.engineer), project_id: project.id });
  });

  it('are listed with filters, most severe and oldest first, a page at a time', async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    const low = await raiseObstacle(admin, project.id, { severity: 'low' });
    const critical1 = await raiseObstacle(admin, project.id, { severity: 'critical', category: 'permits' });
    const critical2 = await raiseObstacle(admin, project.id, { severity: 'critical' });
    const high = await raiseObstacle(admin, project.id, { severity: 'high' });
    await t.db.query(`update obstacles set raised_at = now() - interval '10 days' where id = $1`, [critical2.id]);
    const list = async (query: string) => (await t.freshApp().as(DEMO.admin)).json<ObstaclePage>(`/api/obstacles?project=${project.id}${query}`);
    const all = await list('');
    expect(all.total).toBe(4);
    expect(all.items.map((o) => o.id)).toEqual([critical2.id, critical1.id, high.id, low.id]);
    const page = await list('&limit=2&offset=2');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(page.items.map((o) => o.id)).toEqual([high.id, low.id]);
    expect((await list('&severity=critical&category=permits')).items.map((o) => o.id)).toEqual([critical1.id]);
    expect((await list('&status=active&governorate=SY-DI&country=SYR&level=governorate')).total).toBe(4);
    expect((await list('&status=resolved')).total).toBe(0);
    expect((await list('&country=LBY')).total).toBe(0);
    expect((await list('&governorate=SY-HL')).total).toBe(0);
  });

  it('a write is seen by the next read of the cached list, overview and critical projects', async () => {
    const minister = await t.as(DEMO.minister);
    const project = await createProject(await t.as(DEMO.admin));
    const obstacle = await raiseObstacle(minister, project.id, { severity: 'critical' });
    const listPath = `/api/obstacles?project=${project.id}`;
    const first = await minister.get(listPath);
    expect(first.headers.get('x-read-cache')).toBe('miss');
    expect(((await first.json()) as ObstaclePage).items[0]!.severity).toBe('critical');
    expect((await minister.get(listPath)).headers.get('x-read-cache')).toBe('hit');
    const critical = async () => (await minister.json<{ features: { id: number }[] }>('/api/obstacles/critical-projects?country=SYR')).features.map((f) => f.id);
    const oldest = async () => (await minister.json<{ oldest_critical: Obstacle[] }>('/api/obstacles/overview?country=SYR')).oldest_critical.map((o) => o.id);
    expect(await critical()).toContain(project.id);
    // Raised long ago, so it would head the overview's oldest critical (the change moves its version to 2).
    await t.db.query(`update obstacles set raised_at = now() - interval '20 years' where id = $1`, [obstacle.id]);
    await expectStatus(await minister.patch(`/api/obstacles/${obstacle.id}`, { severity: 'high', version: 2 }), 200, 'lowering the severity');
    expect((await minister.json<ObstaclePage>(listPath)).items[0]!.severity).toBe('high');
    expect(await critical()).not.toContain(project.id);
    expect(await oldest()).not.toContain(obstacle.id);
    await expectStatus(await minister.patch(`/api/obstacles/${obstacle.id}`, { severity: 'critical', version: 3 }), 200, 'raising it again');
    expect(await critical()).toContain(project.id);
    expect((await oldest())[0]).toBe(obstacle.id);
  });

  describe('are seen by those who may see them only', () => {
    it('engineers see their governorates’, donors those on projects shared with them, anonymous callers none', async () => {
      const admin = await t.as(DEMO.admin);
      const damascus = await createProject(admin);
      const shared = await createProject(admin);
      const aleppo = await createProject(admin, { geometry: pointIn('SY-HL') });
      await expectStatus(await admin.request(`/api/projects/${shared.id}/shares/undp`, { method: 'PUT' }), 204, 'sharing');
      const marker = unique('Seen');
      const raise = (projectId: number) => raiseObstacle(admin, projectId, { title: `${marker} ${projectId}`, severity: 'critical' });
      const inDamascus = await raise(damascus.id);
      const onShared = await raise(shared.id);
      const inAleppo = await raise(aleppo.id);
      const ours = [inDamascus.id, onShared.id, inAleppo.id];
      const who: [string, Client, number[]][] = [
        ['minister', await t.as(DEMO.minister), ours],
        ['viewer', await t.as(DEMO.viewer), ours],
        ['planner', await t.as(DEMO.planner), ours],
        ['Damascus engineer', await t.as(DEMO.engineer), [inDamascus.id, onShared.id]],
        ['Aleppo engineer', await t.as(DEMO.aleppoEngineer), [inAleppo.id]],
        ['UNDP donor', await t.as(DEMO.undpDonor), [onShared.id]],
        ['GIZ donor', await t.as(DEMO.gizDonor), []],
        ['anonymous', t.anonymous, []],
      ];
      const projects = [damascus.id, shared.id, aleppo.id];
      for (const [name, client, expected] of who) {
        // The list (filtered to our projects), each obstacle, its history.
        const seen: number[] = [];
        for (const project of projects) seen.push(...(await client.json<ObstaclePage>(`/api/obstacles?project=${project}`)).items.map((o) => o.id));
        expect(seen.sort(), name).toEqual([...expected].sort());
        for (const id of ours) {
          const visible = expected.includes(id);
          expect((await client.get(`/api/obstacles/${id}`)).status, `${name} ${id}`).toBe(visible ? 200 : 404);
          expect((await client.get(`/api/obstacles/${id}/history`)).status, `${name} history ${id}`).toBe(visible ? 200 : 404);
        }
        // The map's critical projects and the overview count the same obstacles.
        const critical = (await client.json<{ features: { id: number }[] }>('/api/obstacles/critical-projects')).features.map((f) => f.id);
        for (const [project, obstacle] of [[damascus.id, inDamascus.id], [shared.id, onShared.id], [aleppo.id, inAleppo.id]] as const) {
          expect(critical.includes(project), `${name} critical ${project}`).toBe(expected.includes(obstacle));
        }
        const overview = await client.json<{ oldest_critical: Obstacle[]; by_level: { governorate: string }[]; totals: { active: number } }>(
          '/api/obstacles/overview?country=SYR',
        );
        // The demo's obstacles count too (a GIZ donor sees those on projects shared with GIZ); an anonymous caller sees none.
        if (name === 'anonymous') expect(overview.totals.active, name).toBe(0);
        const visibleAll = (await client.json<ObstaclePage>('/api/obstacles?country=SYR&status=active&limit=1000')).items.map((o) => o.id);
        expect(overview.totals.active, name).toBe(visibleAll.length);
        for (const id of ours) expect(visibleAll.includes(id), `${name} in the country's list: ${id}`).toBe(expected.includes(id));
        const inOldest = overview.oldest_critical.map((o) => o.id);
        for (const id of ours.filter((id) => !expected.includes(id))) expect(inOldest, name).not.toContain(id);
      }
      // An anonymous caller's list is empty, whatever obstacles exist.
      expect((await t.anonymous.json<ObstaclePage>('/api/obstacles')).total).toBe(0);
    });

    it('writers act only where they may: 404 for what they do not see, 403 for what they see but may not change', async () => {
      const admin = await t.as(DEMO.admin);
      const project = await createProject(admin);
      await expectStatus(await admin.request(`/api/projects/${project.id}/shares/undp`, { method: 'PUT' }), 204, 'sharing');
      const obstacle = await raiseObstacle(admin, project.id);
      const path = `/api/obstacles/${obstacle.id}`;
      const change = { title: 'Renamed by someone', version: 999 };
      await expectProblem(await (await t.as(DEMO.aleppoEngineer)).patch(path, change), 404);
      await expectProblem(await (await t.as(DEMO.gizDonor)).patch(path, change), 404);
      await expectProblem(await (await t.as(DEMO.undpDonor)).patch(path, change), 403);
      await expectProblem(await (await t.as(DEMO.viewer)).patch(path, change), 403);
      await expectProblem(await t.anonymous.patch(path, change), 401);
      await expectProblem(await (await t.as(DEMO.engineer)).patch(path, change), 409);
      await expectProblem(await (await t.as(DEMO.engineer)).patch('/api/obstacles/999999999', change), 404);
      const asViewer = await (await t.as(DEMO.viewer)).json<Obstacle>(path);
      expect(asViewer).toMatchObject({ may_edit: false, may_escalate: false });
      expect(await (await t.as(DEMO.planner)).json<Obstacle>(path)).toMatchObject({ may_edit: true, may_escalate: true });
    });
  });

  describe("the minister's overview", () => {
    it('counts by level and governorate, the oldest critical, who is awaited, raised vs resolved per month', async () => {
      const admin = await t.as(DEMO.admin);
      // Our own governorate-level counts: compare before and after raising our obstacles in Homs.
      const homs = await createProject(admin, { geometry: pointIn('SY-HI') });
      const before = await (await t.freshApp().as(DEMO.minister)).json<{ by_level: { governorate: string; level: string; count: number; critical: number }[]; totals: Record<string, number>; waiting: { body: { id: number }; count: number }[]; monthly: { month: string; raised: number; resolved: number }[] }>(
        '/api/obstacles/overview?country=SYR',
      );
      const water = await bodyId(admin, 'Ministry of Water Resources');
      const critical = await raiseObstacle(admin, homs.id, { severity: 'critical', target_date: '2020-01-01' });
      const waiting = await raiseObstacle(admin, homs.id, { severity: 'high', responsible_body_id: water });
      await expectStatus(await admin.patch(`/api/obstacles/${waiting.id}`, { status: 'waiting_other_body', version: 1 }), 200, 'waiting');
      const solved = await raiseObstacle(admin, homs.id, { severity: 'low' });
      await expectStatus(await admin.patch(`/api/obstacles/${solved.id}`, { status: 'resolved', resolution_note: 'Done', version: 1 }), 200, 'resolving');
      await expectStatus(await admin.post(`/api/obstacles/${waiting.id}/escalate`, { reason: 'The directorate must call the ministry', version: 2 }), 200, 'escalating');

      const after = await (await t.as(DEMO.minister)).json<typeof before & { country: string; oldest_critical: Obstacle[]; overdue_decisions: unknown[] }>(
        '/api/obstacles/overview?country=SYR',
      );
      expect(after.country).toBe('SYR');
      const cell = (o: typeof before, level: string) => o.by_level.find((r) => r.governorate === 'SY-HI' && r.level === level) ?? { count: 0, critical: 0 };
      expect(cell(after, 'governorate').count - cell(before, 'governorate').count).toBe(1);
      expect(cell(after, 'governorate').critical - cell(before, 'governorate').critical).toBe(1);
      expect(cell(after, 'directorate').count - cell(before, 'directorate').count).toBe(1);
      const delta = (key: string) => after.totals[key]! - before.totals[key]!;
      expect([delta('active'), delta('critical'), delta('overdue'), delta('proposed'), delta('waiting_other_bodies')]).toEqual([2, 1, 1, 1, 1]);
      expect(after.totals.overdue_decisions).toBeGreaterThanOrEqual(after.overdue_decisions.length);
      expect(after.oldest_critical.length).toBeLessThanOrEqual(10);
      // Ours is among the oldest ten unless ten older ones fill the list.
      if (after.oldest_critical.length < 10) expect(after.oldest_critical.map((o) => o.id)).toContain(critical.id);
      expect(after.oldest_critical.every((o) => o.severity === 'critical' && ['open', 'in_progress', 'waiting_other_body'].includes(o.status))).toBe(true);
      const since = after.oldest_critical.map((o) => o.raised_at);
      expect(since).toEqual([...since].sort());
      const awaited = (o: typeof before) => o.waiting.find((w) => w.body.id === water)?.count ?? 0;
      expect(awaited(after) - awaited(before)).toBe(1);
      expect(after.monthly).toHaveLength(12);
      const month = today().slice(0, 7);
      expect(after.monthly[11]!.month).toBe(month);
      const thisMonth = (o: typeof before) => o.monthly.find((m) => m.month === month)!;
      expect(thisMonth(after).raised - thisMonth(before).raised).toBe(3);
      expect(thisMonth(after).resolved - thisMonth(before).resolved).toBe(1);
    });

    it('lists overdue decisions the caller may see, with their count', async () => {
      const admin = await t.as(DEMO.admin);
      const project = await createProject(admin, { geometry: pointIn('SY-HL') });
      const text = unique('Decision');
      const [meeting] = await t.db.query<{ id: number }>(
        `insert into meetings (country_iso3, level, title_ar, held_on, freeze_days) values ('SYR', 'minister', 'اجتماع المتابعة', current_date - 500, 7) returning id`,
      );
      const body = await bodyId(admin, 'Ministry of Finance');
      await t.db.query(
        // Overdue longer than any of the demo's, so it heads the overview's list (the longest overdue first).
        `insert into decisions (meeting_id, project_id, text, owner_body_id, due_date) values ($1, $2, $3, $4, current_date - 450)`,
        [meeting!.id, project.id, text, body],
      );
      const overview = async (email: string) =>
        (await t.freshApp().as(email)).json<{ totals: { overdue_decisions: number }; overdue_decisions: { text: string; days_overdue: number; owner: string }[] }>(
          '/api/obstacles/overview?country=SYR&lang=en',
        );
      const minister = await overview(DEMO.minister);
      expect(minister.overdue_decisions.find((d) => d.text === text)).toMatchObject({ days_overdue: 450, owner: 'Ministry of Finance' });
      expect(minister.totals.overdue_decisions).toBeGreaterThanOrEqual(1);
      const damascusEngineer = await overview(DEMO.engineer);
      expect(damascusEngineer.overdue_decisions.some((d) => d.text === text)).toBe(false);
      expect(damascusEngineer.totals.overdue_decisions).toBeLessThan(minister.totals.overdue_decisions);
    });
  });

  it("answer in the contracts' shapes, for every kind of reader", async () => {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin);
    await expectStatus(await admin.request(`/api/projects/${project.id}/shares/undp`, { method: 'PUT' }), 204, 'sharing');
    const water = await bodyId(admin, 'Ministry of Water Resources');
    const obstacle = await raiseObstacle(admin, project.id, { severity: 'critical', target_date: '2021-06-30', responsible_body_id: water, description: 'Pipes' });
    await expectStatus(await admin.patch(`/api/obstacles/${obstacle.id}`, { status: 'waiting_other_body', version: 1 }), 200, 'waiting');
    await expectStatus(await admin.post(`/api/obstacles/${obstacle.id}/escalate`, { reason: 'The ministry must decide', to_level: 'minister', version: 2 }), 200, 'escalating');
    for (const who of [DEMO.minister, DEMO.engineer, DEMO.undpDonor]) {
      const client = await t.as(who);
      ObstacleSchema.parse(await client.json(`/api/obstacles/${obstacle.id}`));
      ObstaclePageSchema.parse(await client.json(`/api/obstacles?project=${project.id}`));
      ObstacleHistorySchema.parse(await client.json(`/api/obstacles/${obstacle.id}/history`));
      ObstacleOverview.parse(await client.json('/api/obstacles/overview?country=SYR'));
      CriticalProjectsCollection.parse(await client.json('/api/obstacles/critical-projects?country=SYR'));
      ResponsibleBodyList.parse(await client.json('/api/responsible-bodies?country=SYR&all=true'));
    }
    const res = await t.anonymous.get('/api/obstacles/critical-projects');
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(CriticalProjectsCollection.parse(await res.json()).features).toEqual([]);
  });

  describe('responsible bodies', () => {
    it('are listed to signed-in users: a country’s and the international ones, active only unless all=true', async () => {
      await expectProblem(await t.anonymous.get('/api/responsible-bodies'), 401);
      const donor = await t.as(DEMO.undpDonor);
      const { items } = await donor.json<{ items: { country_iso3: string | null; name_en: string | null; is_active: boolean }[] }>('/api/responsible-bodies?country=LBY');
      expect(new Set(items.map((b) => b.country_iso3))).toEqual(new Set(['LBY', null]));
      expect(items.some((b) => b.name_en === 'United Nations Development Programme')).toBe(true);
      await expectProblem(await donor.get('/api/responsible-bodies?country=libya'), 400, { parameter: 'country' });
    });

    it('are kept by admins, the minister and planners; a taken name is a 409; inactive ones leave the list', async () => {
      const planner = await t.as(DEMO.planner);
      const name = unique('هيئة');
      const res = await expectStatus(await planner.post('/api/responsible-bodies', { country_iso3: 'SYR', kind: 'agency', name_ar: name }), 201, 'adding');
      const body = (await res.json()) as { id: number; version: number; is_active: boolean; name_en: string | null };
      expect(body).toMatchObject({ is_active: true, name_en: null, version: 1 });
      const taken = await expectProblem(await planner.post('/api/responsible-bodies', { country_iso3: 'SYR', kind: 'ministry', name_ar: ` ${name.toUpperCase()} ` }), 409);
      expect(taken.detail).toContain(name);
      // The same name in another country is another body.
      await expectStatus(await planner.post('/api/responsible-bodies', { country_iso3: 'LBY', kind: 'agency', name_ar: name }), 201, 'adding in Libya');
      for (const who of [DEMO.engineer, DEMO.viewer, DEMO.undpDonor]) {
        await expectProblem(await (await t.as(who)).post('/api/responsible-bodies', { country_iso3: 'SYR', kind: 'agency', name_ar: 'جهة أخرى' }), 403);
      }
      await expectProblem(await planner.post('/api/responsible-bodies', { country_iso3: 'SYR', kind: 'club', name_ar: 'ن' }), 400);
      await expectProblem(await planner.post('/api/responsible-bodies', { country_iso3: 'XXX', kind: 'agency', name_ar: 'جهة بلا بلد' }), 400, { parameter: 'country_iso3' });

      const minister = await t.as(DEMO.minister);
      const changed = await expectStatus(await minister.patch(`/api/responsible-bodies/${body.id}`, { is_active: false, name_en: 'An agency', version: 1 }), 200, 'deactivating');
      expect(await changed.json()).toMatchObject({ is_active: false, name_en: 'An agency', version: 2 });
      await expectProblem(await minister.patch(`/api/responsible-bodies/${body.id}`, { is_active: true, version: 1 }), 409);
      await expectProblem(await minister.patch(`/api/responsible-bodies/${body.id}`, { name_ar: 'وزارة الكهرباء', version: 2 }), 409, { detail: /already has/ });
      await expectProblem(await minister.patch('/api/responsible-bodies/999999', { is_active: true, version: 1 }), 404);
      const active = await minister.json<{ items: { id: number }[] }>('/api/responsible-bodies?country=SYR');
      expect(active.items.map((b) => b.id)).not.toContain(body.id);
      const all = await minister.json<{ items: { id: number }[] }>('/api/responsible-bodies?country=SYR&all=true');
      expect(all.items.map((b) => b.id)).toContain(body.id);
      // An inactive body is not named by new obstacles.
      const project = await createProject(await t.as(DEMO.engineer));
      await expectProblem(
        await (await t.as(DEMO.engineer)).post('/api/obstacles', { project_id: project.id, title: 'Waiting for the agency', category: 'other', severity: 'low', responsible_body_id: body.id }),
        400,
        { parameter: 'responsible_body_id' },
      );
      const [logged] = await t.db.query<{ actor_id: number | null }>(`select actor_id from audit_log where table_name = 'responsible_bodies' and row_key = $1 and action = 'update'`, [String(body.id)]);
      expect(logged!.actor_id).toBe(await userId(DEMO.minister));
    });
  });
});
