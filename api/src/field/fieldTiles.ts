import { FIELD_AREA_MAX_ZOOM, FIELD_MAX_TILES, FIELD_TILE_MAX_ZOOM, type FieldTiles, type TileCoordinate } from '@marsad/contracts';

/** `[minLon, minLat, maxLon, maxLat]` in WGS 84. */
export type Bounds = readonly [number, number, number, number];
/** `[lon, lat]`. */
export type LonLat = readonly [number, number];

/** Web Mercator stops here: tiles cover latitudes within ±85.0511°. */
const MAX_LAT = 85.0511287798;

/** The XYZ tile holding `[lon, lat]` at zoom `z`. */
export function tileOf([lon, lat]: LonLat, z: number): [number, number] {
  const n = 2 ** z;
  const clampedLat = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const rad = (clampedLat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** Every tile of zoom `z` that touches `bounds`. */
export function tilesOver(bounds: Bounds, z: number): TileCoordinate[] {
  const [minX, minY] = tileOf([bounds[0], bounds[3]], z);
  const [maxX, maxY] = tileOf([bounds[2], bounds[1]], z);
  const tiles: TileCoordinate[] = [];
  for (let x = minX; x <= maxX; x++) for (let y = minY; y <= maxY; y++) tiles.push([z, x, y]);
  return tiles;
}

/**
 * The lowest zoom from `from` at which points that are not at the same place fall in tiles of
 * their own, so each project can be told from its neighbours; `max` when none does.
 */
export function separatingZoom(points: readonly LonLat[], from: number, max: number): number {
  const places = new Map(points.map((p) => [`${p[0].toFixed(6)},${p[1].toFixed(6)}`, p]));
  for (let z = from; z < max; z++) {
    const tiles = new Set([...places.values()].map((p) => tileOf(p, z).join('/')));
    if (tiles.size === places.size) return z;
  }
  return max;
}

/**
 * The tiles a device fetches to find every project offline: over the governorates' bounds from
 * zoom 0 to FIELD_AREA_MAX_ZOOM, then only the tiles holding a project up to the separating zoom.
 * At most FIELD_MAX_TILES: a large area lowers the whole-area zoom, many projects the deepest.
 */
export function fieldTiles(bounds: readonly Bounds[], points: readonly LonLat[]): FieldTiles {
  const maxZoom = separatingZoom(points, FIELD_AREA_MAX_ZOOM, FIELD_TILE_MAX_ZOOM);
  for (let areaZoom = FIELD_AREA_MAX_ZOOM; areaZoom >= 0; areaZoom--) {
    for (let deepest = Math.max(areaZoom, maxZoom); deepest >= areaZoom; deepest--) {
      const seen = new Map<string, TileCoordinate>();
      const add = (tile: TileCoordinate) => seen.set(tile.join('/'), tile);
      for (let z = 0; z <= areaZoom; z++) for (const box of bounds) tilesOver(box, z).forEach(add);
      for (let z = areaZoom + 1; z <= deepest; z++) for (const point of points) add([z, ...tileOf(point, z)]);
      if (seen.size <= FIELD_MAX_TILES) return { area_max_zoom: areaZoom, max_zoom: deepest, coordinates: [...seen.values()] };
    }
  }
  return { area_max_zoom: 0, max_zoom: 0, coordinates: [[0, 0, 0]] };
}
