import { describe, expect, it } from 'vitest';
import { AreaShape } from './AreaShape.ts';
import { placeLine, placePoint, placePolygon, type PlacedArea } from './placeGeometry.ts';
import { Random } from './random.ts';

// About 11 km × 11 km near Damascus: big enough for small sites, too small for long roads.
const area: PlacedArea = {
  shape: new AreaShape([[[[36.2, 33.45], [36.3, 33.45], [36.3, 33.55], [36.2, 33.55], [36.2, 33.45]]]]),
  labelX: 36.25,
  labelY: 33.5,
};

const vertices = (wkt: string) => [...wkt.matchAll(/(-?\d+\.\d+) (-?\d+\.\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('placeGeometry', () => {
  it('keeps points, lines and polygons inside the area, shrinking shapes that do not fit', () => {
    const random = new Random(11);
    for (let i = 0; i < 200; i++) {
      for (const { wkt } of [placePoint(random, area), placeLine(random, area, 30_000), placePolygon(random, area, 5_000_000)]) {
        for (const [x, y] of vertices(wkt)) expect(area.shape.hasRoomAt(x, y, 0.0002)).toBe(true);
      }
    }
  });

  it('writes closed polygon rings of the requested size', () => {
    const { wkt, areaM2 } = placePolygon(new Random(5), area, 40_000);
    const points = vertices(wkt);
    expect(points[0]).toEqual(points[points.length - 1]);
    expect(areaM2).toBeGreaterThan(25_000);
    expect(areaM2).toBeLessThan(60_000);
  });
});
