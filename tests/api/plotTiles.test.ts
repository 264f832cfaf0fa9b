import { VectorTile } from '@mapbox/vector-tile';
import { ANONYMOUS, JavascriptTileEncoder, PostgisTileEncoder, plotsLayer } from '@marsad/api/internals';
import { PLOTS_MINZOOM, TILE_LAYERS } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { useTestApp } from '../support/testApp.ts';
import { freshDatabase } from '../support/testDatabases.ts';

/**
 * The `plots` tile layer: a zone's plots from PLOTS_MINZOOM up, with status and activity, for
 * exactly the viewers who may see the zone, and never who holds a plot.
 */

interface Feature {
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
}

function plotFeatures(bytes: Uint8Array): Feature[] | undefined {
  const layer = new VectorTile(new Pbf(bytes)).layers.plots;
  if (layer === undefined) return undefined;
  return Array.from({ length: layer.length }, (_, i) => {
    const f = layer.feature(i);
    return { id: f.id, type: f.type, properties: f.properties };
  }).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n),
  };
}

const STATUSES = ['vacant', 'reserved', 'allocated', 'producing'] as const;
const PLOT_PROPERTIES = Object.keys(TILE_LAYERS.plots[0].fields).sort();

/** A zone (not used by another test) with just four plots (one per status; the held ones by an investor), each a square of about 60 m near the zone's label point. */
async function zoneWithPlots(db: Queryable, published: boolean, sameZoneAs?: number) {
  const [zone] = await db.query<{ id: number; lon: number; lat: number }>(
    `select p.id, ST_X(p.label_point) as lon, ST_Y(p.label_point) as lat
       from projects p join zone_facts z on z.project_id = p.id
      where ($2::bigint is null or p.id = $2) and p.is_published = $1 and not exists (select 1 from zone_plots pl where pl.zone_id = p.id and pl.plot_number like 'T-%')
        and not exists (select 1 from project_shares s where s.project_id = p.id)
      order by p.id limit 1`,
    [published, sameZoneAs ?? null],
  );
  // The demo's own plots of the zone make way for these four.
  await db.query('delete from zone_plots where zone_id = $1', [zone!.id]);
  const [investor] = await db.query<{ id: number }>(
    `insert into investors (country_iso3, kind, name_ar, name_en, phone) values ('SYR', 'company', 'شركة الاختبار', 'Test Holdings', '+963 11 000 0000') returning id`,
  );
  const ids: number[] = [];
  for (const [i, status] of STATUSES.entries()) {
    const [lon, lat] = [zone!.lon + i * 0.0007, zone!.lat];
    const [plot] = await db.query<{ id: number }>(
      `insert into zone_plots (zone_id, plot_number, geom, activity_code, status, investor_id, allocated_on, planned_jobs)
       values ($1, $2, ST_Multi(ST_MakeEnvelope($3::float8, $4::float8, $3::float8 + 0.0006, $4::float8 + 0.0006, 4326)), $5, $6, $7, $8, 12) returning id`,
      [zone!.id, `T-${i + 1}`, lon, lat, i === 0 ? null : 'food_processing', status, status === 'vacant' ? null : investor!.id,
        status === 'vacant' || status === 'reserved' ? null : '2026-03-01'],
    );
    ids.push(plot!.id);
  }
  return { id: zone!.id, plots: ids, tile: tileAt(zone!.lon + 0.001, zone!.lat + 0.0003, 15) };
}

