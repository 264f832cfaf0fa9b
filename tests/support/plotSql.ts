import type { Queryable } from '@marsad/db';

/**
 * Plots and investors written straight into the database with plain SQL, for the interop tests
 * (tiles, OGC API, exports, leak checks), which need plots but not the plot API. Geometry is a
 * small square per plot in a row east of a point on the zone (the database rules for plots do
 * not include fitting the zone: that is the API's, in plotGeometryRules.ts).
 */

export interface InvestorRow {
  id: number;
  name_ar: string;
  phone: string;
}

/** A company investor with these (unique, searchable) name and phone. */
export async function addInvestor(db: Queryable, nameAr: string, phone: string, nameEn: string | null = null): Promise<InvestorRow> {
  const [row] = await db.query<{ id: number }>(
    `insert into investors (country_iso3, kind, name_ar, name_en, phone, contact_name, email)
     values ('SYR', 'company', $1, $2, $3, $1, null) returning id`,
    [nameAr, nameEn, phone],
  );
  return { id: row!.id, name_ar: nameAr, phone };
}

export interface PlotSpec {
  number: string;
  status?: 'vacant' | 'reserved' | 'allocated' | 'under_construction' | 'producing';
  investorId?: number;
  activity?: string | null;
  allocatedOn?: string;
  plannedJobs?: number | null;
  actualJobs?: number | null;
  plannedInvestment?: number | null;
  actualInvestment?: number | null;
}

/** Inserts plots in zone `zoneId` (a row of 50 m squares from a point on the zone); returns their ids in order. */
export async function addPlots(db: Queryable, zoneId: number, plots: PlotSpec[]): Promise<number[]> {
  const ids: number[] = [];
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::integer as n from zone_plots where zone_id = $1', [zoneId]);
  for (const [i, plot] of plots.entries()) {
    const status = plot.status ?? 'vacant';
    const [row] = await db.query<{ id: number }>(
      `insert into zone_plots (zone_id, plot_number, geom, activity_code, status, investor_id, allocated_on,
                               planned_jobs, actual_jobs, planned_investment, actual_investment)
       select $1, $2,
              ST_Multi(ST_Expand(ST_Translate(ST_PointOnSurface(p.geom), $3 * 0.0006, 0), 0.00022)),
              $4, $5, $6, $7, $8, $9, $10, $11
         from projects p where p.id = $1
       returning id`,
      [
        zoneId,
        plot.number,
        n + i,
        plot.activity === undefined ? 'food_processing' : plot.activity,
        status,
        status === 'vacant' ? null : (plot.investorId ?? null),
        status === 'vacant' || status === 'reserved' ? null : (plot.allocatedOn ?? '2025-03-01'),
        plot.plannedJobs ?? null,
        plot.actualJobs ?? null,
        plot.plannedInvestment ?? null,
        plot.actualInvestment ?? null,
      ],
    );
    ids.push(row!.id);
  }
  return ids;
}

/** The first `limit` zones matching `where` (a condition on projects p), by id. */
export async function zonesWhere(db: Queryable, where = 'true', params: unknown[] = [], limit = 1): Promise<number[]> {
  return (
    await db.query<{ id: number }>(
      `select p.id from projects p join zone_facts z on z.project_id = p.id join admin_areas a on a.id = p.admin_area_id
        where ${where} order by p.id limit ${limit}`,
      params,
    )
  ).map((r) => r.id);
}

/** A progress report on zone `zoneId` dated `reportedOn` carrying these utility lines (the zone's own status and progress kept). */
export async function addUtilityReport(
  db: Queryable,
  zoneId: number,
  reportedOn: string,
  lines: { network: string; stage: string; readiness: number }[],
): Promise<void> {
  const [update] = await db.query<{ id: number }>(
    `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress, note)
     select id, $2, status, physical_progress, financial_progress, 'utilities' from projects where id = $1 returning id`,
    [zoneId, reportedOn],
  );
  for (const line of lines) {
    await db.query('insert into zone_utility_reports (update_id, zone_id, network, stage, readiness) values ($1, $2, $3, $4, $5)', [
      update!.id,
      zoneId,
      line.network,
      line.stage,
      line.readiness,
    ]);
  }
}
