import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../../projects/projectFilterSql.ts';
import { indicatorSql } from '../../projects/projectIndicators.ts';
import type { TileLayerSource } from '../TileEncoder.ts';
import { layerParams, TILE_BOUNDS_4326 } from './layerParams.ts';

/** From this zoom up, projects are drawn one by one with their own geometry. */
export const PROJECTS_DETAIL_MINZOOM = 10;

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
 * Below PROJECTS_DETAIL_MINZOOM, projects are aggregated: one point per cell of a 64×64 grid
 * over the tile, at the mean position of its members, with how many there are and how many
 * are delayed. A national view then ships a few hundred points instead of 100,000.
 */
export function projectClustersLayer(filter: ProjectFilter, viewer: Viewer): TileLayerSource {
  const { params, ownValues } = layerParams();
  const where = projectFilterSql(filter, viewer, params);
  return {
    name: 'project_clusters',
    properties: ['count', 'delayed', 'completed'],
    sql: `
      with cell as (select (ST_XMax(e) - ST_XMin(e)) / 64 as size from (select ST_TileEnvelope($1, $2, $3) as e) t),
      members as (
        select ST_Transform(p.label_point, 3857) as point, ${indicatorSql().delayed} as delayed, p.status
          from projects p
         where p.label_point && ${TILE_BOUNDS_4326} and ${where})
      -- The cell's grid position as a positive id (MVT ids are unsigned): |cell index| < 2^20 below zoom 14.
      select min((floor(ST_X(point) / cell.size)::bigint + 1048576) * 2097152 + floor(ST_Y(point) / cell.size)::bigint + 1048576) as id,
             ST_Transform(ST_SetSRID(ST_MakePoint(avg(ST_X(point)), avg(ST_Y(point))), 3857), 4326) as geom,
             count(*)::integer as count,
             (count(*) filter (where delayed))::integer as delayed,
             (count(*) filter (where status = 'completed'))::integer as completed
        from members, cell
       group by floor(ST_X(point) / cell.size), floor(ST_Y(point) / cell.size)`,
    params: ownValues(),
  };
}
