import { createRoute, z } from '@hono/zod-openapi';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, PHOTO_UPLOAD_PART_BYTES, PhotoRef, PhotoUploadState } from '@marsad/contracts';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { named } from '../../http/openApiNames.ts';
import { json } from '../../http/openApiRoutes.ts';
import { conflict, contentTooLarge, invalidParameter, invalidRequest, notFound, unprocessable } from '../../http/problems.ts';
import { requireUser, type SignedInEnv } from '../../http/requireUser.ts';
import { createRouter, type AppEnv } from '../../http/router.ts';
import { notAPhoto } from '../photoUpload.ts';
import { parseContentRange, partLength } from './contentRange.ts';
import { receivePart } from './receivePart.ts';
import { COMPLETE_UPLOAD_DAYS, COMPLETE_UPLOADS_PER_USER, findUploadState, OPEN_UPLOAD_DAYS, OPEN_UPLOADS_PER_USER } from './uploadQueries.ts';

const KB = 1024;
const MB = 1024 * KB;
const TAGS = ['Photos'];
const NAMED_STATE = named(PhotoUploadState, 'PhotoUploadState');

/** An upload's state is its owner's alone and changes with every part: never kept by any cache. */
const NOT_STORED = { 'cache-control': 'no-store', vary: 'Cookie' };

const Params = z.object({ sha256: PhotoRef.shape.sha256.meta({ param: { name: 'sha256', in: 'path' }, example: 'a'.repeat(64) }) });

const PartHeaders = z.object({
  'content-range': z
    .string()
    .transform((header, ctx) => {
      const range = parseContentRange(header);
      if (typeof range === 'string') ctx.addIssue({ code: 'custom', message: range });
      return typeof range === 'string' ? z.NEVER : range;
    })
    .meta({ description: 'Which bytes of the photo this part is: `bytes start-end/total`, end inclusive', example: 'bytes 0-262143/1048576' }),
});

/** Who reports progress (with photos): engineers and admins; the report itself checks which project. */
const reporters = requireUser('Sign in to upload photos', {
  roles: ['engineer', 'admin'],
  forbiddenDetail: 'Only engineers and admins send photos: they go with progress reports',
});

/** A part that stopped arriving (a cut connection): nothing of it is kept. */
const cutPart = () =>
  invalidRequest('The part stopped arriving before its end (a cut connection?): ask GET /api/photo-uploads/{sha256} how much is held and send from there');

const partBodyLimit = bodyLimit({
  maxSize: PHOTO_UPLOAD_PART_BYTES,
  onError: () => {
    throw contentTooLarge(`A part may be at most ${PHOTO_UPLOAD_PART_BYTES / KB} KB: send the photo in parts of that size`);
  },
});

/**
 * A part's body: over PHOTO_UPLOAD_PART_BYTES is 413 from its Content-Length before it is read,
 * or as soon as it grows past that while arriving; a body cut short is 400, not a server error.
 */
const partBody: MiddlewareHandler<AppEnv & SignedInEnv> = async (c, next) => {
  let arrived = false;
  try {
    await partBodyLimit(c, async () => {
      arrived = true;
      await next();
    });
  } catch (error) {
    if (arrived || error instanceof HTTPException) throw error;
    throw cutPart();
  }
};

const stateOf = (sha256: string, received: number, byteSize: number) =>
  received === 0 ? `No part of photo ${sha256} is held yet: send its first part, from byte 0` : `${received} of the ${byteSize} bytes of photo ${sha256} are held: send the part that starts at byte ${received}`;

/**
 * /api/photo-uploads: photos sent before their report, in parts of at most PHOTO_UPLOAD_PART_BYTES,
 * so a cut connection costs one part (issue 14). Each is named by the SHA-256 of its bytes and
 * belongs to the user who sends it: nobody else sees it, and a report names it in `photos`
 * (resolveUploadedPhotos.ts). Sending a complete photo again stores nothing.
 */
