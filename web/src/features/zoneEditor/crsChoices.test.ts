import { describe, expect, it } from 'vitest';
import { crsChoices, parseEpsg } from './crsChoices.ts';

describe('coordinate systems for a plot file', () => {
  it('offers WGS 84, the country’s usual grids, and Web Mercator', () => {
    const syria = crsChoices('SYR').map((c) => c.epsg);
    expect(syria[0]).toBe(4326);
    expect(syria).toContain(32637);
    expect(syria).toContain(22770);
    expect(crsChoices('XXX').map((c) => c.epsg)).toEqual([4326, 3857]);
  });

  it('reads a typed EPSG code with or without its prefix', () => {
    expect(parseEpsg('32637')).toBe(32637);
    expect(parseEpsg(' EPSG:22770 ')).toBe(22770);
    expect(parseEpsg('epsg 4326')).toBe(4326);
    expect(parseEpsg('UTM 37')).toBeNull();
    expect(parseEpsg('12')).toBeNull();
  });
});
