import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { countryCode, Decision, DecisionChange, DecisionClosing, DecisionList, DECISION_STATUSES, governorateCode } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { canonicalWholeNumber, IdParams } from '../http/pathId.ts';
import { forbidden } from '../http/problems.ts';
import { requireUser, type SignedInEnv } from '../http/requireUser.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { PageQuery } from '../projects/pageQuery.ts';
import { decisionNotFound, findDecision, findDecisions } from './decisionQueries.ts';
import { changeDecision, closeDecision } from './decisionWrites.ts';
import { isOrganizer } from './meetingQueries.ts';

/**
 * `/api/decisions`: decisions across meetings (each through decisionVisibility), changing one
 * (organizers) and closing one with a note (organizers, its owner, an engineer of its project:
 * see mayCloseSql in decisionQueries.ts). Anonymous callers are asked to sign in (401); a
 * decision the caller does not see is a 404, one they see but may not change a 403.
 */

const signedIn = requireUser('Sign in to follow decisions');

/** 404 unless the caller sees decision `{id}` (before the body is read). */
const visibleDecision = createMiddleware<AppEnv & SignedInEnv>(async (c, next) => {
  const id = Number(c.req.param('id'));
  if (Number.isSafeInteger(id) && id > 0 && !(await findDecision(c.var.db, c.var.user, id))) throw decisionNotFound(id);
  await next();
});

const organizer = createMiddleware<AppEnv & SignedInEnv>(async (c, next) => {
  if (!isOrganizer(c.var.user)) throw forbidden('Only organizers of meetings (admins, the minister, planners) change decisions; owners close them');
  await next();
});

const ListQuery = z.object({
  country: countryCode.optional().openapi({ example: 'SYR' }),
  status: z.enum(DECISION_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'true: only open decisions past their due date; false: only the others' }),
  governorate: governorateCode.optional().openapi({ description: "Decisions on this governorate's projects, or taken without a project in a meeting covering it", example: 'SY-DI' }),
  meeting: canonicalWholeNumber(1, 2 ** 31 - 1).optional().openapi({ description: 'Taken in this meeting (its id)', example: '1' }),
  limit: PageQuery.shape.limit,
});

export const decisionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Meetings'],
      summary: 'Decisions the caller sees, the most pressing (earliest due) first',
      middleware: [signedIn] as const,
      request: { query: ListQuery },
      responses: {
        200: { description: 'Decisions', content: json(named(DecisionList, 'DecisionList')) },
        400: { description: 'Invalid parameters' },
        401: { description: 'Not signed in' },
      },
    }),
    async (c) => {
      const { limit, ...filters } = c.req.valid('query');
      const { db, config, user } = c.var;
      const items = await findDecisions(db, user, filters, Math.min(limit ?? config.PAGE_SIZE_MAX, config.PAGE_SIZE_MAX));
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Meetings'],
      summary: 'One decision',
      middleware: [signedIn] as const,
      request: { params: IdParams },
      responses: {
        200: { description: 'The decision', content: json(Decision) },
        401: { description: 'Not signed in' },
        404: { description: 'No such decision visible to the caller' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const decision = await findDecision(c.var.db, c.var.user, id);
      if (!decision) throw decisionNotFound(id);
      return c.json(decision, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['Meetings'],
      summary: 'Change a decision’s text, due date or owner (organizers; send the version read)',
      middleware: [signedIn, visibleDecision, organizer] as const,
      request: { params: IdParams, body: jsonBody(DecisionChange) },
      responses: {
        200: { description: 'Saved', content: json(Decision) },
        400: { description: 'Invalid fields, or an unknown body or person' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an organizer' },
        404: { description: 'No such decision visible to the caller' },
        409: { description: 'Changed since `version`, or closed' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, user } = c.var;
      await withActor(db, user.userId, (tx) => changeDecision(tx, id, c.req.valid('json')));
      return c.json((await findDecision(db, user, id))!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/close',
      tags: ['Meetings'],
      summary: 'Close a decision with a note saying what was done (organizers, its owner, an engineer of its project)',
      middleware: [signedIn, visibleDecision] as const,
      request: { params: IdParams, body: jsonBody(DecisionClosing) },
      responses: {
        200: { description: 'Closed', content: json(Decision) },
        400: { description: 'No closing note (closing_note), or another invalid field' },
        401: { description: 'Not signed in' },
        403: { description: 'Not one who may close it' },
        404: { description: 'No such decision visible to the caller' },
        409: { description: 'Already closed, or changed since `version`' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, user } = c.var;
      await withActor(db, user.userId, (tx) => closeDecision(tx, user, id, c.req.valid('json')));
      return c.json((await findDecision(db, user, id))!, 200);
    },
  );
