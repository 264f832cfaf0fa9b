import { zip as shpZip } from '@mapbox/shp-write';
import { PlotImportReport } from '@marsad/contracts';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';
import { zipBomb } from '../support/zipBomb.ts';

/**
 * POST /api/zones/{id}/plots/import on a real database: GeoJSON, a zipped shapefile and a DXF
 * in UTM, dry runs, all-or-nothing with rows named, the spatial rules, who may import, and
 * hostile files. Each test makes its own zone (a 400 m square in Damascus, in UTM zone 37N).
 */

const UTM_37N =
  'PROJCS["WGS_1984_UTM_Zone_37N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000],PARAMETER["False_Northing",0],PARAMETER["Central_Meridian",39],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0],UNIT["Meter",1]]';

type Square = [number, number, number, number];

/** A DXF drawing of the given entities (group pairs, one per two lines). */
let handle = 0x100;
const pairs = (...items: (string | number)[]) => items.join('\n');
const nextHandle = () => (handle++).toString(16).toUpperCase();
const dxf = (...entities: string[]) => `${pairs(0, 'SECTION', 2, 'ENTITIES', ...entities, 0, 'ENDSEC', 0, 'EOF')}\n`;
const lwpolyline = (layer: string, points: [number, number, number?][], closed = true) =>
  pairs(0, 'LWPOLYLINE', 5, nextHandle(), 8, layer, 90, points.length, 70, closed ? 1 : 0, ...points.flatMap(([x, y, bulge]) => [10, x, 20, y, ...(bulge ? [42, bulge] : [])]));
const polyline = (layer: string, points: [number, number][]) =>
  pairs(
    0, 'POLYLINE', 5, nextHandle(), 8, layer, 66, 1, 70, 0, 10, 0, 20, 0, 30, 0,
    ...points.flatMap(([x, y]) => [0, 'VERTEX', 5, nextHandle(), 8, layer, 10, x, 20, y, 30, 0]),
    0, 'SEQEND', 5, nextHandle(), 8, layer,
  );
const text = (layer: string, x: number, y: number, value: string) => pairs(0, 'TEXT', 5, nextHandle(), 8, layer, 10, x, 20, y, 40, 2.5, 1, value);
const mtext = (layer: string, x: number, y: number, value: string) => pairs(0, 'MTEXT', 5, nextHandle(), 8, layer, 10, x, 20, y, 40, 2.5, 1, value);

