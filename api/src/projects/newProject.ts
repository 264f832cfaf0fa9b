import { z } from '@hono/zod-openapi';
import type { Queryable } from '@marsad/db';
import { assertGeometryWritable, geometryWritability, projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { ProblemError } from '../http/problem.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { CURRENCY_CODE, PROJECT_CODE, PROJECT_KINDS, SECTORS } from './projectVocabulary.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** A project's own fields, as clients send them (the geometry comes separately: JSON body or file). */
const fieldShape = {
  code: z.string().regex(PROJECT_CODE, 'must be capital letters, digits and dashes, e.g. SY-DI-2026-0101'),
  kind: z.enum(PROJECT_KINDS),
  sector: z.enum(SECTORS),
  title_ar: z.string().trim().min(3, 'must be at least 3 characters').max(300),
  title_en: z.string().trim().min(3, 'must be at least 3 characters').max(300),
  description_ar: z.string().trim().max(5000).nullable().optional(),
  description_en: z.string().trim().max(5000).nullable().optional(),
  budget: z.number('must be a number').min(0, 'must not be negative').max(1e14).nullable().optional(),
  currency: z.string().regex(CURRENCY_CODE, 'must be an ISO 4217 code such as USD'),
  planned_start: isoDate.nullable().optional(),
  planned_end: isoDate.nullable().optional(),
  is_published: z.boolean(),
};

/** A new project's fields: a currency and its publication have defaults. */
export const ProjectFields = z.object({
  ...fieldShape,
  currency: fieldShape.currency.default('USD'),
  is_published: fieldShape.is_published.default(false),
});

/**
 * A change's fields: any of them, and nothing filled in. (A `.partial()` of ProjectFields would
 * still apply its defaults, so that changing a title would unpublish the project.)
 */
export const ProjectChange = z.object(fieldShape).partial();

export type ProjectFieldValues = z.infer<typeof ProjectFields>;

/** Field names as clients know them → columns of `projects`. */
export const PROJECT_COLUMNS: Record<keyof ProjectFieldValues, string> = {
  code: 'code',
  kind: 'kind',
  sector: 'sector_code',
  title_ar: 'title_ar',
  title_en: 'title_en',
  description_ar: 'description_ar',
  description_en: 'description_en',
  budget: 'budget',
  currency: 'currency',
  planned_start: 'planned_start',
  planned_end: 'planned_end',
  is_published: 'is_published',
};

/** The write rule's refusal, after a write that landed in someone else's governorate. */
const notYours = (governorate: string | undefined) => new ProblemError(403, 'Forbidden', `This project lies in ${governorate}, which you may not change`);

/**
 * Inserts a project (the trigger finds its governorate), then checks, inside the caller's
 * transaction, that the viewer may write a project there, the whole of its geometry included:
 * if not, 403 and the caller rolls back.
 */
export async function insertProject(
  tx: Queryable,
  viewer: Viewer,
  fields: Partial<ProjectFieldValues>,
  geojson: string,
): Promise<{ id: number; version: number; governorate: string }> {
  const columns = (Object.keys(fields) as (keyof ProjectFieldValues)[]).filter((k) => fields[k] !== undefined);
  const params = new SqlParams(columns.map((k) => fields[k]));
  // One statement: the insert, and the write rule applied to the row as the trigger placed it
  // (an import sends thousands of these).
  const [row] = await tx
    .query<{ id: number; version: number; governorate: string; writable: boolean; covered: boolean }>(
      `with inserted as (
         insert into projects (${columns.map((k) => PROJECT_COLUMNS[k]).join(', ')}, geom)
         values (${columns.map((_, i) => `$${i + 1}`).join(', ')}, ST_SetSRID(ST_GeomFromGeoJSON(${params.add(geojson)}), 4326))
         returning id, version, admin_area_id, geom)
       select p.id, p.version, a.code as governorate, (${projectWritability(viewer, params)}) as writable,
              (${geometryWritability(viewer, params, 'p.geom')}) as covered
         from inserted p join admin_areas a on a.id = p.admin_area_id`,
      params.values,
    )
    .catch(outsideEveryGovernorate);
  if (!row!.covered) await assertGeometryWritable(tx, viewer, row!.id);
  if (!row!.writable) throw notYours(row!.governorate);
  return { id: row!.id, version: row!.version, governorate: row!.governorate };
}

/**
 * After a write, inside the transaction: the project must be one the viewer may write, and when
 * its geometry changed, the whole of the new one must be theirs to place, or all is undone.
 */
export async function assertWritableAfterChange(tx: Queryable, id: number, viewer: Viewer, geometryChanged: boolean) {
  const params = new SqlParams([id]);
  const [row] = await tx.query<{ writable: boolean; covered: boolean; version: number; governorate: string }>(
    `select (${projectWritability(viewer, params)}) as writable, ${geometryChanged ? geometryWritability(viewer, params, 'p.geom') : 'true'} as covered,
            p.version, a.code as governorate
       from projects p join admin_areas a on a.id = p.admin_area_id where p.id = $1`,
    params.values,
  );
  if (row && !row.covered) await assertGeometryWritable(tx, viewer, id);
  if (!row?.writable) throw notYours(row?.governorate);
  return { id, version: row.version, governorate: row.governorate };
}

/** The spatial-join trigger's refusal (db/migrations/0004) as the client's error it is. */
export function outsideEveryGovernorate(error: unknown): never {
  if ((error as { constraint?: string }).constraint === 'projects_inside_admin_area' || /outside every governorate/.test(String(error))) {
    throw new ProblemError(400, 'Invalid request', 'geometry: lies outside every governorate', {
      errors: [{ parameter: 'geometry', message: 'lies outside every governorate' }],
    });
  }
  throw error;
}
