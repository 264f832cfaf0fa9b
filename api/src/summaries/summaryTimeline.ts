import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { rollupVisibility, standingsCanServe } from './projectStandings.ts';

export interface TimelineMonth {
  /** YYYY-MM */
  month: string;
  /** Budget-weighted physical progress at the end of the month, from each project's latest report then. */
  progress_weighted: number | null;
  budget_spent: number;
  /** Projects with at least one report by the end of the month. */
  projects_reporting: number;
}

export const TIMELINE_MONTHS = 36;

/**
 * Month by month over the last three years: where the filtered projects stood at each month's
 * end (the latest report on or before that day). Summed from progress_month_steps (migration
 * 0015): a project's standing at a month's end is the sum of its steps up to that month, so
 * steps before the window count in its first month, and a running sum does the rest.
 */
export async function progressTimeline(db: Queryable, filter: ProjectFilter, viewer: Viewer, options: { rollup?: boolean } = {}): Promise<TimelineMonth[]> {
  const params = new SqlParams();
  const windowStart = '(select min(m) from window_months)';
  // Anonymous and staff views under country, governorate and status filters read the
  // per-governorate monthly sums (timeline_months, migration 0018); the rest sums each project's steps.
  const steps =
    options.rollup !== false && standingsCanServe(filter, viewer)
      ? `select greatest(t.month, ${windowStart}) as m, sum(t.weighted) as weighted_step, sum(t.spent_x100) as spent_step,
                sum(t.budget) as budget_step, sum(t.reporting) as reporting_step
           from timeline_months t join admin_areas a on a.id = t.admin_area_id
          where ${timelineRollupWhere(filter, viewer, params)} and t.month <= date_trunc('month', current_date)
          group by 1`
      : `select greatest(s.month, ${windowStart}) as m,
                sum(p.budget * s.physical_step) as weighted_step,
                sum(p.budget * s.financial_step) as spent_step,
                sum(p.budget) filter (where p.budget > 0 and s.first_report) as budget_step,
                count(*) filter (where s.first_report) as reporting_step
           from projects p join progress_month_steps s on s.project_id = p.id
          where ${projectFilterSql(filter, viewer, params)} and s.month <= date_trunc('month', current_date)
          group by 1`;
  const rows = await db.query<{ month: string; progress_weighted: number | null; budget_spent: number; projects_reporting: number }>(
    `with window_months as (
       select generate_series(date_trunc('month', current_date) - interval '${TIMELINE_MONTHS - 1} months',
                              date_trunc('month', current_date), interval '1 month')::date as m),
     steps as (${steps}),
     running as (
       select window_months.m,
              sum(steps.weighted_step) over w as weighted,
              sum(steps.spent_step) over w as spent,
              sum(steps.budget_step) over w as budget,
              sum(steps.reporting_step) over w as reporting
         from window_months left join steps on steps.m = window_months.m
       window w as (order by window_months.m))
     select to_char(m, 'YYYY-MM') as month,
            round(weighted / nullif(budget, 0), 2) as progress_weighted,
            round(coalesce(spent, 0) / 100, 2) as budget_spent,
            coalesce(reporting, 0) as projects_reporting
       from running
      order by m`,
    params.values,
  );
  return rows;
}

/** The rows of timeline_months a filter selects (standingsCanServe filters only). */
function timelineRollupWhere(filter: ProjectFilter, viewer: Viewer, params: SqlParams): string {
  const where = ['true'];
  if (rollupVisibility(viewer) === 'published') where.push('t.is_published');
  if (filter.country) where.push(`a.country_iso3 = any(${params.add(filter.country)}::text[])`);
  if (filter.governorate) where.push(`a.code = any(${params.add(filter.governorate)}::text[])`);
  if (filter.status) where.push(`t.status = any(${params.add(filter.status)}::text[])`);
  return where.join(' and ');
}