describe('importing plots into a zone', () => {
  let t: TestApp;
  let engineer: Client;
  /** The south-west corner of every test zone, in UTM 37N metres. */
  let e0 = 0;
  let n0 = 0;
  let zones = 0;

  /** A 400 m square zone in Damascus; unpublished and shared with nobody. */
  const makeZone = async (): Promise<number> => {
    const [zone] = await t.db.query<{ id: number }>(
      `insert into projects (code, kind, sector_code, title_ar, title_en, geom)
       values ($1, 'industrial_zone', 'industry', 'منطقة صناعية للاختبار', 'Plot import test zone',
               ST_Transform(ST_MakeEnvelope($2::float8, $3::float8, $2::float8 + 400, $3::float8 + 400, 32637), 4326))
       returning id`,
      [`PLOT-IMP-${++zones}`, e0, n0],
    );
    await t.db.query(
      `insert into zone_facts (project_id, kind, development, plots_total, plots_allocated, plots_in_production) values ($1, 'industrial_zone', 'new', 0, 0, 0)`,
      [zone!.id],
    );
    return Number(zone!.id);
  };

  /** A rectangle of the zone in UTM 37N, `x`, `y` metres from its corner. */
  const utm = (x: number, y: number, w = 50, h = 40): Square => [e0 + x, n0 + y, e0 + x + w, n0 + y + h];
  const ring = ([x0, y0, x1, y1]: Square) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  /** The same rectangle as a GeoJSON polygon in longitude/latitude. */
  const lonLat = async (square: Square) => {
    const [row] = await t.db.query<{ g: string }>(`select ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, 32637), 4326), 9) as g`, square);
    return JSON.parse(row!.g) as { type: 'Polygon'; coordinates: number[][][] };
  };
  const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  const upload = (client: Client, zoneId: number, name: string, content: string | Uint8Array, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new File([content as BlobPart], name));
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return client.post(`/api/zones/${zoneId}/plots/import`, form);
  };
  const plotsOf = (zoneId: number) =>
    t.db.query<{ plot_number: string; activity_code: string | null; status: string; area_m2: number }>(
      'select plot_number, activity_code, status, area_m2::float8 as area_m2 from zone_plots where zone_id = $1 order by plot_number',
      [zoneId],
    );

  beforeAll(async () => {
    t = await testApp('demo');
    engineer = await t.as(DEMO.engineer);
    const [corner] = await t.db.query<{ e: number; n: number }>(
      `select round(ST_X(g))::float8 as e, round(ST_Y(g))::float8 as n from (select ST_Transform(ST_SetSRID(ST_MakePoint(36.29, 33.51), 4326), 32637) as g) p`,
    );
    [e0, n0] = [corner!.e, corner!.n];
  });
  afterAll(() => t.close());

  it('dry-runs a GeoJSON file without writing, then imports it as vacant plots, audited as the engineer', async () => {
    const zoneId = await makeZone();
    const file = collection(
      feature({ plot_number: 'A-1', activity: 'Food processing' }, await lonLat(utm(10, 10))),
      feature({ plot_number: 'A-2', activity: 'textiles' }, await lonLat(utm(70, 10))),
      feature({ plot_number: 3, activity: null }, await lonLat(utm(130, 10))),
    );
    const dry = await upload(engineer, zoneId, 'plots.geojson', file, { dry_run: 'true' });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({ dry_run: true, format: 'geojson', crs: 4326, rows: 3, valid: 3, created: 0, ids: [], warnings: [], errors: [] });
    expect(await plotsOf(zoneId)).toEqual([]);

    const res = await upload(engineer, zoneId, 'plots.geojson', file);
    expect(res.status).toBe(201);
    const report = await res.json();
    expect(PlotImportReport.safeParse(report).error?.issues).toBeUndefined();
    expect(report).toMatchObject({ dry_run: false, rows: 3, valid: 3, created: 3, errors: [] });
    expect(report.ids).toHaveLength(3);
    const plots = await plotsOf(zoneId);
    expect(plots.map((p) => [p.plot_number, p.activity_code, p.status])).toEqual([
      ['3', null, 'vacant'],
      ['A-1', 'food_processing', 'vacant'],
      ['A-2', 'textiles', 'vacant'],
    ]);
    for (const plot of plots) expect(plot.area_m2).toBeCloseTo(2000, -1);
    const [facts] = await t.db.query<{ plots_total: number; plots_vacant: number }>('select plots_total, plots_vacant from zone_facts where project_id = $1', [zoneId]);
    expect(facts).toEqual({ plots_total: 3, plots_vacant: 3 });
    const audit = await t.db.query<{ email: string; n: number }>(
      `select u.email, count(*)::int as n from audit_log a join users u on u.id = a.actor_id
        where a.table_name = 'zone_plots' and a.action = 'insert' and a.project_id = $1 group by u.email`,
      [zoneId],
    );
    expect(audit).toEqual([{ email: DEMO.engineer, n: 3 }]);
  });

  it('imports a zipped shapefile in UTM 37N, its .prj deciding the coordinate system', async () => {
    const zoneId = await makeZone();
    const shapes = {
      type: 'FeatureCollection',
      features: [feature({ plot_no: 'S-1' }, { type: 'Polygon', coordinates: [ring(utm(10, 100))] }), feature({ plot_no: 'S-2' }, { type: 'Polygon', coordinates: [ring(utm(70, 100))] })],
    } as GeoJSON.FeatureCollection;
    const files = unzipSync(new Uint8Array(await shpZip<'uint8array'>(shapes, { outputType: 'uint8array', compression: 'STORE' })));
    const prj = Object.keys(files).find((f) => f.endsWith('.prj'))!;
    const zip = zipSync({ ...files, [prj]: strToU8(UTM_37N) });

    const res = await upload(engineer, zoneId, 'plots.zip', zip);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ format: 'shapefile', crs: 32637, created: 2, errors: [] });
    const plots = await plotsOf(zoneId);
    expect(plots.map((p) => p.plot_number)).toEqual(['S-1', 'S-2']);
    for (const plot of plots) expect(plot.area_m2).toBeCloseTo(2000, -1);

    // A crs that contradicts the .prj is refused rather than guessed between.
    const other = await makeZone();
    await expectProblem(await upload(engineer, other, 'plots.zip', zip, { crs: '32636' }), 400, { parameter: 'crs', detail: /says EPSG:32637.*crs says EPSG:32636/ });
  });

  it('imports a DXF drawn in UTM 37N: closed polylines (arcs too) numbered by the texts inside them', async () => {
    const zoneId = await makeZone();
    const [a, b, c] = [utm(10, 200), utm(100, 200), utm(160, 200)];
    const drawing = dxf(
      // A plot whose east side bulges out into a half circle of 20 m radius.
      lwpolyline('PLOTS', [[a[0], a[1]], [a[2], a[1], 1], [a[2], a[3]], [a[0], a[3]]]),
      mtext('NUMBERS', a[0] + 20, a[1] + 20, '{\\fArial|b0;\\C1;D-1}'),
      // An old-style POLYLINE that ends where it starts instead of being flagged closed.
      polyline('PLOTS', [[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]),
      text('NUMBERS', b[0] + 20, b[1] + 20, 'D-2'),
      lwpolyline('PLOTS', ring(c).slice(0, 4) as [number, number][]),
      text('NUMBERS', c[0] + 20, c[1] + 20, '\\U+0645-3'),
      // An open line (a road edge) and a text outside every plot: skipped.
      lwpolyline('ROADS', [[e0, n0 + 300], [e0 + 400, n0 + 300]], false),
      text('NUMBERS', e0 + 390, n0 + 390, 'North gate'),
    );

    await expectProblem(await upload(engineer, zoneId, 'plan.dxf', drawing), 400, { parameter: 'crs', detail: /DXF drawing does not say which coordinate system.*32637/ });

    const res = await upload(engineer, zoneId, 'plan.dxf', drawing, { crs: 'EPSG:32637' });
    expect([res.status, (await res.clone().json()).errors]).toEqual([201, []]);
    const report = await res.json();
    expect(report).toMatchObject({ format: 'dxf', crs: 32637, rows: 3, created: 3, errors: [] });
    expect(report.warnings).toEqual([expect.stringMatching(/1 open polyline.*ROADS/)]);
    const plots = await plotsOf(zoneId);
    expect(plots.map((p) => p.plot_number)).toEqual(['D-1', 'D-2', 'م-3']);
    // 50 × 40 m and half a circle of 20 m radius: 2000 + 628 m².
    expect(plots[0]!.area_m2).toBeCloseTo(2628, -1);
    expect(plots[1]!.area_m2).toBeCloseTo(2000, -1);
  });

  it('numbers a DXF without texts in drawing order, and reads only the layer asked for', async () => {
    const zoneId = await makeZone();
    const drawing = dxf(
      lwpolyline('PLOTS', ring(utm(10, 300)).slice(0, 4) as [number, number][]),
      lwpolyline('PLOTS', ring(utm(70, 300)).slice(0, 4) as [number, number][]),
      lwpolyline('BOUNDARY', ring([e0, n0, e0 + 400, n0 + 400]).slice(0, 4) as [number, number][]),
    );
    const res = await upload(engineer, zoneId, 'plan.dxf', drawing, { crs: '32637', layer: 'plots', dry_run: 'true' });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ rows: 2, valid: 2, errors: [] });
    expect(report.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/other layers than plots.*BOUNDARY \(1\)/), expect.stringMatching(/numbered 1 to 2 in drawing order/)]),
    );
    expect(await plotsOf(zoneId)).toEqual([]);
  });

  it('names every bad row and imports nothing when one plot cannot be imported', async () => {
    const zoneId = await makeZone();
    await t.db.query(
      `insert into zone_plots (zone_id, plot_number, geom) values ($1, 'B-9', ST_Multi(ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, 32637), 4326)))`,
      [zoneId, ...utm(300, 300)],
    );
    const bowtie = await lonLat(utm(10, 60));
    bowtie.coordinates[0] = [bowtie.coordinates[0]![0]!, bowtie.coordinates[0]![2]!, bowtie.coordinates[0]![1]!, bowtie.coordinates[0]![3]!, bowtie.coordinates[0]![0]!];
    const file = collection(
      feature({ plot_number: 'B-1' }, await lonLat(utm(10, 10))),
      feature({ plot_number: '' }, await lonLat(utm(70, 10))),
      feature({ plot_number: 'B-1' }, await lonLat(utm(130, 10))),
      feature({ plot_number: 'B-9' }, await lonLat(utm(190, 10))),
      feature({ plot_number: 'B-5', activity: 'widgets' }, await lonLat(utm(250, 10))),
      feature({ plot_number: 'B-6' }, { type: 'Point', coordinates: [36.29, 33.51] }),
      feature({ plot_number: 'B-7' }, bowtie),
    );
    const res = await upload(engineer, zoneId, 'plots.geojson', file);
    const problem = await expectProblem(res, 422, { detail: /6 of 7 plots cannot be imported; nothing was imported/ });
    const errors = (problem as unknown as { errors: { row: number; field: string; message: string; repairable?: boolean }[] }).errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'plot_number'],
      [3, 'plot_number'],
      [4, 'plot_number'],
      [5, 'activity'],
      [6, 'geometry'],
      [7, 'geometry'],
    ]);
    expect(errors[1]!.message).toMatch(/also row 1/);
    expect(errors[2]!.message).toMatch(/already exists in this zone/);
    expect(errors[4]!.message).toMatch(/Polygon or MultiPolygon/);
    expect(errors[5]).toMatchObject({ message: expect.stringMatching(/Self-intersection.*repair=true/), repairable: true });
    expect((await plotsOf(zoneId)).map((p) => p.plot_number)).toEqual(['B-9']);

    // With only the bow-tie left wrong, repair=true imports it too.
    const fixed = collection(feature({ plot_number: 'B-1' }, await lonLat(utm(10, 10))), feature({ plot_number: 'B-7' }, bowtie));
    const repaired = await upload(engineer, zoneId, 'plots.geojson', fixed, { repair: 'true' });
    expect(repaired.status).toBe(201);
    expect((await plotsOf(zoneId)).map((p) => p.plot_number)).toEqual(['B-1', 'B-7', 'B-9']);
  });

  it('refuses plots that overlap each other or an existing plot, or stray outside the zone', async () => {
    const zoneId = await makeZone();
    await t.db.query(
      `insert into zone_plots (zone_id, plot_number, geom) values ($1, 'OLD', ST_Multi(ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, 32637), 4326)))`,
      [zoneId, ...utm(300, 300)],
    );
    const file = collection(
      feature({ plot_number: 'C-1' }, await lonLat(utm(10, 10))),
      feature({ plot_number: 'C-2' }, await lonLat(utm(40, 10))),
      feature({ plot_number: 'C-3' }, await lonLat(utm(380, 100))),
      feature({ plot_number: 'C-4' }, await lonLat(utm(320, 320))),
    );
    const dry = await (await upload(engineer, zoneId, 'plots.geojson', file, { dry_run: 'true' })).json();
    expect(dry).toMatchObject({ rows: 4, valid: 1, created: 0 });
    expect(dry.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [1, expect.stringMatching(/overlaps plot C-2 \(row 2 of the file\) by (79\d|80\d)(\.\d)? m²/)],
      [3, expect.stringMatching(/outside the zone \(\d+(\.\d)? m² beyond/)],
      [4, expect.stringMatching(/overlaps plot OLD \(already in the zone\)/)],
    ]);
    const res = await upload(engineer, zoneId, 'plots.geojson', file);
    await expectProblem(res, 422, { detail: /3 of 4 plots/ });
    expect((await plotsOf(zoneId)).map((p) => p.plot_number)).toEqual(['OLD']);
  });

  it('refuses coordinates that are not longitude/latitude when nothing says their CRS', async () => {
    const zoneId = await makeZone();
    const file = collection(feature({ plot_number: 'U-1' }, { type: 'Polygon', coordinates: [ring(utm(10, 10))] }));
    await expectProblem(await upload(engineer, zoneId, 'plots.geojson', file), 400, { parameter: 'crs', detail: /cannot be: send crs/ });
    const res = await upload(engineer, zoneId, 'plots.geojson', file, { crs: '32637' });
    expect(res.status).toBe(201);
    await expectProblem(await upload(engineer, zoneId, 'plots.geojson', file, { crs: '999999' }), 400, { parameter: 'crs', detail: /not a coordinate system PostGIS knows/ });
    // A wrong crs can throw plots off the globe: refused, never a server error.
    const far = collection(feature({ plot_number: 'U-2' }, { type: 'Polygon', coordinates: [ring([5e7, 5e7, 5e7 + 50, 5e7 + 40])] }));
    const offGlobe = await upload(engineer, zoneId, 'plots.geojson', far, { crs: '32637' });
    expect([400, 422]).toContain(offGlobe.status);
    await expectProblem(await upload(engineer, zoneId, 'plots.geojson', file, { numbr_field: 'no' }), 400, { detail: /numbr_field/ });
  });

  it('lets only the zone\'s engineers and admins import: 401, 404, 403', async () => {
    const zoneId = await makeZone();
    const file = collection(feature({ plot_number: 'X-1' }, await lonLat(utm(10, 10))));
    await expectProblem(await upload(t.anonymous, zoneId, 'plots.geojson', file), 401);
    await expectProblem(await upload(await t.as(DEMO.undpDonor), zoneId, 'plots.geojson', file), 404);
    await expectProblem(await upload(await t.as(DEMO.aleppoEngineer), zoneId, 'plots.geojson', file), 403, { detail: /may not import plots into zone/ });
    const [project] = await t.db.query<{ id: number }>(`select id from projects where kind = 'development_project' and code like 'SY-DI%' limit 1`);
    await expectProblem(await upload(engineer, Number(project!.id), 'plots.geojson', file), 404);
    expect(await plotsOf(zoneId)).toEqual([]);
    const admin = await upload(await t.as(DEMO.admin), zoneId, 'plots.geojson', file);
    expect(admin.status).toBe(201);
  });

  it('refuses hostile files quickly: a zip bomb, a DXF of too many entities, too many plots, a binary DXF, an oversized upload', async () => {
    const zoneId = await makeZone();
    await expectProblem(await upload(engineer, zoneId, 'bomb.zip', zipBomb(2 * 1024 * 1024 * 1024, { declaredBytes: 1024 })), 413, { detail: /inflates to more than 64 MB/ });

    const texts = Array.from({ length: 20_001 }, (_, i) => text('T', i, 0, 'x'));
    await expectProblem(await upload(engineer, zoneId, 'huge.dxf', dxf(...texts), { crs: '32637' }), 413, { detail: /more than 20,000 polylines and texts/ });

    const many = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 5001 }, () => ({ type: 'Feature', properties: {}, geometry: null })) });
    await expectProblem(await upload(engineer, zoneId, 'many.geojson', many), 413, { detail: /5,001 plots; an import may hold at most 5,000/ });

    await expectProblem(await upload(engineer, zoneId, 'plan.dxf', new Uint8Array([...strToU8('AutoCAD Binary DXF\r\n'), 0x1a, 0, 1, 2, 3])), 400, { detail: /binary DXF/ });
    await expectProblem(await upload(engineer, zoneId, 'plan.dxf', '0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n', { crs: '32637' }), 400, { detail: /no ENTITIES section/ });

    const big = new Uint8Array(21 * 1024 * 1024).fill(0x20);
    await expectProblem(await upload(engineer, zoneId, 'big.dxf', big), 413, { detail: /over 20 MB/ });
    expect(await plotsOf(zoneId)).toEqual([]);
  });
});
