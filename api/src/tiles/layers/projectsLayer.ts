import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../../projects/projectFilterSql.ts';
import { indicatorSql } from '../../projects/projectIndicators.ts';
import type { TileAddress, TileLayerSource } from '../TileEncoder.ts';
import { layerParams, TILE_BOUNDS_4326 } from './layerParams.ts';
import { tileKeyRanges } from './tileKeyRanges.ts';


/** Projects as drawn (points, lines, polygons), coloured by status, with progress. */
export function projectsLayer(filter: ProjectFilter, viewer: Viewer): TileLayerSource {
  const { params, ownValues } = layerParams();
  const where = projectFilterSql(filter, viewer, params);
  return {
    name: 'projects',
    properties: ['code', 'kind', 'sector', 'status', 'physical_progress', 'title_ar', 'title_en', 'delayed'],
    sql: `
      select p.id, p.geom, p.code, p.kind, p.sector_code as sector, p.status,
             p.physical_progress::float8 as physical_progress, p.title_ar, p.title_en,
             ${indicatorSql().delayed} as delayed
        from projects p
       where p.geom && ${TILE_BOUNDS_4326} and ${where}`,
    params: ownValues(),
  };
}

/**
 * Cells per tile side, as a power of two: 8×8 cells, 64 pixels apart on the map's 512-pixel tiles,
 * so that the numbered clusters (at most 16 px in radius, web/src/map/layers/projectAggregates.ts)
 * leave most of the choropleth under them visible. (A 64×64 grid put a circle every 8 px.)
 */
const CELLS_PER_TILE_LOG2 = 3;

/**
 * Below PROJECTS_DETAIL_MINZOOM, projects are aggregated: one point per cell of an 8×8 grid
 * over the tile (and the ring of cells around it, the encoders' buffer), at the mean position
 * of its members, with how many there are and how many are delayed. A national view then ships
 * a few dozen points instead of 100,000. Members are found by range scans of
 * projects_tile_key_idx (migration 0016), which holds every column read here and by the usual
 * filters, so the wide project rows are not read.
 */
export function projectClustersLayer(filter: ProjectFilter, viewer: Viewer, tile: TileAddress): TileLayerSource {
  const { params, ownValues } = layerParams();
  const ranges = tileKeyRanges(tile);
  const lo = params.add(ranges.lo);
  const hi = params.add(ranges.hi);
  const cells = `${params.add(2 ** (tile.z + CELLS_PER_TILE_LOG2))}::integer`;
  const where = projectFilterSql(filter, viewer, params);
  return {
    name: 'project_clusters',
    properties: ['count', 'delayed', 'completed'],
    sql: `
      with members as (
        select ST_X(p.label_point) as lon,
               -- Web Mercator y over the earth's radius, so means are taken on the map as drawn.
               ln(tan(pi() / 4 + radians(ST_Y(p.label_point)) / 2)) as merc_y,
               ${indicatorSql().delayed} as delayed, p.status
          from unnest(${lo}::bigint[], ${hi}::bigint[]) as tile_keys (lo, hi)
          join projects p on tile_key_20(p.label_point) between tile_keys.lo and tile_keys.hi
         where ${where}),
      cells as (
        select floor((lon + 180) / 360 * ${cells})::bigint as cx, floor((1 - merc_y / pi()) / 2 * ${cells})::bigint as cy,
               lon, merc_y, delayed, status
          from members)
      -- The cell's grid position as a positive id (MVT ids are unsigned).
      select cy * ${cells} + cx as id,
             ST_SetSRID(ST_MakePoint(avg(lon), degrees(2 * atan(exp(avg(merc_y))) - pi() / 2)), 4326) as geom,
             count(*)::integer as count,
             (count(*) filter (where delayed))::integer as delayed,
             (count(*) filter (where status = 'completed'))::integer as completed
        from cells
       group by cx, cy`,
    params: ownValues(),
  };
}
