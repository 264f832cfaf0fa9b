import { createRoute, z } from '@hono/zod-openapi';
import { withActor, type Queryable } from '@marsad/db';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { checkGeometry, GeoJsonGeometry } from '../projects/geometryInput.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { PROJECT_KINDS, SECTORS } from '../projects/projectVocabulary.ts';
import { SqlParams } from '../sql/SqlParams.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

const ProjectFields = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,40}$/, 'must be capital letters, digits and dashes, e.g. SY-DI-2026-0101'),
  kind: z.enum(PROJECT_KINDS),
  sector: z.enum(SECTORS),
  title_ar: z.string().trim().min(3, 'must be at least 3 characters').max(300),
  title_en: z.string().trim().min(3, 'must be at least 3 characters').max(300),
  description_ar: z.string().trim().max(5000).nullable().optional(),
  description_en: z.string().trim().max(5000).nullable().optional(),
  geometry: GeoJsonGeometry,
  budget: z.number().min(0, 'must not be negative').max(1e14).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').default('USD'),
  planned_start: isoDate.nullable().optional(),
  planned_end: isoDate.nullable().optional(),
  is_published: z.boolean().default(false),
  repair_geometry: z.boolean().default(false).openapi({ description: 'Repair an invalid geometry (ST_MakeValid) instead of rejecting it' }),
});

const Saved = z.object({
  id: z.number().int(),
  version: z.number().int(),
  governorate: z.string(),
  warnings: z.array(z.string()),
});

const ColumnsOf = {
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
} as const;

/** After the write, inside the transaction: the project must be one the viewer may write, or all is undone. */
async function assertStillWritable(tx: Queryable, id: number, viewer: Viewer) {
  const params = new SqlParams([id]);
  const [row] = await tx.query<{ writable: boolean; version: number; governorate: string }>(
    `select (${projectWritability(viewer, params)}) as writable, p.version, a.code as governorate
       from projects p join admin_areas a on a.id = p.admin_area_id where p.id = $1`,
    params.values,
  );
  if (!row?.writable) throw new ProblemError(403, 'Forbidden', `This project lies in ${row?.governorate}, which you may not change`);
  return row;
}

const mustSignIn = (viewer: Viewer): Extract<Viewer, { kind: 'user' }> => {
  if (viewer.kind === 'anonymous') throw new ProblemError(401, 'Unauthorized', 'Sign in to change projects');
  return viewer;
};

export const projectEdits = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Projects'],
      summary: 'Create a project; its governorate is found from the geometry',
      request: { body: { required: true, content: { 'application/json': { schema: ProjectFields } } } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: Saved } } },
        400: { description: 'Invalid fields or geometry, or a geometry outside every governorate' },
        403: { description: 'Not allowed to create projects there' },
        409: { description: 'The code is taken' },
      },
    }),
    async (c) => {
      const viewer = mustSignIn(c.var.viewer);
      const { repair_geometry, geometry, ...fields } = c.req.valid('json');
      const saved = await withActor(c.var.db, viewer.userId, async (tx) => {
        const checked = await checkGeometry(tx, geometry, repair_geometry);
        const columns = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) as (keyof typeof ColumnsOf)[];
        const params = new SqlParams(columns.map((k) => fields[k]));
        const [row] = await tx.query<{ id: number }>(
          `insert into projects (${columns.map((k) => ColumnsOf[k]).join(', ')}, geom)
           values (${columns.map((_, i) => `$${i + 1}`).join(', ')}, ST_SetSRID(ST_GeomFromGeoJSON(${params.add(checked.geojson)}), 4326))
           returning id`,
          params.values,
        ).catch(outsideEveryGovernorate);
        const { version, governorate } = await assertStillWritable(tx, row!.id, viewer);
        return { id: row!.id, version, governorate, warnings: checked.repaired ? [`geometry was repaired: ${checked.repaired}`] : [] };
      });
      c.var.dataVersion.bump();
      return c.json(saved, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['Projects'],
      summary: 'Change a project (send the version you read; 409 if it changed since)',
      request: {
        params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'id', in: 'path' } }) }),
        body: {
          required: true,
          content: { 'application/json': { schema: ProjectFields.partial().extend({ version: z.number().int().positive() }) } },
        },
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: Saved } } },
        400: { description: 'Invalid fields or geometry' },
        403: { description: 'Not allowed to change this project' },
        404: { description: 'No such project, or not visible' },
        409: { description: 'Changed by someone else since `version`, or the code is taken' },
      },
    }),
    async (c) => {
      const viewer = mustSignIn(c.var.viewer);
      const { id } = c.req.valid('param');
      const { version, repair_geometry, geometry, ...fields } = c.req.valid('json');
      const saved = await withActor(c.var.db, viewer.userId, async (tx) => {
        const params = new SqlParams([id]);
        const [current] = await tx.query<{ version: number; writable: boolean }>(
          `select p.version, (${projectWritability(viewer, params)}) as writable from projects p
            where p.id = $1 and ${projectFilterSql({}, viewer, params)} for update`,
          params.values,
        );
        if (!current) throw new ProblemError(404, 'Not Found', `No project ${id} is visible to you`);
        if (!current.writable) throw new ProblemError(403, 'Forbidden', `You may not change project ${id}`);
        if (current.version !== version) {
          throw new ProblemError(409, 'Conflict', `Project ${id} is at version ${current.version}, not ${version}: reload it and try again`, {
            current_version: current.version,
          });
        }
        const checked = geometry === undefined ? undefined : await checkGeometry(tx, geometry, repair_geometry ?? false);
        const columns = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) as (keyof typeof ColumnsOf)[];
        const set = new SqlParams([id]);
        const assignments = columns.map((k) => `${ColumnsOf[k]} = ${set.add(fields[k])}`);
        if (checked) assignments.push(`geom = ST_SetSRID(ST_GeomFromGeoJSON(${set.add(checked.geojson)}), 4326)`);
        if (assignments.length) {
          await tx.query(`update projects set ${assignments.join(', ')} where id = $1`, set.values).catch(outsideEveryGovernorate);
        }
        const after = await assertStillWritable(tx, id, viewer);
        return { id, version: after.version, governorate: after.governorate, warnings: checked?.repaired ? [`geometry was repaired: ${checked.repaired}`] : [] };
      });
      c.var.dataVersion.bump();
      return c.json(saved, 200);
    },
  );

/** The spatial-join trigger's refusal (db/migrations/0004) as the client's error it is. */
function outsideEveryGovernorate(error: unknown): never {
  if ((error as { constraint?: string }).constraint === 'projects_inside_admin_area' || /outside every governorate/.test(String(error))) {
    throw new ProblemError(400, 'Invalid request', 'geometry: lies outside every governorate', {
      errors: [{ parameter: 'geometry', message: 'lies outside every governorate' }],
    });
  }
  throw error;
}
