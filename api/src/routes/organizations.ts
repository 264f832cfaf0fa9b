import { createRoute, z } from '@hono/zod-openapi';
import { ORGANIZATION_KINDS, OrganizationList } from '@marsad/contracts';
import { listOrganizations } from '../admin/organizationQueries.ts';
import { json } from '../http/openApiRoutes.ts';
import { createRouter } from '../http/router.ts';

/** Organizations, for pickers such as the funder filter; the SQL is listOrganizations in admin/organizationQueries.ts. */
export const organizations = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Organizations'],
    summary: 'Ministries, governorate offices, donors and partners',
    request: {
      query: z.object({
        kind: z
          .enum(ORGANIZATION_KINDS)
          .optional()
          .openapi({ description: 'Only organizations of this kind', example: 'donor' }),
      }),
    },
    responses: { 200: { description: 'Organizations', content: json(OrganizationList) } },
  }),
  async (c) => c.json({ items: await listOrganizations(c.var.db, c.var.viewer, c.req.valid('query').kind) }, 200),
);
