import { describe, expect, it } from 'vitest';
import { AreaShape } from './AreaShape.ts';

// A 10×10 square with a 2×2 hole in the middle, like Damascus inside Rif Dimashq.
const square = new AreaShape([
  [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]],
  ],
]);

describe('AreaShape', () => {
  it('treats holes as outside', () => {
    expect(square.contains(1, 1)).toBe(true);
    expect(square.contains(5, 5)).toBe(false);
    expect(square.contains(11, 5)).toBe(false);
  });

  it('measures the distance to the nearest edge, holes included', () => {
    expect(square.distanceToBoundary(1, 5)).toBeCloseTo(1);
    expect(square.distanceToBoundary(3, 5)).toBeCloseTo(1);
    expect(square.hasRoomAt(2, 2, 1.5)).toBe(true);
    expect(square.hasRoomAt(3.5, 5, 1)).toBe(false);
  });
});
