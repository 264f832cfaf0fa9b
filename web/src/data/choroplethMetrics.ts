import type { Metrics } from '../api/summaries.ts';
import { formatCount, formatMoneyCompact, formatPercent } from '../format/numbers.ts';
import type { Language } from '../i18n/language.ts';

/** What the governorates can be coloured by. */
export const CHOROPLETH_METRICS = ['progress', 'delayed', 'projects', 'spent', 'plan'] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];
export const DEFAULT_METRIC: ChoroplethMetric = 'progress';

/** Percentages are classed on a fixed 0–100 range; counts and money on quantiles. */
export const METRIC_RANGE: Record<ChoroplethMetric, [number, number] | undefined> = {
  progress: [0, 100],
  delayed: [0, 100],
  projects: undefined,
  spent: undefined,
  plan: [0, 100],
};

export type MetricUnit = 'percent' | 'count' | 'money';
export const METRIC_UNIT: Record<ChoroplethMetric, MetricUnit> = {
  progress: 'percent',
  delayed: 'percent',
  projects: 'count',
  spent: 'money',
  plan: 'percent',
};

/**
 * The value a governorate is coloured by, or `null` when it has no project under the filters.
 * `plan` (% of the year's target achieved for one indicator) does not come from the project
 * summaries but from each country's plan matrix (features/plans/planChoropleth.ts).
 */
export function metricValue(metric: ChoroplethMetric, metrics: Metrics): number | null {
  if (metrics.projects === 0) return null;
  switch (metric) {
    case 'progress':
      return metrics.progress_weighted;
    case 'delayed':
      return (100 * metrics.delayed) / metrics.projects;
    case 'projects':
      return metrics.projects;
    case 'spent':
      return metrics.budget_spent;
    case 'plan':
      return null;
  }
}

/** A governorate's (or the country's) value of the metric as the reader reads it: `47.3%`, `١٢٣`, `US$9.5m`. */
export function formatMetricValue(metric: ChoroplethMetric, value: number, language: Language): string {
  switch (METRIC_UNIT[metric]) {
    case 'percent':
      return formatPercent(value, language);
    case 'money':
      return formatMoneyCompact(value, language);
    case 'count':
      return formatCount(value, language);
  }
}
