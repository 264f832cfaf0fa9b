import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { JavascriptTileEncoder, PostgisTileEncoder, governoratesLayer, projectsLayer, zonesLayer, ANONYMOUS } from '@marsad/api/internals';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { addInvestor, addPlots } from '../support/plotSql.ts';
import { freshDatabase } from '../support/testDatabases.ts';

interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
  rings: { x: number; y: number }[][];
}

function decode(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new Pbf(bytes));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => {
        const f = layer.feature(i);
        return { id: f.id, type: f.type, properties: f.properties, rings: f.loadGeometry() };
      }).sort((a, b) => (a.id ?? 0) - (b.id ?? 0)),
    ]),
  );
}

/** Signed area in tile units (y down): positive for the clockwise exterior rings MVT requires. */
const ringArea = (ring: { x: number; y: number }[]) =>
  ring.reduce((sum, p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    return sum + (q.x - p.x) * (q.y + p.y);
  }, 0) / -2;

/** The XYZ tile containing a longitude/latitude at zoom z. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n),
  };
}

const SYRIA_Z6 = { z: 6, x: 38, y: 25 }; // covers Damascus, Homs, Hama, Tartus...

describe('vector tiles', () => {
  const t = useTestApp('demo');

  it('serves a governorates tile with the features that intersect it', async () => {
    const res = await t.app.request(`/tiles/governorates/${SYRIA_Z6.z}/${SYRIA_Z6.x}/${SYRIA_Z6.y}.mvt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const features = decode(new Uint8Array(await res.arrayBuffer())).governorates!;
    const expected = await t.db.query<{ code: string }>(
      `select code from admin_areas
        where ST_Intersects(geom, ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326)) order by code`,
      [SYRIA_Z6.z, SYRIA_Z6.x, SYRIA_Z6.y],
    );
    expect(features.map((f) => f.properties.code).sort()).toEqual(expected.map((r) => r.code));
    const damascus = features.find((f) => f.properties.code === 'SY-DI')!;
    expect(damascus).toMatchObject({ type: 3, properties: { name_ar_short: 'دمشق', name_en: 'Damascus', country_iso3: 'SYR' } });
    // The first ring of every polygon feature is an exterior ring: clockwise in tile space.
    for (const f of features) expect(ringArea(f.rings[0]!), String(f.properties.code)).toBeGreaterThan(0);
  });

  it('revalidates with ETag', async () => {
    const path = `/tiles/governorates/5/19/12.mvt`;
    const first = await t.app.request(path);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/max-age/);
    const second = await t.app.request(path, { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
  });

  it('returns an empty tile over open sea', async () => {
    const res = await t.app.request('/tiles/governorates/8/100/200.mvt');
    expect(res.status).toBe(200);
    expect(decode(new Uint8Array(await res.arrayBuffer())).governorates ?? []).toEqual([]);
  });

  it.each([
    ['/tiles/governorates/23/0/0.mvt', 'z'],
    ['/tiles/governorates/3/8/0.mvt', 'x'],
    ['/tiles/governorates/3/0/8.mvt', 'y'],
    ['/tiles/governorates/3/0/-1.mvt', 'y'],
    ['/tiles/governorates/3/0/1.png', 'y'],
    ['/tiles/nope/3/0/1.mvt', 'layer'],
    ['/tiles/projects/3/0/1.mvt?status=late', 'status'],
    ['/tiles/projects/3/0/1.mvt?governorate=SY-ZZ', 'governorate'],
    ['/tiles/projects/3/0/1.mvt?bbox=a,b,c,d', 'bbox'],
  ])('rejects %s with a 400 naming %s', async (path, parameter) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).errors).toEqual(expect.arrayContaining([expect.objectContaining({ parameter })]));
  });

  // PGlite's PostGIS has no ST_AsMVT, so the comparison runs when the suite runs on a server:
  // ST_AsMVT there against the JavaScript encoder on PGlite, the engine it serves in production.
  it('encodes the same tiles on PGlite in JavaScript as ST_AsMVT does on a PostGIS server', async (ctx) => {
    if (t.db.engine !== 'postgres') ctx.skip();
    const pglite = await freshDatabase('demo', 'pglite');
    try {
      for (const tile of [SYRIA_Z6, { z: 4, x: 9, y: 6 }, { z: 8, x: 153, y: 102 }, { z: 2, x: 2, y: 1 }]) {
        for (const layer of [governoratesLayer(), governoratesLayer({}, ANONYMOUS), projectsLayer({}, ANONYMOUS), zonesLayer({}, ANONYMOUS)]) {
          const viaSql = decode(await new PostgisTileEncoder().encode(t.db, tile, [layer]))[layer.name] ?? [];
          const viaJs = decode(await new JavascriptTileEncoder().encode(pglite.db, tile, [layer]))[layer.name] ?? [];
          expectSameFeatures(viaJs, viaSql, tile);
        }
      }
    } finally {
      await pglite.close();
    }
  });
});

/** Same features, ids and properties; same shapes to within snapping to the integer grid. */
function expectSameFeatures(viaJs: DecodedFeature[], viaSql: DecodedFeature[], tile: { z: number; x: number; y: number }) {
  // The two clippers disagree only on specks: polygons of about one square tile unit (a
  // sixteen-millionth of the tile), which one keeps and the other drops. Anything bigger must match.
  const area = (rings: { x: number; y: number }[][]) => rings.reduce((s, r) => s + ringArea(r), 0);
  const inBoth = (a: DecodedFeature[], b: DecodedFeature[]) => a.filter((f) => b.some((g) => g.id === f.id));
  for (const [only, engine] of [
    [viaJs.filter((f) => !viaSql.some((g) => g.id === f.id)), 'JavaScript'],
    [viaSql.filter((f) => !viaJs.some((g) => g.id === f.id)), 'ST_AsMVT'],
  ] as const) {
    for (const f of only) {
      expect(f.type, `feature ${f.id} only from ${engine} at ${JSON.stringify(tile)}`).toBe(3);
      expect(Math.abs(area(f.rings)), `feature ${f.id} only from ${engine} at ${JSON.stringify(tile)}`).toBeLessThanOrEqual(1.5);
    }
  }
  [viaJs, viaSql] = [inBoth(viaJs, viaSql), inBoth(viaSql, viaJs)];
  expect(viaJs.map((f) => [f.id, f.type, f.properties])).toEqual(viaSql.map((f) => [f.id, f.type, f.properties]));
  for (const [i, f] of viaJs.entries()) {
    // Total signed area differs by under 1%, or by under 64 square units for slivers of a few
    // units along the tile buffer.
    if (f.type !== 3) continue; // points and lines: same ids and properties is the comparison
    const [a, b] = [area(f.rings), area(viaSql[i]!.rings)];
    expect(Math.abs(a - b), `${f.properties.code} at ${tile.z}/${tile.x}/${tile.y}: ${a} vs ${b}`).toBeLessThan(
      Math.max(0.01 * Math.abs(b), 64),
    );
  }
}

