import type { BriefMap } from '@marsad/contracts';
import type { Database, Queryable } from '@marsad/db';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import { perDatabaseMemo } from '../http/perDatabaseMemo.ts';
import type { Viewer } from '../access/Viewer.ts';
import { indicatorSql } from '../projects/projectIndicators.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { scopeProjectsSql, type BriefScope } from './briefScope.ts';

/** Most project points a brief's map holds (critical, then delayed ones kept first). */
export const MAP_PROJECT_CAP = 5000;
/** Most zones drawn. */
const MAP_ZONE_CAP = 500;
/**
 * The map is about 180 mm wide on A4: at print resolution some 2,000 dots. Geometry is simplified
 * to 1/1,500 of the map's larger side, below what the eye can tell apart on paper.
 */
const DETAIL_STEPS = 1500;
/** A zone narrower than this many simplification steps is drawn as a point. */
const ZONE_MIN_STEPS = 4;
/** GeoJSON coordinates to 5 decimals (about a metre). */
const DIGITS = 5;
/** How far (degrees) a neighbour may lie and still count as touching: boundaries are not always exact. */
const NEIGHBOUR_GAP = 0.01;

type Bbox = [number, number, number, number];

/**
 * The brief's map for print (drawn as SVG by the page, no WebGL): the governorates the brief is
 * about (a country's coloured by delayed share), their neighbours in grey, the visible projects
 * as points and the zones as shapes, all simplified for an A4 page by PostGIS.
 */
export async function briefMap(db: Database, viewer: Viewer, scope: BriefScope, delayedShare: Map<string, number | null>): Promise<BriefMap> {
  const areaCodes = await mapAreaCodes(db, viewer, scope);
  const boundaries = await perDatabaseMemo(db, `brief-boundaries:${areaCodes.join(',')}`, () => boundaryLayers(db, areaCodes));
  const tolerance = Math.max(boundaries.bbox[2] - boundaries.bbox[0], boundaries.bbox[3] - boundaries.bbox[1]) / DETAIL_STEPS;
  const [projects, zones] = await Promise.all([mapProjects(db, viewer, scope), mapZones(db, viewer, scope, tolerance)]);
  return {
    bbox: boundaries.bbox,
    areas: boundaries.areas.map((area) => ({ ...area, value: scope.kind === 'country' ? (delayedShare.get(area.code) ?? null) : null })),
    context: boundaries.context,
    projects,
    zones,
  };
}

/**
 * The boundaries of a map of `areaCodes`, simplified for the page: the same for every viewer,
 * and boundaries change only when the database is set up, so computed once per database (the
 * neighbour search and simplification are the costly part of a brief).
 */
async function boundaryLayers(db: Queryable, areaCodes: string[]) {
  const bbox = await extentOf(db, areaCodes);
  const tolerance = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]) / DETAIL_STEPS;
  const [areas, context] = await Promise.all([
    db.query<{ code: string; name_ar: string; name_en: string; geometry: unknown }>(
      `select code, name_ar, name_en, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, $2::float8), ${DIGITS})::json as geometry
         from admin_areas where code = any($1::text[]) order by code`,
      [areaCodes, tolerance],
    ),
    // Neighbours: other governorates (of any country) touching the area, for context.
    db.query<{ code: string; geometry: unknown }>(
      `select n.code, ST_AsGeoJSON(ST_SimplifyPreserveTopology(n.geom, $2::float8), ${DIGITS})::json as geometry
         from admin_areas n
        where n.level = 1 and not (n.code = any($1::text[]))
          and exists (select 1 from admin_areas a where a.code = any($1::text[]) and ST_DWithin(n.geom, a.geom, ${NEIGHBOUR_GAP}))
        order by n.code`,
      [areaCodes, tolerance],
    ),
  ]);
  return { bbox, areas, context };
}

/** The governorates drawn as the brief's area. */
async function mapAreaCodes(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<string[]> {
  if (scope.governorates === 'all') {
    const rows = await db.query<{ code: string }>('select code from admin_areas where country_iso3 = $1 and level = 1 order by code', [scope.country.code]);
    return rows.map((r) => r.code);
  }
  if (scope.projectIds.length === 0) return scope.governorates;
  // A meeting on named projects: their governorates too (only of the projects the viewer may see).
  const params = new SqlParams();
  const rows = await db.query<{ code: string }>(
    `select distinct a.code from projects p join admin_areas a on a.id = p.admin_area_id
      where ${scopeProjectsSql(scope, viewer, params)} order by a.code`,
    params.values,
  );
  return [...new Set([...scope.governorates, ...rows.map((r) => r.code)])].sort();
}

async function extentOf(db: Queryable, codes: string[]): Promise<Bbox> {
  const [row] = await db.query<{ w: number | null; s: number | null; e: number | null; n: number | null }>(
    `select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n
       from (select ST_Extent(geom) as x from admin_areas where code = any($1::text[])) extent`,
    [codes],
  );
  if (!row || row.w === null || row.s === null || row.e === null || row.n === null) return [-180, -90, 180, 90];
  return [row.w, row.s, row.e, row.n].map((v) => Math.round(v * 1e5) / 1e5) as Bbox;
}

async function mapProjects(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<BriefMap['projects']> {
  const params = new SqlParams();
  const where = scopeProjectsSql(scope, viewer, params);
  const critical = `exists (select 1 from obstacles o where o.project_id = p.id and o.severity = 'critical'
                              and o.status in ('open', 'in_progress', 'waiting_other_body'))
                    and ${obstacleVisibility(viewer, params)}`;
  return db.query<BriefMap['projects'][number]>(
    `select p.id::int, round(ST_X(p.label_point)::numeric, ${DIGITS})::float8 as lon, round(ST_Y(p.label_point)::numeric, ${DIGITS})::float8 as lat,
            p.status, ${indicatorSql().delayed} as delayed, (${critical}) as critical_obstacle
       from projects p
      where ${where}
      order by 6 desc, 5 desc, p.id
      limit ${params.add(MAP_PROJECT_CAP)}`,
    params.values,
  );
}

async function mapZones(db: Queryable, viewer: Viewer, scope: BriefScope, tolerance: number): Promise<BriefMap['zones']> {
  const params = new SqlParams();
  const where = scopeProjectsSql(scope, viewer, params);
  const step = `${params.add(tolerance)}::float8`;
  return db.query<BriefMap['zones'][number]>(
    `select p.id::int, p.title_ar as name_ar, p.title_en as name_en,
            ST_AsGeoJSON(case when ST_Dimension(p.geom) = 2
                               and greatest(ST_XMax(p.geom) - ST_XMin(p.geom), ST_YMax(p.geom) - ST_YMin(p.geom)) >= ${step} * ${ZONE_MIN_STEPS}
                              then ST_SimplifyPreserveTopology(p.geom, ${step}) else p.label_point end, ${DIGITS})::json as geometry
       from projects p
      where p.kind in ('industrial_zone', 'craft_zone') and ${where}
      order by p.id
      limit ${params.add(MAP_ZONE_CAP)}`,
    params.values,
  );
}
