import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, VIRIDIS_5 } from './colorScales.ts';
import { zoneMetricColor, zoneMetricValue } from './zoneMetricScale.ts';

describe('zone metric colours', () => {
  it('reads each metric from its tile property, absent or odd values as no data', () => {
    expect(zoneMetricValue('occupancy', { occupancy: 62.5 })).toBe(62.5);
    expect(zoneMetricValue('jobs', { jobs_actual: 12, occupancy: 3 })).toBe(12);
    expect(zoneMetricValue('occupancy', {})).toBeNull();
    expect(zoneMetricValue('readiness', { readiness: 'high' })).toBeNull();
  });

  it('classes percentages in fifths and jobs on a fixed scale', () => {
    expect(zoneMetricColor('occupancy', { occupancy: 0 })).toBe(VIRIDIS_5[0]);
    expect(zoneMetricColor('occupancy', { occupancy: 20 })).toBe(VIRIDIS_5[1]);
    expect(zoneMetricColor('readiness', { readiness: 100 })).toBe(VIRIDIS_5[4]);
    expect(zoneMetricColor('jobs', { jobs_actual: 9 })).toBe(VIRIDIS_5[0]);
    expect(zoneMetricColor('jobs', { jobs_actual: 600 })).toBe(VIRIDIS_5[3]);
    expect(zoneMetricColor('occupancy', {})).toBe(NO_DATA_COLOR);
  });
});
