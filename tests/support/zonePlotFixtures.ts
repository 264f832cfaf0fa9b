import type { Queryable } from '@marsad/db';

/**
 * Plots, investors and utility reports written straight into the database, for tests that need
 * zones with figures without going through the plot API. zone_facts' totals and readiness follow
 * by the triggers of migration 0021.
 */

/** A new investor (a company in Syria); its id. */
export async function addInvestor(db: Queryable, name = 'شركة الاختبار'): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into investors (country_iso3, kind, name_ar, name_en) values ('SYR', 'company', $1, 'Test company') returning id`,
    [name],
  );
  return row!.id;
}

/**
 * Gives the zone one plot per status given (its demo plots removed first, so the test's counts are
 * its own), numbered N-1, N-2… in a row of small squares east of `near`. Plots
 * not vacant are held by `investor` (allocated today once allocated); plot i plans 10·i jobs and
 * 1000·i of investment, employs 7·i when producing, and has 250.5·i invested unless vacant.
 */
export async function addPlots(db: Queryable, zoneId: number, investor: number, statuses: string[], near: { lon: number; lat: number }): Promise<void> {
  await db.query('delete from zone_plots where zone_id = $1', [zoneId]);
  await db.query(
    `insert into zone_plots (zone_id, plot_number, geom, activity_code, status, investor_id, allocated_on,
                             planned_jobs, actual_jobs, planned_investment, actual_investment)
     select $1, 'N-' || s.i,
            ST_Multi(ST_MakeEnvelope($4::float8 + s.i * 0.001, $5::float8, $4::float8 + s.i * 0.001 + 0.0008, $5::float8 + 0.0008, 4326)),
            'food_processing', s.status,
            case when s.status = 'vacant' then null else $2::bigint end,
            case when s.status in ('vacant', 'reserved') then null else current_date end,
            10 * s.i, case when s.status = 'producing' then 7 * s.i end, 1000 * s.i, case when s.status <> 'vacant' then 250.5 * s.i end
       from unnest($3::text[]) with ordinality as s(status, i)`,
    [zoneId, investor, statuses, near.lon, near.lat],
  );
}

/** A progress report on the zone (as it stands: same status and progress) carrying one utility line per network given. */
export async function reportUtilities(db: Queryable, zoneId: number, readiness: Record<string, number>): Promise<void> {
  const [update] = await db.query<{ id: number }>(
    `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress)
     select id, current_date, status, physical_progress, financial_progress from projects where id = $1 returning id`,
    [zoneId],
  );
  for (const [network, value] of Object.entries(readiness)) {
    await db.query(
      `insert into zone_utility_reports (update_id, zone_id, network, stage, readiness) values ($1, $2, $3, 'under_construction', $4)`,
      [update!.id, zoneId, network, value],
    );
  }
}
