import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { countProjects } from '../summaries/summaryQueries.ts';
import type { ProjectFilter } from './projectFilterSchema.ts';
import { projectFilterSql } from './projectFilterSql.ts';
import { indicatorSql } from './projectIndicators.ts';
import { orderBySql } from './projectSort.ts';
import type { ProjectSummaryRow } from './ProjectSummaryRow.ts';

export type { ProjectSummaryRow };

/** The columns of a project in lists and exports (one row per project). */
export const PROJECT_SUMMARY_COLUMNS = `
  p.id, p.code, p.kind, p.sector_code as sector, p.title_ar, p.title_en, p.status,
  p.physical_progress, p.financial_progress, p.budget, p.currency,
  p.planned_start, p.planned_end, p.actual_start, p.actual_end, p.last_update_on, p.is_published,
  p.country_iso3 as country, a.code as governorate, a.name_ar as governorate_name_ar, a.name_en as governorate_name_en,
  ${indicatorSql().delayed} as delayed, ${indicatorSql().stale} as stale, ${indicatorSql().delayDays} as delay_days`;


export interface ProjectPageRequest {
  filter: ProjectFilter;
  viewer: Viewer;
  sort: string;
  limit: number;
  offset: number;
  withGeometry: boolean;
}

/**
 * The page of `sort=-delay` (the default of every work queue), in exactly the order of
 * orderBySql('-delay'): open projects past their planned end, earliest end first (the most days
 * late), then every other project (0 days late) by id. "Late" depends on today, so no index
 * holds that order; in two pieces, each is read in the order of an index (open projects by
 * planned end, everything by id) and stops after offset + limit rows, instead of sorting every
 * project that passes the filter.
 */
function mostDelayedFirstSql(request: ProjectPageRequest, params: SqlParams): string {
  const late = indicatorSql().delayed;
  const enough = params.add(request.offset + request.limit);
  return `select id from (
            (select p.id, 0 as piece, p.planned_end from projects p
              where ${projectFilterSql(request.filter, request.viewer, params)} and ${late}
              order by p.planned_end, p.id limit ${enough})
            union all
            (select p.id, 1 as piece, null from projects p
              where ${projectFilterSql(request.filter, request.viewer, params)} and not coalesce(${late}, false)
              order by p.id limit ${enough})
          ) pieces
          order by piece, planned_end, id
          limit ${params.add(request.limit)} offset ${params.add(request.offset)}`;
}

/**
 * One page of the projects the viewer may see under the filter, and how many there are in all.
 * Counting and ordering read only narrow columns (an index-only scan of projects_summary_idx
 * for most filters and sorts); the wide rows are then read for the page's ids alone.
 */
export async function findProjects(db: Queryable, request: ProjectPageRequest): Promise<{ total: number; rows: ProjectSummaryRow[] }> {
  const pageParams = new SqlParams();
  const pageSql =
    request.sort === '-delay'
      ? mostDelayedFirstSql(request, pageParams)
      : `select p.id from projects p where ${projectFilterSql(request.filter, request.viewer, pageParams)}
          order by ${orderBySql(request.sort)}
          limit ${pageParams.add(request.limit)} offset ${pageParams.add(request.offset)}`;
  // The page's rows in the same statement as its ids: one round trip (and one wait for a
  // connection under load) after the count, which runs beside it.
  const [total, rows] = await Promise.all([
    countProjects(db, request.filter, request.viewer),
    db.query<ProjectSummaryRow>(
      `select ${PROJECT_SUMMARY_COLUMNS}
              ${request.withGeometry ? ', ST_AsGeoJSON(p.geom, 6)::json as geometry' : ''}
         from projects p join admin_areas a on a.id = p.admin_area_id
        where p.id in (${pageSql})
        order by ${orderBySql(request.sort)}`,
      pageParams.values,
    ),
  ]);
  return { total, rows };
}

/** Everything about one project the viewer may see, or undefined (unknown and hidden look alike). */
export async function findProject(db: Queryable, id: number, viewer: Viewer): Promise<Record<string, unknown> | undefined> {
  const params = new SqlParams([id]);
  const [row] = await db.query<Record<string, unknown>>(
    `select ${PROJECT_SUMMARY_COLUMNS},
            p.description_ar, p.description_en, p.version, p.created_at, p.updated_at,
            a.name_ar_short as governorate_name_ar_short,
            ST_AsGeoJSON(p.geom, 6)::json as geometry,
            (select coalesce(json_agg(json_build_object(
                      'organization', o.slug, 'kind', o.kind, 'name_en', o.name_en, 'name_ar', o.name_ar,
                      'amount', f.amount, 'currency', f.currency) order by f.amount desc, o.slug), '[]'::json)
               from project_funding f join organizations o on o.id = f.organization_id
              where f.project_id = p.id) as funding,
            (select coalesce(json_agg(json_build_object(
                      'id', u.id, 'reported_on', u.reported_on, 'status', u.status,
                      'physical_progress', u.physical_progress, 'financial_progress', u.financial_progress,
                      'note', u.note, 'author', author.display_name) order by u.reported_on, u.id), '[]'::json)
               from progress_updates u left join users author on author.id = u.author_id
              where u.project_id = p.id) as progress,
            (select json_build_object(
                      'development', z.development, 'area_ha', z.area_ha, 'plots_total', z.plots_total,
                      'plots_allocated', z.plots_allocated, 'plots_in_production', z.plots_in_production,
                      'plots_vacant', z.plots_vacant, 'plots_reserved', z.plots_reserved,
                      'plots_under_construction', z.plots_under_construction, 'plots_area_m2', z.plots_area_m2,
                      'vacant_area_m2', z.vacant_area_m2, 'occupancy', z.occupancy, 'readiness', z.readiness,
                      'jobs_planned', z.jobs_planned, 'jobs_actual', z.jobs_actual,
                      'investment_planned', z.investment_planned, 'investment_actual', z.investment_actual,
                      'utilities', json_build_object('water', z.water_readiness, 'electricity', z.electricity_readiness,
                                                     'roads', z.roads_readiness, 'sewage', z.sewage_readiness,
                                                     'telecoms', z.telecoms_readiness))
               from zone_facts z where z.project_id = p.id) as zone
       from projects p join admin_areas a on a.id = p.admin_area_id
      where p.id = $1 and ${projectFilterSql({}, viewer, params)}`,
    params.values,
  );
  return row;
}
