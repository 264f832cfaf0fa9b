import type { GovernorateSummary } from '../api/summaries.ts';
import { METRIC_RANGE, metricValue, type ChoroplethMetric } from '../data/choroplethMetrics.ts';
import { classBreaks, classColors, VIRIDIS_5 } from './colorScales.ts';

/** The choropleth for one metric: each governorate's value, the class breaks and their colours. */
export interface ChoroplethScale {
  metric: ChoroplethMetric;
  /** Value by governorate code; `null` for governorates with no project under the filters. */
  values: Map<string, number | null>;
  breaks: number[];
  colors: string[];
}

/** Builds the choropleth scale from the per-governorate summaries. */
export function choroplethScale(summaries: readonly GovernorateSummary[], metric: ChoroplethMetric): ChoroplethScale {
  const values = new Map<string, number | null>();
  for (const summary of summaries) values.set(summary.governorate, metricValue(metric, summary));
  const present = [...values.values()].filter((v): v is number => v !== null);
  const breaks = classBreaks(present, VIRIDIS_5.length, METRIC_RANGE[metric]);
  return { metric, values, breaks, colors: classColors(breaks) };
}
