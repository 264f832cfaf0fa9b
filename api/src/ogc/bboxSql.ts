import type { SqlParams } from '../sql/SqlParams.ts';
import type { BboxFilter } from './OgcCollection.ts';

/**
 * Geometries in `column` (SRID 4326) that intersect the box, as OGC API `bbox` means it (not
 * merely whose bounding boxes overlap). A box with minLon > maxLon crosses the antimeridian
 * and is split in two. The envelope is built in 4326, so the GiST index on `column` is used.
 */
export function bboxSql(column: string, bbox: BboxFilter, params: SqlParams): string {
  const { minLon, minLat, maxLon, maxLat } = bbox;
  const box = (west: number, east: number) =>
    `ST_Intersects(${column}, ST_MakeEnvelope(${params.add(west)}, ${params.add(minLat)}, ${params.add(east)}, ${params.add(maxLat)}, 4326))`;
  return minLon <= maxLon ? box(minLon, maxLon) : `(${box(minLon, 180)} or ${box(-180, maxLon)})`;
}
