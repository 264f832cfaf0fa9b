import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectProblem } from '../support/problems.ts';
import { addInvestor, addPlots, addUtilityReport, zonesWhere, type InvestorRow } from '../support/plotSql.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * Plots in the exports: GET /api/exports/plots.csv|.geojson, and the XLSX export's Zones and
 * Plots sheets. Who holds a plot is in them for ministry accounts only.
 */

const PUBLIC_COLUMNS = [
  'id', 'plot_number', 'zone_id', 'zone_code', 'zone_title_ar', 'zone_title_en', 'governorate', 'status', 'activity',
  'activity_name_ar', 'activity_name_en', 'area_m2', 'allocated_on', 'planned_jobs', 'actual_jobs', 'planned_investment',
  'actual_investment', 'currency',
];
const INVESTOR_COLUMNS = ['investor_name', 'investor_name_en', 'investor_kind', 'investor_contact', 'investor_phone', 'investor_email'];

describe('plot exports', () => {
  let t: TestApp;
  let minister: Client;
  let donor: Client;
  let investor: InvestorRow;
  /** Published and shared with UNDP; unpublished and shared with nobody. */
  let shown: { id: number; governorate: string };
  let hidden: number;

  beforeAll(async () => {
    t = await testApp('demo');
    [minister, donor] = [await t.as(DEMO.minister), await t.as(DEMO.undpDonor)];
    investor = await addInvestor(t.db, 'مصنع التصدير الخفي', '+963 33 909 1234', 'Hidden Export Works');
    const [id] = await zonesWhere(t.db, 'p.is_published');
    const [row] = await t.db.query<{ code: string }>('select a.code from projects p join admin_areas a on a.id = p.admin_area_id where p.id = $1', [id]);
    shown = { id: id!, governorate: row!.code };
    hidden = (await zonesWhere(t.db, 'not p.is_published and not exists (select 1 from project_shares s where s.project_id = p.id)'))[0]!;
    await t.db.query(`insert into project_shares (project_id, organization_id) select $1, id from organizations where slug = 'undp' on conflict do nothing`, [shown.id]);
    await addPlots(t.db, shown.id, [
      { number: 'E-1', plannedJobs: 5 },
      { number: 'E-2', status: 'allocated', investorId: investor.id, plannedJobs: 30, plannedInvestment: 120000.5 },
      { number: 'E-3', status: 'producing', investorId: investor.id, actualJobs: 44, activity: 'textiles' },
    ]);
    await addPlots(t.db, hidden, [{ number: 'X-1', status: 'reserved', investorId: investor.id }]);
    await addUtilityReport(t.db, shown.id, '2025-05-01', [
      { network: 'water', stage: 'under_construction', readiness: 40 },
      { network: 'telecoms', stage: 'operational', readiness: 100 },
    ]);
  });
  afterAll(() => t.close());

  const visiblePlots = async (where: string) =>
    (await t.db.query<{ id: number }>(`select zp.id from zone_plots zp join projects p on p.id = zp.zone_id where ${where} order by zp.id`)).map((r) => r.id);

  it('exports the plots each viewer may see as CSV, investor columns for the ministry only', async () => {
    for (const [who, client, visible, investors] of [
      ['anonymous', t.anonymous, 'p.is_published', false],
      ['donor', donor, `p.id in (select s.project_id from project_shares s join organizations o on o.id = s.organization_id where o.slug = 'undp')`, false],
      ['minister', minister, 'true', true],
    ] as const) {
      const res = await client.get('/api/exports/plots.csv');
      expect(res.status, who).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/filename="marsad-plots-\d{4}-\d{2}-\d{2}\.csv"/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const text = await res.text();
      const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]!.split(','), who).toEqual([...PUBLIC_COLUMNS, ...(investors ? INVESTOR_COLUMNS : []), 'wkt']);
      expect(lines.length - 1, who).toBe((await visiblePlots(visible)).length);
      for (const secret of [investor.name_ar, 'Hidden Export Works', investor.phone]) expect(text.includes(secret), `${who}: ${secret}`).toBe(investors);
      expect(lines.some((line) => line.includes('MULTIPOLYGON'))).toBe(true);
    }
  });

  it('exports one zone as GeoJSON with the plot filters, and 404 for a zone the viewer may not see', async () => {
    const geojson = async (client: Client, query: string) => {
      const res = await client.get(`/api/exports/plots.geojson?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      return (await res.json()) as { numberMatched: number; features: { id: number; geometry: { type: string }; properties: Record<string, unknown> }[] };
    };
    const anonymous = await geojson(t.anonymous, `zone=${shown.id}`);
    expect(anonymous.features.map((f) => f.properties.plot_number)).toEqual(['E-1', 'E-2', 'E-3']);
    expect(anonymous.numberMatched).toBe(3);
    expect(anonymous.features[1]!.geometry.type).toBe('MultiPolygon');
    expect(anonymous.features[1]!.properties).toMatchObject({ status: 'allocated', planned_jobs: 30, planned_investment: 120000.5, zone_id: shown.id });
    for (const f of [...anonymous.features, ...(await geojson(donor, `zone=${shown.id}`)).features]) {
      expect(Object.keys(f.properties).filter((key) => key.startsWith('investor'))).toEqual([]);
    }
    const ministerView = await geojson(minister, `zone=${shown.id}&plot_status=allocated,producing`);
    expect(ministerView.features.map((f) => [f.properties.plot_number, f.properties.investor_name, f.properties.investor_phone])).toEqual([
      ['E-2', investor.name_ar, investor.phone],
      ['E-3', investor.name_ar, investor.phone],
    ]);
    expect((await geojson(minister, `zone=${shown.id}&activity=textiles`)).features.map((f) => f.properties.plot_number)).toEqual(['E-3']);
    expect((await geojson(minister, `governorate=${shown.governorate}&zone=${shown.id},${hidden}`)).features.length).toBeGreaterThanOrEqual(3);
    for (const client of [t.anonymous, donor]) {
      await expectProblem(await client.get(`/api/exports/plots.geojson?zone=${hidden}`), 404);
      await expectProblem(await client.get(`/api/exports/plots.csv?zone=${shown.id},${hidden}`), 404);
    }
    await expectProblem(await minister.get('/api/exports/plots.geojson?zone=abc'), 400, { parameter: 'zone' });
    await expectProblem(await minister.get('/api/exports/plots.geojson?plot_status=sold'), 400, { parameter: 'plot_status' });
    await expectProblem(await minister.get('/api/exports/plots.csv?activity=mining'), 400, { parameter: 'activity' });
    await expectProblem(await minister.get('/api/exports/plots.csv?governorate=SY-ZZ'), 400, { parameter: 'governorate' });
  });

  it('adds Zones and Plots sheets to the XLSX export, the investor columns for the ministry only', async () => {
    const path = `/api/exports/projects.xlsx?governorate=${shown.governorate}`;
    for (const [who, client, investors] of [
      ['anonymous', t.anonymous, false],
      ['donor', donor, false],
      ['minister', minister, true],
    ] as const) {
      const res = await client.get(path);
      expect(res.status, who).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Projects', 'Zones', 'Plots', 'About']);
      const header = (sheet: string) => (workbook.getWorksheet(sheet)!.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      expect(header('Plots'), who).toEqual([...PUBLIC_COLUMNS, ...(investors ? INVESTOR_COLUMNS : [])]);
      // Every text in the file, including shared strings and document properties, is searched.
      const xml = Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)).join('\n');
      for (const secret of [investor.name_ar, 'Hidden Export Works', investor.phone]) expect(xml.includes(secret), `${who}: ${secret}`).toBe(investors);
      if (who !== 'minister') continue;

      const zones = workbook.getWorksheet('Zones')!;
      const zoneHeader = header('Zones') as string[];
      const zoneRow = Array.from({ length: zones.actualRowCount - 1 }, (_, i) => zones.getRow(i + 2)).find((row) => row.getCell(1).value === shown.id)!;
      const cell = (name: string) => zoneRow.getCell(zoneHeader.indexOf(name) + 1).value;
      const [facts] = await t.db.query<Record<string, number>>(
        'select plots_total, plots_vacant, plots_allocated, plots_in_production, jobs_planned, jobs_actual, occupancy, readiness from zone_facts where project_id = $1',
        [shown.id],
      );
      expect(facts).toMatchObject({ plots_total: 3, plots_vacant: 1, plots_allocated: 2, plots_in_production: 1, jobs_planned: 35, jobs_actual: 44 });
      for (const [name, value] of Object.entries(facts!)) expect(cell(name), name).toBe(value);
      expect([cell('water_stage'), cell('water_readiness'), cell('telecoms_stage'), cell('roads_stage')]).toEqual(['under_construction', 40, 'operational', null]);
      const zoneCount = (await t.db.query<{ n: number }>(
        `select count(*)::integer as n from projects p join admin_areas a on a.id = p.admin_area_id where a.code = $1 and p.kind in ('industrial_zone', 'craft_zone')`,
        [shown.governorate],
      ))[0]!.n;
      expect(zones.actualRowCount - 1).toBe(zoneCount);
      const plots = workbook.getWorksheet('Plots')!;
      expect(plots.actualRowCount - 1).toBe((await visiblePlots(`p.admin_area_id = (select id from admin_areas where code = '${shown.governorate}')`)).length);
    }
  });
});
