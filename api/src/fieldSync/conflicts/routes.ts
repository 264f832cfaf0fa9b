import { createRoute, z } from '@hono/zod-openapi';
import { CONFLICT_STATES, ConflictDecision, FieldConflict, FieldConflictCount, FieldConflictPage, PHOTO_TYPES } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { named } from '../../http/openApiNames.ts';
import { json, jsonBody } from '../../http/openApiRoutes.ts';
import { IdParams, pathId } from '../../http/pathId.ts';
import { notFound } from '../../http/problems.ts';
import { requireUser } from '../../http/requireUser.ts';
import { createRouter } from '../../http/router.ts';
import { pageSize, PageQuery } from '../../projects/pageQuery.ts';
import { countPendingConflicts, findConflict, findConflictPhoto, findConflicts } from './conflictQueries.ts';
import { acceptConflict, rejectConflict } from './decideConflict.ts';

/**
 * `/api/conflicts`: writes held for review (issue 14). Read by the ministry and the engineers of
 * the project's governorate (conflictAccess.ts; others get an empty list, 404 for one), decided
 * by admins and those engineers. Every decision is audited and shows in the project's history.
 */

const ListQuery = PageQuery.extend({
  state: z.enum(CONFLICT_STATES).optional().openapi({ description: 'Only conflicts in this state' }),
  project: pathId('project').optional().openapi({ param: { name: 'project', in: 'query' }, description: 'Only conflicts on this project (or zone)' }),
});
const NAMED_CONFLICT = named(FieldConflict, 'FieldConflict');
const signedIn = requireUser('Sign in to decide conflicts');
const notVisible = (id: number) => notFound(`No conflict ${id} is visible to you`);
const DECISION_ERRORS = {
  401: { description: 'Not signed in' },
  403: { description: 'Visible but not yours to decide: admins and the engineers of its governorate decide' },
  404: { description: 'No such conflict, or not visible' },
  409: { description: 'Already decided' },
};

export const conflictRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Field sync'],
      summary: 'Writes held for review, newest first (engineers: their governorates; the ministry: all)',
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of conflicts (empty for donors and anonymous callers)', content: json(named(FieldConflictPage, 'FieldConflictPage')) },
        400: { description: 'Invalid parameters' },
      },
    }),
    async (c) => {
      const { limit, offset, ...filters } = c.req.valid('query');
      const size = pageSize(limit, c.var.config);
      const page = await findConflicts(c.var.db, c.var.viewer, filters, { limit: size, offset });
      return c.json({ ...page, limit: size, offset }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/count',
      tags: ['Field sync'],
      summary: 'How many conflicts the reader sees are pending (the header badge)',
      responses: { 200: { description: 'The count', content: json(named(FieldConflictCount, 'FieldConflictCount')) } },
    }),
    async (c) => c.json({ pending: await countPendingConflicts(c.var.db, c.var.viewer) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Field sync'],
      summary: 'One conflict: base → current → proposed, the note and photos, and its decision',
      request: { params: IdParams },
      responses: {
        200: { description: 'The conflict', content: json(NAMED_CONFLICT) },
        404: { description: 'No such conflict, or not visible' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const found = await findConflict(c.var.db, id, c.var.viewer);
      if (!found) throw notVisible(id);
      return c.json(found, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/photos/{photoId}',
      tags: ['Field sync'],
      summary: 'The image of a photo held with a report',
      request: { params: z.object({ id: pathId('id'), photoId: pathId('photoId') }) },
      responses: {
        200: { description: 'The image, as uploaded', content: Object.fromEntries(PHOTO_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])) },
        404: { description: 'No such photo, or its conflict is not visible' },
      },
    }),
    async (c) => {
      const { id, photoId } = c.req.valid('param');
      const photo = await findConflictPhoto(c.var.db, id, photoId, c.var.viewer);
      if (!photo) throw notFound(`No photo ${photoId} of a conflict ${id} visible to you`);
      return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': photo.content_type,
        etag: `"${photo.sha256}"`,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
        vary: 'Cookie',
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/accept',
      tags: ['Field sync'],
      middleware: [signedIn] as const,
      summary: 'Accept a held write: applied now at the current version (a report with its original date and photos)',
      request: { params: IdParams, body: { ...jsonBody(ConflictDecision), required: false } },
      responses: {
        200: { description: 'Accepted and applied', content: json(NAMED_CONFLICT) },
        400: { description: 'Invalid fields, or the held write no longer fits (e.g. a geometry outside the governorate)' },
        ...DECISION_ERRORS,
        422: { description: 'The lifecycle refuses it now (e.g. a completed project cannot go back in progress): nothing applied, still pending' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      // The body is optional: a validator that did not run (no JSON sent) leaves nothing.
      const note = (c.req.valid('json') as ConflictDecision | undefined)?.note;
      await withActor(c.var.db, c.var.user.userId, (tx) => acceptConflict(tx, id, c.var.user, note));
      return c.json((await findConflict(c.var.db, id, c.var.viewer))!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reject',
      tags: ['Field sync'],
      middleware: [signedIn] as const,
      summary: 'Reject a held write, saying why (the note is required); its evidence stays readable',
      request: { params: IdParams, body: jsonBody(ConflictDecision) },
      responses: {
        200: { description: 'Rejected', content: json(NAMED_CONFLICT) },
        400: { description: 'No note saying why' },
        ...DECISION_ERRORS,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { note } = c.req.valid('json');
      await withActor(c.var.db, c.var.user.userId, (tx) => rejectConflict(tx, id, c.var.user, note));
      return c.json((await findConflict(c.var.db, id, c.var.viewer))!, 200);
    },
  );
