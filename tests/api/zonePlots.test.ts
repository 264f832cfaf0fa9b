import { ANONYMOUS, plotRows, type Viewer } from '@marsad/api/internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectStatus } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';
import { createZone, type FixtureZone } from '../support/zoneFixtures.ts';

/**
 * Reading a zone's plots: filters, one plot with its history, and the rule that who holds a plot
 * (its investor) reaches the ministry only: never donors or anonymous callers, by any of the
 * plots API's paths (list, GeoJSON, one plot, history, search).
 */

interface ListedPlot {
  id: number;
  plot_number: string;
  status: string;
  activity: string | null;
  investor?: { id: number; name_ar: string; name_en: string | null } | null;
}

const INVESTOR = { kind: 'company', name_ar: 'شركة الياسمين التجارية', name_en: 'Jasmine Foods', phone: '+963 11 000 0000' };

describe('reading zone plots', () => {
  let t: TestApp;
  let zone: FixtureZone;
  let hidden: FixtureZone;
  let investorId: number;
  const plot = (n: string) => zone.plots.find((p) => p.plot_number === n)!;
  const list = async (client: Client, query = '') => (await client.json(`/api/zones/${zone.id}/plots${query}`)) as { total: number; items: ListedPlot[] };
  const numbers = (items: ListedPlot[]) => items.map((p) => p.plot_number);

  beforeAll(async () => {
    t = await testApp('demo');
    const admin = await t.as(DEMO.admin);
    // A published zone shared with UNDP, with two plots allocated and one producing food.
    zone = await createZone(t.db, admin, { grid: { rows: 2, cols: 3 }, published: true });
    hidden = await createZone(t.db, admin, { grid: { rows: 1, cols: 1 } });
    await expectStatus(await admin.put(`/api/projects/${zone.id}/shares/undp`), 204, 'sharing the zone with UNDP');
    const engineer = await t.as(DEMO.engineer);
    await expectStatus(
      await engineer.patch(`/api/zones/${zone.id}/plots/${plot('B1').id}`, { activity: 'food_processing', version: plot('B1').version }),
      200,
      'setting an activity',
    );
    const allocated = await expectStatus(
      await engineer.post(`/api/zones/${zone.id}/plots/status`, {
        plots: ['A1', 'A2', 'B1'].map((n) => ({ id: plot(n).id, version: n === 'B1' ? 2 : 1 })),
        status: 'allocated',
        new_investor: INVESTOR,
      }),
      200,
      'allocating plots',
    );
    investorId = ((await allocated.json()) as { plots: ListedPlot[] }).plots[0]!.investor!.id;
    await expectStatus(
      await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: plot('B1').id, version: 3 }], status: 'producing' }),
      200,
      'producing',
    );
  });
  afterAll(() => t.close());

  it('lists every plot of the zone in plot-number order, with status and activity', async () => {
    const { total, items } = await list(await t.as(DEMO.viewer));
    expect(total).toBe(6);
    expect(numbers(items)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    expect(items.find((p) => p.plot_number === 'B1')).toMatchObject({ status: 'producing', activity: 'food_processing' });
  });

  it('filters by status, activity, vacant only and text', async () => {
    const viewer = await t.as(DEMO.viewer);
    expect(numbers((await list(viewer, '?status=allocated,producing')).items)).toEqual(['A1', 'A2', 'B1']);
    expect(numbers((await list(viewer, '?status=producing')).items)).toEqual(['B1']);
    expect(numbers((await list(viewer, '?activity=food_processing')).items)).toEqual(['B1']);
    expect(numbers((await list(viewer, '?vacant_only=true')).items)).toEqual(['A3', 'B2', 'B3']);
    expect(numbers((await list(viewer, '?q=b2')).items)).toEqual(['B2']);
    // By the activity's name, in Arabic or English.
    expect(numbers((await list(viewer, `?q=${encodeURIComponent('الغذائية')}`)).items)).toEqual(['B1']);
    expect(numbers((await list(viewer, '?q=Food%20proc')).items)).toEqual(['B1']);
    expect((await list(viewer, '?status=vacant&activity=food_processing')).total).toBe(0);
  });

  it('refuses unknown filter values with a 400 naming the parameter', async () => {
    const viewer = await t.as(DEMO.viewer);
    await expectProblem(await viewer.get(`/api/zones/${zone.id}/plots?status=sold`), 400, { parameter: 'status', detail: /"sold" is not one of vacant/ });
    await expectProblem(await viewer.get(`/api/zones/${zone.id}/plots?vacant_only=yes`), 400, { parameter: 'vacant_only' });
    await expectProblem(await viewer.get(`/api/zones/${zone.id}/plots?format=kml`), 400, { parameter: 'format' });
  });

  it('gives the plots as GeoJSON features with their outlines', async () => {
    const res = await (await t.as(DEMO.minister)).get(`/api/zones/${zone.id}/plots?format=geojson&status=allocated`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'FeatureCollection', numberMatched: 2, numberReturned: 2 });
    expect(body.features[0]).toMatchObject({ type: 'Feature', id: plot('A1').id, geometry: { type: 'MultiPolygon' }, properties: { plot_number: 'A1', investor: { id: investorId } } });
  });

  it.each([['minister'], ['viewer'], ['planner'], ['engineer'], ['admin']] as const)('shows who holds each plot to the %s, and finds plots by investor name', async (role) => {
    const client = await t.as(DEMO[role]);
    const { items } = await list(client);
    expect(items.find((p) => p.plot_number === 'A1')!.investor).toEqual({ id: investorId, name_ar: INVESTOR.name_ar, name_en: INVESTOR.name_en, kind: 'company' });
    expect(items.find((p) => p.plot_number === 'A3')!.investor).toBeNull();
    expect(numbers((await list(client, '?q=jasmine')).items)).toEqual(['A1', 'A2', 'B1']);
    const detail = await client.json(`/api/zones/${zone.id}/plots/${plot('A1').id}`);
    expect(detail.investor.id).toBe(investorId);
    expect(detail.history.some((h: { to: Record<string, unknown> | null }) => h.to?.investor_id === investorId)).toBe(true);
  });

  describe('to donors and anonymous callers', () => {
    const outsiders = [
      ['a donor the zone is shared with', async () => t.as(DEMO.undpDonor)],
      ['an anonymous caller (the zone is published)', async () => t.anonymous],
    ] as const;

    it.each(outsiders)('%s sees status and activity, and never the investor: not in the list, GeoJSON, one plot or its history', async (_who, client) => {
      const c = await client();
      const { items } = await list(c);
      expect(numbers(items)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
      for (const item of items) expect(Object.keys(item)).not.toContain('investor');
      expect(items.find((p) => p.plot_number === 'B1')).toMatchObject({ status: 'producing', activity: 'food_processing' });
      const geojson = await (await c.get(`/api/zones/${zone.id}/plots?format=geojson`)).text();
      const detail = await (await c.get(`/api/zones/${zone.id}/plots/${plot('A1').id}`)).text();
      expect(JSON.parse(detail).history.length).toBeGreaterThan(1);
      for (const text of [JSON.stringify(items), geojson, detail]) {
        expect(text).not.toContain('investor');
        expect(text).not.toContain(INVESTOR.name_ar);
        expect(text).not.toContain(INVESTOR.name_en);
        expect(text).not.toContain(INVESTOR.phone);
      }
      // The history still says what happened, without whom.
      const history = JSON.parse(detail).history as { action: string; from: { status?: string } | null; to: { status?: string } | null }[];
      expect(history.some((h) => h.from?.status === 'vacant' && h.to?.status === 'allocated')).toBe(true);
    });

    it.each(outsiders)('%s finds nothing by an investor name', async (_who, client) => {
      const c = await client();
      expect((await list(c, '?q=jasmine')).total).toBe(0);
      expect((await list(c, `?q=${encodeURIComponent('الياسمين')}`)).total).toBe(0);
      // …while the plot number still finds its plot.
      expect(numbers((await list(c, '?q=A1')).items)).toEqual(['A1']);
    });

    it.each(outsiders)('%s is told investors do not exist', async (_who, client) => {
      const c = await client();
      await expectProblem(await c.get('/api/investors'), 404);
      await expectProblem(await c.get(`/api/investors/${investorId}`), 404);
    });
  });

  it('answers 404 for a zone the caller may not see, a plot of another zone, or a project that is no zone', async () => {
    await expectProblem(await t.anonymous.get(`/api/zones/${hidden.id}/plots`), 404, { detail: new RegExp(`No zone ${hidden.id}`) });
    await expectProblem(await (await t.as(DEMO.undpDonor)).get(`/api/zones/${hidden.id}/plots/${hidden.plots[0]!.id}`), 404);
    const viewer = await t.as(DEMO.viewer);
    await expectProblem(await viewer.get(`/api/zones/${zone.id}/plots/${hidden.plots[0]!.id}`), 404, { detail: /has no plot/ });
    const [project] = await t.db.query<{ id: number }>(`select id from projects where kind = 'development_project' limit 1`);
    await expectProblem(await viewer.get(`/api/zones/${project!.id}/plots`), 404);
    await expectProblem(await viewer.get(`/api/zones/${zone.id}/plots/abc`), 400, { parameter: 'plotId' });
  });

  it('plotRows (for exports and OGC) reads plots under the zones’ filters and a box, by the same investor rule', async () => {
    const minister: Viewer = { kind: 'user', userId: 0, role: 'minister', organizationId: 0 };
    const ours = <R extends { zone_id: number }>(rows: R[]) => rows.filter((r) => r.zone_id === zone.id || r.zone_id === hidden.id);
    const taken = await plotRows(t.db, { zones: { governorate: ['SY-DI'] }, status: ['allocated', 'producing'] }, minister, { withGeometry: true });
    expect(ours(taken.rows).map((r) => [r.plot_number, r.investor?.id])).toEqual([
      ['A1', investorId],
      ['A2', investorId],
      ['B1', investorId],
    ]);
    expect((await plotRows(t.db, { zones: { governorate: ['SY-HL'] }, zoneId: zone.id }, minister)).total).toBe(0);
    // Anonymous callers: published zones only, and no investor key.
    const published = ours((await plotRows(t.db, { zones: { governorate: ['SY-DI'] } }, ANONYMOUS)).rows);
    expect(new Set(published.map((r) => r.zone_id))).toEqual(new Set([zone.id]));
    for (const row of published) expect(Object.keys(row)).not.toContain('investor');
    // A box around the grid's first cell finds A1 and the plots touching it.
    const [west, south] = zone.origin;
    const boxed = await plotRows(t.db, { zoneId: zone.id, bbox: [west + 0.0005, south + 0.0005, west + 0.001, south + 0.001] }, ANONYMOUS);
    expect(boxed.rows.map((r) => r.plot_number)).toEqual(['A1']);
    const page = await plotRows(t.db, zone.id, ANONYMOUS, { limit: 2, offset: 2 });
    expect([page.total, page.rows.map((r) => r.plot_number)]).toEqual([6, ['A3', 'B1']]);
    expect((await plotRows(t.db, zone.id, ANONYMOUS, { limit: 2, offset: 10 })).total).toBe(6);
  });

  it("a plot's history names who changed it, newest first", async () => {
    const detail = await (await t.as(DEMO.viewer)).json(`/api/zones/${zone.id}/plots/${plot('B1').id}`);
    const [{ display_name }] = (await t.db.query<{ display_name: string }>('select display_name from users where email = $1', [DEMO.engineer])) as [{ display_name: string }];
    expect(detail.history.map((h: { action: string; to: { status?: string; activity_code?: string } }) => [h.action, h.to?.status ?? h.to?.activity_code])).toEqual([
      ['update', 'producing'],
      ['update', 'allocated'],
      ['update', 'food_processing'],
      ['insert', 'vacant'],
    ]);
    expect(detail.history.slice(0, 3).every((h: { actor: string }) => h.actor === display_name)).toBe(true);
    expect(detail.history[0].occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});