describe('plot tiles', () => {
  const t = useTestApp('demo');

  const plotsIn = async (path: string, client = t.anonymous) => {
    const res = await client.get(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    return plotFeatures(new Uint8Array(await res.arrayBuffer()));
  };
  const path = ({ z, x, y }: { z: number; x: number; y: number }, query = '') => `/tiles/plots/${z}/${x}/${y}.mvt${query}`;

  it('draws a published zone\'s plots with their number, status, activity and area, and nothing else', async () => {
    const zone = await zoneWithPlots(t.db, true);
    const features = (await plotsIn(path(zone.tile)))!.filter((f) => f.properties.zone_id === zone.id);
    expect(features.map((f) => f.id)).toEqual(zone.plots);
    expect(features.every((f) => f.type === 3)).toBe(true);
    const expected = await t.db.query<{ plot_number: string; status: string; activity_code: string | null; area_m2: number }>(
      'select plot_number, status, activity_code, area_m2::float8 as area_m2 from zone_plots where zone_id = $1 order by id',
      [zone.id],
    );
    expect(features.map((f) => f.properties)).toEqual(
      expected.map((r) => ({
        zone_id: zone.id,
        plot_number: r.plot_number,
        status: r.status,
        area_m2: r.area_m2,
        // A null activity is left out of the feature.
        ...(r.activity_code === null ? {} : { activity: r.activity_code }),
      })),
    );
    expect(expected.map((r) => r.status)).toEqual([...STATUSES]);
    expect(features[0]!.properties.area_m2).toBeGreaterThan(3000);
  });

  it(`has no plots layer below zoom ${PLOTS_MINZOOM}, and plots at ${PLOTS_MINZOOM} and beyond`, async () => {
    const zone = await zoneWithPlots(t.db, true);
    const [lon, lat] = await t.db
      .query<{ lon: number; lat: number }>('select ST_X(ST_Centroid(geom)) as lon, ST_Y(ST_Centroid(geom)) as lat from zone_plots where id = $1', [zone.plots[0]])
      .then(([r]) => [r!.lon, r!.lat]);
    expect(await plotsIn(path(tileAt(lon!, lat!, PLOTS_MINZOOM - 1)))).toBeUndefined();
    expect(await plotsIn(path(tileAt(lon!, lat!, 5)))).toBeUndefined();
    for (const z of [PLOTS_MINZOOM, 16]) {
      expect((await plotsIn(path(tileAt(lon!, lat!, z))))!.map((f) => f.id)).toContain(zone.plots[0]);
    }
  });

  it('shows an unpublished zone\'s plots to the ministry, to a donor only once the zone is shared, and never to anonymous callers', async () => {
    const zone = await zoneWithPlots(t.db, false);
    const ids = async (client = t.anonymous) => ((await plotsIn(path(zone.tile), client)) ?? []).map((f) => f.id).filter((id) => zone.plots.includes(id!));
    expect(await ids()).toEqual([]);
    expect(await ids(await t.as(DEMO.minister))).toEqual(zone.plots);
    expect(await ids(await t.as(DEMO.engineer))).toEqual(zone.plots);
    const donor = await t.as(DEMO.gizDonor);
    expect(await ids(donor)).toEqual([]);
    await t.db.query(`insert into project_shares (project_id, organization_id) select $1, id from organizations where slug = 'giz'`, [zone.id]);
    // The tile cache lets go once the data version moves (any request starts the check; it polls every second).
    await t.anonymous.get('/api/health');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await ids(await t.as(DEMO.gizDonor))).toEqual(zone.plots);
    expect(await ids(await t.as(DEMO.undpDonor))).toEqual([]);
    expect(await ids()).toEqual([]);
  });

  it('never carries who holds a plot, for any viewer', async () => {
    const zone = await zoneWithPlots(t.db, true);
    for (const client of [t.anonymous, await t.as(DEMO.admin), await t.as(DEMO.minister), await t.as(DEMO.engineer)]) {
      const res = await client.get(path(zone.tile));
      const bytes = new Uint8Array(await res.arrayBuffer());
      for (const f of plotFeatures(bytes)!) {
        for (const key of Object.keys(f.properties)) expect(PLOT_PROPERTIES).toContain(key);
      }
      // Not hidden under another key either: the investor's names and phone are nowhere in the bytes.
      const text = new TextDecoder().decode(bytes);
      for (const secret of ['Test Holdings', 'شركة الاختبار', '+963 11 000 0000', 'investor']) expect(text).not.toContain(secret);
    }
  });

  it('follows the project filters of the zone', async () => {
    const zone = await zoneWithPlots(t.db, true);
    const [facts] = await t.db.query<{ kind: string; status: string }>('select kind, status from projects where id = $1', [zone.id]);
    const of = async (query: string) => ((await plotsIn(path(zone.tile, query))) ?? []).filter((f) => zone.plots.includes(f.id!)).length;
    expect(await of(`?kind=${facts!.kind}`)).toBe(zone.plots.length);
    expect(await of('?kind=development_project')).toBe(0);
    expect(await of(`?status=${facts!.status}`)).toBe(zone.plots.length);
    expect(await of(`?status=${facts!.status === 'cancelled' ? 'completed' : 'cancelled'}`)).toBe(0);
  });

  it('describes the layer in TileJSON', async () => {
    const body = await (await t.anonymous.get('/tiles/plots.json')).json();
    expect(body.vector_layers).toEqual([expect.objectContaining({ id: 'plots', minzoom: PLOTS_MINZOOM })]);
    expect(Object.keys(body.vector_layers[0].fields).sort()).toEqual(PLOT_PROPERTIES);
  });

  // PGlite's PostGIS has no ST_AsMVT: the comparison runs when the suite runs on a server.
  it('encodes the same plots in JavaScript as ST_AsMVT does', async (ctx) => {
    if (t.db.engine !== 'postgres') ctx.skip();
    const zone = await zoneWithPlots(t.db, true);
    const pglite = await freshDatabase('demo', 'pglite');
    try {
      // The same zone in a fresh copy (this file's earlier tests took others in t.db).
      const copy = await zoneWithPlots(pglite.db, true, zone.id);
      expect(copy.tile).toEqual(zone.tile);
      const [layer] = plotsLayer({}, ANONYMOUS, zone.tile);
      const viaSql = plotFeatures(await new PostgisTileEncoder().encode(t.db, zone.tile, [layer!]))!;
      const viaJs = plotFeatures(await new JavascriptTileEncoder().encode(pglite.db, copy.tile, [layer!]))!;
      const shape = (features: Feature[], plots: number[]) =>
        features.filter((f) => plots.includes(f.id!)).map((f) => ({ ...f.properties, id: undefined, zone_id: undefined, type: f.type }));
      expect(shape(viaJs, copy.plots)).toEqual(shape(viaSql, zone.plots));
    } finally {
      await pglite.close();
    }
  });
});
