import type { CountrySummary, GovernorateSummary } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { projectCountSql, standingsByGovernorateSql, standingsCanServe, STANDINGS_SUM_SQL } from './projectStandings.ts';
import { readMetrics, summaryMetricsSql, type SummaryMetrics } from './summaryMetrics.ts';

export interface SummaryOptions {
  /** false: aggregate the projects themselves, never the project_standings rollup (tests compare the two). */
  standings?: boolean;
}

const useStandings = (filter: ProjectFilter, viewer: Viewer, options: SummaryOptions) =>
  options.standings !== false && standingsCanServe(filter, viewer);

/** How many projects the viewer may see under the filter (lists' totals, OGC's numberMatched). */
export async function countProjects(db: Queryable, filter: ProjectFilter, viewer: Viewer): Promise<number> {
  const params = new SqlParams();
  const [row] = await db.query<{ total: number }>(projectCountSql(filter, viewer, params), params.values);
  return row?.total ?? 0;
}

/** Metrics for all projects the viewer may see under the filter, taken together. */
export async function summarizeAll(db: Queryable, filter: ProjectFilter, viewer: Viewer, options: SummaryOptions = {}): Promise<SummaryMetrics> {
  const params = new SqlParams();
  if (useStandings(filter, viewer, options)) {
    const [row] = await db.query<Record<string, unknown>>(
      `select ${STANDINGS_SUM_SQL} from (${standingsByGovernorateSql(filter, viewer, params)}) g`,
      params.values,
    );
    return readMetrics(row ?? {});
  }
  const [row] = await db.query<Record<string, unknown>>(
    `select ${summaryMetricsSql()} from projects p where ${projectFilterSql(filter, viewer, params)}`,
    params.values,
  );
  return readMetrics(row ?? {});
}

/** One row per country (every country in the filter, or every country with boundaries), zeros included. */
export async function summarizeByCountry(db: Queryable, filter: ProjectFilter, viewer: Viewer, options: SummaryOptions = {}): Promise<CountrySummary[]> {
  const params = new SqlParams();
  const countries = (params: SqlParams) => (filter.country ? `where c.iso3 = any(${params.add(filter.country)}::text[])` : '');
  const rows = useStandings(filter, viewer, options)
    ? await db.query<Record<string, unknown>>(
        `select c.iso3 as country, c.name_en, c.name_ar, ${STANDINGS_SUM_SQL}
           from countries c left join (${standingsByGovernorateSql(filter, viewer, params)}) g on g.country = c.iso3
           ${countries(params)}
          group by c.iso3
          order by c.iso3`,
        params.values,
      )
    : await db.query<Record<string, unknown>>(
        `select c.iso3 as country, c.name_en, c.name_ar, ${summaryMetricsSql()}
           from countries c left join projects p on p.country_iso3 = c.iso3 and ${projectFilterSql(filter, viewer, params)}
           ${countries(params)}
          group by c.iso3
          order by c.iso3`,
        params.values,
      );
  return rows.map((row) => ({
    country: row.country as string,
    name_en: row.name_en as string,
    name_ar: row.name_ar as string,
    ...readMetrics(row),
  }));
}

/**
 * One row per governorate (in the filtered countries and governorates), zeros included, so
 * a choropleth can colour every unit. Feeds the map and the governorates vector tile layer.
 */
export async function summarizeByGovernorate(
  db: Queryable,
  filter: ProjectFilter,
  viewer: Viewer,
  options: SummaryOptions = {},
): Promise<GovernorateSummary[]> {
  const params = new SqlParams();
  let rows: Record<string, unknown>[];
  if (useStandings(filter, viewer, options)) {
    rows = await db.query<Record<string, unknown>>(`${standingsByGovernorateSql(filter, viewer, params)} order by a.code`, params.values);
  } else {
    const { sql, areaWhere } = governorateSummarySql(filter, viewer, params);
    rows = await db.query<Record<string, unknown>>(`${sql} ${areaWhere} group by a.id order by a.code`, params.values);
  }
  return rows.map((row) => ({
    governorate: row.governorate as string,
    country: row.country as string,
    name_en: row.name_en as string,
    name_ar: row.name_ar as string,
    name_ar_short: row.name_ar_short as string,
    ...readMetrics(row),
  }));
}

/** The select…from…join part of the per-governorate summary, and its area restriction. */
export function governorateSummarySql(filter: ProjectFilter, viewer: Viewer, params: SqlParams) {
  const onFilter = projectFilterSql(filter, viewer, params);
  const area: string[] = ['a.level = 1'];
  if (filter.country) area.push(`a.country_iso3 = any(${params.add(filter.country)}::text[])`);
  if (filter.governorate) area.push(`a.code = any(${params.add(filter.governorate)}::text[])`);
  return {
    sql: `select a.id, a.code as governorate, a.country_iso3 as country, a.name_en, a.name_ar, a.name_ar_short,
                 ${summaryMetricsSql()}
            from admin_areas a left join projects p on p.admin_area_id = a.id and ${onFilter}`,
    areaWhere: `where ${area.join(' and ')}`,
  };
}

/** Metrics of one governorate's projects grouped by `column` (sector or kind). */
export async function summarizeGovernorateBy(
  db: Queryable,
  governorate: string,
  column: 'sector_code' | 'kind',
  filter: ProjectFilter,
  viewer: Viewer,
): Promise<(SummaryMetrics & { key: string })[]> {
  const params = new SqlParams();
  const where = projectFilterSql({ ...filter, governorate: [governorate] }, viewer, params);
  const rows = await db.query<Record<string, unknown>>(
    `select p.${column} as key, ${summaryMetricsSql()} from projects p where ${where} group by p.${column} order by p.${column}`,
    params.values,
  );
  return rows.map((row) => ({ key: row.key as string, ...readMetrics(row) }));
}
