import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Bbox } from './constants.ts';

function eachPosition(coordinates: unknown, visit: (position: Position) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    visit(coordinates as Position);
    return;
  }
  for (const child of coordinates) eachPosition(child, visit);
}

/**
 * The [west, south, east, north] extent of every coordinate in the collection, or `null` when it
 * has none. Longitudes are taken as they are: none of our countries crosses the antimeridian.
 */
export function collectionBbox(collection: FeatureCollection<Geometry | null>): Bbox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry === null) continue;
    const parts = geometry.type === 'GeometryCollection' ? geometry.geometries : [geometry];
    for (const part of parts) {
      if (part.type === 'GeometryCollection') continue;
      eachPosition(part.coordinates, ([lon, lat]) => {
        if (lon === undefined || lat === undefined) return;
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      });
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