export const photoUploadRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{sha256}',
      tags: TAGS,
      summary: 'How much of a photo you are uploading the server holds',
      description: 'Your own upload only (`Cache-Control: no-store`). Resume with the part that starts at `received`.',
      middleware: [reporters] as const,
      request: { params: Params },
      responses: {
        200: { description: 'The upload, complete or not', content: json(NAMED_STATE) },
        400: { description: 'Not a SHA-256 in lower-case hex' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an engineer or an admin' },
        404: { description: 'You have no upload of this photo (none begun, or pruned): send it from its first part' },
      },
    }),
    async (c) => {
      const { sha256 } = c.req.valid('param');
      const state = await findUploadState(c.var.db, c.var.user.userId, sha256);
      if (!state) throw notFound(`You have no upload of photo ${sha256}: send its first part (Content-Range: bytes 0-…) with PUT /api/photo-uploads/${sha256}`);
      return c.json(state, 200, NOT_STORED);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{sha256}',
      tags: TAGS,
      summary: 'Send one part of a photo, named by the SHA-256 of the whole',
      description:
        `The raw bytes of one part, at most ${PHOTO_UPLOAD_PART_BYTES / KB} KB, in order: each part must start where the upload stands (\`received\`), ` +
        `else 409 with the upload's state in \`upload\`. The whole is at most ${MAX_PHOTO_BYTES / MB} MB. With the last part the server checks that the ` +
        `whole hashes to its name (else 422, and the upload starts again from byte 0) and is a JPEG, PNG or WebP by its bytes (else 415, and it is dropped). ` +
        'A complete upload takes nothing more: any later part is answered 200 with its state, so sending a photo twice stores it once. ' +
        `You hold at most ${OPEN_UPLOADS_PER_USER} unfinished uploads (beginning another drops the one you touched longest ago) and ${COMPLETE_UPLOADS_PER_USER} complete ones; ` +
        `unfinished uploads untouched for ${OPEN_UPLOAD_DAYS} days and complete ones for ${COMPLETE_UPLOAD_DAYS} are dropped. A report then names the photo in \`photos: [{sha256}]\`.`,
      middleware: [reporters, partBody] as const,
      request: {
        params: Params,
        headers: PartHeaders,
        body: { required: true, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
      },
      responses: {
        200: { description: 'The part was taken (or the upload was already complete): the state', content: json(NAMED_STATE) },
        400: { description: 'No or a malformed Content-Range, or a body of another length than it says' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an engineer or an admin, or no or a wrong x-csrf-token' },
        409: { description: 'The part does not start where the upload stands, or names another total: resume from `upload.received`' },
        413: { description: `A part over ${PHOTO_UPLOAD_PART_BYTES / KB} KB or a photo over ${MAX_PHOTO_BYTES / MB} MB, refused before the part is read` },
        415: { description: `Not a photo (${PHOTO_TYPES.join(', ')}, told by its bytes), or a body that is not application/octet-stream` },
        422: { description: 'The whole does not hash to its name: the upload starts again from byte 0 (`upload`)' },
      },
    }),
    async (c) => {
      // A photo nobody's report names yet changes nothing anyone reads: caches keep their answers.
      c.set('wroteNothing', true);
      const { sha256 } = c.req.valid('param');
      const range = c.req.valid('header')['content-range'];
      if (range.total > MAX_PHOTO_BYTES) {
        throw contentTooLarge(`The photo is ${(range.total / MB).toFixed(1)} MB; a photo may be at most ${MAX_PHOTO_BYTES / MB} MB: send it downscaled`);
      }
      const length = partLength(range);
      if (length > PHOTO_UPLOAD_PART_BYTES) {
        throw contentTooLarge(`Content-Range names a part of ${length} bytes; a part may be at most ${PHOTO_UPLOAD_PART_BYTES} bytes: send smaller parts`);
      }
      const part = new Uint8Array(
        await c.req.arrayBuffer().catch((): never => {
          throw cutPart();
        }),
      );
      if (part.length !== length) {
        throw invalidParameter('content-range', `names ${length} bytes (${range.start} to ${range.end}) but the body holds ${part.length}`);
      }
      const outcome = await receivePart(c.var.db, c.var.user.userId, sha256, range, part);
      switch (outcome.kind) {
        case 'taken':
          return c.json(outcome.state, 200, NOT_STORED);
        case 'misplaced': {
          const { received, byte_size } = outcome.state;
          const detail =
            byte_size !== range.total
              ? `Photo ${sha256} is ${byte_size} bytes, not ${range.total}: send the same photo its name was computed from. ${stateOf(sha256, received, byte_size)}`
              : `This part starts at byte ${range.start}. ${stateOf(sha256, received, byte_size)}`;
          throw conflict(detail, { upload: outcome.state });
        }
        case 'mismatch':
          throw unprocessable(
            `The ${range.total} bytes received hash to ${outcome.actual}, not ${sha256}: a part was damaged or came from another photo. ` +
              'The upload starts again: send the photo from byte 0',
            { upload: outcome.state },
          );
        case 'not_a_photo':
          throw notAPhoto(outcome.sniffed, '(body)', `Photo ${sha256} `);
      }
    },
  );
