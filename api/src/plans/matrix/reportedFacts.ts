import { periodBounds, periodDueOn, periodsOfYear, returnState, type Indicator, type IndicatorReturn } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { addFact, type FactScope, type FactTable } from './computedFacts.ts';

/**
 * Reported indicators' facts from the periodic returns (indicator_returns, append-only): for each
 * governorate and period, the latest value submitted by the end of `asOf` counts, placed at the
 * period's last month. A return is late when its first submission came after its due date, and
 * missing when its due date has passed (by `asOf`) with nothing submitted.
 */

export interface ReturnRow {
  id: number;
  indicator: string;
  area: number;
  governorate: string;
  period_start: string;
  value: number;
  denominator: number | null;
  note: string | null;
  submitted_by: string | null;
  submitted_at: string;
}

export interface ReportedFacts {
  facts: FactTable;
  /** Per governorate and indicator: returns due and missing, and late. */
  returnCounts: Map<number, Map<string, { missing: number; late: number }>>;
  rows: ReturnRow[];
}

/** `2026-03` or `2026-Q1` for a period starting on `start` (YYYY-MM-DD) at the indicator's frequency. */
export const periodOf = (indicator: Pick<Indicator, 'frequency'>, start: string): string =>
  indicator.frequency === 'quarterly' ? `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}` : start.slice(0, 7);

/** The end of day `asOf`, as the instant later submissions are not counted from. */
const endOfDay = (asOf: string) => new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString();

export async function loadReturnRows(db: Queryable, scope: FactScope, indicators: readonly string[], areaIds: readonly number[]): Promise<ReturnRow[]> {
  if (indicators.length === 0 || areaIds.length === 0) return [];
  return db.query<ReturnRow>(
    `select r.id::int as id, r.indicator_code as indicator, r.admin_area_id as area, a.code as governorate,
            to_char(r.period_start, 'YYYY-MM-DD') as period_start, r.value::float8 as value, r.denominator::float8 as denominator,
            r.note, u.display_name as submitted_by,
            to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as submitted_at
       from indicator_returns r
       join admin_areas a on a.id = r.admin_area_id
       left join users u on u.id = r.submitted_by
      where r.indicator_code = any($1::text[]) and r.admin_area_id = any($2::int[])
        and r.period_start >= $3::date and r.period_start < $4::date
      order by r.indicator_code, r.admin_area_id, r.period_start, r.submitted_at, r.id`,
    [indicators, areaIds, `${scope.year}-01-01`, `${scope.year + 1}-01-01`],
  );
}

/**
 * The facts and return counts of `expected` (governorate ids per indicator code: who must return
 * what) from all the year's return rows.
 */
export function reportedFacts(scope: FactScope, indicators: readonly Indicator[], expected: Map<string, number[]>, rows: readonly ReturnRow[]): ReportedFacts {
  const until = endOfDay(scope.asOf);
  const facts: FactTable = new Map();
  const returnCounts: ReportedFacts['returnCounts'] = new Map();
  const byKey = new Map<string, ReturnRow[]>();
  for (const row of rows) {
    if (row.submitted_at >= until) continue;
    const key = `${row.indicator}|${row.area}|${row.period_start}`;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  for (const indicator of indicators) {
    for (const area of expected.get(indicator.code) ?? []) {
      let missing = 0;
      let late = 0;
      for (const period of periodsOfYear(scope.year, indicator.frequency!)) {
        const { start, end } = periodBounds(period);
        if (start > scope.asOf) break;
        const submitted = byKey.get(`${indicator.code}|${area}|${start}`) ?? [];
        const state = returnState(submitted[0]?.submitted_at.slice(0, 10) ?? null, periodDueOn(period, indicator.return_due_days), scope.asOf);
        if (state === 'missing') missing++;
        if (state === 'late') late++;
        if (submitted.length === 0) continue;
        const latest = submitted[submitted.length - 1]!;
        addFact(facts, area, indicator.code, {
          month: end.slice(0, 7),
          value: latest.value,
          numerator: latest.value,
          denominator: latest.denominator ?? 0,
        });
      }
      let counts = returnCounts.get(area);
      if (!counts) returnCounts.set(area, (counts = new Map()));
      counts.set(indicator.code, { missing, late });
    }
  }
  return { facts, returnCounts, rows: [...rows] };
}

/** Every return of the year for one governorate and indicator, as the API lists them (oldest first). */
export function returnHistory(indicator: Indicator, rows: readonly ReturnRow[]): IndicatorReturn[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const period = periodOf(indicator, row.period_start);
    const dueOn = periodDueOn(period, indicator.return_due_days);
    const isCorrection = seen.has(period);
    seen.add(period);
    return {
      id: row.id,
      indicator: row.indicator,
      governorate: row.governorate,
      period,
      value: row.value,
      denominator: row.denominator,
      note: row.note,
      submitted_by: row.submitted_by,
      submitted_at: row.submitted_at,
      due_on: dueOn,
      late: row.submitted_at.slice(0, 10) > dueOn,
      is_correction: isCorrection,
    };
  });
}
