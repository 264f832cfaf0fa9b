import { createRoute, z } from '@hono/zod-openapi';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { PHOTO_TYPES } from '../photos/imageFacts.ts';
import { ProgressPhoto } from '../photos/photoSchemas.ts';
import { isProjectVisible } from '../access/isProjectVisible.ts';
import { findPhotoContent, listProgressReports } from '../photos/progressPhotoQueries.ts';
import { IdParams, pathId } from '../http/pathId.ts';

const ProgressReport = z
  .object({
    id: z.number().int(),
    reported_on: z.string(),
    status: z.string(),
    physical_progress: z.number(),
    financial_progress: z.number(),
    note: z.string().nullable(),
    author: z.string().nullable(),
    photos: z.array(ProgressPhoto),
  })
  .openapi('ProgressReport');

/** Photos never change (append-only); an hour bounds how long a revoked share is still served from a cache. */
const PHOTO_CACHE_CONTROL = 'private, max-age=3600';

/** The entity tag a client sent back, without quotes or weak prefix; only our own form counts. */
function sentEtag(header: string | undefined): string | null {
  const match = header === undefined ? null : /^(?:W\/)?"([0-9a-f]{64})"$/.exec(header.trim());
  return match?.[1] ?? null;
}

/** A project's progress reports with their photos, and each photo's bytes; the project's visibility rule guards both. */
export const progressReports = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/progress',
      tags: ['Projects'],
      summary: "A project's progress reports, newest first, with their photos",
      request: { params: IdParams },
      responses: {
        200: { description: 'The reports', content: { 'application/json': { schema: z.object({ items: z.array(ProgressReport) }) } } },
        404: { description: 'No such project, or not visible' },
      },
    }),
    async (c) => {
      const { id: projectId } = c.req.valid('param');
      if (!(await isProjectVisible(c.var.db, projectId, c.var.viewer))) throw new ProblemError(404, 'Not Found', `No project ${projectId} is visible to you`);
      return c.json({ items: await listProgressReports(c.var.db, projectId) }, 200);
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
      const { id: projectId, updateId, photoId } = c.req.valid('param');
      const known = sentEtag(c.req.header('if-none-match'));
      const photo = await findPhotoContent(c.var.db, { projectId, updateId, photoId }, c.var.viewer, known);
      if (!photo) throw new ProblemError(404, 'Not Found', `No photo ${photoId} of report ${updateId} on a project ${projectId} visible to you`);
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
  );
