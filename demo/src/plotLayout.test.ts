import { describe, expect, it } from 'vitest';
import { AreaShape } from './AreaShape.ts';
import { placePolygon, type PlacedArea } from './placeGeometry.ts';
import { blockLetter, layOutPlots } from './plotLayout.ts';
import { Random } from './random.ts';

// About 30 km × 30 km near Damascus: room for any zone.
const area: PlacedArea = {
  shape: new AreaShape([[[[36.1, 33.35], [36.4, 33.35], [36.4, 33.65], [36.1, 33.65], [36.1, 33.35]]]]),
  labelX: 36.25,
  labelY: 33.5,
};

const ring = (wkt: string) => [...wkt.matchAll(/(-?\d+\.\d+) (-?\d+\.\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);

describe('layOutPlots', () => {
  it('lays out numbered rectangular plots inside industrial and craft zones of every shape', () => {
    for (let i = 0; i < 40; i++) {
      const kind = i % 2 === 0 ? 'industrial_zone' : 'craft_zone';
      const zone = placePolygon(new Random(i), area, kind === 'industrial_zone' ? 3_000_000 : 120_000);
      const outline = new AreaShape([[ring(zone.wkt)]]);
      const plots = layOutPlots(new Random(100 + i), kind, zone.wkt);
      expect(plots.length, `zone ${i}`).toBeGreaterThan(5);
      expect(new Set(plots.map((p) => p.number)).size).toBe(plots.length);
      for (const plot of plots) {
        expect(plot.number).toMatch(/^[A-Z]{1,2}-\d+$/);
        const corners = ring(plot.wkt);
        expect(corners).toHaveLength(5);
        for (const [x, y] of corners) expect(outline.contains(x, y)).toBe(true);
        if (kind === 'craft_zone') {
          expect(plot.areaM2).toBeGreaterThan(140);
          expect(plot.areaM2).toBeLessThan(620);
        }
      }
    }
  });

  it('gives the same plan for the same seed', () => {
    const zone = placePolygon(new Random(3), area, 2_000_000);
    expect(layOutPlots(new Random(9), 'industrial_zone', zone.wkt)).toEqual(layOutPlots(new Random(9), 'industrial_zone', zone.wkt));
  });

  it('names blocks A to Z, then AA, AB…', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(blockLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});
