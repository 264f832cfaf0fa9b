import { createRoute, z } from '@hono/zod-openapi';
import { countryCode, MAX_BODY_ID, NewResponsibleBody, ResponsibleBody, ResponsibleBodyChange, ResponsibleBodyList } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { BODY_KEEPERS } from '../access/obstacleAccess.ts';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { pathId } from '../http/pathId.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { changeBody, findBodies, insertBody } from './responsibleBodyQueries.ts';

/**
 * /api/responsible-bodies: who may have to act on obstacles and decisions (other ministries,
 * agencies, utilities, contractors). Any signed-in user reads the list; admins, the minister and
 * planners (BODY_KEEPERS) keep it. A body is never deleted (obstacles and decisions name it):
 * it is made inactive.
 */

const TAGS = ['Responsible bodies'];
const ListQuery = z.object({
  country: countryCode.optional().meta({ example: 'SYR', description: "That country's bodies and the international ones" }),
  all: z.enum(['true', 'false']).default('false').openapi({ description: 'Inactive bodies too' }),
});

const IdParams = z.object({ id: pathId('id', MAX_BODY_ID) });

const readers = requireUser('Sign in to see the responsible bodies');
const keepers = requireUser('Sign in to keep the list of responsible bodies', {
  roles: BODY_KEEPERS,
  forbiddenDetail: 'Only admins, the minister and planners keep the list of responsible bodies',
});
const NAMED_BODY = named(ResponsibleBody, 'ResponsibleBody');

export const responsibleBodyRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: TAGS,
      middleware: [readers] as [typeof readers],
      summary: 'The responsible bodies of a country and the international ones (active only unless all=true)',
      request: { query: ListQuery },
      responses: {
        200: { description: 'The bodies', content: json(named(ResponsibleBodyList, 'ResponsibleBodyList')) },
        400: { description: 'Invalid parameters' },
        401: { description: 'Not signed in' },
      },
    }),
    async (c) => {
      const { country, all } = c.req.valid('query');
      return c.json({ items: await findBodies(c.var.db, { country, all: all === 'true' }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: TAGS,
      middleware: [keepers] as [typeof keepers],
      summary: 'Add a responsible body (admins, the minister, planners)',
      request: { body: jsonBody(NewResponsibleBody) },
      responses: {
        201: { description: 'Added', content: json(NAMED_BODY) },
        400: { description: 'Invalid fields' },
        401: { description: 'Not signed in' },
        403: { description: 'Not a role that keeps the list' },
        409: { description: 'The country already has a body of that name' },
      },
    }),
    async (c) => {
      const body = await withActor(c.var.db, c.var.user.userId, (tx) => insertBody(tx, c.req.valid('json')));
      return c.json(body, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: TAGS,
      middleware: [keepers] as [typeof keepers],
      summary: 'Change a responsible body, or make it inactive (send the version read)',
      request: { params: IdParams, body: jsonBody(ResponsibleBodyChange) },
      responses: {
        200: { description: 'Saved', content: json(NAMED_BODY) },
        400: { description: 'Invalid fields' },
        401: { description: 'Not signed in' },
        403: { description: 'Not a role that keeps the list' },
        404: { description: 'No such body' },
        409: { description: 'Changed since `version`, or the name is taken' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = await withActor(c.var.db, c.var.user.userId, (tx) => changeBody(tx, id, c.req.valid('json')));
      return c.json(body, 200);
    },
  );
