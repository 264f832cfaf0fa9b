import { createRoute, z } from '@hono/zod-openapi';
import { withActor, type Queryable } from '@marsad/db';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { PROJECT_STATUSES, type ProjectStatus } from '../projects/projectVocabulary.ts';
import { canMove, STATUS_TRANSITIONS } from '../projects/statusTransitions.ts';
import { SqlParams } from '../sql/SqlParams.ts';

const ProjectId = z.object({
  id: z.coerce
    .number()
    .int('must be a whole number')
    .positive('must be positive')
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

const percent = z.number('must be a number').min(0, 'must be at least 0').max(100, 'must be at most 100');

const ProgressUpdateBody = z.object({
  reported_on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a real calendar date'),
  status: z.enum(PROJECT_STATUSES),
  physical_progress: percent,
  financial_progress: percent,
  note: z.string().trim().max(4000, 'must be at most 4000 characters').optional(),
  version: z.number().int().positive().openapi({ description: 'The project version the update is based on (optimistic concurrency)' }),
});

/**
 * Loads a project for a write, locked for the transaction, and checks the two rules in order:
 * hidden projects look missing (404), visible but not writable is 403.
 */
async function lockProjectForWrite(tx: Queryable, id: number, viewer: Viewer) {
  const params = new SqlParams([id]);
  const [row] = await tx.query<{ status: ProjectStatus; version: number; last_update_on: string | null; writable: boolean }>(
    `select p.status, p.version, p.last_update_on, (${projectWritability(viewer, params)}) as writable
       from projects p where p.id = $1 and ${projectFilterSql({}, viewer, params)}
       for update`,
    params.values,
  );
  if (!row) throw new ProblemError(404, 'Not Found', `No project ${id} is visible to you`);
  if (!row.writable) throw new ProblemError(403, 'Forbidden', `You may not change project ${id}`);
  return row;
}

export const projectWrites = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/{id}/progress',
    tags: ['Projects'],
    summary: 'Report progress: a new entry in the append-only history (engineers of the governorate, admins)',
    request: {
      params: ProjectId,
      body: { required: true, content: { 'application/json': { schema: ProgressUpdateBody } } },
    },
    responses: {
      201: { description: 'Recorded; the project now has this state and a new version', content: { 'application/json': { schema: z.object({ id: z.number().int(), version: z.number().int() }) } } },
      400: { description: 'Invalid report (problem+json naming each field)' },
      403: { description: 'Not allowed to change this project' },
      404: { description: 'No such project, or not visible' },
      409: { description: 'The project changed since `version`: reload and try again' },
      422: { description: 'A status change that is not allowed from the current status' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const viewer = c.var.viewer;
    if (viewer.kind === 'anonymous') throw new ProblemError(401, 'Unauthorized', 'Sign in to report progress');
    const [today] = await c.var.db.query<{ today: string }>(`select current_date::text as today`);
    if (body.reported_on > today!.today) {
      throw new ProblemError(400, 'Invalid request', `reported_on: must not be in the future (today is ${today!.today})`, {
        errors: [{ parameter: 'reported_on', message: 'must not be in the future' }],
      });
    }
    const result = await withActor(c.var.db, viewer.userId, async (tx) => {
      const project = await lockProjectForWrite(tx, id, viewer);
      if (project.version !== body.version) {
        throw new ProblemError(409, 'Conflict', `Project ${id} is at version ${project.version}, not ${body.version}: someone else changed it. Reload it and report again.`, {
          current_version: project.version,
        });
      }
      if (!canMove(project.status, body.status)) {
        throw new ProblemError(422, 'Unprocessable Content', `A project that is ${project.status} cannot become ${body.status}`, {
          allowed: [project.status, ...STATUS_TRANSITIONS[project.status]],
        });
      }
      const [update] = await tx.query<{ id: number }>(
        `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress, note, author_id)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [id, body.reported_on, body.status, body.physical_progress, body.financial_progress, body.note ?? null, viewer.userId],
      );
      const [after] = await tx.query<{ version: number }>('select version from projects where id = $1', [id]);
      return { id: update!.id, version: after!.version };
    });
    c.var.dataVersion.bump();
    return c.json(result, 201);
  },
);
