import { fromDay, toDay, yearOf } from './days.ts';
import type { PlanContext } from './progressPlan.ts';
import { fixedUpdateCount, reportingDays, type HistoryWindow } from './progressUpdates.ts';
import type { ProjectDraft } from './ProjectDraft.ts';

/** Projects start in the five years before `today` and in its year, more of them recently. */
const START_YEAR_WEIGHTS = [5, 9, 15, 22, 26, 23];

export function planContext(today: number): PlanContext {
  const thisYear = yearOf(today);
  return {
    today,
    startYears: START_YEAR_WEIGHTS.map((weight, i) => {
      const year = thisYear - (START_YEAR_WEIGHTS.length - 1) + i;
      return { firstDay: toDay(`${year}-01-01`), lastDay: toDay(`${year}-12-31`), weight };
    }),
  };
}

/**
 * Three years of history before `today`, with the spacing of regular reports chosen so that,
 * together with the milestone reports, the total comes close to `targetUpdates`.
 */
export function historyWindow(drafts: readonly ProjectDraft[], targetUpdates: number, today: number): HistoryWindow {
  const date = fromDay(today);
  const from = toDay(`${Number(date.slice(0, 4)) - 3}${date.slice(4, 7)}-01`) + Number(date.slice(8)) - 1;
  const partial: HistoryWindow = { from, today, reportEvery: Infinity };
  let fixed = 0;
  let days = 0;
  let reporting = 0;
  for (const draft of drafts) {
    fixed += fixedUpdateCount(draft.plan, partial);
    const own = reportingDays(draft.plan, partial);
    days += own;
    if (own > 0) reporting++;
  }
  const regular = targetUpdates - fixed;
  // A window of d days spaced every s days holds about d/s - 1/2 reports (the first comes after one step).
  return { ...partial, reportEvery: regular > 0 && days > 0 ? days / (regular + reporting / 2) : Infinity };
}
