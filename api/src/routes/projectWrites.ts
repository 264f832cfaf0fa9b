import { createRoute, z } from '@hono/zod-openapi';
import { withActor, type Queryable } from '@marsad/db';
import { bodyLimit } from 'hono/body-limit';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { mediaTypeOf } from '../http/mediaTypes.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { assertPlainText } from '../http/textInput.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../photos/photoLimits.ts';
import { MAX_REPORT_REQUEST_BYTES, readUploadedPhotos, requestTooLarge, type UploadedPhoto } from '../photos/photoUpload.ts';
import { ProgressPhoto } from '../photos/photoSchemas.ts';
import { insertProgressPhotos } from '../photos/progressPhotoQueries.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { PROJECT_STATUSES, type ProjectStatus } from '../projects/projectVocabulary.ts';
import { canMove, STATUS_TRANSITIONS } from '../projects/statusTransitions.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { IdParams } from '../http/pathId.ts';

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
type ProgressUpdate = z.infer<typeof ProgressUpdateBody>;

/** The same report with photos: the JSON in `report`, the images in `photos`. Checked in `readReport`. */
const ProgressUpdateForm = z
  .object({
    report: z.string('send the report as JSON in a field named report').openapi({
      description: 'The same JSON object as the application/json body',
      example: '{"reported_on":"2025-05-01","status":"in_progress","physical_progress":40,"financial_progress":35,"version":3}',
    }),
    photos: z.any().optional().openapi({
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: `Up to ${MAX_PHOTOS} photos, JPEG, PNG or WebP (told by their bytes), at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB each`,
    }),
  })
  .strict();

const invalidReport = (errors: { parameter: string; message: string }[]) =>
  new ProblemError(400, 'Invalid request', errors.map((e) => `${e.parameter}: ${e.message}`).join('; '), { errors });

/**
 * The report and its photos, whichever way they came: JSON alone, or multipart with the JSON in
 * `report`. Every photo is checked here, before anything is written.
 */
async function readReport(
  contentType: string | undefined,
  valid: { json: () => ProgressUpdate; form: () => z.infer<typeof ProgressUpdateForm> },
): Promise<{ body: ProgressUpdate; photos: UploadedPhoto[] }> {
  const type = mediaTypeOf(contentType);
  if (type === 'application/json' || type.endsWith('+json')) return { body: valid.json(), photos: [] };
  if (type !== 'multipart/form-data' && type !== 'application/x-www-form-urlencoded') {
    throw invalidReport([{ parameter: '(body)', message: 'send the report as application/json, or as multipart/form-data with a report field and photos' }]);
  }
  const form = valid.form();
  let json: unknown;
  try {
    json = JSON.parse(form.report);
  } catch {
    throw invalidReport([{ parameter: 'report', message: 'must be the report as JSON' }]);
  }
  const parsed = ProgressUpdateBody.safeParse(json);
  if (!parsed.success) {
    // Named as in the JSON body, so a form shows each message beside its field either way.
    throw invalidReport(parsed.error.issues.map((issue) => ({ parameter: issue.path.length ? issue.path.join('.') : 'report', message: issue.message })));
  }
  assertPlainText(parsed.data);
  return { body: parsed.data, photos: await readUploadedPhotos(form.photos) };
}

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
    description:
      `Send the report as JSON, or as multipart/form-data with the JSON in \`report\` and up to ${MAX_PHOTOS} \`photos\`. ` +
      'The report and its photos are written together or not at all.',
    middleware: [bodyLimit({ maxSize: MAX_REPORT_REQUEST_BYTES, onError: () => { throw requestTooLarge(); } })],
    request: {
      params: IdParams,
      // Not `required`: each of the two validators then runs only for its own content type. readReport insists on one.
      body: {
        required: false,
        description: 'The report (required), as JSON or as a form with photos',
        content: { 'application/json': { schema: ProgressUpdateBody }, 'multipart/form-data': { schema: ProgressUpdateForm } },
      },
    },
    responses: {
      201: {
        description: 'Recorded; the project now has this state and a new version',
        content: { 'application/json': { schema: z.object({ id: z.number().int(), version: z.number().int(), photos: z.array(ProgressPhoto) }) } },
      },
      400: { description: 'Invalid report (problem+json naming each field), no report, or too many photos' },
      403: { description: 'Not allowed to change this project' },
      404: { description: 'No such project, or not visible' },
      409: { description: 'The project changed since `version`: reload and try again' },
      413: { description: `A photo over ${MAX_PHOTO_BYTES / 1024 / 1024} MB, or a request over ${Math.floor(MAX_REPORT_REQUEST_BYTES / 1024 / 1024)} MB` },
      415: { description: 'A photo that is not a JPEG, PNG or WebP image, or a body that is neither JSON nor a form' },
      422: { description: 'A status change that is not allowed from the current status' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const viewer = c.var.viewer;
    if (viewer.kind === 'anonymous') throw new ProblemError(401, 'Unauthorized', 'Sign in to report progress');
    // The typings merge the two media types; each validator only ran for its own (see readReport).
    const { body, photos } = await readReport(c.req.header('content-type'), {
      json: () => c.req.valid('json') as ProgressUpdate,
      form: () => c.req.valid('form') as z.infer<typeof ProgressUpdateForm>,
    });
    // "Today" is the reporter's, and the server does not know their time zone: a report dated
    // the local day in Damascus at 01:00 is still yesterday in UTC. Only a date that has begun
    // nowhere on Earth yet (ahead of UTC+14) is in the future.
    const [today] = await c.var.db.query<{ today: string }>(`select (now() at time zone 'Etc/GMT-14')::date::text as today`);
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
      const stored = await insertProgressPhotos(tx, id, update!.id, photos, viewer.userId);
      const [after] = await tx.query<{ version: number }>('select version from projects where id = $1', [id]);
      return { id: update!.id, version: after!.version, photos: stored };
    });
    c.var.dataVersion.bump();
    return c.json(result, 201);
  },
);
