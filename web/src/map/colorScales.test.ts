import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classColors,
  colorForValue,
  hexToRgb,
  NO_DATA_COLOR,
  STATUS_COLORS,
  statusColor,
  VIRIDIS_5,
} from './colorScales.ts';

describe('class breaks', () => {
  it('splits a fixed 0–100 range evenly', () => {
    expect(classBreaks([], 5, [0, 100])).toEqual([20, 40, 60, 80]);
  });

  it('uses rounded, distinct quantiles otherwise', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 120, 1234];
    expect(classBreaks(values, 5)).toEqual([3, 5, 8, 10]);
    expect(classBreaks([5, 5, 5, 5], 5)).toEqual([]);
    expect(classBreaks([], 5)).toEqual([]);
    expect(classBreaks([0, 0, 1234567], 3)).toEqual([1200000]);
  });
});

describe('class colours', () => {
  it('uses the whole palette, or spreads fewer classes over it', () => {
    expect(classColors([1, 2, 3, 4])).toEqual([...VIRIDIS_5]);
    expect(classColors([10])).toEqual([VIRIDIS_5[0], VIRIDIS_5[4]]);
    expect(classColors([])).toEqual([VIRIDIS_5[2]]);
  });

  it('colours values by class, and missing values as no data', () => {
    const breaks = [20, 40, 60, 80];
    const colors = classColors(breaks);
    expect(colorForValue(0, breaks, colors)).toBe(VIRIDIS_5[0]);
    expect(colorForValue(20, breaks, colors)).toBe(VIRIDIS_5[1]);
    expect(colorForValue(100, breaks, colors)).toBe(VIRIDIS_5[4]);
    expect(colorForValue(null, breaks, colors)).toBe(NO_DATA_COLOR);
  });
});

describe('status colours', () => {
  it('gives every status a distinct Okabe–Ito colour and unknown ones grey', () => {
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(6);
    expect(statusColor('completed')).toBe('#009E73');
    expect(statusColor('lost')).toBe('#999999');
    expect(hexToRgb('#0072B2')).toEqual([0, 114, 178]);
  });
});
