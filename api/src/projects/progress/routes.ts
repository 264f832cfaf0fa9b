import { createRoute, z } from '@hono/zod-openapi';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES, ProgressReportBody, ProgressReportList, ProgressReportOutcome } from '@marsad/contracts';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isProjectVisible } from '../../access/isProjectVisible.ts';
import { IdempotencyHeaders, idempotentWrite, REPLAY_HEADERS, REUSED_KEY, sha256Hex, type WriteOutcome } from '../../fieldSync/idempotentWrite.ts';
import { judgeProgressReport } from '../../fieldSync/staleWrites.ts';
import { named } from '../../http/openApiNames.ts';
import { IdParams, pathId } from '../../http/pathId.ts';
import { invalidParameter, notFound, projectNotFound } from '../../http/problems.ts';
import { requireUser, type SignedInEnv } from '../../http/requireUser.ts';
import { createRouter, type AppEnv } from '../../http/router.ts';
import { MAX_REPORT_REQUEST_BYTES, requestTooLarge } from '../../photos/photoUpload.ts';
import { resolveUploadedPhotos } from '../../photos/uploads/resolveUploadedPhotos.ts';
import { assertUtilitiesAllowed } from '../../zones/utilities/utilityReports.ts';
import { loadProjectForWrite } from '../loadProjectForWrite.ts';
import { findPhotoContent, insertProgressReport, listProgressReports, todayAnywhere } from './queries.ts';
import { assertStatusMove } from './statusMove.ts';
import { ProgressReportForm, readProgressReport } from './schemas.ts';

/** An applied report (201) or one held for review (202). */
const OUTCOME = named(ProgressReportOutcome, 'ProgressReportOutcome');

/** Photos never change (append-only); an hour bounds how long a revoked share is still served from a cache. */
const PHOTO_CACHE_CONTROL = 'private, max-age=3600';

/** The entity tag a client sent back, without quotes or weak prefix; only our own form counts. */
function sentEtag(header: string | undefined): string | null {
  const match = header === undefined ? null : /^(?:W\/)?"([0-9a-f]{64})"$/.exec(header.trim());
  return match?.[1] ?? null;
}

/** The largest report request: its photos and their framing (413 while it is still arriving). */
const reportBodyLimit: MiddlewareHandler<AppEnv & SignedInEnv> = bodyLimit({ maxSize: MAX_REPORT_REQUEST_BYTES, onError: () => { throw requestTooLarge(); } });

/**
 * A project's progress reports: the append-only history of its state (table progress_updates),
 * each with up to MAX_PHOTOS photos. Reading follows the project's visibility; reporting its write rule.
 */
