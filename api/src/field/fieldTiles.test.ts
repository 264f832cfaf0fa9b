import { FIELD_AREA_MAX_ZOOM, FIELD_MAX_TILES, FIELD_TILE_MAX_ZOOM } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { fieldTiles, separatingZoom, tileOf, tilesOver } from './fieldTiles.ts';

const DAMASCUS: [number, number, number, number] = [36.2, 33.4, 36.4, 33.6];

describe('field tiles', () => {
  it('finds the tile of a point as the XYZ scheme numbers it', () => {
    expect(tileOf([0, 0], 0)).toEqual([0, 0]);
    expect(tileOf([36.3, 33.5], 10)).toEqual([615, 410]);
    expect(tileOf([180, -90], 2)).toEqual([3, 3]); // the edges stay inside the grid
  });

  it('covers a box with every tile that touches it', () => {
    expect(tilesOver(DAMASCUS, 0)).toEqual([[0, 0, 0]]);
    const z10 = tilesOver(DAMASCUS, 10);
    expect(z10.length).toBeGreaterThan(1);
    expect(z10).toContainEqual([10, 615, 410]);
  });

  it('separates points at the first zoom where each has a tile of its own; the same place never separates', () => {
    expect(separatingZoom([[36.3, 33.5], [36.31, 33.5]], 10, 14)).toBeGreaterThan(10);
    expect(separatingZoom([[36.3, 33.5], [38, 35]], 10, 14)).toBe(10);
    expect(separatingZoom([[36.3, 33.5], [36.3, 33.5]], 10, 14)).toBe(10);
    expect(separatingZoom([[36.3, 33.5], [36.30001, 33.50001]], 10, 14)).toBe(14);
  });

  it('takes the whole area to zoom 10, then only tiles with projects, within the limit', () => {
    const points: [number, number][] = [[36.25, 33.45], [36.35, 33.55], [36.36, 33.56]];
    const tiles = fieldTiles([DAMASCUS], points);
    expect(tiles.area_max_zoom).toBe(FIELD_AREA_MAX_ZOOM);
    expect(tiles.max_zoom).toBeGreaterThan(FIELD_AREA_MAX_ZOOM);
    const deep = tiles.coordinates.filter(([z]) => z === tiles.max_zoom);
    expect(deep.length).toBe(3);
    expect(new Set(tiles.coordinates.map((t) => t.join('/'))).size).toBe(tiles.coordinates.length);

    const huge = fieldTiles([[-20, -40, 50, 40]], points);
    expect(huge.coordinates.length).toBeLessThanOrEqual(FIELD_MAX_TILES);
    expect(huge.area_max_zoom).toBeLessThan(FIELD_AREA_MAX_ZOOM);
    expect(huge.max_zoom).toBeLessThanOrEqual(FIELD_TILE_MAX_ZOOM);
  });
});
