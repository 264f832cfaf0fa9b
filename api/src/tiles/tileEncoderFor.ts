import type { EngineName } from '@marsad/db';
import { JavascriptTileEncoder } from './JavascriptTileEncoder.ts';
import { PostgisTileEncoder } from './PostgisTileEncoder.ts';
import type { TileEncoder } from './TileEncoder.ts';

/** PostgreSQL servers encode with ST_AsMVT; PGlite, whose PostGIS has no protobuf-c, in JavaScript. */
export function tileEncoderFor(engine: EngineName): TileEncoder {
  return engine === 'postgres' ? new PostgisTileEncoder() : new JavascriptTileEncoder();
}
