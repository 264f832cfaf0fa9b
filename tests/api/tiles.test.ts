import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { JavascriptTileEncoder, PostgisTileEncoder, governoratesLayer } from '@marsad/api/tiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/testApp.ts';
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

const SYRIA_Z6 = { z: 6, x: 38, y: 25 }; // covers Damascus, Homs, Hama, Tartus...

describe('vector tiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('boundaries');
  });
  afterAll(() => t.close());

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
    const pglite = await freshDatabase('boundaries', 'pglite');
    try {
      for (const tile of [SYRIA_Z6, { z: 4, x: 9, y: 6 }, { z: 8, x: 153, y: 102 }, { z: 2, x: 2, y: 1 }]) {
        const viaSql = decode(await new PostgisTileEncoder().encode(t.db, tile, [governoratesLayer()])).governorates!;
        const viaJs = decode(await new JavascriptTileEncoder().encode(pglite.db, tile, [governoratesLayer()])).governorates!;
        expectSameFeatures(viaJs, viaSql, tile);
      }
    } finally {
      await pglite.close();
    }
  });
});

/** Same features, ids and properties; same shapes to within snapping to the integer grid. */
function expectSameFeatures(viaJs: DecodedFeature[], viaSql: DecodedFeature[], tile: { z: number; x: number; y: number }) {
  expect(viaJs.map((f) => [f.id, f.type, f.properties])).toEqual(viaSql.map((f) => [f.id, f.type, f.properties]));
  const area = (rings: { x: number; y: number }[][]) => rings.reduce((s, r) => s + ringArea(r), 0);
  for (const [i, f] of viaJs.entries()) {
    // Total signed area differs by under 1%, or by under 64 square units for slivers of a few
    // units along the tile buffer.
    const [a, b] = [area(f.rings), area(viaSql[i]!.rings)];
    expect(Math.abs(a - b), `${f.properties.code} at ${tile.z}/${tile.x}/${tile.y}: ${a} vs ${b}`).toBeLessThan(
      Math.max(0.01 * Math.abs(b), 64),
    );
  }
}
