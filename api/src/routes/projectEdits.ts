import { createRoute, z } from '@hono/zod-openapi';
import { withActor } from '@marsad/db';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { checkGeometry, GeoJsonGeometry } from '../projects/geometryInput.ts';
import { MAX_PROJECT_JSON_BYTES } from '../projects/geometryLimits.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { assertWritableAfterChange, insertProject, outsideEveryGovernorate, PROJECT_COLUMNS, ProjectChange, ProjectFields } from '../projects/newProject.ts';
import { FundingInput, setFunding } from '../projects/projectFunding.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { IdParams } from '../http/pathId.ts';

const ProjectBody = ProjectFields.extend({
  geometry: GeoJsonGeometry,
  funding: FundingInput.optional(),
  repair_geometry: z.boolean().default(false).openapi({ description: 'Repair an invalid geometry (ST_MakeValid) instead of rejecting it' }),
});

const ProjectChangeBody = ProjectChange.extend({
  geometry: GeoJsonGeometry.optional(),
  funding: FundingInput.optional(),
  repair_geometry: z.boolean().optional().openapi({ description: 'Repair an invalid geometry (ST_MakeValid) instead of rejecting it' }),
  version: z.number().int().positive().openapi({ description: 'The version the change was made from; 409 if the project moved on since' }),
});

const Saved = z.object({
  id: z.number().int(),
  version: z.number().int(),
  governorate: z.string(),
  warnings: z.array(z.string()),
});

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
      request: { body: { required: true, content: { 'application/json': { schema: ProjectBody } } } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: Saved } } },
        400: { description: 'Invalid fields or geometry, or a geometry outside every governorate' },
        403: { description: 'Not allowed to create projects there' },
        409: { description: 'The code is taken' },
        413: { description: `A body over ${MAX_PROJECT_JSON_BYTES / 1024 / 1024} MB` },
      },
    }),
    async (c) => {
      const viewer = mustSignIn(c.var.viewer);
      const { repair_geometry, geometry, funding, ...fields } = c.req.valid('json');
      const saved = await withActor(c.var.db, viewer.userId, async (tx) => {
        const checked = await checkGeometry(tx, geometry, repair_geometry);
        const { id, version, governorate } = await insertProject(tx, viewer, fields, checked.geojson);
        if (funding) await setFunding(tx, id, funding);
        return { id, version, governorate, warnings: checked.repaired ? [`geometry was repaired: ${checked.repaired}`] : [] };
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
        params: IdParams,
        body: {
          required: true,
          content: { 'application/json': { schema: ProjectChangeBody } },
        },
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: Saved } } },
        400: { description: 'Invalid fields or geometry' },
        403: { description: 'Not allowed to change this project' },
        404: { description: 'No such project, or not visible' },
        409: { description: 'Changed by someone else since `version`, or the code is taken' },
        413: { description: `A body over ${MAX_PROJECT_JSON_BYTES / 1024 / 1024} MB` },
      },
    }),
    async (c) => {
      const viewer = mustSignIn(c.var.viewer);
      const { id } = c.req.valid('param');
      const { version, repair_geometry, geometry, funding, ...fields } = c.req.valid('json');
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
        return { id, version: after.version, governorate: after.governorate, warnings: checked?.repaired ? [`geometry was repaired: ${checked.repaired}`] : [] };
      });
      c.var.dataVersion.bump();
      return c.json(saved, 200);
    },
  );
