import { PLOTS_MINZOOM } from '@marsad/contracts';
import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../../projects/projectFilterSql.ts';
import type { TileAddress, TileLayerSource } from '../TileEncoder.ts';
import { layerParams, TILE_BOUNDS_4326 } from './layerParams.ts';

/**
 * The plots of the zones a viewer may see under the project filters (a plot is visible exactly
 * when its zone is: plotAccess.ts), from PLOTS_MINZOOM up; below it the tile has no plots layer.
 * Who holds a plot is never in a tile, for anyone: tiles are cached per visibility scope, and a
 * plot's status and activity are all a map needs. Plots are found by their own GiST index
 * (zone_plots_geom_idx), then kept when their zone passes the filters.
 */
export function plotsLayer(filter: ProjectFilter, viewer: Viewer, tile: TileAddress): TileLayerSource[] {
  if (tile.z < PLOTS_MINZOOM) return [];
  const { params, ownValues } = layerParams();
  const where = projectFilterSql(filter, viewer, params);
  return [
    {
      name: 'plots',
      properties: ['zone_id', 'plot_number', 'status', 'activity', 'area_m2'],
      sql: `
        select pl.id, pl.geom, pl.zone_id, pl.plot_number, pl.status, pl.activity_code as activity,
               pl.area_m2::float8 as area_m2
          from zone_plots pl
          join projects p on p.id = pl.zone_id
         where pl.geom && ${TILE_BOUNDS_4326} and ${where}`,
      params: ownValues(),
    },
  ];
}
