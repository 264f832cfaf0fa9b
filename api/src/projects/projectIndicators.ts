import { STALE_AFTER_DAYS } from '@marsad/contracts';

/**
 * SQL for the indicators every view shares, over projects aliased `p`, so the list, the
 * summaries, the tiles and the exports agree on what "delayed" and "stale" mean.
 */
export const indicatorSql = (p = 'p') => ({
  /** Past its planned end and neither completed nor cancelled; false (never null) without a planned end. */
  delayed: `(${p}.planned_end is not null and ${p}.planned_end < current_date and ${p}.status not in ('completed', 'cancelled'))`,
  /** Expected to report (not completed or cancelled) but without an update for 90 days. */
  stale: `(${p}.status not in ('completed', 'cancelled')
           and coalesce(${p}.last_update_on, ${p}.created_at::date) < current_date - ${STALE_AFTER_DAYS})`,
  /** Days past the planned end, for projects still open; 0 otherwise. */
  delayDays: `(case when ${p}.planned_end < current_date and ${p}.status not in ('completed', 'cancelled')
                    then current_date - ${p}.planned_end else 0 end)`,
  /** The part of the budget spent, from the financial progress. */
  spent: `(coalesce(${p}.budget, 0) * ${p}.financial_progress / 100)`,
});
