import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS } from '@marsad/demo';
import { useDatabase } from '../support/testDatabases.ts';

// The prepared demo database (the template every demo-level test copies), read only.
const t = useDatabase('demo');
const today = DEMO_DEFAULTS.today;
const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

describe('the demo plans', () => {
  it('has one plan per country and year, drafted by the planner and approved by the minister, as the story goes', async () => {
    const versions = await t.db.query<{ plan: string; published: boolean; number: number; status: string; created_by: string; approved_by: string | null }>(`
      select p.country_iso3 || ' ' || p.year as plan, p.is_published as published, v.number, v.status,
             c.email as created_by, a.email as approved_by
        from plans p join plan_versions v on v.plan_id = p.id
        join users c on c.id = v.created_by left join users a on a.id = v.approved_by
       order by p.country_iso3, p.year, v.number`);
    expect(versions.map((v) => `${v.plan} v${v.number} ${v.status}${v.published ? ' published' : ''}`)).toEqual([
      'LBY 2024 v1 approved',
      'LBY 2025 v1 approved',
      'LBY 2026 v1 approved',
      'LBY 2026 v2 draft',
      'SAU 2024 v1 approved',
      'SAU 2025 v1 approved published',
      'SAU 2026 v1 approved',
      'SYR 2024 v1 approved',
      'SYR 2025 v1 superseded',
      'SYR 2025 v2 approved',
      'SYR 2026 v1 approved',
    ]);
    for (const v of versions) {
      expect(v.created_by).toBe('planner@marsad.demo');
      expect(v.approved_by).toBe(v.status === 'draft' ? null : 'minister@marsad.demo');
    }
    const times = await one<{ wrong: number }>(`
      select count(*) as wrong from plans p join plan_versions v on v.plan_id = p.id
       where v.created_at > $1::date or v.approved_at > $1::date or v.approved_at < v.created_at
          or (v.number = 1 and v.approved_at >= make_date(p.year, 1, 1))`,
      [today],
    );
    expect(times.wrong).toBe(0); // every first version approved before its year began, nothing after today
  });

  it('keeps Syria 2025 as first approved beside its revision, which changed a few targets and kept every line', async () => {
    const diff = await one<{ lines_v1: number; lines_v2: number; changed: number; unmatched: number }>(`
      with v as (
        select v.number, t.* from plans p join plan_versions v on v.plan_id = p.id join plan_targets t on t.plan_version_id = v.id
         where p.country_iso3 = 'SYR' and p.year = 2025)
      select (select count(*) from v where number = 1) as lines_v1, (select count(*) from v where number = 2) as lines_v2,
             count(*) filter (where (a.q1, a.q2, a.q3, a.q4) <> (b.q1, b.q2, b.q3, b.q4)) as changed,
             count(*) filter (where a.q1 is null or b.q1 is null) as unmatched
        from (select * from v where number = 1) a
        full join (select * from v where number = 2) b on (a.admin_area_id, a.indicator_code) = (b.admin_area_id, b.indicator_code)`);
    expect(diff.lines_v2).toBe(diff.lines_v1);
    expect(diff.unmatched).toBe(0);
    expect(diff.changed).toBeGreaterThanOrEqual(3);
    expect(diff.changed).toBeLessThan(diff.lines_v1 / 10); // a few, not a new plan
    // What was already past at mid-year (Q1, Q2) stands.
    const past = await one<{ n: number }>(`
      select count(*) as n from plan_targets a join plan_targets b using (admin_area_id, indicator_code)
        join plan_versions va on va.id = a.plan_version_id and va.number = 1 join plan_versions vb on vb.id = b.plan_version_id and vb.number = 2
        join plans p on p.id = va.plan_id and p.id = vb.plan_id
       where p.country_iso3 = 'SYR' and p.year = 2025 and (a.q1, a.q2) <> (b.q1, b.q2)`);
    expect(past.n).toBe(0);
  });

  it('gives every governorate of each plan targets for most of the 15 indicators, cumulative for flows, rounded as a planner would', async () => {
    const coverage = await t.db.query<{ plan: string; governorates: number; expected: number; fewest: number; indicators: number }>(`
      with lines as (
        select p.country_iso3, p.year, v.id as version_id, t.admin_area_id, count(*) as n
          from plans p join plan_versions v on v.plan_id = p.id join plan_targets t on t.plan_version_id = v.id
         group by 1, 2, 3, 4)
      select l.country_iso3 || ' ' || l.year as plan, count(distinct l.admin_area_id) as governorates,
             (select count(*) from admin_areas a where a.level = 1 and a.country_iso3 = l.country_iso3) as expected,
             min(l.n) as fewest,
             (select count(distinct t.indicator_code) from plan_targets t join plan_versions v on v.id = t.plan_version_id join plans p on p.id = v.plan_id
               where p.country_iso3 = l.country_iso3 and p.year = l.year) as indicators
        from lines l group by l.country_iso3, l.year order by 1`);
    expect(coverage).toHaveLength(9);
    for (const plan of coverage) {
      expect(plan.governorates, plan.plan).toBe(plan.expected);
      expect(plan.fewest, plan.plan).toBeGreaterThanOrEqual(9); // even a governorate without zones or road lines
      expect(plan.indicators, plan.plan).toBe(15);
    }
    const wrong = await one<Record<string, number>>(`
      select count(*) filter (where i.temporal = 'flow' and not (t.q1 <= t.q2 and t.q2 <= t.q3 and t.q3 <= t.q4)) as not_cumulative,
             count(*) filter (where i.rate_per = 100 and t.q4 > 100) as over_100_percent,
             count(*) filter (where i.definition in ('projects_completed', 'zones_completed') and t.q4 <> round(t.q4)) as fractional_counts,
             count(*) filter (where i.definition = 'line_km_completed' and t.q4 * 10 <> round(t.q4 * 10)) as km_finer_than_100_m,
             count(*) filter (where i.definition = 'budget_spent' and mod(t.q4, 1000) <> 0) as usd_not_thousands,
             count(*) filter (where t.q4 = 0 and i.source = 'reported') as reported_without_target
        from plan_targets t join indicators i on i.code = t.indicator_code`);
    expect(wrong).toEqual({ not_cumulative: 0, over_100_percent: 0, fractional_counts: 0, km_finer_than_100_m: 0, usd_not_thousands: 0, reported_without_target: 0 });
  });

  it('sets targets from what was achieved, with some governorates ahead and some behind', async () => {
    // Budget spent in 2025, computed here on its own from the monthly steps, against the approved year target.
    const ratios = await t.db.query<{ code: string; ratio: number }>(`
      with spent as (
        select p.admin_area_id, sum(p.budget * s.financial_step) / 100 as usd
          from progress_month_steps s join projects p on p.id = s.project_id
         where s.month between '2025-01-01' and '2025-12-01' group by 1)
      select a.code, s.usd / t.q4 as ratio
        from plans pl join plan_versions v on v.plan_id = pl.id and v.status = 'approved'
        join plan_targets t on t.plan_version_id = v.id and t.indicator_code = 'budget_spent'
        join spent s on s.admin_area_id = t.admin_area_id join admin_areas a on a.id = t.admin_area_id
       where pl.year = 2025 and t.q4 > 0`);
    expect(ratios.length).toBeGreaterThan(40);
    const ahead = ratios.filter((r) => r.ratio > 1.1).length;
    const behind = ratios.filter((r) => r.ratio < 0.9).length;
    expect(ahead).toBeGreaterThanOrEqual(5);
    expect(behind).toBeGreaterThanOrEqual(5);
    // Believable: a governorate's plan is neither a fraction nor a multiple of what it does.
    for (const r of ratios) {
      expect(r.ratio, r.code).toBeGreaterThan(0.55);
      expect(r.ratio, r.code).toBeLessThan(1.6);
    }
  });

  it('has returns from every governorate for each reported indicator, signed by its engineer, with a few corrections', async () => {
    const returns = await one<Record<string, number>>(`
      select count(*) as total,
             count(distinct (r.indicator_code, r.admin_area_id)) as series,
             count(*) filter (where u.id is null or not exists (select 1 from user_admin_areas ua where ua.user_id = u.id and ua.admin_area_id = r.admin_area_id)
                                 or u.role <> 'engineer') as not_by_its_engineer,
             count(*) filter (where i.source <> 'reported') as computed,
             count(*) filter (where i.rollup = 'rate' and r.denominator is null) as rate_without_denominator,
             count(*) filter (where i.rollup = 'sum' and r.denominator is not null) as sum_with_denominator,
             count(*) filter (where i.rate_per = 100 and r.value > r.denominator) as above_100_percent,
             count(*) filter (where i.frequency = 'quarterly' and extract(month from r.period_start) not in (1, 4, 7, 10)) as off_quarter,
             count(*) filter (where r.submitted_at >= $1::date or r.period_start >= $1::date) as after_today,
             count(*) filter (where r.period_start < '2024-01-01') as before_2024
        from indicator_returns r join indicators i on i.code = r.indicator_code left join users u on u.id = r.submitted_by`,
      [today],
    );
    expect(returns).toMatchObject({ series: 49 * 5, not_by_its_engineer: 0, computed: 0, rate_without_denominator: 0, sum_with_denominator: 0, above_100_percent: 0, off_quarter: 0, after_today: 0, before_2024: 0 });
    const corrections = await one<{ periods: number; corrected: number }>(`
      select count(*) as periods, count(*) filter (where n > 1) as corrected
        from (select count(*) as n from indicator_returns group by indicator_code, admin_area_id, period_start) p`);
    expect(corrections.corrected).toBeGreaterThan(20);
    expect(corrections.corrected / corrections.periods).toBeLessThan(0.06);
  });

  it('has some returns late and some missing, more of them missing in recent months', async () => {
    // Due = the period's end + return_due_days; late = the first return after that; missing = due before today, none.
    const status = await one<Record<string, number>>(`
      with expected as (
        select i.code, a.id as area_id, s.period_start,
               (s.period_start + case i.frequency when 'monthly' then interval '1 month' else interval '3 months' end)::date - 1 + i.return_due_days as due_on
          from indicators i
          join admin_areas a on a.level = 1 and a.country_iso3 in ('SYR', 'LBY', 'SAU')
          cross join lateral generate_series('2024-01-01'::date, $1::date,
                                             case i.frequency when 'monthly' then interval '1 month' else interval '3 months' end) as s(period_start)
         where i.source = 'reported'),
      firsts as (select indicator_code, admin_area_id, period_start, min(submitted_at) as first_at from indicator_returns group by 1, 2, 3)
      select count(*) filter (where e.due_on < $1::date) as due,
             count(*) filter (where e.due_on < $1::date and f.first_at is null) as missing,
             count(*) filter (where e.due_on < $1::date and e.due_on >= $1::date - 180) as due_recently,
             count(*) filter (where e.due_on < $1::date and e.due_on >= $1::date - 180 and f.first_at is null) as missing_recently,
             count(f.first_at) as returned,
             count(*) filter (where f.first_at::date > e.due_on) as late
        from expected e left join firsts f on (f.indicator_code, f.admin_area_id, f.period_start) = (e.code, e.area_id, e.period_start)`,
      [today],
    );
    const missing = status.missing! / status.due!;
    const late = status.late! / status.returned!;
    expect(missing).toBeGreaterThan(0.02);
    expect(missing).toBeLessThan(0.09);
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.16);
    expect(status.missing_recently! / status.due_recently!).toBeGreaterThan(missing);
  });
});
