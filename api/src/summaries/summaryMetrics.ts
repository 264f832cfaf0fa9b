import { indicatorSql } from '../projects/projectIndicators.ts';
import { PROJECT_STATUSES, type ProjectStatus, type SummaryMetrics } from '@marsad/contracts';

/** What every summary reports for a group of projects: the contracts' SummaryMetrics. */
export type { SummaryMetrics };

/**
 * The aggregate columns behind SummaryMetrics, over projects aliased `p` (which may be null
 * rows of an outer join: every aggregate ignores them).
 */
export function summaryMetricsSql(p = 'p'): string {
  const ind = indicatorSql(p);
  return [
    `count(${p}.id) as projects`,
    ...PROJECT_STATUSES.map((s) => `count(${p}.id) filter (where ${p}.status = '${s}') as status_${s}`),
    `coalesce(sum(${p}.budget), 0) as budget_total`,
    `coalesce(sum(${ind.spent}), 0) as budget_spent`,
    `sum(${p}.budget * ${p}.physical_progress) / nullif(sum(${p}.budget) filter (where ${p}.budget > 0), 0) as progress_weighted`,
    `count(${p}.id) filter (where ${ind.delayed}) as delayed`,
    `count(${p}.id) filter (where ${ind.stale}) as stale`,
    `max(${p}.last_update_on) as last_update_on`,
  ].join(',\n       ');
}

type MetricsRow = Record<string, unknown>;

/** Reads SummaryMetrics out of a row that selected summaryMetricsSql(), rounding for display. */
export function readMetrics(row: MetricsRow): SummaryMetrics {
  const number = (key: string) => Number(row[key] ?? 0);
  const weighted = row.progress_weighted;
  return {
    projects: number('projects'),
    by_status: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, number(`status_${s}`)])) as Record<ProjectStatus, number>,
    budget_total: round(number('budget_total'), 2),
    budget_spent: round(number('budget_spent'), 2),
    progress_weighted: weighted === null || weighted === undefined ? null : round(Number(weighted), 2),
    delayed: number('delayed'),
    stale: number('stale'),
    last_update_on: (row.last_update_on as string | null) ?? null,
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
