import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { GovernorateCollection } from '../../api/boundaries.ts';
import { geometryFacts } from './geometryFacts.ts';

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

const properties = (code: string) => ({ code, country_iso3: 'SYR', kind: 'governorate', kind_ar: 'محافظة', name_en: code, name_ar: code, name_ar_short: code });
const governorates: GovernorateCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'SY-DI', geometry: square(36, 33, 1), properties: properties('SY-DI') },
    { type: 'Feature', id: 'SY-RD', geometry: square(37, 33, 1), properties: properties('SY-RD') },
  ],
};

describe('geometryFacts', () => {
  it('finds the governorate under a point and counts one vertex', () => {
    const facts = geometryFacts({ type: 'Point', coordinates: [37.5, 33.5] }, governorates);
    expect(facts).toMatchObject({ type: 'Point', vertices: 1, areaM2: null, lengthM: null, selfIntersections: 0 });
    expect(facts.governorate?.code).toBe('SY-RD');
  });

  it('gives no governorate outside all of them', () => {
    expect(geometryFacts({ type: 'Point', coordinates: [10, 10] }, governorates).governorate).toBeNull();
  });

  it('measures a polygon: corners, not ring positions, and its area on the ellipsoid', () => {
    const facts = geometryFacts(square(36.2, 33.4, 0.01), governorates);
    expect(facts.vertices).toBe(4);
    // 0.01° × 0.01° at 33.4° N: about 1113 m × 929 m.
    expect(facts.areaM2! / 1e6).toBeGreaterThan(1.0);
    expect(facts.areaM2! / 1e6).toBeLessThan(1.08);
    expect(facts.selfIntersections).toBe(0);
    expect(facts.governorate?.code).toBe('SY-DI');
  });

  it('measures a line in metres', () => {
    const facts = geometryFacts(
      {
        type: 'LineString',
        coordinates: [
          [36.2, 33.4],
          [36.2, 33.41],
        ],
      },
      governorates,
    );
    expect(facts.lengthM).toBeGreaterThan(1100);
    expect(facts.lengthM).toBeLessThan(1120);
  });

  it('finds where a bow-tie polygon crosses itself', () => {
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [36.2, 33.4],
          [36.3, 33.5],
          [36.3, 33.4],
          [36.2, 33.5],
          [36.2, 33.4],
        ],
      ],
    };
    expect(geometryFacts(bowTie, governorates).selfIntersections).toBe(1);
  });
});
