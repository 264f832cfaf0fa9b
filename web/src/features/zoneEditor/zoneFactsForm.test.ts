import { describe, expect, it } from 'vitest';
import { zoneFactsChange, zoneFactsFormOf } from './zoneFactsForm.ts';

describe('the zone facts form', () => {
  const start = zoneFactsFormOf({ development: 'new', area_ha: 120 });

  it('sends what changed with the version, and nothing when nothing did', () => {
    expect(zoneFactsChange(start, start, 9)).toBeNull();
    expect(zoneFactsChange(start, { ...start, development: 'rehabilitation' }, 9)).toEqual({ version: 9, development: 'rehabilitation' });
    expect(zoneFactsChange(start, { ...start, area_ha: '١٣٠٫٥' }, 9)).toEqual({ version: 9, area_ha: 130.5 });
    expect(zoneFactsChange(start, { ...start, area_ha: '' }, 9)).toEqual({ version: 9, area_ha: null });
  });

  it('refuses an area that is not above 0', () => {
    expect(zoneFactsChange(start, { ...start, area_ha: '0' }, 9)).toEqual({ problem: 'area' });
    expect(zoneFactsChange(start, { ...start, area_ha: 'big' }, 9)).toEqual({ problem: 'area' });
  });
});
