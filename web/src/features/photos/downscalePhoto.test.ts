import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_EDGE } from './downscalePhoto.ts';

describe('fitWithin', () => {
  it('scales the long side down to the limit, keeping the shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: MAX_EDGE, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: MAX_EDGE });
    expect(fitWithin(4032, 1816, 1600)).toEqual({ width: 1600, height: 721 });
  });

  it('never enlarges a small photo, and never rounds a side to nothing', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10_000, 2)).toEqual({ width: MAX_EDGE, height: 1 });
  });
});
