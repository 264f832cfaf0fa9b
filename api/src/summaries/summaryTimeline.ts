import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';

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
export async function progressTimeline(db: Queryable, filter: ProjectFilter, viewer: Viewer): Promise<TimelineMonth[]> {
  const params = new SqlParams();
  const where = projectFilterSql(filter, viewer, params);
  const rows = await db.query<{ month: string; progress_weighted: number | null; budget_spent: number; projects_reporting: number }>(
    `with window_months as (
       select generate_series(date_trunc('month', current_date) - interval '${TIMELINE_MONTHS - 1} months',
                              date_trunc('month', current_date), interval '1 month')::date as m),
     steps as (
       select greatest(s.month, (select min(m) from window_months)) as m,
              sum(p.budget * s.physical_step) as weighted_step,
              sum(p.budget * s.financial_step) as spent_step,
              sum(p.budget) filter (where p.budget > 0 and s.first_report) as budget_step,
              count(*) filter (where s.first_report) as reporting_step
         from projects p join progress_month_steps s on s.project_id = p.id
        where ${where} and s.month <= date_trunc('month', current_date)
        group by 1),
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
