import { describe, expect, it } from 'vitest';
import { editableGeometry, toolFor } from './drawTools.ts';

describe('editableGeometry', () => {
  it('rounds to seven decimals and drops heights', () => {
    expect(editableGeometry({ type: 'Point', coordinates: [36.123456789, 33.987654321, 700] })).toEqual({
      mode: 'point',
      geometry: { type: 'Point', coordinates: [36.1234568, 33.9876543] },
    });
  });

  it('takes the one part of a multi-geometry, and refuses several parts', () => {
    const ring = [
      [36, 33],
      [36.1, 33],
      [36.1, 33.1],
      [36, 33],
    ];
    expect(editableGeometry({ type: 'MultiPolygon', coordinates: [[ring]] })?.mode).toBe('polygon');
    expect(editableGeometry({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBeNull();
    expect(toolFor({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBe('point');
    expect(toolFor({ type: 'MultiPolygon', coordinates: [[ring]] })).toBe('select');
    expect(toolFor(null)).toBe('point');
  });
});
