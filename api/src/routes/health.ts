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

export const health = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['System'],
    summary: 'Service and database health',
    responses: { 200: { description: 'The service is up', content: { 'application/json': { schema: Health } } } },
  }),
  async (c) => {
    const [row] = await c.var.db.query<{ postgres: string; postgis: string }>(
      `select current_setting('server_version') as postgres, postgis_lib_version() as postgis`,
    );
    return c.json(
      {
        status: 'ok' as const,
        engine: c.var.db.engine,
        postgres: row?.postgres ?? 'unknown',
        postgis: row?.postgis ?? 'unknown',
        tileEncoder: c.var.tileEncoder.name,
      },
      200,
    );
  },
);
