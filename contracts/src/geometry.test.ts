import { describe, expect, it } from 'vitest';
import { measureGeometry } from './geometry.ts';

const ring = (n: number) => Array.from({ length: n }, (_, i) => [i, i]);

describe('measureGeometry', () => {
  it('counts positions and parts of every type from array lengths', () => {
    expect(measureGeometry({ type: 'Point', coordinates: [1, 2] })).toEqual({ positions: 1, parts: 1 });
    expect(measureGeometry({ type: 'MultiPoint', coordinates: ring(3) })).toEqual({ positions: 3, parts: 3 });
    expect(measureGeometry({ type: 'LineString', coordinates: ring(5) })).toEqual({ positions: 5, parts: 1 });
    expect(measureGeometry({ type: 'MultiLineString', coordinates: [ring(2), ring(3)] })).toEqual({ positions: 5, parts: 2 });
    expect(measureGeometry({ type: 'Polygon', coordinates: [ring(5), ring(4)] })).toEqual({ positions: 9, parts: 2 });
    expect(measureGeometry({ type: 'MultiPolygon', coordinates: [[ring(5)], [ring(4), ring(4)]] })).toEqual({ positions: 13, parts: 3 });
  });

  it('stops at the first limit crossed, saying which', () => {
    const limits = { positions: 10, parts: 2 };
    expect(measureGeometry({ type: 'LineString', coordinates: ring(11) }, limits)).toEqual({
      over: 'positions',
      message: 'has 11 positions; a geometry may have at most 10: simplify it',
    });
    expect(measureGeometry({ type: 'MultiPoint', coordinates: ring(3) }, limits)).toMatchObject({ over: 'parts' });
    // Three polygons are at least three rings: known before the rings are listed.
    expect(measureGeometry({ type: 'MultiPolygon', coordinates: [[ring(4)], [ring(4)], [ring(4)]] }, limits)).toMatchObject({ over: 'parts' });
  });

  it('counts whatever stands where parts or positions belong, so the schema never walks a million bad items', () => {
    const million = new Array(1_000_000).fill(1);
    expect(measureGeometry({ type: 'Polygon', coordinates: million })).toMatchObject({ over: 'parts' });
    expect(measureGeometry({ type: 'LineString', coordinates: million })).toMatchObject({ over: 'positions' });
    expect(measureGeometry({ type: 'Point', coordinates: million })).toMatchObject({ over: 'position', message: 'has a position of 1,000,000 members; a position is [longitude, latitude], or with an altitude' });
    expect(measureGeometry({ type: 'LineString', coordinates: [[1, 2], new Array(1000).fill('x')] })).toMatchObject({ over: 'position' });
  });

  it('refuses coordinates nested deeper than their type, and leaves other shapes to the schema', () => {
    expect(measureGeometry({ type: 'Point', coordinates: [[1, 2]] })).toMatchObject({ over: 'nesting' });
    expect(measureGeometry({ type: 'Polygon', coordinates: [[[ring(4)]]] })).toMatchObject({ over: 'nesting', message: expect.stringMatching(/deeper than a Polygon/) });
    for (const odd of [null, 'x', { type: 'Circle', coordinates: [] }, { type: 'Polygon' }, { type: 'Polygon', coordinates: [1, 2] }]) {
      expect(measureGeometry(odd)).toEqual({ positions: 0, parts: 0 });
    }
  });
});
