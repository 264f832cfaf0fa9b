import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';

const Health = z
  .object({
    status: z.literal('ok'),
    engine: z.enum(['pglite', 'postgres']).openapi({ description: 'The database engine in use' }),
    postgres: z.string().openapi({ example: '15.18' }),
    postgis: z.string().openapi({ example: '3.3.2' }),
    tileEncoder: z.enum(['postgis', 'javascript']),
  })
  .openapi('Health');

const Live = z.object({ status: z.literal('ok') }).openapi('Liveness');

const UNAVAILABLE = {
  description:
    'The database is unreachable (or has not answered yet): problem+json with a `Retry-After` header. The service recovers by itself when the database is back.',
  headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' as const } } },
};

/**
 * Liveness (`/live`: the process answers; never touches the database) and readiness (`/`: the
 * database answers too). Readiness reads what a background probe last saw (see
 * DatabaseReadiness), so both answer at once whatever the load.
 */
export const health = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['System'],
      summary: 'Readiness: the service and its database answer',
      responses: {
        200: { description: 'The service and its database are up', content: { 'application/json': { schema: Health } } },
        503: UNAVAILABLE,
      },
    }),
    async (c) => {
      const state = await c.var.readiness.current();
      if (!state.ready) throw state.error;
      return c.json(
        {
          status: 'ok' as const,
          engine: c.var.db.engine,
          postgres: state.versions.postgres,
          postgis: state.versions.postgis,
          tileEncoder: c.var.tileEncoder.name,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/live',
      tags: ['System'],
      summary: 'Liveness: the process answers (the database is not asked)',
      responses: { 200: { description: 'The process is up', content: { 'application/json': { schema: Live } } } },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
