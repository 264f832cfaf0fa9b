import type { ZoneMetric } from '@marsad/contracts';
import { classColors, colorForValue, NO_DATA_COLOR } from './colorScales.ts';

/**
 * How zones are coloured on the map by a zone metric. The breaks are fixed, not quantiles of
 * what is shown, so a colour means the same under any filter and in any tile: occupancy and
 * readiness in fifths of 0–100 %, jobs on a roughly logarithmic scale from a workshop to a large
 * industrial city.
 */
export const ZONE_METRIC_BREAKS: Record<ZoneMetric, readonly number[]> = {
  occupancy: [20, 40, 60, 80],
  readiness: [20, 40, 60, 80],
  jobs: [10, 100, 500, 2000],
};

export const ZONE_METRIC_UNIT: Record<ZoneMetric, 'percent' | 'count'> = { occupancy: 'percent', readiness: 'percent', jobs: 'count' };

/** The zone tile property each metric reads. */
export const ZONE_METRIC_PROPERTY: Record<ZoneMetric, 'occupancy' | 'readiness' | 'jobs_actual'> = {
  occupancy: 'occupancy',
  readiness: 'readiness',
  jobs: 'jobs_actual',
};

export function zoneMetricColors(metric: ZoneMetric): string[] {
  return classColors(ZONE_METRIC_BREAKS[metric]);
}

/**
 * The metric's value in a zone's tile properties, or null when the zone has none (occupancy of
 * a zone without plots: the tile leaves the property out).
 */
export function zoneMetricValue(metric: ZoneMetric, properties: Record<string, unknown>): number | null {
  const raw = properties[ZONE_METRIC_PROPERTY[metric]];
  if (raw === null || raw === undefined || raw === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** The colour a zone is filled with for `metric`. */
export function zoneMetricColor(metric: ZoneMetric, properties: Record<string, unknown>): string {
  const value = zoneMetricValue(metric, properties);
  return value === null ? NO_DATA_COLOR : colorForValue(value, ZONE_METRIC_BREAKS[metric], zoneMetricColors(metric));
}
