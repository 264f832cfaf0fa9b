import type { Queryable } from '@marsad/db';
import type { Client } from './client.ts';
import { PLACES, type Position } from './fixtures.ts';
import { expectStatus, projectFields, unique } from './freshData.ts';

/**
 * Zones with plots for one test, independent of the demo's zones: a new zone project (through
 * the API, as an admin) with its zone_facts row, a square of ZONE_HALF_SIDE around a point of a
 * governorate, and plots as a grid of adjoining CELL-sized rectangles in its south-west corner,
 * written straight into the test's database (their writes through the API are what tests test).
 */

/** Half the side of a fixture zone, in degrees (about 1.1 km north–south). */
export const ZONE_HALF_SIDE = 0.01;
/** The side of a grid plot, in degrees (about 190 m × 220 m). */
export const CELL = 0.002;

/** A GeoJSON Polygon of the rectangle from (west, south) to (east, north). */
export const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

export interface FixturePlot {
  id: number;
  plot_number: string;
  version: number;
  /** Its cell in the grid. */
  row: number;
  col: number;
}

export interface FixtureZone {
  id: number;
  code: string;
  governorate: string;
  /** The zone's south-west corner, where the grid starts. */
  origin: Position;
  /** The rectangle of grid cell (row, col) (row 0 southmost), whether a plot is there or not. */
  cell(row: number, col: number): ReturnType<typeof rectangle>;
  plots: FixturePlot[];
}

export interface ZoneOptions {
  governorate?: keyof typeof PLACES;
  kind?: 'industrial_zone' | 'craft_zone';
  published?: boolean;
  /** A grid of rows × cols vacant plots numbered `<row letter><col>` (A1, A2, B1…); none by default. */
  grid?: { rows: number; cols: number };
}

/**
 * A new zone created by `admin` in `governorate` (Damascus unless told), with zone facts and the
 * plots of `grid`, all vacant. `db` is the test's own database.
 */
export async function createZone(db: Queryable, admin: Client, { governorate = 'SY-DI', kind = 'industrial_zone', published = false, grid }: ZoneOptions = {}): Promise<FixtureZone> {
  const [lon, lat] = PLACES[governorate];
  const origin: Position = [lon - ZONE_HALF_SIDE, lat - ZONE_HALF_SIDE];
  const body = projectFields(unique('ZONE'), {
    kind,
    sector: kind === 'craft_zone' ? 'crafts' : 'industry',
    title_ar: 'منطقة صناعية للاختبار',
    title_en: 'Test industrial zone',
    is_published: published,
    geometry: rectangle(origin[0], origin[1], lon + ZONE_HALF_SIDE, lat + ZONE_HALF_SIDE),
  });
  const res = await expectStatus(await admin.post('/api/projects', body), 201, `creating zone ${body.code}`);
  const { id } = (await res.json()) as { id: number };
  await db.query(
    `insert into zone_facts (project_id, kind, development, area_ha, plots_total, plots_allocated, plots_in_production)
     select id, kind, 'new', round((ST_Area(geom::geography) / 10000)::numeric, 2), 0, 0, 0 from projects where id = $1`,
    [id],
  );
  const cell = (row: number, col: number) =>
    rectangle(origin[0] + col * CELL, origin[1] + row * CELL, origin[0] + (col + 1) * CELL, origin[1] + (row + 1) * CELL);
  const plots: FixturePlot[] = [];
  for (let row = 0; row < (grid?.rows ?? 0); row++) {
    for (let col = 0; col < (grid?.cols ?? 0); col++) {
      const plot_number = `${String.fromCharCode(65 + row)}${col + 1}`;
      const [plot] = await db.query<{ id: number; version: number }>(
        `insert into zone_plots (zone_id, plot_number, geom) values ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))) returning id, version`,
        [id, plot_number, JSON.stringify(cell(row, col))],
      );
      plots.push({ id: plot!.id, version: plot!.version, plot_number, row, col });
    }
  }
  return { id, code: body.code, governorate, origin, cell, plots };
}

/** What zone_facts says of a zone's plots (the derived totals). */
export interface ZoneFactsTotals {
  plots_total: number;
  plots_vacant: number;
  plots_reserved: number;
  plots_allocated: number;
  plots_under_construction: number;
  plots_in_production: number;
  plots_area_m2: number;
  vacant_area_m2: number;
  jobs_planned: number;
  jobs_actual: number;
  investment_planned: number;
  investment_actual: number;
  occupancy: number | null;
}

export async function zoneFactsTotals(db: Queryable, zoneId: number): Promise<ZoneFactsTotals> {
  const [row] = await db.query<ZoneFactsTotals>(
    `select plots_total, plots_vacant, plots_reserved, plots_allocated, plots_under_construction, plots_in_production,
            plots_area_m2, vacant_area_m2, jobs_planned, jobs_actual, investment_planned, investment_actual, occupancy
       from zone_facts where project_id = $1`,
    [zoneId],
  );
  return row!;
}

/**
 * The same totals counted here, in TypeScript, from the zone's plot rows as they are: what the
 * derived totals must equal.
 */
export async function totalsCountedFromPlots(db: Queryable, zoneId: number): Promise<ZoneFactsTotals> {
  const plots = await db.query<{ status: string; area_m2: number; planned_jobs: number | null; actual_jobs: number | null; planned_investment: number | null; actual_investment: number | null }>(
    'select status, area_m2, planned_jobs, actual_jobs, planned_investment, actual_investment from zone_plots where zone_id = $1',
    [zoneId],
  );
  const count = (...statuses: string[]) => plots.filter((p) => statuses.includes(p.status)).length;
  const sum = (values: (number | null)[]) => Math.round(values.reduce<number>((total, v) => total + (v ?? 0), 0) * 100) / 100;
  const taken = count('allocated', 'under_construction', 'producing');
  return {
    plots_total: plots.length,
    plots_vacant: count('vacant'),
    plots_reserved: count('reserved'),
    plots_allocated: taken,
    plots_under_construction: count('under_construction'),
    plots_in_production: count('producing'),
    plots_area_m2: sum(plots.map((p) => p.area_m2)),
    vacant_area_m2: sum(plots.filter((p) => p.status === 'vacant').map((p) => p.area_m2)),
    jobs_planned: sum(plots.map((p) => p.planned_jobs)),
    jobs_actual: sum(plots.map((p) => p.actual_jobs)),
    investment_planned: sum(plots.map((p) => p.planned_investment)),
    investment_actual: sum(plots.map((p) => p.actual_investment)),
    occupancy: plots.length ? Math.round((10000 * taken) / plots.length) / 100 : null,
  };
}

/** The current versions of plots, by id (a write moves them on). */
export async function plotVersions(db: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await db.query<{ id: number; version: number }>('select id, version from zone_plots where id = any($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.version]));
}
