import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { standingsByGovernorateSql, standingsCanServe } from '../../summaries/projectStandings.ts';
import { governorateSummarySql } from '../../summaries/summaryQueries.ts';
import type { TileLayerSource } from '../TileEncoder.ts';
import { layerParams, TILE_BOUNDS_4326 } from './layerParams.ts';

/**
 * Governorate polygons with their names and, under the filters, the summary metrics the
 * choropleth colours by (the same numbers as /api/summaries/governorates).
 */
export function governoratesLayer(filter: ProjectFilter = {}, viewer?: Viewer): TileLayerSource {
  const properties = ['code', 'country_iso3', 'name_en', 'name_ar', 'name_ar_short'];
  if (!viewer) {
    return {
      name: 'governorates',
      properties,
      sql: `select id, geom, code, country_iso3, name_en, name_ar, name_ar_short
              from admin_areas where level = 1 and geom && ${TILE_BOUNDS_4326}`,
    };
  }
  const { params, ownValues } = layerParams();
  // The same numbers as the summaries, from the standings rollup when it can answer.
  let summary: string;
  if (standingsCanServe(filter, viewer)) {
    summary = standingsByGovernorateSql(filter, viewer, params, `a.geom && ${TILE_BOUNDS_4326}`);
  } else {
    const { sql, areaWhere } = governorateSummarySql(filter, viewer, params);
    summary = `${sql} ${areaWhere} and a.geom && ${TILE_BOUNDS_4326} group by a.id`;
  }
  return {
    name: 'governorates',
    properties: [
      ...properties,
      'projects',
      'delayed',
      'stale',
      'share_delayed',
      'budget_total',
      'budget_spent',
      'progress_weighted',
    ],
    sql: `
      select s.id, a.geom, a.code, a.country_iso3, a.name_en, a.name_ar, a.name_ar_short,
             s.projects::integer as projects, s.delayed::integer as delayed, s.stale::integer as stale,
             round(s.delayed::numeric / nullif(s.projects, 0) * 100, 1)::float8 as share_delayed,
             s.budget_total::float8 as budget_total, round(s.budget_spent, 0)::float8 as budget_spent,
             round(s.progress_weighted, 1)::float8 as progress_weighted
        from (${summary}) s
        join admin_areas a on a.id = s.id`,
    params: ownValues(),
  };
}
