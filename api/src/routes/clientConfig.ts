import { createRoute } from '@hono/zod-openapi';
import { named } from '../http/openApiNames.ts';
import { ClientConfig } from '@marsad/contracts';
import { createRouter } from '../http/router.ts';

/** The few settings the web app needs from the server's configuration. */
export const clientConfig = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['System'],
    summary: 'Settings for the web app',
    responses: { 200: { description: 'Client settings', content: { 'application/json': { schema: named(ClientConfig, 'ClientConfig') } } } },
  }),
  (c) => c.json({ basemapStyleUrl: c.var.config.BASEMAP_STYLE_URL ?? null }, 200),
);
