import { SqlParams } from '../../sql/SqlParams.ts';

/** Parameters for a tile layer's SQL: $1, $2, $3 are z, x, y (bound by the encoder), so a layer's own start at $4. */
export function layerParams(): { params: SqlParams; ownValues: () => unknown[] } {
  const params = new SqlParams([undefined, undefined, undefined]);
  return { params, ownValues: () => params.values.slice(3) };
}

/** The tile's envelope in EPSG:4326, widened by the encoders' buffer, for `geom && …` index filters. */
export const TILE_BOUNDS_4326 = 'ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326)';
