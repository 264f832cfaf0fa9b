import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { badgeFits, badgeRadius, badgeSites, countBadges, MAX_COVER_SHARE, mercator, mercatorArea, mercatorInset } from './countBadges.ts';

/** A square governorate `size` degrees wide around the equator at `lon`. */
function square(code: string, lon: number, size: number): FeatureCollection<Polygon, { code: string }>['features'][number] {
  const h = size / 2;
  return {
    type: 'Feature',
    properties: { code },
    geometry: { type: 'Polygon', coordinates: [[[lon - h, -h], [lon + h, -h], [lon + h, h], [lon - h, h], [lon - h, -h]]] },
  };
}

function label(code: string, lon: number): FeatureCollection<Point, { code: string }>['features'][number] {
  return { type: 'Feature', properties: { code }, geometry: { type: 'Point', coordinates: [lon, 0] } };
}

const governorates: FeatureCollection<Polygon, { code: string }> = { type: 'FeatureCollection', features: [square('BIG', 0, 10), square('SMALL', 20, 0.5)] };
const labels: FeatureCollection<Point, { code: string }> = { type: 'FeatureCollection', features: [label('BIG', 0), label('SMALL', 20)] };

describe('count badges', () => {
  it('projects to the Web Mercator unit square', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5]);
    expect(mercator([180, 0])[0]).toBe(1);
    expect(mercator([0, 60])[1]).toBeLessThan(0.5);
  });

  it('measures area and the distance from the label point to the edge', () => {
    const big = governorates.features[0]!.geometry;
    // 10° of 360° square, near the equator.
    expect(mercatorArea(big)).toBeCloseTo((10 / 360) ** 2, 5);
    expect(mercatorInset([0, 0], big)).toBeCloseTo(5 / 360, 5);
    const withHole: Polygon = { type: 'Polygon', coordinates: [...big.coordinates, square('hole', 0, 2).geometry.coordinates[0]!] };
    expect(mercatorArea(withHole)).toBeCloseTo((10 / 360) ** 2 - (2 / 360) ** 2, 5);
  });

  it('sizes a badge to its number', () => {
    expect(badgeRadius('٧')).toBeLessThan(badgeRadius('٤٢'));
    expect(badgeRadius('42')).toBeLessThan(badgeRadius('1,234'));
    expect(badgeRadius('')).toBe(badgeRadius('1'));
  });

  it('draws a badge only where it fits wholly inside its governorate and covers a small share of it', () => {
    const [big, small] = badgeSites(governorates, labels);
    // At zoom 4 a 10° square is ~142 px wide; a 0.5° one ~7 px.
    expect(badgeFits(big!, 10, 4)).toBe(true);
    expect(badgeFits(small!, 10, 4)).toBe(false);
    // Zoomed in far enough, the small one holds its badge too.
    expect(badgeFits(small!, 10, 9)).toBe(true);
    // The share of its area a fitting badge covers is bounded.
    const scale = 512 * 2 ** 4;
    expect((Math.PI * 11.5 ** 2) / (big!.area * scale * scale)).toBeLessThanOrEqual(MAX_COVER_SHARE);
  });

  it('counts governorates with projects, in the reader digits, leaving out those with none or no room', () => {
    const sites = badgeSites(governorates, labels);
    const counts = new Map([['BIG', 123], ['SMALL', 7], ['ELSEWHERE', 3]]);
    const arabic = (n: number) => new Intl.NumberFormat('ar-SA-u-nu-arab').format(n);
    const at4 = countBadges(sites, counts, 4, arabic);
    expect(at4.features.map((f) => [f.properties.code, f.properties.label])).toEqual([['BIG', '١٢٣']]);
    expect(at4.features[0]!.properties.radius).toBe(badgeRadius('١٢٣'));
    expect(countBadges(sites, counts, 9, arabic).features.map((f) => f.properties.code)).toEqual(['BIG', 'SMALL']);
    expect(countBadges(sites, new Map([['BIG', 0]]), 4, arabic).features).toEqual([]);
  });
});
