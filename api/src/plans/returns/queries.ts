import {
  periodBounds,
  periodDueOn,
  periodsOfYear,
  returnState,
  type IndicatorReturn,
  type ReturnFrequency,
  type ReturnStatus,
  type ReturnStatusList,
} from '@marsad/contracts';
import type { Queryable } from '@marsad/db';

/** The SQL of periodic returns (table indicator_returns, append-only) and where each expected one stands. */

export interface ReportedIndicator {
  code: string;
  source: 'computed' | 'reported';
  rollup: 'sum' | 'rate';
  rate_per: number | null;
  frequency: ReturnFrequency | null;
  return_due_days: number;
}

export async function findIndicator(db: Queryable, code: string): Promise<ReportedIndicator | undefined> {
  const [row] = await db.query<ReportedIndicator>('select code, source, rollup, rate_per, frequency, return_due_days from indicators where code = $1', [code]);
  return row;
}

export interface Area {
  id: number;
  code: string;
  country: string;
}

/** A governorate (first-level unit) by its code. */
export async function findGovernorate(db: Queryable, code: string): Promise<Area | undefined> {
  const [row] = await db.query<Area>('select id, code, country_iso3 as country from admin_areas where level = 1 and code = $1', [code]);
  return row;
}

/** The SQL label of a return's period: `2026-03` or `2026-Q1`, from its first day and the indicator's frequency. */
const PERIOD = `case i.frequency when 'quarterly' then to_char(r.period_start, 'YYYY-"Q"Q') else to_char(r.period_start, 'YYYY-MM') end`;

interface ReturnRow extends Omit<IndicatorReturn, 'due_on' | 'late' | 'is_correction'> {
  return_due_days: number;
  submitted_on: string;
  nth: number;
}

function returnOut({ return_due_days, submitted_on, nth, ...row }: ReturnRow): IndicatorReturn {
  const due_on = periodDueOn(row.period, return_due_days);
  return { ...row, due_on, late: submitted_on > due_on, is_correction: nth > 1 };
}

const SELECT_RETURNS = `
  select r.id::int as id, r.indicator_code as indicator, a.code as governorate, ${PERIOD} as period, r.value, r.denominator, r.note,
         u.display_name as submitted_by, to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as submitted_at,
         to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD') as submitted_on, i.return_due_days,
         row_number() over (partition by r.indicator_code, r.admin_area_id, r.period_start order by r.submitted_at, r.id)::int as nth
    from indicator_returns r
    join indicators i on i.code = r.indicator_code
    join admin_areas a on a.id = r.admin_area_id
    left join users u on u.id = r.submitted_by`;

/** Records a return (a correction is one more row); the audit trigger records who, from the transaction's actor. */
export async function insertReturn(
  tx: Queryable,
  input: { indicator: string; adminAreaId: number; periodStart: string; value: number; denominator: number | null; note: string | null; actorId: number },
): Promise<IndicatorReturn> {
  const [inserted] = await tx.query<{ id: number }>(
    `insert into indicator_returns (indicator_code, admin_area_id, period_start, value, denominator, note, submitted_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id::int as id`,
    [input.indicator, input.adminAreaId, input.periodStart, input.value, input.denominator, input.note, input.actorId],
  );
  const rows = await tx.query<ReturnRow>(
    `select * from (${SELECT_RETURNS} where r.indicator_code = $1 and r.admin_area_id = $2 and r.period_start = $3) s where id = $4`,
    [input.indicator, input.adminAreaId, input.periodStart, inserted!.id],
  );
  return returnOut(rows[0]!);
}

export interface ReturnFilter {
  country?: string | undefined;
  year?: number | undefined;
  governorate?: string | undefined;
  indicator?: string | undefined;
  /** admin_areas ids the viewer may see, or every one. */
  governorates: 'all' | number[];
}

