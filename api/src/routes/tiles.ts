import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { ProblemError } from '../http/problem.ts';
import { governoratesLayer } from '../tiles/layers/governoratesLayer.ts';
import type { TileLayerSource } from '../tiles/TileEncoder.ts';

const LAYERS: Record<string, () => TileLayerSource> = {
  governorates: governoratesLayer,
};

const MAX_ZOOM = 22;

const TileParams = z.object({
  layer: z.enum(Object.keys(LAYERS) as [string, ...string[]]).openapi({ param: { name: 'layer', in: 'path' } }),
  z: z.coerce.number().int().min(0).max(MAX_ZOOM).openapi({ param: { name: 'z', in: 'path' } }),
  x: z.coerce.number().int().min(0).openapi({ param: { name: 'x', in: 'path' } }),
  y: z
    .string()
    .regex(/^\d+\.mvt$/, 'must be a tile row followed by .mvt')
    .transform((v) => Number(v.slice(0, -4)))
    .openapi({ param: { name: 'y', in: 'path' }, example: '12.mvt' }),
});

export const tiles = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/{layer}/{z}/{x}/{y}',
    tags: ['Tiles'],
    summary: 'A Mapbox Vector Tile of one layer',
    request: { params: TileParams },
    responses: {
      200: { description: 'The tile (may be empty)', content: { 'application/vnd.mapbox-vector-tile': { schema: z.any() } } },
      304: { description: 'Not modified (ETag matched)' },
    },
  }),
  async (c) => {
    const { layer, z: zoom, x, y } = c.req.valid('param');
    const size = 2 ** zoom;
    if (x >= size || y >= size) {
      throw new ProblemError(400, 'Invalid request', `Tile ${zoom}/${x}/${y} does not exist: x and y must be below ${size} at zoom ${zoom}`, {
        errors: [{ parameter: x >= size ? 'x' : 'y', message: `must be below ${size} at zoom ${zoom}` }],
      });
    }
    const body = await c.var.tileEncoder.encode(c.var.db, { z: zoom, x, y }, [LAYERS[layer]!()]);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = {
      'content-type': 'application/vnd.mapbox-vector-tile',
      'cache-control': 'public, max-age=60',
      etag,
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
  },
);
