import type { Queryable } from '@marsad/db';

/** A tile address in the XYZ (slippy map) scheme. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/**
 * One layer of a vector tile. `sql` selects the features: it must return a column `id`
 * (integer), `geom` (EPSG:4326) and the columns named in `properties`. Parameters $1, $2, $3
 * are z, x, y; the layer's own `params` follow from $4. It should keep only rows whose `geom`
 * intersects the tile, using the index: `geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326)`.
 */
export interface TileLayerSource {
  name: string;
  sql: string;
  params?: readonly unknown[];
  /** Attribute columns, from a fixed list in code: they are written into SQL as identifiers. */
  properties: readonly string[];
}

/** Turns layer sources into a Mapbox Vector Tile. Two engines, two implementations. */
export interface TileEncoder {
  readonly name: 'postgis' | 'javascript';
  encode(db: Queryable, tile: TileAddress, layers: readonly TileLayerSource[]): Promise<Uint8Array>;
}

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

export const quoteIdentifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
};
