import type { ZoneUtility } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { changedNetworks, isUtilityRows, readinessForStage, utilityLines, utilityRowsOf } from './utilityForm.ts';

const current: ZoneUtility[] = [
  { network: 'water', stage: 'under_construction', readiness: 45, reported_on: '2026-01-10' },
  { network: 'roads', stage: 'operational', readiness: 100, reported_on: '2026-01-10' },
];

describe('the utilities of a zone report', () => {
  it('starts from the zone as it stands, five networks in order', () => {
    const rows = utilityRowsOf(current);
    expect(rows.map((r) => r.network)).toEqual(['water', 'electricity', 'roads', 'sewage', 'telecoms']);
    expect(rows[0]).toEqual({ network: 'water', stage: 'under_construction', readiness: '45' });
    expect(rows[1]).toEqual({ network: 'electricity', stage: '', readiness: '0' });
    expect(isUtilityRows(rows)).toBe(true);
    expect(isUtilityRows(rows.slice(1))).toBe(false);
    expect(changedNetworks(rows, current)).toEqual([]);
  });

  it('sends a line for each network with a stage, and leaves the others out', () => {
    const rows = utilityRowsOf(current);
    rows[0] = { ...rows[0]!, stage: 'partially_operational', readiness: '٧٠' };
    expect(utilityLines(rows)).toEqual({
      ok: true,
      lines: [
        { network: 'water', stage: 'partially_operational', readiness: 70 },
        { network: 'roads', stage: 'operational', readiness: 100 },
      ],
    });
    expect(changedNetworks(rows, current)).toEqual(['water']);
  });

  it('names a readiness out of range, and a readiness without a stage', () => {
    const rows = utilityRowsOf(current);
    rows[0] = { ...rows[0]!, readiness: '101' };
    rows[2] = { ...rows[2]!, readiness: '12.5' };
    rows[3] = { ...rows[3]!, readiness: '30' };
    expect(utilityLines(rows)).toEqual({ ok: false, errors: { water: 'readiness', roads: 'readiness', sewage: 'stage' } });
  });

  it('offers the readiness a stage means', () => {
    expect(readinessForStage('operational', '40')).toBe('100');
    expect(readinessForStage('damaged', '100')).toBe('0');
    expect(readinessForStage('under_construction', '40')).toBe('40');
  });
});
