import type { z } from '@hono/zod-openapi';
import type { NewProject, ProjectChangeWithBase, ProjectFields, SavedProject } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { assertGeometryWritable, geometryWritability, projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { forbidden, invalidParameter } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { checkGeometry, type CheckedGeometry } from './geometryInput.ts';
import { setFunding } from './projectFunding.ts';

/**
 * The SQL of creating and changing projects (their progress reports, shares and history have
 * their own folders). Each runs inside the writer's transaction (withActor), which rolls back on
 * any refusal here.
 */

/** A project's fields as validated (the contracts' ProjectFields: a create, an import row, or a change). */
export type ProjectFieldValues = ProjectFields;

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
const notYours = (governorate: string | undefined) => forbidden(`This project lies in ${governorate}, which you may not change`);

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
    throw invalidParameter('geometry', 'lies outside every governorate');
  }
  throw error;
}

const warningsOf = (checked: CheckedGeometry | undefined) => (checked?.repaired ? [`geometry was repaired: ${checked.repaired}`] : []);

/** `POST /api/projects`: the project, its funding, and any repair of its geometry. */
export async function createProject(tx: Queryable, viewer: Viewer, body: z.output<typeof NewProject>): Promise<SavedProject> {
  const { repair_geometry, geometry, funding, ...fields } = body;
  const checked = await checkGeometry(tx, geometry, repair_geometry);
  const { id, version, governorate } = await insertProject(tx, viewer, fields, checked.geojson);
  if (funding) await setFunding(tx, id, funding);
  return { id, version, governorate, warnings: warningsOf(checked) };
}

/** `PATCH /api/projects/{id}`, after loadProjectForWrite: the fields sent, the geometry if sent, the funding if sent. */
export async function changeProject(tx: Queryable, id: number, viewer: Viewer, change: z.output<typeof ProjectChangeWithBase>): Promise<SavedProject> {
  const { version: _version, base: _base, repair_geometry, geometry, funding, ...fields } = change;
  const checked = geometry === undefined ? undefined : await checkGeometry(tx, geometry, repair_geometry ?? false);
  const columns = (Object.keys(fields) as (keyof typeof PROJECT_COLUMNS)[]).filter((k) => fields[k] !== undefined);
  const set = new SqlParams([id]);
  const assignments = columns.map((k) => `${PROJECT_COLUMNS[k]} = ${set.add(fields[k])}`);
  if (checked) assignments.push(`geom = ST_SetSRID(ST_GeomFromGeoJSON(${set.add(checked.geojson)}), 4326)`);
  // Funding lives in its own table: a change to it still moves the project's version on, so a
  // stale editor of the funding gets its 409 like any other.
  if (funding !== undefined && !assignments.length) assignments.push('updated_at = now()');
  if (assignments.length) {
    await tx.query(`update projects set ${assignments.join(', ')} where id = $1`, set.values).catch(outsideEveryGovernorate);
  }
  if (funding !== undefined) await setFunding(tx, id, funding); // after a currency change, which it defaults to
  const after = await assertWritableAfterChange(tx, id, viewer, checked !== undefined);
  return { id, version: after.version, governorate: after.governorate, warnings: warningsOf(checked) };
}
