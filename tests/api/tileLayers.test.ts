import { VectorTile } from '@mapbox/vector-tile';
import { governoratesLayer, plotsLayer, projectClustersLayer, projectsLayer, zonesLayer, ANONYMOUS } from '@marsad/api/internals';
import { TILE_LAYERS, TILE_LAYER_NAMES, vectorLayers, type TileFieldType } from '@marsad/contracts';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInvestor, addPlots, zonesWhere } from '../support/plotSql.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * The tile layer descriptions in @marsad/contracts (what TileJSON and the page say a tile holds)
 * against what the layer SQL emits: the properties each layer selects, and those of real tiles.
 */

const JS_TYPE: Record<TileFieldType, string> = { String: 'string', Number: 'number', Boolean: 'boolean' };

/** Every feature's properties in each MVT layer of a tile. */
function propertiesByLayer(bytes: Uint8Array): Record<string, Record<string, unknown>[]> {
  const tile = new VectorTile(new Pbf(bytes));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [name, Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties)]),
  );
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('tile layer descriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('demo');
    // Zones with plots, so the totals derived from plots (occupancy is absent without them) are in the tiles.
    const investor = await addInvestor(t.db, 'شركة اختبار الطبقات', '+963 11 000 0001');
    for (const zone of await zonesWhere(t.db, 'p.is_published', [], 5)) {
      await addPlots(t.db, zone, [{ number: 'TL-1' }, { number: 'TL-2', status: 'producing', investorId: investor.id, plannedJobs: 10, actualJobs: 8 }]);
    }
  });
  afterAll(() => t.close());

  it('name the columns each layer selects', () => {
    const fields = (layer: keyof typeof TILE_LAYERS, id: string) => sorted(Object.keys(TILE_LAYERS[layer].find((l) => l.id === id)!.fields));
    expect(sorted(governoratesLayer({}, ANONYMOUS).properties)).toEqual(fields('governorates', 'governorates'));
    expect(sorted(projectClustersLayer({}, ANONYMOUS, { z: 0, x: 0, y: 0 }).properties)).toEqual(fields('projects', 'project_clusters'));
    expect(sorted(projectsLayer({}, ANONYMOUS).properties)).toEqual(fields('projects', 'projects'));
    expect(sorted(zonesLayer({}, ANONYMOUS).properties)).toEqual(fields('zones', 'zones'));
    expect(sorted(plotsLayer({}, ANONYMOUS, { z: 16, x: 0, y: 0 })[0]!.properties)).toEqual(fields('plots', 'plots'));
  });

  it('match the properties and types of decoded tiles, and are what TileJSON says', async () => {
    // The whole world at zoom 0 (every governorate and cluster), and tiles at zoom 12 around a few published projects and zones.
    const near = await t.db.query<{ layer: string; x: number; y: number }>(
      `select layer, floor((ST_X(label_point) + 180) / 360 * 4096)::int as x,
              floor((1 - ln(tan(radians(ST_Y(label_point))) + 1 / cos(radians(ST_Y(label_point)))) / pi()) / 2 * 4096)::int as y
         from ((select 'projects' as layer, label_point from projects where is_published order by id limit 3)
               union all
               (select 'zones', p.label_point from projects p join zone_facts z on z.project_id = p.id
                 where p.is_published order by p.id limit 5)) near`,
    );
    // And a demo plot with an activity in a published zone, in its tile at zoom 16 (plots start at zoom 13).
    const [plot] = await t.db.query<{ x: number; y: number }>(
      `select floor((ST_X(ST_Centroid(pl.geom)) + 180) / 360 * 65536)::int as x,
              floor((1 - ln(tan(radians(ST_Y(ST_Centroid(pl.geom)))) + 1 / cos(radians(ST_Y(ST_Centroid(pl.geom))))) / pi()) / 2 * 65536)::int as y
         from zone_plots pl join projects p on p.id = pl.zone_id
        where p.is_published and pl.activity_code is not null order by pl.id limit 1`,
    );
    const tiles = [
      ...TILE_LAYER_NAMES.map((layer) => `/tiles/${layer}/0/0/0.mvt`),
      ...near.map(({ layer, x, y }) => `/tiles/${layer}/12/${x}/${y}.mvt`),
      `/tiles/plots/16/${plot!.x}/${plot!.y}.mvt`,
    ];
    const seen = new Map<string, Record<string, unknown>[]>();
    for (const path of tiles) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      for (const [id, features] of Object.entries(propertiesByLayer(new Uint8Array(await res.arrayBuffer())))) {
        seen.set(id, [...(seen.get(id) ?? []), ...features]);
      }
    }
    for (const layer of TILE_LAYER_NAMES) {
      const tileJson = await (await t.app.request(`/tiles/${layer}.json`)).json();
      expect(tileJson.vector_layers).toEqual(vectorLayers(layer));
      for (const { id, fields } of TILE_LAYERS[layer]) {
        const features = seen.get(id) ?? [];
        expect(features.length, `${id}: features in the tiles`).toBeGreaterThan(0);
        // Every property is described, with its type; every described property turns up (null ones are left out of a feature).
        const found = new Set<string>();
        for (const properties of features) {
          for (const [name, value] of Object.entries(properties)) {
            expect(fields, `${id}.${name} is described`).toHaveProperty(name);
            expect(typeof value, `${id}.${name}`).toBe(JS_TYPE[fields[name as keyof typeof fields] as TileFieldType]);
            found.add(name);
          }
        }
        expect(sorted(found), `${id}: properties in the tiles`).toEqual(sorted(Object.keys(fields)));
      }
    }
  });
});
