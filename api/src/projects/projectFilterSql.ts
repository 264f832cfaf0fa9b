import type { Queryable } from '@marsad/db';
import { projectVisibility } from '../access/projectVisibility.ts';
import type { Viewer } from '../access/Viewer.ts';
import { invalidParameters } from '../http/problems.ts';
import type { SqlParams } from '../sql/SqlParams.ts';
import type { ProjectFilter } from './projectFilterSchema.ts';

/**
 * The WHERE predicate for `filter` as seen by `viewer`, over the projects table aliased
 * `alias`. It always includes the visibility rule, so no caller can forget it.
 */
export function projectFilterSql(filter: ProjectFilter, viewer: Viewer, params: SqlParams, alias = 'p'): string {
  const p = alias;
  const where: string[] = [projectVisibility(viewer, params, p)];
  if (filter.country) where.push(`${p}.country_iso3 = any(${params.add(filter.country)}::text[])`);
  if (filter.governorate) {
    where.push(`${p}.admin_area_id in (select id from admin_areas where code = any(${params.add(filter.governorate)}::text[]))`);
  }
  if (filter.kind) where.push(`${p}.kind = any(${params.add(filter.kind)}::text[])`);
  if (filter.sector) where.push(`${p}.sector_code = any(${params.add(filter.sector)}::text[])`);
  if (filter.status) where.push(`${p}.status = any(${params.add(filter.status)}::text[])`);
  if (filter.funder) {
    where.push(`exists (select 1 from project_funding f join organizations o on o.id = f.organization_id
                         where f.project_id = ${p}.id and o.slug = any(${params.add(filter.funder)}::text[]))`);
  }
  const range = activeRange(filter);
  if (range) {
    // Active during the range: started (actually, else as planned) before its end and not
    // finished before its start. Undated ends count as still running.
    where.push(`coalesce(${p}.actual_start, ${p}.planned_start, '-infinity'::date) <= ${params.add(range.to)}::date`);
    where.push(`coalesce(${p}.actual_end, ${p}.planned_end, 'infinity'::date) >= ${params.add(range.from)}::date`);
  }
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    const box = (w: number, e: number) =>
      `${p}.geom && ST_MakeEnvelope(${params.add(w)}, ${params.add(minLat)}, ${params.add(e)}, ${params.add(maxLat)}, 4326)`;
    where.push(minLon <= maxLon ? box(minLon, maxLon) : `(${box(minLon, 180)} or ${box(-180, maxLon)})`);
  }
  if (filter.q) {
    where.push(`${p}.search_text like '%' || normalize_search_text(${params.add(escapeLike(filter.q))}) || '%'`);
  }
  return where.join('\n and ');
}

function activeRange(filter: ProjectFilter): { from: string; to: string } | undefined {
  if (filter.year === undefined && filter.from === undefined && filter.to === undefined) return undefined;
  const from = [filter.from, filter.year === undefined ? undefined : `${filter.year}-01-01`].filter(Boolean).sort().at(-1);
  const to = [filter.to, filter.year === undefined ? undefined : `${filter.year}-12-31`].filter(Boolean).sort().at(0);
  return { from: from ?? '0001-01-01', to: to ?? '9999-12-31' };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Rejects filter values the database does not know (a governorate code that does not exist,
 * a funder slug nobody has) and contradictory ranges, with a 400 naming each parameter.
 * One query, whatever the filter.
 */
export async function assertKnownFilterValues(db: Queryable, filter: ProjectFilter): Promise<void> {
  const errors: { parameter: string; message: string }[] = [];
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.push({ parameter: 'from', message: `must not be after "to" (${filter.to})` });
  }
  if (filter.country || filter.governorate || filter.funder) {
    const [unknown] = await db.query<{ country: string[]; governorate: string[]; funder: string[] }>(
      `select array(select unnest($1::text[]) except select iso3::text from countries) as country,
              array(select unnest($2::text[]) except select code from admin_areas) as governorate,
              array(select unnest($3::text[]) except select slug from organizations) as funder`,
      [filter.country ?? [], filter.governorate ?? [], filter.funder ?? []],
    );
    for (const parameter of ['country', 'governorate', 'funder'] as const) {
      const values = unknown?.[parameter] ?? [];
      if (values.length) errors.push({ parameter, message: `unknown value${values.length > 1 ? 's' : ''}: ${values.sort().join(', ')}` });
    }
  }
  if (errors.length) throw invalidParameters(errors);
}
