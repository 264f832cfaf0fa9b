import { findPlotMisfits } from '@marsad/api/internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { today } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';
import { CELL, createZone, plotVersions, rectangle, totalsCountedFromPlots, zoneFactsTotals, type FixtureZone } from '../support/zoneFixtures.ts';

interface SavedPlot {
  id: number;
  plot_number: string;
  status: string;
  version: number;
  area_m2: number;
  allocated_on: string | null;
  planned_jobs: number | null;
  actual_jobs: number | null;
  planned_investment: number | null;
  activity: string | null;
  investor?: { id: number; name_ar: string } | null;
}
interface Saved {
  plots: SavedPlot[];
  removed: number[];
}

describe('writing zone plots', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('demo');
  });
  afterAll(() => t.close());

  const newZone = async (grid = { rows: 2, cols: 3 }, governorate: 'SY-DI' | 'SY-HL' = 'SY-DI') => createZone(t.db, await t.as(DEMO.admin), { grid, governorate });
  /** The zone's derived totals equal the ones counted from its plots here. */
  const expectTotalsDerived = async (zone: FixtureZone) => {
    const derived = await zoneFactsTotals(t.db, zone.id);
    expect(derived).toEqual(await totalsCountedFromPlots(t.db, zone.id));
    return derived;
  };
  const plotsOf = async (zone: FixtureZone) =>
    t.db.query<{ id: number; plot_number: string; status: string; investor_id: number | null; version: number }>(
      'select id, plot_number, status, investor_id, version from zone_plots where zone_id = $1 order by id',
      [zone.id],
    );
  const refs = async (zone: FixtureZone, numbers: string[]) => {
    const plots = await plotsOf(zone);
    return numbers.map((n) => {
      const plot = plots.find((p) => p.plot_number === n)!;
      return { id: plot.id, version: plot.version };
    });
  };

  describe('drawing', () => {
    it('draws a vacant plot inside the zone; the totals count it', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const engineer = await t.as(DEMO.engineer);
      const res = await engineer.post(`/api/zones/${zone.id}/plots`, {
        plot_number: 'C1',
        activity: 'textiles',
        planned_jobs: 40,
        planned_investment: 125000.5,
        geometry: zone.cell(2, 0),
      });
      expect(res.status).toBe(201);
      const saved = (await res.json()) as Saved;
      expect(saved.removed).toEqual([]);
      expect(saved.plots).toEqual([
        expect.objectContaining({ plot_number: 'C1', status: 'vacant', activity: 'textiles', planned_jobs: 40, planned_investment: 125000.5, version: 1, investor: null }),
      ]);
      expect(saved.plots[0]!.area_m2).toBeGreaterThan(40000);
      const totals = await expectTotalsDerived(zone);
      expect(totals).toMatchObject({ plots_total: 2, plots_vacant: 2, jobs_planned: 40, investment_planned: 125000.5, occupancy: 0 });
      // The history names who drew it.
      const detail = await engineer.json(`/api/zones/${zone.id}/plots/${saved.plots[0]!.id}`);
      expect(detail.history).toEqual([expect.objectContaining({ action: 'insert', actor: expect.any(String), from: null })]);
      expect(detail.geometry.type).toBe('MultiPolygon');
    });

    it('refuses a plot reaching outside the zone, naming it and how much lies beyond, and saves nothing', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const [west, south] = zone.origin;
      const res = await (await t.as(DEMO.engineer)).post(`/api/zones/${zone.id}/plots`, {
        plot_number: 'EDGE-1',
        geometry: rectangle(west - CELL, south + 2 * CELL, west + CELL, south + 3 * CELL),
      });
      const problem = await expectProblem(res, 400, { parameter: 'geometry', detail: /plot EDGE-1 lies partly outside the zone \([\d.]+ m² beyond its boundary\)/ });
      expect(problem.detail).toMatch(/must lie inside their zone/);
      expect((await plotsOf(zone)).map((p) => p.plot_number)).toEqual(['A1']);
      await expectTotalsDerived(zone);
    });

    it('accepts a plot along the zone boundary and one sharing an edge with another plot', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const res = await (await t.as(DEMO.engineer)).post(`/api/zones/${zone.id}/plots`, { plot_number: 'A2', geometry: zone.cell(0, 1) });
      expect(res.status).toBe(201);
    });

    it('forgives survey noise: 0.2 m past the boundary, and a sliver under 1 m² shared with a neighbour', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const engineer = await t.as(DEMO.engineer);
      const [west, south] = zone.origin;
      const metreOfLongitude = 1 / 92_800; // at latitude 33.5
      const past = await engineer.post(`/api/zones/${zone.id}/plots`, {
        plot_number: 'W1',
        geometry: rectangle(west - 0.2 * metreOfLongitude, south + 2 * CELL, west + CELL, south + 3 * CELL),
      });
      expect(past.status).toBe(201);
      // 0.1 m into A1 along its 220 m east edge: about 22 m² is a real overlap, 0.001 m (0.2 m²) is a sliver.
      const sliver = await engineer.post(`/api/zones/${zone.id}/plots`, {
        plot_number: 'A2',
        geometry: rectangle(west + CELL - 0.001 * metreOfLongitude, south, west + 2 * CELL, south + CELL),
      });
      expect(sliver.status).toBe(201);
      await expectProblem(
        await engineer.post(`/api/zones/${zone.id}/plots`, { plot_number: 'B1', geometry: rectangle(west, south + CELL - 0.0001, west + CELL, south + 2 * CELL) }),
        400,
        { detail: /plot B1 overlaps plot A1 by/ },
      );
    });

    it('findPlotMisfits names each overlapping pair once, and plots outside the zone with the area beyond', async () => {
      const zone = await newZone({ rows: 1, cols: 2 });
      const [west, south] = zone.origin;
      const insert = async (plot_number: string, geometry: unknown) =>
        (
          await t.db.query<{ id: number }>(
            `insert into zone_plots (zone_id, plot_number, geom) values ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))) returning id`,
            [zone.id, plot_number, JSON.stringify(geometry)],
          )
        )[0]!.id;
      // Written straight into the database: two plots over A1 and A2, and one half outside the zone.
      const x = await insert('X', rectangle(west + CELL / 2, south, west + CELL * 1.5, south + CELL));
      const y = await insert('Y', rectangle(west + CELL / 4, south, west + CELL * 0.75, south + CELL));
      const out = await insert('OUT', rectangle(west - CELL / 2, south + 3 * CELL, west + CELL / 2, south + 4 * CELL));
      const misfits = await findPlotMisfits(t.db, zone.id, [x, y, out]);
      expect(misfits.map((m) => [m.plot_number, m.problem, m.other ?? null])).toEqual([
        ['OUT', 'outside_zone', null],
        ['X', 'overlap', 'A1'],
        ['X', 'overlap', 'A2'],
        ['X', 'overlap', 'Y'],
        ['Y', 'overlap', 'A1'],
      ]);
      const outside = misfits.find((m) => m.problem === 'outside_zone')!;
      expect(outside.area_m2).toBeGreaterThan(19000);
      expect(outside.area_m2).toBeLessThan(22000);
      expect(await findPlotMisfits(t.db, zone.id, [zone.plots[0]!.id])).toEqual([
        expect.objectContaining({ plot_number: 'A1', other: 'X' }),
        expect.objectContaining({ plot_number: 'A1', other: 'Y' }),
      ]);
      expect(await findPlotMisfits(t.db, zone.id, [])).toEqual([]);
      await t.db.query('delete from zone_plots where id = any($1::bigint[])', [[x, y, out]]);
      expect(await findPlotMisfits(t.db, zone.id, zone.plots.map((p) => p.id))).toEqual([]);
    });

    it('refuses a plot overlapping another, naming both plots', async () => {
      const zone = await newZone({ rows: 1, cols: 2 });
      const [west, south] = zone.origin;
      const res = await (await t.as(DEMO.engineer)).post(`/api/zones/${zone.id}/plots`, {
        plot_number: 'X9',
        geometry: rectangle(west + CELL / 2, south + CELL / 2, west + CELL * 1.5, south + CELL * 1.5),
      });
      const problem = await expectProblem(res, 400, { detail: /plot X9 overlaps plot A1 by [\d.]+ m²; plot X9 overlaps plot A2 by/ });
      expect(problem.errors).toHaveLength(2);
      expect(await plotsOf(zone)).toHaveLength(2);
    });

    it('refuses a point for a plot, a taken number (409), and an unknown activity', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const engineer = await t.as(DEMO.engineer);
      const [west, south] = zone.origin;
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots`, { plot_number: 'P', geometry: { type: 'Point', coordinates: [west + 0.005, south + 0.005] } }), 400, {
        parameter: 'geometry',
        detail: /Polygon or MultiPolygon/,
      });
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots`, { plot_number: 'A1', geometry: zone.cell(3, 3) }), 409, { detail: /already has a plot numbered A1/ });
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots`, { plot_number: 'Q', activity: 'moon_mining', geometry: zone.cell(3, 3) }), 400, { parameter: 'activity' });
      expect(await plotsOf(zone)).toHaveLength(1);
    });

    it("refuses the engineer of another governorate (403), a minister (403) and anonymous callers (401)", async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const plot = { plot_number: 'B1', geometry: zone.cell(1, 0) };
      await expectProblem(await (await t.as(DEMO.aleppoEngineer)).post(`/api/zones/${zone.id}/plots`, plot), 403, { detail: /governorate's engineers/ });
      await expectProblem(await (await t.as(DEMO.minister)).post(`/api/zones/${zone.id}/plots`, plot), 403);
      await expectProblem(await t.anonymous.post(`/api/zones/${zone.id}/plots`, plot), 401);
      const [a1] = zone.plots;
      await expectProblem(await (await t.as(DEMO.aleppoEngineer)).patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { note: 'x', version: 1 }), 403);
      await expectProblem(
        await (await t.as(DEMO.aleppoEngineer)).post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: a1!.id, version: 1 }], status: 'reserved', investor_id: 1 }),
        403,
      );
      expect(await plotsOf(zone)).toHaveLength(1);
      // The Aleppo engineer writes Aleppo's zones.
      const aleppo = await newZone({ rows: 0, cols: 0 }, 'SY-HL');
      expect((await (await t.as(DEMO.aleppoEngineer)).post(`/api/zones/${aleppo.id}/plots`, { plot_number: '1', geometry: aleppo.cell(0, 0) })).status).toBe(201);
    });

    it('answers 404 for a project that is not a zone', async () => {
      const [project] = await t.db.query<{ id: number }>(`select id from projects where kind = 'development_project' limit 1`);
      await expectProblem(await (await t.as(DEMO.admin)).post(`/api/zones/${project!.id}/plots`, { plot_number: '1', geometry: rectangle(36.28, 33.5, 36.281, 33.501) }), 404);
    });
  });

  describe('changing and deleting', () => {
    it('changes only the fields sent; a stale version gets 409 with the current one', async () => {
      const zone = await newZone({ rows: 1, cols: 2 });
      const engineer = await t.as(DEMO.engineer);
      const [a1] = zone.plots;
      const res = await engineer.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { actual_jobs: 12, version: a1!.version });
      expect(res.status).toBe(200);
      const [saved] = ((await res.json()) as Saved).plots;
      expect(saved).toMatchObject({ plot_number: 'A1', actual_jobs: 12, version: a1!.version + 1 });
      const stale = await expectProblem(await engineer.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { actual_jobs: 99, version: a1!.version }), 409, {
        detail: /plot A1 is at version 2, not 1/,
      });
      expect((stale as unknown as { current_version: number }).current_version).toBe(2);
      expect((await zoneFactsTotals(t.db, zone.id)).jobs_actual).toBe(12);
      await expectTotalsDerived(zone);
    });

    it('of two concurrent edits of one plot with the same version, one is saved and the other gets 409', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const [a1] = zone.plots;
      const [first, second] = [await t.as(DEMO.engineer), await t.as(DEMO.admin)];
      const answers = await Promise.all([
        first.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { note: 'by the engineer', version: a1!.version }),
        second.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { note: 'by the admin', version: a1!.version }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const [row] = await t.db.query<{ version: number; note: string }>('select version, note from zone_plots where id = $1', [a1!.id]);
      expect(row!.version).toBe(a1!.version + 1);
      const winner = answers[0]!.status === 200 ? 'by the engineer' : 'by the admin';
      expect(row!.note).toBe(winner);
    });

    it('moves a plot, checked against the zone and the other plots; renumbering onto a taken number is 409', async () => {
      const zone = await newZone({ rows: 1, cols: 2 });
      const engineer = await t.as(DEMO.engineer);
      const [a1, a2] = zone.plots;
      await expectProblem(await engineer.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { geometry: zone.cell(0, 1), version: a1!.version }), 400, {
        detail: /plot A1 overlaps plot A2/,
      });
      await expectProblem(await engineer.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { plot_number: 'A2', version: a1!.version }), 409, { detail: /A2/ });
      const moved = await engineer.patch(`/api/zones/${zone.id}/plots/${a1!.id}`, { geometry: zone.cell(3, 3), version: a1!.version });
      expect(moved.status).toBe(200);
      expect(a2).toBeDefined();
      await expectTotalsDerived(zone);
    });

    it('deletes a vacant plot with its version, and refuses a held one (422) or a stale version (409)', async () => {
      const zone = await newZone({ rows: 1, cols: 3 });
      const engineer = await t.as(DEMO.engineer);
      const [a1, a2] = zone.plots;
      await expectProblem(await engineer.delete(`/api/zones/${zone.id}/plots/${a1!.id}?version=7`), 409);
      await expectProblem(await engineer.delete(`/api/zones/${zone.id}/plots/${a1!.id}`), 400, { parameter: 'version' });
      const deleted = await engineer.delete(`/api/zones/${zone.id}/plots/${a1!.id}?version=${a1!.version}`);
      expect(deleted.status).toBe(200);
      expect(await deleted.json()).toEqual({ plots: [], removed: [a1!.id] });
      const reserve = await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots: [{ id: a2!.id, version: a2!.version }],
        status: 'reserved',
        new_investor: { kind: 'person', name_ar: 'سامر الحلبي' },
      });
      expect(reserve.status).toBe(200);
      await expectProblem(await engineer.delete(`/api/zones/${zone.id}/plots/${a2!.id}?version=${a2!.version + 1}`), 422, { detail: /only a vacant plot may be deleted/ });
      expect((await expectTotalsDerived(zone)).plots_total).toBe(2);
    });
  });

  describe('status changes', () => {
    it('allocates several plots to a new investor of the zone’s country at once, dated today; the totals follow', async () => {
      const zone = await newZone({ rows: 2, cols: 3 });
      const engineer = await t.as(DEMO.engineer);
      const res = await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots: await refs(zone, ['A1', 'A2', 'A3']),
        status: 'allocated',
        new_investor: { kind: 'company', name_ar: 'شركة النسيج الحديثة', name_en: 'Modern Textiles Co.' },
      });
      expect(res.status).toBe(200);
      const saved = ((await res.json()) as Saved).plots;
      expect(saved.map((p) => [p.plot_number, p.status, p.allocated_on])).toEqual([
        ['A1', 'allocated', today()],
        ['A2', 'allocated', today()],
        ['A3', 'allocated', today()],
      ]);
      const investorId = saved[0]!.investor!.id;
      expect(new Set(saved.map((p) => p.investor?.id))).toEqual(new Set([investorId]));
      const [investor] = await t.db.query<{ country_iso3: string; name_en: string }>('select country_iso3, name_en from investors where id = $1', [investorId]);
      expect(investor).toEqual({ country_iso3: 'SYR', name_en: 'Modern Textiles Co.' });
      expect(await expectTotalsDerived(zone)).toMatchObject({ plots_total: 6, plots_allocated: 3, plots_vacant: 3, occupancy: 50 });

      // Onward, keeping the investor and the date; then producing, then a withdrawal.
      const building = await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1', 'A2']), status: 'under_construction' });
      expect(building.status).toBe(200);
      expect(((await building.json()) as Saved).plots.every((p) => p.investor?.id === investorId && p.allocated_on === today())).toBe(true);
      await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1']), status: 'producing' });
      expect(await expectTotalsDerived(zone)).toMatchObject({ plots_allocated: 3, plots_under_construction: 1, plots_in_production: 1 });

      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A3']), status: 'vacant' }), 400, { parameter: 'note' });
      const withdrawn = await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A3']), status: 'vacant', note: 'The investor gave up the plot' });
      expect(withdrawn.status).toBe(200);
      expect(((await withdrawn.json()) as Saved).plots[0]).toMatchObject({ status: 'vacant', investor: null, allocated_on: null });
      expect(await expectTotalsDerived(zone)).toMatchObject({ plots_allocated: 2, plots_vacant: 4 });

      // The history of A1 tells each step, from → to.
      const history = (await engineer.json(`/api/zones/${zone.id}/plots/${(await refs(zone, ['A1']))[0]!.id}`)).history as { action: string; from: { status?: string } | null; to: { status?: string } | null }[];
      expect(history.filter((h) => h.action === 'update').map((h) => `${h.from?.status}→${h.to?.status}`)).toEqual([
        'under_construction→producing',
        'allocated→under_construction',
        'vacant→allocated',
      ]);
    });

    it('changes nothing when one plot is stale: 409 naming it', async () => {
      const zone = await newZone({ rows: 1, cols: 3 });
      const engineer = await t.as(DEMO.engineer);
      const plots = await refs(zone, ['A1', 'A2', 'A3']);
      await engineer.patch(`/api/zones/${zone.id}/plots/${plots[1]!.id}`, { note: 'changed meanwhile', version: plots[1]!.version });
      const before = await plotsOf(zone);
      const res = await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots,
        status: 'allocated',
        new_investor: { kind: 'company', name_ar: 'شركة لن تُسجّل' },
      });
      const problem = (await expectProblem(res, 409, { detail: /plot A2 is at version 2, not 1.*nothing was saved/ })) as unknown as { stale: { plot_number: string }[] };
      expect(problem.stale.map((s) => s.plot_number)).toEqual(['A2']);
      expect(await plotsOf(zone)).toEqual(before);
      expect(await t.db.query(`select 1 from investors where name_ar = 'شركة لن تُسجّل'`)).toEqual([]);
      await expectTotalsDerived(zone);
    });

    it('changes nothing when one transition is refused: 422 naming the plot and why', async () => {
      const zone = await newZone({ rows: 1, cols: 3 });
      const engineer = await t.as(DEMO.engineer);
      const allocated = await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots: await refs(zone, ['A3']),
        status: 'producing',
        new_investor: { kind: 'person', name_ar: 'نزار الخطيب' },
        allocated_on: '2024-05-01',
      });
      expect(((await allocated.json()) as Saved).plots[0]).toMatchObject({ status: 'producing', allocated_on: '2024-05-01' });
      const before = await plotsOf(zone);
      const res = await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots: await refs(zone, ['A1', 'A2', 'A3']),
        status: 'reserved',
        investor_id: before.find((p) => p.plot_number === 'A3')!.investor_id,
      });
      const problem = (await expectProblem(res, 422, { detail: /plot A3: .*cannot go from producing back to reserved.*Nothing was changed/ })) as unknown as {
        refused: { plot_number: string }[];
      };
      expect(problem.refused.map((r) => r.plot_number)).toEqual(['A3']);
      expect(await plotsOf(zone)).toEqual(before);
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1']), status: 'vacant', note: 'x' }), 422, {
        detail: /plot A1: the plot is already vacant/,
      });
    });

    it('needs an investor for a holding status, an existing one by id, and no investor for a withdrawal', async () => {
      const zone = await newZone({ rows: 1, cols: 2 });
      const engineer = await t.as(DEMO.engineer);
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1']), status: 'reserved' }), 400, {
        parameter: 'investor_id',
        detail: /plot A1 has no investor/,
      });
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1']), status: 'reserved', investor_id: 999999999 }), 400, {
        parameter: 'investor_id',
      });
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: 999999999, version: 1 }], status: 'reserved', investor_id: 1 }), 404);
      expect((await plotsOf(zone)).every((p) => p.status === 'vacant')).toBe(true);
    });
  });

  describe('splitting and merging', () => {
    it('splits a vacant plot by a line across it into <n>-1 and <n>-2, keeping the area and the totals right', async () => {
      const zone = await newZone({ rows: 1, cols: 2 });
      const engineer = await t.as(DEMO.engineer);
      const [a1] = zone.plots;
      const [west, south] = zone.origin;
      const areaBefore = (await zoneFactsTotals(t.db, zone.id)).plots_area_m2;
      const line = { type: 'LineString', coordinates: [[west + CELL / 2, south - 0.0005], [west + CELL / 2, south + CELL + 0.0005]] };
      const res = await engineer.post(`/api/zones/${zone.id}/plots/${a1!.id}/split`, { version: a1!.version, line });
      expect(res.status).toBe(200);
      const saved = (await res.json()) as Saved;
      expect(saved.removed).toEqual([a1!.id]);
      expect(saved.plots.map((p) => [p.plot_number, p.status])).toEqual([['A1-1', 'vacant'], ['A1-2', 'vacant']]);
      const totals = await expectTotalsDerived(zone);
      expect(totals.plots_total).toBe(3);
      expect(Math.abs(totals.plots_area_m2 - areaBefore)).toBeLessThan(1);

      // A line that does not cross the plot, a stale version, numbers that do not match the parts.
      const a2 = zone.plots[1]!;
      const outside = { type: 'LineString', coordinates: [[west + 0.015, south], [west + 0.015, south + 0.01]] };
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/${a2.id}/split`, { version: a2.version, line: outside }), 400, { parameter: 'line', detail: /does not cut plot A2 in two/ });
      const across = { type: 'LineString', coordinates: [[west + 1.5 * CELL, south - 0.0005], [west + 1.5 * CELL, south + CELL + 0.0005]] };
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/${a2.id}/split`, { version: a2.version, line: across, numbers: ['only-one'] }), 400, { parameter: 'numbers' });
      const named = await engineer.post(`/api/zones/${zone.id}/plots/${a2.id}/split`, { version: a2.version, line: across, numbers: ['W', 'E'] });
      expect(((await named.json()) as Saved).plots.map((p) => p.plot_number)).toEqual(['E', 'W']);
      // Parts are numbered from west to east.
      const sides = await t.db.query<{ plot_number: string }>(`select plot_number from zone_plots where zone_id = $1 and plot_number in ('W', 'E') order by ST_XMin(geom)`, [zone.id]);
      expect(sides.map((r) => r.plot_number)).toEqual(['W', 'E']);
      await expectTotalsDerived(zone);
    });

    it('refuses to split a plot that is not vacant', async () => {
      const zone = await newZone({ rows: 1, cols: 1 });
      const engineer = await t.as(DEMO.engineer);
      await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1']), status: 'reserved', new_investor: { kind: 'person', name_ar: 'ريم' } });
      const [a1] = await refs(zone, ['A1']);
      const [west, south] = zone.origin;
      const line = { type: 'LineString', coordinates: [[west + CELL / 2, south - 0.0005], [west + CELL / 2, south + CELL + 0.0005]] };
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/${a1!.id}/split`, { version: a1!.version, line }), 422, { detail: /only a vacant plot may be split/ });
    });

    it('merges adjoining plots of one investor into one that keeps its status and sums jobs and investment', async () => {
      const zone = await newZone({ rows: 2, cols: 3 });
      const engineer = await t.as(DEMO.engineer);
      for (const [n, jobs] of [['A1', 10], ['A2', 15]] as const) {
        const [ref] = await refs(zone, [n]);
        await engineer.patch(`/api/zones/${zone.id}/plots/${ref!.id}`, { planned_jobs: jobs, planned_investment: jobs * 1000, version: ref!.version });
      }
      await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots: await refs(zone, ['A1', 'A2', 'A3']),
        status: 'allocated',
        new_investor: { kind: 'company', name_ar: 'شركة الدمج' },
        allocated_on: '2025-03-01',
      });
      const areaBefore = (await zoneFactsTotals(t.db, zone.id)).plots_area_m2;
      const merged = await engineer.post(`/api/zones/${zone.id}/plots/merge`, { plots: await refs(zone, ['A1', 'A2']), plot_number: 'A1+2' });
      expect(merged.status).toBe(200);
      const saved = (await merged.json()) as Saved;
      expect(saved.removed).toHaveLength(2);
      expect(saved.plots).toEqual([
        expect.objectContaining({ plot_number: 'A1+2', status: 'allocated', allocated_on: '2025-03-01', planned_jobs: 25, planned_investment: 25000, investor: expect.objectContaining({ name_ar: 'شركة الدمج' }) }),
      ]);
      const totals = await expectTotalsDerived(zone);
      expect(totals).toMatchObject({ plots_total: 5, plots_allocated: 2, jobs_planned: 25 });
      expect(Math.abs(totals.plots_area_m2 - areaBefore)).toBeLessThan(1);

      // Not adjoining (A3 and B1 meet at no edge), differing status, a stale version: refused, nothing changed.
      const before = await plotsOf(zone);
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/merge`, { plots: await refs(zone, ['B1', 'B3']), plot_number: 'B' }), 422, { detail: /do not adjoin/ });
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/merge`, { plots: await refs(zone, ['A3', 'B3']), plot_number: 'AB3' }), 422, { detail: /differ in status/ });
      const stale = (await refs(zone, ['B1', 'B2'])).map((r) => ({ ...r, version: r.version + 1 }));
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/merge`, { plots: stale, plot_number: 'B12' }), 409, { detail: /plot B1 .*plot B2/ });
      expect(await plotsOf(zone)).toEqual(before);
      // Vacant neighbours merge, under a number one of them had.
      const vacant = await engineer.post(`/api/zones/${zone.id}/plots/merge`, { plots: await refs(zone, ['B1', 'B2', 'B3']), plot_number: 'B1' });
      expect(((await vacant.json()) as Saved).plots.map((p) => [p.plot_number, p.status])).toEqual([['B1', 'vacant']]);
      expect(await expectTotalsDerived(zone)).toMatchObject({ plots_total: 3, plots_vacant: 1 });
    });
  });

  it('the totals of a zone stay derived through every kind of write, and versions move on', async () => {
    const zone = await newZone({ rows: 3, cols: 3 });
    const engineer = await t.as(DEMO.engineer);
    await expectTotalsDerived(zone);
    await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1', 'B1', 'C1']), status: 'reserved', new_investor: { kind: 'person', name_ar: 'هالة' } });
    await expectTotalsDerived(zone);
    await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: await refs(zone, ['A1', 'B1']), status: 'producing' });
    await expectTotalsDerived(zone);
    const c2 = (await refs(zone, ['C2']))[0]!;
    await engineer.delete(`/api/zones/${zone.id}/plots/${c2.id}?version=${c2.version}`);
    await expectTotalsDerived(zone);
    const versions = await plotVersions(t.db, zone.plots.map((p) => p.id));
    expect(versions.get(zone.plots[0]!.id)).toBe(3);
    const totals = await expectTotalsDerived(zone);
    expect(totals).toMatchObject({ plots_total: 8, plots_reserved: 1, plots_in_production: 2, plots_allocated: 2, occupancy: 25 });
  });
});
