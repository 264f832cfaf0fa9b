import { createRoute, z } from '@hono/zod-openapi';
import { Organization, ORGANIZATION_KINDS, OrganizationList } from '@marsad/contracts';
import { createRouter } from '../http/router.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/**
 * Organizations, for pickers such as the funder filter. Only names and kinds: nothing about
 * their people. `funded_projects` counts through the one visibility rule.
 */
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
    responses: { 200: { description: 'Organizations', content: { 'application/json': { schema: OrganizationList } } } },
  }),
  async (c) => {
    const { kind } = c.req.valid('query');
    const params = new SqlParams([kind ?? null]);
    const items = await c.var.db.query<Organization>(
      `select o.slug, o.kind, o.name_en, o.name_ar, o.country_iso3 as country,
              (select count(*) from project_funding f join projects p on p.id = f.project_id
                where f.organization_id = o.id and ${projectFilterSql({}, c.var.viewer, params)})::integer as funded_projects
         from organizations o
        where $1::text is null or o.kind = $1
        order by o.kind, o.name_en`,
      params.values,
    );
    return c.json({ items }, 200);
  },
);
