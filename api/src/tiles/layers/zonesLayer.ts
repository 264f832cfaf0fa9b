import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../../projects/projectFilterSql.ts';
import { ZONE_KINDS } from '@marsad/contracts';
import type { TileLayerSource } from '../TileEncoder.ts';
import { layerParams, TILE_BOUNDS_4326 } from './layerParams.ts';

/**
 * Industrial and craft zones as polygons, with what a map colours them by (ZONE_METRICS:
 * occupancy, readiness, jobs) and the totals behind it, all derived from plots and utility
 * reports (migration 0021). Who holds the plots is never in a tile.
 */
export function zonesLayer(filter: ProjectFilter, viewer: Viewer): TileLayerSource {
  const { params, ownValues } = layerParams();
  const kinds = filter.kind ? filter.kind.filter((k) => (ZONE_KINDS as readonly string[]).includes(k)) : [...ZONE_KINDS];
  const where = projectFilterSql({ ...filter, kind: kinds }, viewer, params);
  return {
    name: 'zones',
    properties: [
      'code',
      'kind',
      'status',
      'physical_progress',
      'title_ar',
      'title_en',
      'development',
      'plots_total',
      'plots_allocated',
      'plots_in_production',
      'water_readiness',
      'electricity_readiness',
      'roads_readiness',
      'sewage_readiness',
      'telecoms_readiness',
      'readiness',
      'occupancy',
      'plots_vacant',
      'jobs_actual',
      'jobs_planned',
    ],
    sql: `
      select p.id, p.geom, p.code, p.kind, p.status, p.physical_progress::float8 as physical_progress,
             p.title_ar, p.title_en, z.development, z.plots_total, z.plots_allocated, z.plots_in_production,
             z.water_readiness::integer as water_readiness, z.electricity_readiness::integer as electricity_readiness,
             z.roads_readiness::integer as roads_readiness, z.sewage_readiness::integer as sewage_readiness,
             z.telecoms_readiness::integer as telecoms_readiness, z.readiness::float8 as readiness,
             z.occupancy::float8 as occupancy, z.plots_vacant, z.jobs_actual, z.jobs_planned
        from projects p join zone_facts z on z.project_id = p.id
       where p.geom && ${TILE_BOUNDS_4326} and ${where}`,
    params: ownValues(),
  };
}
