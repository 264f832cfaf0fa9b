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
 * end, rebuilt from the append-only progress history (the latest report on or before that day).
 */
export async function progressTimeline(db: Queryable, filter: ProjectFilter, viewer: Viewer): Promise<TimelineMonth[]> {
  const params = new SqlParams();
  const where = projectFilterSql(filter, viewer, params);
  const rows = await db.query<{ month: string; progress_weighted: number | null; budget_spent: number; projects_reporting: number }>(
    `with months as (
       select generate_series(date_trunc('month', current_date) - interval '${TIMELINE_MONTHS - 1} months',
                              date_trunc('month', current_date), interval '1 month')::date as m),
     scope as (select p.id, p.budget from projects p where ${where}),
     standing as (
       select months.m, scope.budget, latest.physical_progress, latest.financial_progress
         from months cross join scope
         join lateral (select u.physical_progress, u.financial_progress
                         from progress_updates u
                        where u.project_id = scope.id and u.reported_on < months.m + interval '1 month'
                        order by u.reported_on desc, u.id desc
                        limit 1) latest on true)
     select to_char(months.m, 'YYYY-MM') as month,
            round(sum(standing.budget * standing.physical_progress)
                  / nullif(sum(standing.budget) filter (where standing.budget > 0), 0), 2) as progress_weighted,
            round(coalesce(sum(standing.budget * standing.financial_progress / 100), 0), 2) as budget_spent,
            count(standing.m) as projects_reporting
       from months left join standing on standing.m = months.m
      group by months.m
      order by months.m`,
    params.values,
  );
  return rows;
}
