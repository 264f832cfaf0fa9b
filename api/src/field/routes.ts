import { createRoute, z } from '@hono/zod-openapi';
import { FieldBundle, FieldEstimate, FieldVersion, governorateCode } from '@marsad/contracts';
import { named } from '../http/openApiNames.ts';
import { json } from '../http/openApiRoutes.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { buildFieldBundle } from './fieldBundleQueries.ts';

/**
 * `/api/field`: what a device takes into the field ("Prepare for the field"). Both answers are
 * `no-store`: the page writes the bundle's parts into its own offline cache under the addresses
 * it reads them from, and the service worker keeps no copy of the bundle itself.
 */

const FieldQuery = z.object({
  governorate: z
    .string()
    .transform((value, ctx) => {
      const codes = [...new Set(value.split(',').map((part) => part.trim()))];
      for (const code of codes) {
        const parsed = governorateCode.safeParse(code);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `"${code}" is not allowed: ${parsed.error.issues[0]?.message}` });
          return z.NEVER;
        }
      }
      return codes;
    })
    .optional()
    .openapi({ example: 'SY-DI', description: "Governorates (ISO 3166-2), comma-separated. An engineer's default: their own." }),
});

const signedIn = requireUser('Sign in to prepare for the field: the bundle holds what you may see');
const NO_STORE = { 'cache-control': 'private, no-store' };
const ERRORS = {
  400: { description: 'Invalid parameters, or no governorate named by a role that has none (problem+json)' },
  401: { description: 'Not signed in' },
  403: { description: "An engineer named a governorate that is not theirs" },
  413: { description: 'More projects than a device takes at once: name fewer governorates' },
};

export const fieldRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/version',
      tags: ['Field'],
      summary: 'The data version a bundle is compared with: when it moved on, the device prepares again',
      middleware: [signedIn] as const,
      responses: { 200: { description: 'The data version', content: json(named(FieldVersion, 'FieldVersion')) }, 401: ERRORS[401] },
    }),
    (c) => c.json({ data_version: c.var.dataVersion.current }, 200, NO_STORE),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/estimate',
      tags: ['Field'],
      summary: 'What "prepare for the field" would download: counts, the bundle\'s size, the map tiles',
      middleware: [signedIn] as const,
      request: { query: FieldQuery },
      responses: { 200: { description: 'The estimate', content: json(named(FieldEstimate, 'FieldEstimate')) }, ...ERRORS },
    }),
    async (c) => {
      const bundle = await buildFieldBundle(c.var.db, c.var.config, c.var.user, c.req.valid('query').governorate, c.var.dataVersion.current);
      const estimate: FieldEstimate = {
        governorates: bundle.governorates,
        projects: bundle.projects.length,
        reports: bundle.projects.reduce((sum, p) => sum + p.progress.items.length, 0),
        zones: bundle.zones.length,
        plots: bundle.zones.reduce((sum, z) => sum + z.plots.items.length, 0),
        bundle_bytes: Buffer.byteLength(JSON.stringify(bundle)),
        tiles: bundle.tiles.coordinates.length,
        tile_max_zoom: bundle.tiles.max_zoom,
        data_version: bundle.data_version,
      };
      return c.json(estimate, 200, NO_STORE);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bundle',
      tags: ['Field'],
      summary: "The signed-in user's field bundle: their governorates' projects (with reports and history), zones and plots, and the tiles to fetch",
      middleware: [signedIn] as const,
      request: { query: FieldQuery },
      responses: { 200: { description: 'The bundle', content: json(named(FieldBundle, 'FieldBundle')) }, ...ERRORS },
    }),
    async (c) => {
      const bundle = await buildFieldBundle(c.var.db, c.var.config, c.var.user, c.req.valid('query').governorate, c.var.dataVersion.current);
      return c.json(bundle, 200, NO_STORE);
    },
  );