/** Every return under the filter, corrections included, by period, governorate, indicator and submission. */
export async function listReturns(db: Queryable, filter: ReturnFilter): Promise<IndicatorReturn[]> {
  const rows = await db.query<ReturnRow>(
    `${SELECT_RETURNS}
      where ($1::text is null or a.country_iso3 = $1)
        and ($2::int is null or extract(year from r.period_start) = $2)
        and ($3::text is null or a.code = $3)
        and ($4::text is null or r.indicator_code = $4)
        and ($5::int[] is null or r.admin_area_id = any($5::int[]))
      order by r.period_start, a.code, i.sort_order, r.indicator_code, r.submitted_at, r.id`,
    [filter.country ?? null, filter.year ?? null, filter.governorate ?? null, filter.indicator ?? null, filter.governorates === 'all' ? null : filter.governorates],
  );
  return rows.map(returnOut);
}

/**
 * Where each expected return of a country's year stands on `today`. Expected: every governorate
 * with a target line for a reported indicator in the plan in force (approved, else the draft) ×
 * each period of the year. The latest submission counts; `late` when the first one came after
 * the due date; `missing` when the due date has passed with none; `not_due` before.
 */
export async function returnStatuses(
  db: Queryable,
  query: { country: string; year: number; governorate?: string | undefined; governorates: 'all' | number[]; today: string },
): Promise<ReturnStatusList> {
  const scope = query.governorates === 'all' ? null : query.governorates;
  const expected = await db.query<{ indicator: string; governorate: string; admin_area_id: number; frequency: ReturnFrequency; return_due_days: number }>(
    `select distinct t.indicator_code as indicator, a.code as governorate, a.id as admin_area_id, i.frequency, i.return_due_days, i.sort_order
       from plans p
       join lateral (select v.id from plan_versions v where v.plan_id = p.id and v.status in ('approved', 'draft')
                      order by (v.status = 'approved') desc limit 1) v on true
       join plan_targets t on t.plan_version_id = v.id
       join indicators i on i.code = t.indicator_code and i.source = 'reported'
       join admin_areas a on a.id = t.admin_area_id
      where p.country_iso3 = $1 and p.year = $2 and ($3::text is null or a.code = $3) and ($4::int[] is null or a.id = any($4::int[]))
      order by a.code, i.sort_order, t.indicator_code`,
    [query.country, query.year, query.governorate ?? null, scope],
  );
  const submitted = expected.length
    ? await db.query<{ indicator: string; admin_area_id: number; period_start: string; value: number; denominator: number | null; submitted_at: string; first_on: string }>(
        `select distinct on (r.indicator_code, r.admin_area_id, r.period_start)
                r.indicator_code as indicator, r.admin_area_id, r.period_start, r.value, r.denominator,
                to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as submitted_at,
                to_char(min(r.submitted_at) over (partition by r.indicator_code, r.admin_area_id, r.period_start) at time zone 'UTC', 'YYYY-MM-DD') as first_on
           from indicator_returns r
          where r.admin_area_id = any($1::int[]) and r.indicator_code = any($2::text[])
            and r.period_start >= make_date($3, 1, 1) and r.period_start < make_date($3 + 1, 1, 1)
          order by r.indicator_code, r.admin_area_id, r.period_start, r.submitted_at desc, r.id desc`,
        [[...new Set(expected.map((e) => e.admin_area_id))], [...new Set(expected.map((e) => e.indicator))], query.year],
      )
    : [];
  const latest = new Map(submitted.map((s) => [`${s.indicator}|${s.admin_area_id}|${s.period_start}`, s]));
  const items: ReturnStatus[] = [];
  for (const e of expected) {
    for (const period of periodsOfYear(query.year, e.frequency)) {
      const due_on = periodDueOn(period, e.return_due_days);
      const s = latest.get(`${e.indicator}|${e.admin_area_id}|${periodBounds(period).start}`);
      const state = returnState(s?.first_on ?? null, due_on, query.today);
      items.push({
        indicator: e.indicator,
        governorate: e.governorate,
        period,
        due_on,
        state,
        value: s?.value ?? null,
        denominator: s?.denominator ?? null,
        submitted_at: s?.submitted_at ?? null,
      });
    }
  }
  const counts = { on_time: 0, late: 0, missing: 0, not_due: 0 };
  for (const item of items) counts[item.state] += 1;
  return { year: query.year, country: query.country, items, counts };
}