describe('project and zone tiles', () => {
  const t = useTestApp('demo');

  const tileOf = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    return { res, layers: decode(new Uint8Array(await res.arrayBuffer())) };
  };
  const DAMASCUS_Z10 = tileAt(36.29, 33.51, 10);

  it('draws each visible project at detail zooms, with status and progress, never an unpublished one', async () => {
    const { z, x, y } = DAMASCUS_Z10;
    const { layers } = await tileOf(`/tiles/projects/${z}/${x}/${y}.mvt`);
    const features = layers.projects ?? [];
    const expected = await t.db.query<{ id: number; is_published: boolean }>(
      `select id, is_published from projects
        where ST_Intersects(geom, ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326))`,
      [z, x, y],
    );
    const published = expected.filter((r) => r.is_published).map((r) => r.id).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(published.length); // the tile has hidden projects to leave out
    expect(features.map((f) => f.id)).toEqual(published);
    expect(features[0]!.properties).toMatchObject({ status: expect.any(String), physical_progress: expect.any(Number) });
  });

  it('aggregates projects into clusters at low zoom, counting each visible project once', async () => {
    const { layers } = await tileOf('/tiles/projects/5/19/12.mvt');
    expect(layers.projects).toBeUndefined();
    const clusters = layers.project_clusters!;
    const total = clusters.reduce((sum, f) => sum + Number(f.properties.count), 0);
    const [row] = await t.db.query<{ n: number }>(
      `select count(*) as n from projects
        where is_published and label_point && ST_Transform(ST_TileEnvelope(5, 19, 12, margin => 0.015625), 4326)`,
    );
    expect(total).toBe(row!.n);
    expect(clusters.length).toBeLessThan(total);
    expect(clusters.length).toBeLessThanOrEqual(72 * 72);
  });

  it('honours the project filters in every layer', async () => {
    const { z, x, y } = DAMASCUS_Z10;
    const { layers } = await tileOf(`/tiles/projects/${z}/${x}/${y}.mvt?status=completed`);
    expect((layers.projects ?? []).every((f) => f.properties.status === 'completed')).toBe(true);
    const all = await tileOf('/tiles/governorates/6/38/25.mvt');
    const water = await tileOf('/tiles/governorates/6/38/25.mvt?sector=water');
    const count = (layers: Record<string, DecodedFeature[]>, code: string) =>
      layers.governorates!.find((f) => f.properties.code === code)!.properties.projects as number;
    const [expected] = await t.db.query<{ all: number; water: number }>(
      `select count(*) as all, count(*) filter (where sector_code = 'water') as water
         from projects p join admin_areas a on a.id = p.admin_area_id where a.code = 'SY-DI' and p.is_published`,
    );
    expect(count(all.layers, 'SY-DI')).toBe(expected!.all);
    expect(count(water.layers, 'SY-DI')).toBe(expected!.water);
  });

  it('draws zones with their plots and utilities', async () => {
    const [zone] = await t.db.query<{ id: number; x: number; y: number }>(
      `select p.id, ST_X(p.label_point) as x, ST_Y(p.label_point) as y
         from projects p join zone_facts z on z.project_id = p.id where p.is_published order by p.id limit 1`,
    );
    const { z, x, y } = tileAt(zone!.x, zone!.y, 12);
    const { layers } = await tileOf(`/tiles/zones/${z}/${x}/${y}.mvt`);
    const feature = layers.zones!.find((f) => f.id === zone!.id)!;
    expect(feature.type).toBe(3);
    expect(feature.properties).toMatchObject({ plots_total: expect.any(Number), water_readiness: expect.any(Number) });
  });

  it("gives zones the metrics a map colours them by, derived from their plots, and never who holds a plot", async () => {
    const [zone] = await t.db.query<{ id: number; x: number; y: number }>(
      `select p.id, ST_X(p.label_point) as x, ST_Y(p.label_point) as y
         from projects p join zone_facts z on z.project_id = p.id where p.is_published order by p.id desc limit 1`,
    );
    const investor = await addInvestor(t.db, 'مجموعة الطبقة المتجهية', '+963 11 555 0101', 'Vector Tile Holdings');
    await addPlots(t.db, zone!.id, [
      { number: 'V-1' },
      { number: 'V-2', status: 'allocated', investorId: investor.id, plannedJobs: 40 },
      { number: 'V-3', status: 'producing', investorId: investor.id, plannedJobs: 30, actualJobs: 25 },
      { number: 'V-4', status: 'reserved', investorId: investor.id },
    ]);
    const { z, x, y } = tileAt(zone!.x, zone!.y, 14);
    // The freshly written plots are read by a server with nothing cached.
    const res = await t.freshApp().app.request(`/tiles/zones/${z}/${x}/${y}.mvt`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const feature = decode(bytes).zones!.find((f) => f.id === zone!.id)!;
    const [facts] = await t.db.query<Record<string, number>>(
      `select occupancy::float8 as occupancy, readiness::float8 as readiness, plots_total, plots_vacant, plots_allocated,
              plots_in_production, jobs_actual, jobs_planned, telecoms_readiness::integer as telecoms_readiness
         from zone_facts where project_id = $1`,
      [zone!.id],
    );
    expect(facts).toMatchObject({ plots_total: 4, plots_vacant: 1, plots_allocated: 2, plots_in_production: 1, jobs_planned: 70, jobs_actual: 25 });
    expect(facts!.occupancy).toBe(50);
    expect(feature.properties).toMatchObject(facts!);
    expect(feature.properties).toHaveProperty('development');
    const text = new TextDecoder().decode(bytes);
    for (const secret of [investor.name_ar, 'Vector Tile Holdings', investor.phone]) expect(text).not.toContain(secret);
  });

  it('serves repeated tiles from the cache, and lets go when data changes', async () => {
    const path = `/tiles/projects/${DAMASCUS_Z10.z}/${DAMASCUS_Z10.x}/${DAMASCUS_Z10.y}.mvt?kind=development_project`;
    const first = await tileOf(path);
    const second = await tileOf(path);
    expect(second.res.headers.get('x-tile-cache')).toBe('hit');
    expect(second.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
    // Publish a hidden project in this tile: once the data version moves on, the tile shows it.
    const [hidden] = await t.db.query<{ id: number }>(
      `select id from projects where not is_published and kind = 'development_project'
          and ST_Intersects(geom, ST_Transform(ST_TileEnvelope($1, $2, $3), 4326)) limit 1`,
      [DAMASCUS_Z10.z, DAMASCUS_Z10.x, DAMASCUS_Z10.y],
    );
    await t.db.query('update projects set is_published = true where id = $1', [hidden!.id]);
    const stale = await tileOf(path);
    expect(stale.layers.projects!.some((f) => f.id === hidden!.id)).toBe(false); // not noticed yet: still cached
    const res = await t.app.request('/api/health'); // any request; the version is refreshed in the background
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fresh = await tileOf(path);
    expect(fresh.res.headers.get('x-tile-cache')).toBe('miss');
    expect(fresh.layers.projects!.some((f) => f.id === hidden!.id)).toBe(true);
  });

  it('describes each layer with TileJSON that carries the filters on', async () => {
    const res = await t.app.request('/tiles/projects.json?status=completed');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.tilejson).toBe('3.0.0');
    expect(body.tiles[0]).toMatch(/\/tiles\/projects\/\{z\}\/\{x\}\/\{y\}\.mvt\?status=completed$/);
    expect(body.vector_layers.map((l: { id: string }) => l.id)).toEqual(['project_clusters', 'projects']);
  });
});
