import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';

const ClientConfig = z
  .object({
    basemapStyleUrl: z.string().nullable().openapi({ description: 'External basemap style, or null for the built-in air-gapped basemap' }),
  })
  .openapi('ClientConfig');

/** The few settings the web app needs from the server's configuration. */
export const clientConfig = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['System'],
    summary: 'Settings for the web app',
    responses: { 200: { description: 'Client settings', content: { 'application/json': { schema: ClientConfig } } } },
  }),
  (c) => c.json({ basemapStyleUrl: c.var.config.BASEMAP_STYLE_URL ?? null }, 200),
);
