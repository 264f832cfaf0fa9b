import type { Meeting } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import type { SqlParams } from '../sql/SqlParams.ts';

/**
 * What a brief is about: a governorate, a country, or a meeting (its governorates and projects).
 * Every table and the map of a brief read the projects in this scope that the viewer may see
 * (projectFilterSql starts with projectVisibility, so no part of a brief can forget it).
 */
export interface BriefScope {
  kind: 'governorate' | 'country' | 'meeting';
  country: { code: string; name_ar: string; name_en: string };
  /** The governorate a governorate brief is about. */
  governorate: { id: number; code: string; name_ar: string; name_en: string } | null;
  /** The governorates (ISO 3166-2) the brief covers; 'all' for a country brief. */
  governorates: string[] | 'all';
  /** Projects named by a meeting, in addition to its governorates. */
  projectIds: number[];
  /** The meeting a meeting brief is the agenda pack of, as its reader may see it. */
  meeting: Meeting | null;
}

/** The projects of `scope` that `viewer` may see, over projects aliased `p`. */
export function scopeProjectsSql(scope: BriefScope, viewer: Viewer, params: SqlParams, p = 'p'): string {
  const base = projectFilterSql({ country: [scope.country.code] }, viewer, params, p);
  if (scope.governorates === 'all') return base;
  const places: string[] = [];
  if (scope.governorates.length > 0) {
    places.push(`${p}.admin_area_id in (select id from admin_areas where code = any(${params.add(scope.governorates)}::text[]))`);
  }
  if (scope.projectIds.length > 0) places.push(`${p}.id = any(${params.add(scope.projectIds)}::bigint[])`);
  return `${base}\n and ${places.length > 0 ? `(${places.join(' or ')})` : 'false'}`;
}

/** A governorate brief's scope, or undefined when no governorate has this code. */
export async function governorateScope(db: Queryable, code: string): Promise<BriefScope | undefined> {
  const [row] = await db.query<{ id: number; code: string; name_ar: string; name_en: string; country: string; country_ar: string; country_en: string }>(
    `select a.id, a.code, a.name_ar, a.name_en, c.iso3::text as country, c.name_ar as country_ar, c.name_en as country_en
       from admin_areas a join countries c on c.iso3 = a.country_iso3
      where a.code = $1 and a.level = 1`,
    [code],
  );
  if (!row) return undefined;
  return {
    kind: 'governorate',
    country: { code: row.country, name_ar: row.country_ar, name_en: row.country_en },
    governorate: { id: row.id, code: row.code, name_ar: row.name_ar, name_en: row.name_en },
    governorates: [row.code],
    projectIds: [],
    meeting: null,
  };
}

/** A country brief's scope, or undefined when no country has this ISO 3166-1 alpha-3 code. */
export async function countryScope(db: Queryable, iso3: string): Promise<BriefScope | undefined> {
  const [row] = await db.query<{ code: string; name_ar: string; name_en: string }>(
    'select iso3::text as code, name_ar, name_en from countries where iso3 = $1',
    [iso3],
  );
  if (!row) return undefined;
  return { kind: 'country', country: row, governorate: null, governorates: 'all', projectIds: [], meeting: null };
}

/**
 * A meeting brief's scope: the meeting's governorates and projects, or its whole country when it
 * names neither (as its agenda does). `meeting` is as its reader sees it (readMeeting).
 */
export async function meetingScope(db: Queryable, meeting: Meeting): Promise<BriefScope> {
  const [country] = await db.query<{ code: string; name_ar: string; name_en: string }>(
    'select iso3::text as code, name_ar, name_en from countries where iso3 = $1',
    [meeting.country_iso3],
  );
  const whole = meeting.governorates.length === 0 && meeting.project_ids.length === 0;
  return {
    kind: 'meeting',
    country: country!,
    governorate: null,
    governorates: whole ? 'all' : meeting.governorates,
    projectIds: meeting.project_ids,
    meeting,
  };
}
