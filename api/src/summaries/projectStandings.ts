import { visibilityScope } from '../access/projectVisibility.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { STALE_AFTER_DAYS, PROJECT_STATUSES } from '@marsad/contracts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import type { SqlParams } from '../sql/SqlParams.ts';

/** The filters project_standings (migration 0017) is grouped by; any other needs the projects themselves. */
const SERVED_FILTERS = new Set<keyof ProjectFilter>(['country', 'governorate', 'status']);

/**
 * Whether the standings rollup can answer: the viewer sees all projects or the published ones
 * (a donor's shared projects are not grouped there), and the filter names only countries,
 * governorates and statuses.
 */
export function standingsCanServe(filter: ProjectFilter, viewer: Viewer): boolean {
  if (rollupVisibility(viewer) === undefined) return false;
  return Object.entries(filter).every(([key, value]) => value === undefined || SERVED_FILTERS.has(key as keyof ProjectFilter));
}

/**
 * What of a rollup grouped by publication the viewer may see, read from the one visibility rule
 * (projectVisibility's scope): everything, the published rows only, or undefined when the scope
 * is finer than publication (a donor's shared projects) and the rollup cannot answer.
 */
export function rollupVisibility(viewer: Viewer): 'all' | 'published' | undefined {
  const scope = visibilityScope(viewer);
  return scope === 'all' || scope === 'published' ? scope : undefined;
}

/**
 * One row per governorate in the filter (zeros included), with the same columns as
 * summaryMetricsSql() plus the parts of progress_weighted (`weighted`, `budget_positive`) for
 * callers that add governorates up. `extraAreaWhere` narrows the governorates further (a
 * condition on admin_areas `a`, such as a tile's bounds). Only when standingsCanServe().
 */
export function standingsByGovernorateSql(filter: ProjectFilter, viewer: Viewer, params: SqlParams, extraAreaWhere?: string): string {
  const published = rollupVisibility(viewer) === 'published';
  const statuses = filter.status ? `${params.add(filter.status)}::text[]` : undefined;
  const rollupWhere = [...(published ? ['s.is_published'] : []), ...(statuses ? [`s.status = any(${statuses})`] : [])];
  const openWhere = [`p.status not in ('completed', 'cancelled')`, ...(published ? ['p.is_published'] : []), ...(statuses ? [`p.status = any(${statuses})`] : [])];
  const area: string[] = ['a.level = 1'];
  if (filter.country) area.push(`a.country_iso3 = any(${params.add(filter.country)}::text[])`);
  if (filter.governorate) area.push(`a.code = any(${params.add(filter.governorate)}::text[])`);
  if (extraAreaWhere) area.push(extraAreaWhere);
  // Every part reads only the governorates asked for: one governorate's page or a tile's few
  // then count their own delayed and stale projects, not every governorate's.
  if (area.length > 1) {
    const areaIds = `(select a.id from admin_areas a where ${area.join(' and ')})`;
    rollupWhere.push(`s.admin_area_id in ${areaIds}`);
    openWhere.push(`p.admin_area_id in ${areaIds}`);
  }
  const staleBefore = `current_date - ${STALE_AFTER_DAYS}`;
  return `
    with rollup as (
      select s.admin_area_id,
             sum(s.projects) as projects,
             ${PROJECT_STATUSES.map((st) => `coalesce(sum(s.projects) filter (where s.status = '${st}'), 0) as status_${st}`).join(',\n             ')},
             sum(s.budget_total) as budget_total, sum(s.spent_x100) as spent_x100, sum(s.weighted) as weighted,
             sum(s.budget_positive) as budget_positive, max(s.last_update_on) as last_update_on
        from project_standings s
       ${rollupWhere.length ? `where ${rollupWhere.join(' and ')}` : ''}
       group by s.admin_area_id),
    delayed as (
      select p.admin_area_id, count(*) as n from projects p
       where ${openWhere.join(' and ')} and p.planned_end < current_date
       group by p.admin_area_id),
    stale as (
      select admin_area_id, count(*) as n
        from (select p.admin_area_id from projects p where ${openWhere.join(' and ')} and p.last_update_on < ${staleBefore}
              union all
              select p.admin_area_id from projects p
               where ${openWhere.join(' and ')} and p.last_update_on is null and p.created_at::date < ${staleBefore}) open_and_quiet
       group by admin_area_id)
    select a.id, a.code as governorate, a.country_iso3 as country, a.name_en, a.name_ar, a.name_ar_short,
           coalesce(r.projects, 0) as projects,
           ${PROJECT_STATUSES.map((st) => `coalesce(r.status_${st}, 0) as status_${st}`).join(', ')},
           coalesce(r.budget_total, 0) as budget_total, coalesce(r.spent_x100, 0) / 100 as budget_spent,
           r.weighted / nullif(r.budget_positive, 0) as progress_weighted,
           coalesce(r.weighted, 0) as weighted, coalesce(r.budget_positive, 0) as budget_positive,
           coalesce(d.n, 0) as delayed, coalesce(st.n, 0) as stale, r.last_update_on
      from admin_areas a
      left join rollup r on r.admin_area_id = a.id
      left join delayed d on d.admin_area_id = a.id
      left join stale st on st.admin_area_id = a.id
     where ${area.join(' and ')}`;
}

/**
 * How many projects the viewer may see under the filter, as `total`: from the rollup (a few
 * hundred rows instead of every matching project) when standingsCanServe(), else counted.
 */
export function projectCountSql(filter: ProjectFilter, viewer: Viewer, params: SqlParams): string {
  if (!standingsCanServe(filter, viewer)) {
    return `select count(*)::integer as total from projects p where ${projectFilterSql(filter, viewer, params)}`;
  }
  const where = rollupVisibility(viewer) === 'published' ? ['s.is_published'] : [];
  if (filter.status) where.push(`s.status = any(${params.add(filter.status)}::text[])`);
  if (filter.country) where.push(`a.country_iso3 = any(${params.add(filter.country)}::text[])`);
  if (filter.governorate) where.push(`a.code = any(${params.add(filter.governorate)}::text[])`);
  return `select coalesce(sum(s.projects), 0)::integer as total
            from project_standings s join admin_areas a on a.id = s.admin_area_id
           ${where.length ? `where ${where.join(' and ')}` : ''}`;
}

/** The same metrics added up over groups of governorates (`group by` of the caller), from standingsByGovernorateSql rows `g`. */
export const STANDINGS_SUM_SQL = [
  'sum(g.projects) as projects',
  ...PROJECT_STATUSES.map((st) => `sum(g.status_${st}) as status_${st}`),
  'coalesce(sum(g.budget_total), 0) as budget_total',
  'coalesce(sum(g.budget_spent), 0) as budget_spent',
  'sum(g.weighted) / nullif(sum(g.budget_positive), 0) as progress_weighted',
  'sum(g.delayed) as delayed',
  'sum(g.stale) as stale',
  'max(g.last_update_on) as last_update_on',
].join(', ');
