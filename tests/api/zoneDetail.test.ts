import { HistoryList, ProjectDetail, ZoneDetail, ZoneTimeline } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { createProject, reportProgress, today, unique } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';
import { addPlots, changePlot, createInvestor, createZone, userId, type PlotSpec } from '../support/zoneDetailFixtures.ts';

describe('a zone: its head, its facts, its timeline', () => {
  const t = useTestApp('demo');

  /** A mix of every status and a few activities, with jobs and investment, held by `investor` unless vacant. */
  const mixedPlots = (investor: number): PlotSpec[] => [
    { status: 'vacant', activity: 'food_processing' },
    { status: 'vacant', activity: null },
    { status: 'vacant', activity: 'textiles', planned_jobs: 12 },
    { status: 'reserved', activity: 'textiles', investor_id: investor, planned_jobs: 20, planned_investment: 1000 },
    { status: 'allocated', activity: 'food_processing', investor_id: investor, planned_jobs: 30, planned_investment: 2500.5 },
    { status: 'allocated', activity: 'food_processing', investor_id: investor, planned_jobs: 5 },
    { status: 'under_construction', activity: 'engineering', investor_id: investor, planned_jobs: 40, actual_jobs: 3, actual_investment: 700 },
    { status: 'producing', activity: 'food_processing', investor_id: investor, planned_jobs: 50, actual_jobs: 44, planned_investment: 9000, actual_investment: 8000.25 },
    { status: 'producing', activity: 'engineering', investor_id: investor, actual_jobs: 7 },
  ];

  it('answers totals that equal independent counts of its plots, every network, its activities and what the viewer may do', async () => {
    const admin = await t.as(DEMO.admin);
    const zone = await createZone(admin, t.db, { development: 'rehabilitation', area_ha: 85.5 });
    const investor = await createInvestor(t.db, 'شركة الاختبار');
    const specs = mixedPlots(investor);
    await addPlots(t.db, zone.id, specs, await userId(t.db, DEMO.admin));

    const detail = ZoneDetail.parse(await admin.json(`/api/zones/${zone.id}`));
    const [counted] = await t.db.query<Record<string, number>>(
      `select count(*)::int as total, count(*) filter (where status = 'vacant')::int as vacant,
              count(*) filter (where status = 'reserved')::int as reserved, count(*) filter (where status = 'allocated')::int as allocated,
              count(*) filter (where status = 'under_construction')::int as under_construction,
              count(*) filter (where status = 'producing')::int as producing,
              sum(area_m2)::float8 as area, coalesce(sum(area_m2) filter (where status = 'vacant'), 0)::float8 as vacant_area
         from zone_plots where zone_id = $1`,
      [zone.id],
    );
    const sum = (key: keyof PlotSpec) => specs.reduce((total, plot) => total + Number(plot[key] ?? 0), 0);
    const taken = specs.filter((p) => ['allocated', 'under_construction', 'producing'].includes(p.status!)).length;
    expect(detail).toMatchObject({
      id: zone.id,
      code: zone.code,
      kind: 'industrial_zone',
      governorate: 'SY-DI',
      development: 'rehabilitation',
      area_ha: 85.5,
      version: zone.version,
      writable: true,
      investors_visible: true,
      totals: {
        plots_total: specs.length,
        plots_by_status: { vacant: 3, reserved: 1, allocated: 2, under_construction: 1, producing: 2 },
        occupancy: Math.round((10000 * taken) / specs.length) / 100,
        jobs_planned: sum('planned_jobs'),
        jobs_actual: sum('actual_jobs'),
        investment_planned: sum('planned_investment'),
        investment_actual: sum('actual_investment'),
        readiness: 0,
      },
    });
    expect(detail.totals.plots_by_status).toEqual({
      vacant: counted!.vacant, reserved: counted!.reserved, allocated: counted!.allocated,
      under_construction: counted!.under_construction, producing: counted!.producing,
    });
    expect(detail.totals.plots_area_m2).toBeCloseTo(counted!.area!, 1);
    expect(detail.totals.vacant_area_m2).toBeCloseTo(counted!.vacant_area!, 1);
    // Every network, none reported yet.
    expect(detail.utilities).toEqual(['water', 'electricity', 'roads', 'sewage', 'telecoms'].map((network) => ({ network, stage: null, readiness: 0, reported_on: null })));
    // Plots per activity, most first; plots without one are counted too.
    expect(detail.activities).toEqual([
      { activity: 'food_processing', name_en: 'Food processing', name_ar: 'الصناعات الغذائية', plots: 4 },
      { activity: 'engineering', name_en: 'Engineering and metal industries', name_ar: 'الصناعات الهندسية والمعدنية', plots: 2 },
      { activity: 'textiles', name_en: 'Textiles and clothing', name_ar: 'الصناعات النسيجية والألبسة', plots: 2 },
      { activity: null, name_en: null, name_ar: null, plots: 1 },
    ]);
    [36.28, 33.5, 36.3, 33.52].forEach((edge, i) => expect(detail.bbox[i]).toBeCloseTo(edge, 9));

    // The project's own view of the zone carries the same derived totals, telecoms among the networks.
    const project = ProjectDetail.parse(await admin.json(`/api/projects/${zone.id}`));
    expect(project.zone).toMatchObject({
      plots_total: specs.length, plots_allocated: taken, plots_in_production: 2, plots_vacant: 3, plots_reserved: 1,
      plots_under_construction: 1, occupancy: detail.totals.occupancy, readiness: 0, jobs_actual: sum('actual_jobs'),
      utilities: { water: 0, electricity: 0, roads: 0, sewage: 0, telecoms: 0 },
    });
  });

  it('says who may write it, per viewer, even when the answer comes from the read cache', async () => {
    const admin = await t.as(DEMO.admin);
    const zone = await createZone(admin, t.db);
    const path = `/api/zones/${zone.id}`;
    const ask = async (email: string) => {
      const res = await (await t.as(email)).get(path);
      expect(res.status).toBe(200);
      return ((await res.json()) as ZoneDetail).writable;
    };
    // Twice each, so the second of each comes from the cache.
    for (let round = 0; round < 2; round += 1) {
      expect(await ask(DEMO.engineer)).toBe(true);
      expect(await ask(DEMO.aleppoEngineer)).toBe(false);
      expect(await ask(DEMO.minister)).toBe(false);
      expect(await ask(DEMO.admin)).toBe(true);
    }
    const again = await admin.get(path);
    expect(again.headers.get('x-read-cache')).toBe('hit');
  });

  it('is a 404 for a zone the viewer may not see, and for a project that is not a zone', async () => {
    const admin = await t.as(DEMO.admin);
    const zone = await createZone(admin, t.db);
    const undp = await t.as(DEMO.undpDonor);
    for (const path of [`/api/zones/${zone.id}`, `/api/zones/${zone.id}/timeline`]) {
      await expectProblem(await undp.get(path), 404, { detail: new RegExp(`No zone ${zone.id}`) });
      await expectProblem(await t.anonymous.get(path), 404);
    }
    const plain = await createProject(admin);
    await expectProblem(await admin.get(`/api/zones/${plain.id}`), 404);
    await expectProblem(await admin.get(`/api/zones/${plain.id}/timeline`), 404);
  });

  it("shows a donor a shared zone's head, timeline and history without a trace of who holds its plots", async () => {
    const admin = await t.as(DEMO.admin);
    const zone = await createZone(admin, t.db);
    const name = `مستثمر ${unique('INV')}`;
    const investor = await createInvestor(t.db, name, 'Hidden Holder Ltd');
    const engineerId = await userId(t.db, DEMO.engineer);
    const [vacant, held] = await addPlots(t.db, zone.id, [{ status: 'vacant' }, { status: 'reserved', investor_id: investor, activity: 'textiles' }], engineerId);
    await changePlot(t.db, vacant!, { status: 'allocated', investor_id: investor, allocated_on: '2025-02-01' }, engineerId);
    await changePlot(t.db, held!, { status: 'vacant', investor_id: null }, engineerId);
    expect((await admin.put(`/api/projects/${zone.id}/shares/giz`)).status).toBe(204);

    const giz = await t.as(DEMO.gizDonor);
    const detail = ZoneDetail.parse(await giz.json(`/api/zones/${zone.id}`));
    expect(detail).toMatchObject({ investors_visible: false, writable: false });
    const timeline = ZoneTimeline.parse(await giz.json(`/api/zones/${zone.id}/timeline`));
    const history = HistoryList.parse(await giz.json(`/api/projects/${zone.id}/history`));
    expect(timeline.items.filter((e) => e.kind === 'plot')).toHaveLength(4);
    expect(history.items.filter((e) => e.table === 'zone_plots')).toHaveLength(4);
    for (const answer of [detail, timeline, history]) {
      const text = JSON.stringify(answer);
      expect(text).not.toMatch(/investor(?!s_visible)/);
      expect(text).not.toContain(name);
      expect(text).not.toContain('Hidden Holder');
    }
    // The donor still sees which plot changed and its status, from → to.
    expect(timeline.items.slice(0, 2)).toMatchObject([
      { kind: 'plot', plot_number: '2', from_status: 'reserved', to_status: 'vacant', changed: [] },
      { kind: 'plot', plot_number: '1', from_status: 'vacant', to_status: 'allocated', changed: ['allocated_on'] },
    ]);

    // The ministry sees who: the plot went to the investor, and the withdrawal to nobody.
    const minister = await t.as(DEMO.minister);
    const theirs = ZoneTimeline.parse(await minister.json(`/api/zones/${zone.id}/timeline`));
    expect(theirs.items.slice(0, 2)).toMatchObject([
      { plot_number: '2', from_status: 'reserved', to_status: 'vacant', investor: null, changed: ['investor_id'] },
      {
        plot_number: '1', from_status: 'vacant', to_status: 'allocated', changed: ['allocated_on', 'investor_id'],
        investor: { id: investor, name_ar: name, name_en: 'Hidden Holder Ltd', kind: 'company' },
      },
    ]);
    expect(JSON.stringify(await minister.json(`/api/projects/${zone.id}/history`))).toContain('"investor_id"');
  });

  it('changes its own facts against the version read: 409 when stale, 403 for another governorate, audited', async () => {
    const admin = await t.as(DEMO.admin);
    const zone = await createZone(admin, t.db, { development: 'new', area_ha: 50 });
    const engineer = await t.as(DEMO.engineer);
    const path = `/api/zones/${zone.id}`;

    const saved = await engineer.patch(path, { version: zone.version, development: 'rehabilitation', area_ha: 64.25 });
    expect(saved.status).toBe(200);
    const after = ZoneDetail.parse(await saved.json());
    expect(after).toMatchObject({ development: 'rehabilitation', area_ha: 64.25, writable: true });
    expect(after.version).toBeGreaterThan(zone.version);
    expect(await engineer.json(path)).toMatchObject({ development: 'rehabilitation', area_ha: 64.25, version: after.version });
    const [audit] = await t.db.query<{ actor: string; old_values: unknown; new_values: unknown }>(
      `select u.email as actor, l.old_values, l.new_values from audit_log l join users u on u.id = l.actor_id
        where l.table_name = 'zone_facts' and l.project_id = $1 and l.action = 'update' order by l.id desc limit 1`,
      [zone.id],
    );
    expect(audit).toEqual({ actor: DEMO.engineer, old_values: { development: 'new', area_ha: 50 }, new_values: { development: 'rehabilitation', area_ha: 64.25 } });

    // Whoever still holds the first version is told to reload; nothing of theirs is written.
    const stale = await expectProblem(await admin.patch(path, { version: zone.version, area_ha: 1 }), 409, { detail: /reload/i });
    expect(stale).toMatchObject({ current_version: after.version });
    // Facts sent as they are change nothing, not even the version.
    const same = await engineer.patch(path, { version: after.version, area_ha: 64.25 });
    expect(((await same.json()) as ZoneDetail).version).toBe(after.version);

    await expectProblem(await (await t.as(DEMO.aleppoEngineer)).patch(path, { version: after.version, area_ha: 2 }), 403);
    await expectProblem(await (await t.as(DEMO.minister)).patch(path, { version: after.version, area_ha: 2 }), 403);
    await expectProblem(await (await t.as(DEMO.undpDonor)).patch(path, { version: after.version, area_ha: 2 }), 404);
    await expectProblem(await t.anonymous.patch(path, { version: after.version, area_ha: 2 }), 401);
    await expectProblem(await engineer.patch(path, { version: after.version, area_ha: -3 }), 400, { parameter: 'area_ha' });
    await expectProblem(await engineer.patch(path, { version: after.version, plots_total: 9 }), 400);
    const plain = await createProject(admin);
    await expectProblem(await admin.patch(`/api/zones/${plain.id}`, { version: plain.version, area_ha: 2 }), 404);
    expect(await engineer.json(path)).toMatchObject({ area_ha: 64.25, version: after.version });
  });

  it('merges reports and plot changes newest first, a page at a time', async () => {
    const admin = await t.as(DEMO.admin);
    const zone = await createZone(admin, t.db);
    const adminId = await userId(t.db, DEMO.admin);
    const [plot] = await addPlots(t.db, zone.id, [{ status: 'vacant', activity: 'textiles' }], adminId);
    const old = await reportProgress(admin, zone, { reported_on: '2024-06-01', note: 'old' });
    expect(old.status).toBe(201);
    const version = ((await old.json()) as { version: number }).version;
    await changePlot(t.db, plot!, { activity_code: 'carpentry' }, adminId);
    expect((await reportProgress(admin, { id: zone.id, version }, { reported_on: today(), note: 'new' })).status).toBe(201);

    const whole = ZoneTimeline.parse(await admin.json(`/api/zones/${zone.id}/timeline`));
    const shape = whole.items.map((e) => (e.kind === 'report' ? `report:${e.report.note}` : `plot:${e.action}`));
    // Today's report was recorded after today's plot changes; the old report is dated last.
    expect(shape).toEqual(['report:new', 'plot:update', 'plot:insert', 'report:old']);
    expect(whole.next_offset).toBeNull();
    expect(whole.items[1]).toMatchObject({ kind: 'plot', actor: expect.any(String), from_status: null, to_status: null, changed: ['activity_code'] });
    expect(whole.items[2]).toMatchObject({ kind: 'plot', action: 'insert', plot_id: plot, plot_number: '1', from_status: null, to_status: 'vacant' });

    const first = ZoneTimeline.parse(await admin.json(`/api/zones/${zone.id}/timeline?limit=3`));
    expect(first).toMatchObject({ limit: 3, offset: 0, next_offset: 3 });
    const second = ZoneTimeline.parse(await admin.json(`/api/zones/${zone.id}/timeline?limit=3&offset=3`));
    expect(second.next_offset).toBeNull();
    expect([...first.items, ...second.items]).toEqual(whole.items);
    await expectProblem(await admin.get(`/api/zones/${zone.id}/timeline?limit=0`), 400, { parameter: 'limit' });
  });
});
