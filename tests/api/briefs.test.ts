import { BriefData } from '@marsad/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { addDecision, addMeeting, addObstacle, daysFromToday, projectIn, responsibleBody } from '../support/briefFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/** The brief's JSON (what the print page draws): scoped to its requester, in Arabic or English. */
describe('briefs (JSON)', () => {
  const t = useTestApp('demo');
  const brief = async (email: string, path: string) => BriefData.parse(await (await t.as(email)).json(`/api/briefs${path}`));
  const projectIds = (b: BriefData) => new Set([...b.delayed_projects, ...b.stalled_projects].map((p) => p.id).concat(b.map.projects.map((p) => p.id)));

  let fixtures: { damascus: number; aleppo: number; hidden: number; meeting: number; aleppoMeeting: number; shared: { id: number; title_ar: string }; notShared: number; body: number };
  beforeAll(async () => {
    const db = t.db;
    // This file's own database copy holds only the obstacles, meetings and decisions it writes, so
    // each brief's lists and counts are checked exactly (the demo data may have its own).
    await db.query('delete from decisions');
    await db.query('delete from meetings');
    await db.query('delete from obstacles');
    const electricity = await responsibleBody(db, 'وزارة الكهرباء (اختبار الموجز)', 'Ministry of Electricity (brief test)');
    const shared = await projectIn(db, 'SY-DI', { with: 'undp', is: true });
    const notShared = await projectIn(db, 'SY-DI', { with: 'undp', is: false });
    const aleppo = await projectIn(db, 'SY-HL');
    const damascus = await addObstacle(db, shared.id, { title: 'Waiting for the substation feed', severity: 'critical', status: 'waiting_other_body', bodyId: electricity, targetDate: daysFromToday(-10) });
    const hidden = await addObstacle(db, notShared.id, { title: 'Land title disputed', severity: 'medium' });
    const onAleppo = await addObstacle(db, aleppo.id, { title: 'Contractor unpaid for three months', severity: 'high' });
    await addObstacle(db, aleppo.id, { title: 'Resolved long ago', status: 'resolved' });
    const meeting = await addMeeting(db, { title_ar: 'اجتماع المحافظين', title_en: 'Governors meeting', heldOn: daysFromToday(20), governorates: ['SY-DI'] });
    await addDecision(db, meeting, { text: 'Connect the substation within a month', dueDate: daysFromToday(-5), projectId: shared.id, bodyId: electricity });
    await addDecision(db, meeting, { text: 'Settle the land title', dueDate: daysFromToday(30), projectId: notShared.id, bodyId: electricity });
    const aleppoMeeting = await addMeeting(db, { title_ar: 'اجتماع حلب', title_en: 'Aleppo meeting', heldOn: daysFromToday(3), governorates: ['SY-HL'] });
    fixtures = { damascus, aleppo: onAleppo, hidden, meeting, aleppoMeeting, shared, notShared: notShared.id, body: electricity };
  });

  it('are for signed-in users only: anonymous callers get 401', async () => {
    for (const path of ['/governorates/SY-DI', '/governorates/SY-DI.pdf', '/countries/SYR', `/meetings/${fixtures.meeting}`]) {
      await expectProblem(await t.anonymous.get(`/api/briefs${path}`), 401, { detail: /sign in/i });
    }
  });

  it('answer 404 for an unknown governorate, country or meeting, 400 for a malformed key or language', async () => {
    const minister = await t.as(DEMO.minister);
    await expectProblem(await minister.get('/api/briefs/governorates/SY-ZZ'), 404, { detail: /SY-ZZ/ });
    await expectProblem(await minister.get('/api/briefs/governorates/SY-ZZ.pdf'), 404, { detail: /SY-ZZ/ });
    await expectProblem(await minister.get('/api/briefs/countries/XXX'), 404, { detail: /XXX/ });
    await expectProblem(await minister.get('/api/briefs/meetings/999999'), 404);
    await expectProblem(await minister.get('/api/briefs/governorates/damascus'), 400, { parameter: 'code' });
    await expectProblem(await minister.get('/api/briefs/governorates/SY-DI.docx'), 400, { parameter: 'code' });
    await expectProblem(await minister.get('/api/briefs/governorates/SY-DI?lang=fr'), 400, { parameter: 'lang' });
  });

  it("a governorate's brief for the ministry: KPIs as the summaries count them, the map, tables, obstacles and overdue decisions", async () => {
    const minister = await t.as(DEMO.minister);
    const b = await brief(DEMO.minister, '/governorates/SY-DI');
    const summary = await minister.json('/api/summaries/governorates/SY-DI');
    expect(b).toMatchObject({ kind: 'governorate', language: 'ar', shared_only_with: null, country: { code: 'SYR' }, governorate: { code: 'SY-DI', name_en: 'Damascus' } });
    expect(b.requester.display_name).toMatch(/minister/i);
    const { governorate, country, name_en, name_ar, name_ar_short, ...metrics } = summary.governorate;
    expect([governorate, country, name_en, name_ar, name_ar_short]).toHaveLength(5);
    expect(b.kpis).toEqual(metrics);
    // The map: Damascus simplified, Rif Dimashq around it, every visible project a point.
    expect(b.map.areas.map((a) => a.code)).toEqual(['SY-DI']);
    expect(b.map.areas[0]!.geometry).toMatchObject({ type: expect.stringMatching(/Polygon/) });
    expect(b.map.context.map((a) => a.code)).toContain('SY-RD');
    expect(b.map.projects).toHaveLength(b.kpis.projects);
    const [west, south, east, north] = b.map.bbox;
    for (const p of b.map.projects) expect(p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north).toBe(true);
    expect(b.map.projects.filter((p) => p.delayed)).toHaveLength(b.kpis.delayed);
    expect(b.map.projects.find((p) => p.id === fixtures.shared.id)).toMatchObject({ critical_obstacle: true });
    // Delayed: past the planned end and open, most late first.
    expect(b.delayed_projects.length).toBe(Math.min(25, b.kpis.delayed));
    const late = b.delayed_projects.map((p) => p.days_late!);
    expect(late.every((d) => d > 0)).toBe(true);
    expect([...late].sort((x, y) => y - x)).toEqual(late);
    expect(b.stalled_projects.length).toBeGreaterThan(0);
    for (const p of b.stalled_projects) expect(p.status === 'suspended' || (p.days_since_update ?? Infinity) > 90).toBe(true);
    // Obstacles: the active ones of Damascus, the critical first; counts beside them.
    expect(b.obstacles.map((o) => o.obstacle_id)).toEqual([fixtures.damascus, fixtures.hidden]);
    expect(b.obstacles[0]).toMatchObject({ severity: 'critical', responsible_body: { name_en: 'Ministry of Electricity (brief test)' }, project: { governorate: 'SY-DI' } });
    expect(b.obstacle_counts).toEqual({ active: 2, critical: 1, overdue: 1, waiting_other_bodies: 1, overdue_decisions: 1 });
    expect(b.overdue_decisions).toEqual([expect.objectContaining({ text: 'Connect the substation within a month', days_overdue: 5, meeting_title: 'اجتماع المحافظين' })]);
    expect(b.governorates).toEqual([expect.objectContaining({ code: 'SY-DI', projects: b.kpis.projects, active_obstacles: 2 })]);
    // The demo's plan is approved for this year: Damascus's row of it.
    const year = new Date().getUTCFullYear();
    expect(b.plan?.year).toBe(year);
    const matrix = await minister.json(`/api/plans/SYR/${year}/matrix`);
    const row = matrix.rows.find((r: { governorate: string }) => r.governorate === 'SY-DI');
    expect(b.plan!.rows.map((r) => [r.indicator, r.target, r.target_to_date, r.achieved, r.pct_of_target])).toEqual(
      row.cells.map((c: Record<string, unknown>) => [c.key, c.target, c.target_to_date, c.achieved, c.pct_of_target]),
    );
    expect(b.plan!.rows.length).toBeGreaterThan(0);
    // The national brief carries the national row.
    const national = await brief(DEMO.minister, '/countries/SYR');
    expect(national.plan!.rows.map((r) => r.achieved)).toEqual(matrix.national.cells.map((c: { achieved: number | null }) => c.achieved));
    expect(b.meeting).toBeNull();
    expect(Date.parse(b.data_as_of)).toBeLessThanOrEqual(Date.parse(b.generated_at));
  });

  it("a donor's brief holds only the projects shared with it, and says so", async () => {
    const b = await brief(DEMO.undpDonor, '/governorates/SY-DI');
    const [{ shared }] = await t.db.query<{ shared: number[] }>(
      `select array_agg(s.project_id::int) as shared from project_shares s join organizations o on o.id = s.organization_id
        join projects p on p.id = s.project_id join admin_areas a on a.id = p.admin_area_id where o.slug = 'undp' and a.code = 'SY-DI'`,
    ) as [{ shared: number[] }];
    const [{ name_ar }] = (await t.db.query<{ name_ar: string }>(`select name_ar from organizations where slug = 'undp'`)) as [{ name_ar: string }];
    expect(b.shared_only_with).toBe(name_ar);
    expect(b.kpis.projects).toBe(shared.length);
    expect(b.map.projects.map((p) => p.id).sort()).toEqual([...shared].sort());
    for (const id of projectIds(b)) expect(shared).toContain(id);
    const all = await brief(DEMO.minister, '/governorates/SY-DI');
    expect(all.kpis.projects).toBeGreaterThan(b.kpis.projects);
    // Obstacles and decisions only on shared projects.
    expect(b.obstacles.map((o) => o.obstacle_id)).toEqual([fixtures.damascus]);
    expect(b.obstacle_counts).toMatchObject({ active: 1, critical: 1 });
    for (const o of b.obstacles) expect(shared).toContain(o.project.id);
    // The country brief too: every governorate row counts shared projects only.
    const national = await brief(DEMO.undpDonor, '/countries/SYR');
    const [{ count }] = (await t.db.query<{ count: number }>(
      `select count(*)::int as count from project_shares s join organizations o on o.id = s.organization_id join projects p on p.id = s.project_id
        where o.slug = 'undp' and p.country_iso3 = 'SYR'`,
    )) as [{ count: number }];
    expect(national.kpis.projects).toBe(count);
    expect(national.governorates.reduce((sum, g) => sum + g.projects, 0)).toBe(count);
  });

  it("an engineer's brief lists the obstacles of their governorates only, while the projects stay visible", async () => {
    const b = await brief(DEMO.engineer, '/countries/SYR');
    expect(b.obstacles.length).toBeGreaterThan(0);
    expect(new Set(b.obstacles.map((o) => o.project.governorate))).toEqual(new Set(['SY-DI']));
    expect(b.obstacles.map((o) => o.obstacle_id)).not.toContain(fixtures.aleppo);
    expect(b.governorates.find((g) => g.code === 'SY-HL')).toMatchObject({ active_obstacles: 0 });
    expect(b.governorates.find((g) => g.code === 'SY-HL')!.projects).toBeGreaterThan(0);
    const aleppo = await brief(DEMO.aleppoEngineer, '/governorates/SY-HL');
    expect(aleppo.obstacles.map((o) => o.obstacle_id)).toEqual([fixtures.aleppo]);
    // The ministry sees them all, across the country; resolved ones are in no brief.
    const national = await brief(DEMO.minister, '/countries/SYR');
    expect(national.obstacles.map((o) => o.obstacle_id)).toEqual(expect.arrayContaining([fixtures.damascus, fixtures.hidden, fixtures.aleppo]));
    expect(national.obstacle_counts.active).toBe(3);
    // A governorate with nothing visible still gets its brief, with empty tables.
    const donorAleppo = await brief(DEMO.undpDonor, '/governorates/SY-HL');
    expect(donorAleppo.obstacles).toEqual([]);
  });

  it('a country brief maps every governorate, shaded by its delayed share, with a row each', async () => {
    const b = await brief(DEMO.minister, '/countries/SYR');
    expect(b).toMatchObject({ kind: 'country', governorate: null });
    expect(b.map.areas.length).toBe(b.governorates.length);
    expect(b.governorates.length).toBeGreaterThanOrEqual(14);
    for (const area of b.map.areas) {
      const row = b.governorates.find((g) => g.code === area.code)!;
      expect(area.value).toBe(row.projects === 0 ? null : Math.round((row.delayed / row.projects) * 1000) / 1000);
    }
    expect(b.kpis.projects).toBe(b.governorates.reduce((sum, g) => sum + g.projects, 0));
  });

  it("a meeting's agenda pack: its agenda, decisions and overdue ones; invisible meetings are 404", async () => {
    const b = await brief(DEMO.minister, `/meetings/${fixtures.meeting}`);
    expect(b.kind).toBe('meeting');
    expect(b.meeting).toMatchObject({ id: fixtures.meeting, title_en: 'Governors meeting', agenda_frozen: false });
    // Before it freezes, the agenda is the active obstacles at the meeting's level (minister): none yet.
    expect(b.meeting!.agenda).toEqual([]);
    expect(b.meeting!.decisions.map((d) => [d.text, d.is_overdue])).toEqual([
      ['Connect the substation within a month', true],
      ['Settle the land title', false],
    ]);
    expect(b.overdue_decisions.map((d) => d.text)).toEqual(['Connect the substation within a month']);
    expect(b.obstacles.map((o) => o.obstacle_id)).toEqual([fixtures.damascus, fixtures.hidden]);
    expect(b.map.areas.map((a) => a.code)).toEqual(['SY-DI']);
    // The engineer of Aleppo sees neither the Damascus meeting nor its brief; the Damascus engineer not Aleppo's.
    await expectProblem(await (await t.as(DEMO.aleppoEngineer)).get(`/api/briefs/meetings/${fixtures.meeting}`), 404);
    await expectProblem(await (await t.as(DEMO.engineer)).get(`/api/briefs/meetings/${fixtures.aleppoMeeting}.pdf`), 404);
    // A follow-up committee a donor takes part in: the donor sees it, with only its shared project's decisions.
    const committee = await addMeeting(t.db, { title_ar: 'لجنة متابعة الاتفاقية', title_en: 'Agreement follow-up committee', heldOn: daysFromToday(10), projectIds: [fixtures.shared.id, fixtures.notShared], organizations: ['undp'] });
    await addDecision(t.db, committee, { text: 'Report the feed date to the committee', dueDate: daysFromToday(-2), projectId: fixtures.shared.id, bodyId: fixtures.body });
    await addDecision(t.db, committee, { text: 'A decision on a project not shared', dueDate: daysFromToday(-2), projectId: fixtures.notShared, bodyId: fixtures.body });
    await expectProblem(await (await t.as(DEMO.undpDonor)).get(`/api/briefs/meetings/${fixtures.meeting}`), 404);
    await expectProblem(await (await t.as(DEMO.gizDonor)).get(`/api/briefs/meetings/${committee}`), 404);
    const donor = await brief(DEMO.undpDonor, `/meetings/${committee}`);
    expect(donor.meeting!.decisions.map((d) => d.text)).toEqual(['Report the feed date to the committee']);
    expect(donor.overdue_decisions.map((d) => d.text)).toEqual(['Report the feed date to the committee']);
    expect(donor.map.projects.map((p) => p.id)).toEqual([fixtures.shared.id]);
    expect(donor.shared_only_with).not.toBeNull();
    const ministry = await brief(DEMO.minister, `/meetings/${committee}`);
    expect(ministry.meeting!.decisions).toHaveLength(2);
    expect(ministry.map.projects.map((p) => p.id).sort()).toEqual([fixtures.shared.id, fixtures.notShared].sort());
  });

  it('in English on request: the language, the donor named in English, decisions named in English', async () => {
    const b = await brief(DEMO.undpDonor, '/governorates/SY-DI?lang=en');
    expect(b.language).toBe('en');
    const [{ name_en }] = (await t.db.query<{ name_en: string }>(`select name_en from organizations where slug = 'undp'`)) as [{ name_en: string }];
    expect(b.shared_only_with).toBe(name_en);
    expect(b.overdue_decisions[0]).toMatchObject({ meeting_title: 'Governors meeting', owner: 'Ministry of Electricity (brief test)' });
  });
});
