import { createRoute, z } from '@hono/zod-openapi';
import { canonicalWholeNumber } from '../http/pathId.ts';
import { createRouter } from '../http/router.ts';
import { invalidParameter } from '../http/problems.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { PLOTS_MINZOOM, PROJECTS_DETAIL_MINZOOM, TILE_LAYER_NAMES, TILE_MAXZOOM, TILE_MINZOOM, vectorLayers, type TileLayerName } from '@marsad/contracts';

const MAX_ZOOM = 22;

const TileParams = z.object({
  layer: z.enum(TILE_LAYER_NAMES).openapi({ param: { name: 'layer', in: 'path' } }),
  z: canonicalWholeNumber(0, MAX_ZOOM).openapi({ param: { name: 'z', in: 'path' }, example: '5' }),
  x: canonicalWholeNumber(0, 2 ** MAX_ZOOM - 1).openapi({ param: { name: 'x', in: 'path' }, example: '19' }),
  y: z
    .string()
    .regex(/^(0|[1-9][0-9]*)\.mvt$/, 'must be a tile row in decimal digits followed by .mvt, such as 12.mvt')
    .transform((v) => Number(v.slice(0, -4)))
    .pipe(z.number().max(2 ** MAX_ZOOM - 1, `must be below ${2 ** MAX_ZOOM}`))
    .openapi({ param: { name: 'y', in: 'path' }, example: '12.mvt' }),
});

export const tileRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{layer}/{z}/{x}/{y}',
      tags: ['Tiles'],
      summary: 'A Mapbox Vector Tile of one layer, under the project filters',
      description:
        `governorates: polygons with summary metrics; projects: below zoom ${PROJECTS_DETAIL_MINZOOM} an MVT layer ` +
        `"project_clusters" (count, delayed, completed per grid cell), from zoom ${PROJECTS_DETAIL_MINZOOM} a layer "projects" ` +
        'with each project\'s geometry; zones: industrial and craft zones with plots and utilities; ' +
        `plots: from zoom ${PLOTS_MINZOOM} the plots of the zones shown (status, activity, area; never who holds them).`,
      request: { params: TileParams, query: ProjectFilterQuery },
      responses: {
        200: { description: 'The tile (may be empty)', content: { 'application/vnd.mapbox-vector-tile': { schema: z.any() } } },
        304: { description: 'Not modified (ETag matched)' },
        400: { description: 'Invalid tile address or filters (problem+json)' },
      },
    }),
    async (c) => {
      const { layer, z: zoom, x, y } = c.req.valid('param');
      const filter = c.req.valid('query');
      const size = 2 ** zoom;
      if (x >= size || y >= size) {
        throw invalidParameter(x >= size ? 'x' : 'y', `must be below ${size} at zoom ${zoom}`, {
          detail: `Tile ${zoom}/${x}/${y} does not exist: x and y must be below ${size} at zoom ${zoom}`,
        });
      }
      await assertKnownFilterValues(c.var.db, filter);
      const tile = await c.var.tiles.tile(layer, { z: zoom, x, y }, filter, c.var.viewer);
      const headers = {
        'content-type': 'application/vnd.mapbox-vector-tile',
        // Anonymous tiles are the same for everyone; a signed-in viewer's are theirs alone.
        'cache-control': `${c.var.viewer.kind === 'anonymous' ? 'public' : 'private'}, max-age=60`,
        etag: tile.etag,
        'x-tile-cache': tile.cache,
      };
      if (c.req.header('if-none-match') === tile.etag) return c.body(null, 304, headers);
      return c.body(tile.body as Uint8Array<ArrayBuffer>, 200, headers);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{layer}',
      tags: ['Tiles'],
      summary: 'TileJSON 3.0 for a layer (for MapLibre, QGIS)',
      request: {
        params: z.object({
          layer: z
            .string()
            .regex(new RegExp(`^(${TILE_LAYER_NAMES.join('|')})\\.json$`), `must be one of ${TILE_LAYER_NAMES.map((n) => `${n}.json`).join(', ')}`)
            .openapi({ param: { name: 'layer', in: 'path' }, example: 'projects.json' }),
        }),
        query: ProjectFilterQuery,
      },
      responses: { 200: { description: 'TileJSON', content: { 'application/json': { schema: z.any() } } } },
    }),
    async (c) => {
      const layer = c.req.valid('param').layer.replace(/\.json$/, '') as TileLayerName;
      await assertKnownFilterValues(c.var.db, c.req.valid('query'));
      const url = new URL(c.req.url);
      const query = url.search;
      return c.json(
        {
          tilejson: '3.0.0',
          name: `marsad-${layer}`,
          attribution: 'Boundaries: Natural Earth',
          scheme: 'xyz',
          tiles: [`${url.origin}/tiles/${layer}/{z}/{x}/{y}.mvt${query}`],
          minzoom: TILE_MINZOOM,
          maxzoom: TILE_MAXZOOM,
          bounds: [-180, -85.0511, 180, 85.0511],
          // From the contracts' layer descriptions, which a test holds to what the tiles carry.
          vector_layers: vectorLayers(layer),
        },
        200,
      );
    },
  );