export const progressReportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/progress',
      tags: ['Projects'],
      summary: "A project's progress reports, newest first, with their photos (and a zone's utility lines)",
      request: { params: IdParams },
      responses: {
        200: { description: 'The reports', content: { 'application/json': { schema: ProgressReportList } } },
        404: { description: 'No such project, or not visible' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await isProjectVisible(c.var.db, id, c.var.viewer))) throw projectNotFound(id);
      return c.json({ items: await listProgressReports(c.var.db, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/progress/{updateId}/photos/{photoId}',
      tags: ['Projects'],
      summary: 'The image of one progress photo',
      description: 'Visible to whoever may see the project. Sends an ETag; `If-None-Match` with it answers 304.',
      request: { params: z.object({ id: pathId('id'), updateId: pathId('updateId'), photoId: pathId('photoId') }) },
      responses: {
        200: {
          description: 'The image, as uploaded',
          content: Object.fromEntries(PHOTO_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])),
        },
        304: { description: 'Not modified: the ETag sent still names this image' },
        404: { description: 'No such photo, or its project is not visible' },
      },
    }),
    async (c) => {
      const { id: projectId, updateId: reportId, photoId } = c.req.valid('param');
      const known = sentEtag(c.req.header('if-none-match'));
      const photo = await findPhotoContent(c.var.db, { projectId, reportId, photoId }, c.var.viewer, known);
      if (!photo) throw notFound(`No photo ${photoId} of report ${reportId} on a project ${projectId} visible to you`);
      const headers = {
        etag: `"${photo.sha256}"`,
        'cache-control': PHOTO_CACHE_CONTROL,
        // The type was read from the image itself: the browser must not guess another.
        'x-content-type-options': 'nosniff',
        vary: 'Cookie',
      };
      if (photo.bytes === null) return c.body(null, 304, headers) as never;
      return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': photo.content_type }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/progress',
      tags: ['Projects'],
      summary: 'Report progress: a new entry in the append-only history (engineers of the governorate, admins)',
      description:
        `Send the report as JSON, or as multipart/form-data with the JSON in \`report\` and up to ${MAX_PHOTOS} \`photos\`. ` +
        "A zone's report may carry `utilities`: the stage and readiness of its networks. " +
        'The report, its photos and its utility lines are written together or not at all. ' +
        'With a `base` and a stale `version`, the report is applied when the status and percentages it saw did not move, else held for review (202).',
      // Who asks first: an anonymous upload is refused before its body is read.
      middleware: [requireUser('Sign in to report progress'), reportBodyLimit] as const,
      request: {
        params: IdParams,
        headers: IdempotencyHeaders,
        // Not `required`: each of the two validators then runs only for its own content type. readProgressReport insists on one.
        body: {
          required: false,
          description: 'The report (required), as JSON or as a form with photos',
          content: { 'application/json': { schema: ProgressReportBody }, 'multipart/form-data': { schema: ProgressReportForm } },
        },
      },
      responses: {
        201: {
          description: 'Recorded (`outcome: applied`); the project now has this state and a new version',
          headers: REPLAY_HEADERS,
          content: { 'application/json': { schema: OUTCOME } },
        },
        202: {
          description: 'Held for review (`outcome: held`): the report carried a `base` and its status or percentages moved since; nothing of the project changed',
          headers: REPLAY_HEADERS,
          content: { 'application/json': { schema: OUTCOME } },
        },
        400: { description: 'Invalid report (problem+json naming each field), no report, too many photos, or utilities on a project that is not a zone' },
        401: { description: 'Not signed in' },
        403: { description: 'Not allowed to change this project' },
        404: { description: 'No such project, or not visible' },
        409: { description: 'The project changed since `version` and the report carries no `base`: reload and try again' },
        413: { description: `A photo over ${MAX_PHOTO_BYTES / 1024 / 1024} MB, or a request over ${Math.floor(MAX_REPORT_REQUEST_BYTES / 1024 / 1024)} MB` },
        415: { description: 'A photo that is not a JPEG, PNG or WebP image, or a body that is neither JSON nor a form' },
        422: { description: `A status change that is not allowed from the current status. ${REUSED_KEY}` },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = c.var.user;
      // The typings merge the two media types; each validator only ran for its own (see readProgressReport).
      const { body, photos } = await readProgressReport(c.req.header('content-type'), {
        json: () => c.req.valid('json') as ProgressReportBody,
        form: () => c.req.valid('form') as z.infer<typeof ProgressReportForm>,
      }, (refs) => resolveUploadedPhotos(c.var.db, user.userId, refs));
      const today = await todayAnywhere(c.var.db);
      if (body.reported_on > today) {
        throw invalidParameter('reported_on', 'must not be in the future', { detail: `reported_on: must not be in the future (today is ${today})` });
      }
      // Photos named in the report are in the body by their SHA-256 already; only files sent with it are hashed here.
      const fingerprinted = body.photos?.length ? body : { ...body, photo_sha256: photos.map((photo) => sha256Hex(photo.bytes)) };
      return idempotentWrite(c, fingerprinted, async (tx): Promise<WriteOutcome<ProgressReportOutcome>> => {
        // With a base, a stale version is judged by what moved (judgeProgressReport), not refused.
        const project = await loadProjectForWrite(tx, id, user, { version: body.base ? undefined : body.version });
        await assertUtilitiesAllowed(tx, id, body.utilities);
        const judged = await judgeProgressReport(tx, id, project, body, photos, user);
        if ('held' in judged) return judged.held;
        assertStatusMove(project.status, body.status);
        return { status: 201, body: { outcome: 'applied', ...(await insertProgressReport(tx, id, body, photos, user)) } };
      }) as never;
    },
  );
