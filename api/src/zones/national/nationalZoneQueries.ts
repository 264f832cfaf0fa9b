import type { ZoneKpis, ZoneRow } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../../projects/projectFilterSql.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import type { ZoneSort } from './zoneSort.ts';
import { zoneOrderBySql } from './zoneSort.ts';

/**
 * The zones the viewer may see under the dashboard's filters, as `z` (zone_facts) and `p` (the
 * zone's project, with `columns`), filtered by projectFilterSql (visibility first). zone_facts
 * holds one row per zone and its counters are kept by triggers, so nothing here reads a plot.
 * The zones are read one by one, each looking up its project by primary key: `offset 0` keeps
 * the planner from turning the join round into a walk over every (published) project, so the
 * work grows with the zones (hundreds), not with the projects (100k).
 */
function zonesFrom(columns: string, filter: ProjectFilter, viewer: Viewer, params: SqlParams): string {
  return `zone_facts z
          join lateral (select ${columns} from projects p
                         where p.id = z.project_id and ${projectFilterSql(filter, viewer, params)}
                        offset 0) p on true`;
}

/** What the zones table needs of each zone's project. */
const PAGE_COLUMNS = 'p.id, p.code, p.kind, p.title_ar, p.title_en, p.status, p.admin_area_id, p.currency';

export interface ZonePageRequest {
  filter: ProjectFilter;
  viewer: Viewer;
  sort: ZoneSort;
  /** The language titles are sorted in (`sort=title`). */
  language: 'ar' | 'en';
  limit: number;
  offset: number;
}

/** One page of zones, and how many there are in all. */
export async function findZones(db: Queryable, request: ZonePageRequest): Promise<{ total: number; rows: ZoneRow[] }> {
  const countParams = new SqlParams();
  const pageParams = new SqlParams();
  const [[counted], rows] = await Promise.all([
    db.query<{ total: number }>(
      `select count(*)::integer as total from ${zonesFrom('p.id', request.filter, request.viewer, countParams)}`,
      countParams.values,
    ),
    db.query<ZoneRow>(
      `select p.id, p.code, p.kind, p.title_ar, p.title_en, p.status, a.code as governorate, z.development,
              z.plots_total, z.plots_vacant, z.plots_in_production,
              z.occupancy::float8 as occupancy, z.readiness::float8 as readiness,
              z.jobs_actual, z.jobs_planned, z.investment_actual::float8 as investment_actual, p.currency
         from ${zonesFrom(PAGE_COLUMNS, request.filter, request.viewer, pageParams)}
              join admin_areas a on a.id = p.admin_area_id
        order by ${zoneOrderBySql(request.sort, request.language)}
        limit ${pageParams.add(request.limit)} offset ${pageParams.add(request.offset)}`,
      pageParams.values,
    ),
  ]);
  return { total: counted?.total ?? 0, rows };
}

/**
 * The national zone KPIs. Occupancy is the share of all plots that are taken (Σ taken / Σ plots,
 * so a zone of 400 plots weighs more than one of 10), not a mean of the zones' percentages;
 * readiness is the mean of the zones' readiness (each zone's networks matter to it alike).
 * Investment is summed per currency, never across currencies.
 */
export async function summarizeZones(db: Queryable, filter: ProjectFilter, viewer: Viewer): Promise<ZoneKpis> {
  const params = new SqlParams();
  const [row] = await db.query<Omit<ZoneKpis, 'investment_by_currency'> & { investment_by_currency: ZoneKpis['investment_by_currency'] | null }>(
    `with zones as (
       select z.*, p.currency from ${zonesFrom('p.currency', filter, viewer, params)}
     )
     select count(*)::integer as zones,
            (count(*) filter (where development = 'new'))::integer as zones_new,
            (count(*) filter (where development = 'rehabilitation'))::integer as zones_rehabilitation,
            coalesce(sum(plots_total), 0)::integer as plots_total,
            coalesce(sum(plots_in_production), 0)::integer as plots_producing,
            coalesce(sum(plots_vacant), 0)::integer as plots_vacant,
            coalesce(sum(vacant_area_m2), 0)::float8 as vacant_area_m2,
            round(100.0 * sum(plots_allocated) / nullif(sum(plots_total), 0), 2)::float8 as occupancy,
            round(avg(readiness), 2)::float8 as readiness,
            coalesce(sum(jobs_actual), 0)::integer as jobs_actual,
            coalesce(sum(jobs_planned), 0)::integer as jobs_planned,
            (select json_agg(json_build_object('currency', currency, 'actual', actual, 'planned', planned) order by currency)
               from (select currency, sum(investment_actual)::float8 as actual, sum(investment_planned)::float8 as planned
                       from zones group by currency) by_currency) as investment_by_currency
       from zones`,
    params.values,
  );
  if (!row) throw new Error('the zone summary returned no row');
  return { ...row, investment_by_currency: row.investment_by_currency ?? [] };
}
