import { periodBounds, periodDueOn, periodsOfYear } from '@marsad/contracts';
import type { Indicator, IndicatorReturn, ReturnStatus } from './planningApi.ts';

/** Where a return stands, as the API says (`ReturnStatus.state`). */
export type ReturnState = ReturnStatus['state'];

/** …and, on the form, a period the plan does not ask this governorate for, with nothing sent. */
export type PeriodState = ReturnState | 'not_expected';

/** One period of a governorate's return for an indicator, as the returns form shows it. */
export interface PeriodRow {
  period: string;
  dueOn: string;
  state: PeriodState;
  /** The value that counts: the latest submitted (a correction replaces the value, not the history). */
  latest: IndicatorReturn | null;
  /** Every submission for the period, oldest first. */
  history: IndicatorReturn[];
  /** Whether the plan in force expects this return (the API's status list holds it). */
  expected: boolean;
  /** Whether a value may be sent: the period has started. */
  open: boolean;
}

/** Today on this device's calendar, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The years the planning screens offer: two back, this one, two ahead. */
export function yearChoices(now: Date = new Date()): number[] {
  const year = now.getFullYear();
  return [year - 2, year - 1, year, year + 1, year + 2];
}

const bySubmission = (a: IndicatorReturn, b: IndicatorReturn) => a.submitted_at.localeCompare(b.submitted_at) || a.id - b.id;

/**
 * Where a period stands when the API's status list does not hold it (the plan in force has no
 * target line for this governorate and indicator, so no return is expected): a value sent anyway
 * is late when the first submission came after the due date, on time otherwise; with nothing sent
 * it is simply not asked for — never "missing".
 */
export function stateOf(history: readonly IndicatorReturn[]): PeriodState {
  const first = [...history].sort(bySubmission)[0];
  if (first !== undefined) return first.late ? 'late' : 'on_time';
  return 'not_expected';
}

/**
 * The periods of `year` for a reported indicator in one governorate: each with its due date, its
 * state (the API's word when it expects the return, else worked out from the returns), its history.
 */
export function periodRows(
  indicator: Pick<Indicator, 'code' | 'frequency' | 'return_due_days'>,
  governorate: string,
  year: number,
  returns: readonly IndicatorReturn[],
  statuses: readonly ReturnStatus[],
  today: string,
): PeriodRow[] {
  if (indicator.frequency === null) return [];
  const mine = returns.filter((r) => r.indicator === indicator.code && r.governorate === governorate);
  return periodsOfYear(year, indicator.frequency).map((period) => {
    const history = mine.filter((r) => r.period === period).sort(bySubmission);
    const status = statuses.find((s) => s.indicator === indicator.code && s.governorate === governorate && s.period === period);
    const dueOn = status?.due_on ?? periodDueOn(period, indicator.return_due_days);
    return {
      period,
      dueOn,
      state: status?.state ?? stateOf(history),
      latest: history.at(-1) ?? null,
      history,
      expected: status !== undefined,
      open: periodBounds(period).start <= today,
    };
  });
}

/** The count behind each state the API knows, for a summary line (periods not asked for are left out). */
export function countStates(rows: readonly { state: PeriodState }[]): Record<ReturnState, number> {
  const counts: Record<ReturnState, number> = { on_time: 0, late: 0, missing: 0, not_due: 0 };
  for (const row of rows) if (row.state !== 'not_expected') counts[row.state] += 1;
  return counts;
}

/** A rate's value as the indicator reads it (numerator / denominator × rate_per); `null` without a denominator. */
export function rateValue(value: number, denominator: number | null, ratePer: number | null): number | null {
  if (ratePer === null) return value;
  if (denominator === null || denominator === 0) return null;
  return (value / denominator) * ratePer;
}

/** Missing and late returns of a country-year by governorate, most missing first. */
export interface GovernorateReturns {
  governorate: string;
  counts: Record<ReturnState, number>;
  /** The missing and late returns, oldest due first. */
  overdue: ReturnStatus[];
}

export function byGovernorate(items: readonly ReturnStatus[]): GovernorateReturns[] {
  const groups = new Map<string, ReturnStatus[]>();
  for (const item of items) groups.set(item.governorate, [...(groups.get(item.governorate) ?? []), item]);
  return [...groups.entries()]
    .map(([governorate, rows]) => ({
      governorate,
      counts: countStates(rows),
      overdue: rows.filter((r) => r.state === 'missing' || r.state === 'late').sort((a, b) => a.due_on.localeCompare(b.due_on) || a.indicator.localeCompare(b.indicator)),
    }))
    .sort((a, b) => b.counts.missing - a.counts.missing || b.counts.late - a.counts.late || a.governorate.localeCompare(b.governorate));
}
