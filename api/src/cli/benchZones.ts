import { TILE_LAYER_NAMES } from '@marsad/contracts';
import type { Database } from '@marsad/db';
import { signIn, tileOf } from './benchLoad.ts';

/** What the issue asks of the zone screen at 100k projects and 50k plots on PostgreSQL, uncached. */
const REQUEST_FLOOR_MS = 50;
const PLOTS_TILE_FLOOR_MS = 60;

/**
 * The zone screen's figures for `pnpm bench`: each request the screen makes for the zone with
 * the most plots (its head, its plots as JSON and GeoJSON, its timeline), the plots tiles at
 * z15 and z16 over its densest part and the zones tiles around it, every one uncached (`base` is
 * the server with the read and tile caches off), as the minister (who also reads investors) and
 * anonymously, each printed against its floor. A route or tile layer not on this build is named
 * as such instead of timed.
 */
export async function benchZones(base: string, db: Database, repeat: number, median: (v: number[]) => number): Promise<[string, string][]> {
  const [scale] = await db.query<{ zones: number; plots: number }>(
    `select (select count(*) from zone_facts)::integer as zones, (select count(*) from zone_plots)::integer as plots`,
  );
  const rows: [string, string][] = [[`Zones: ${scale!.zones} zones, ${scale!.plots} plots`, '']];
  // The published zone with the most plots, so anonymous callers see it too; its densest point.
  const [zone] = await db.query<{ id: number; code: string; plots: number; lon: number; lat: number }>(
    `select z.zone_id as id, p.code, z.plots, ST_X(c.center) as lon, ST_Y(c.center) as lat
       from (select zone_id, count(*)::integer as plots from zone_plots group by zone_id) z
       join projects p on p.id = z.zone_id
      cross join lateral (select ST_PointOnSurface(ST_Collect(zp.geom)) as center from zone_plots zp where zp.zone_id = z.zone_id) c
      where p.is_published
      order by z.plots desc, z.zone_id limit 1`,
  );
  if (!zone) {
    rows.push(['Zone screen', 'no published zone has plots: seed the bench database with plots (pnpm seed at bench scale) to time it']);
    return rows;
  }
  const minister = await signIn(base, 'minister@marsad.demo');
  const scopes: [string, Record<string, string>][] = [
    ['minister', { cookie: minister }],
    ['anonymous', {}],
  ];

  /** The median time of `repeat` GETs after one warm-up, or why it was not timed. */
  const timeGet = async (path: string, headers: Record<string, string>): Promise<{ ms: number } | { absent: string }> => {
    const once = async () => {
      const res = await fetch(base + path, { headers });
      const body = await res.arrayBuffer();
      return { status: res.status, bytes: body.byteLength };
    };
    const first = await once();
    // A route another branch builds answers 404 (or 400, read as another route's id) until it is merged.
    if (first.status !== 200) return { absent: `HTTP ${first.status}: not timed (not on this build?)` };
    const times: number[] = [];
    for (let i = 0; i < repeat; i += 1) {
      const started = performance.now();
      await once();
      times.push(performance.now() - started);
    }
    return { ms: median(times) };
  };
  const against = (result: { ms: number } | { absent: string }, floor: number) =>
    'absent' in result ? result.absent : `${result.ms.toFixed(1)} ms (floor ${floor} ms: ${result.ms <= floor ? 'met' : 'MISSED'})`;

  const label = `zone ${zone.code}, ${zone.plots} plots`;
  const requests: [string, string][] = [
    ['Zone head GET /api/zones/{id}', `/api/zones/${zone.id}`],
    ['Zone plots GET /api/zones/{id}/plots', `/api/zones/${zone.id}/plots`],
    ['Zone plots as GeoJSON', `/api/zones/${zone.id}/plots?format=geojson`],
    ['Zone plots, vacant only', `/api/zones/${zone.id}/plots?vacant_only=true`],
    ['Zone timeline GET /api/zones/{id}/timeline', `/api/zones/${zone.id}/timeline`],
  ];
  for (const [what, path] of requests) {
    for (const [scope, headers] of scopes) {
      rows.push([`${what} (${label}), ${scope}, uncached HTTP`, against(await timeGet(path, headers), REQUEST_FLOOR_MS)]);
    }
  }
  for (const z of [15, 16]) {
    const { x, y } = tileOf(zone.lon, zone.lat, z);
    if (!(TILE_LAYER_NAMES as readonly string[]).includes('plots')) {
      rows.push([`Plots tile at z${z} over ${zone.code}`, 'no plots tile layer on this build']);
      continue;
    }
    for (const [scope, headers] of scopes) {
      rows.push([`Plots tile ${z}/${x}/${y} over ${zone.code}, ${scope}, uncached HTTP`, against(await timeGet(`/tiles/plots/${z}/${x}/${y}.mvt`, headers), PLOTS_TILE_FLOOR_MS)]);
    }
  }
  for (const z of [8, 12, 15]) {
    const { x, y } = tileOf(zone.lon, zone.lat, z);
    for (const [scope, headers] of scopes) {
      rows.push([`Zones tile ${z}/${x}/${y} around ${zone.code}, ${scope}, uncached HTTP`, against(await timeGet(`/tiles/zones/${z}/${x}/${y}.mvt`, headers), REQUEST_FLOOR_MS)]);
    }
  }
  // The national view's zone reads, and the bulk plot reads this branch adds.
  const bulk: [string, string, number][] = [
    ['Zones table GET /api/zones (50, by occupancy)', '/api/zones?sort=-occupancy&limit=50', REQUEST_FLOOR_MS],
    ['Zone KPIs GET /api/zones/summary', '/api/zones/summary', REQUEST_FLOOR_MS],
    [`OGC plots items (${label}, 100)`, `/ogc/collections/plots/items?zone=${zone.id}&limit=100`, REQUEST_FLOOR_MS],
  ];
  for (const [what, path, floor] of bulk) rows.push([`${what}, minister, uncached HTTP`, against(await timeGet(path, { cookie: minister }), floor)]);
  return rows;
}
