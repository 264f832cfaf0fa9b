import { createRoute, z } from '@hono/zod-openapi';
import { ZoneKpis, ZonePage } from '@marsad/contracts';
import { named } from '../../http/openApiNames.ts';
import { json } from '../../http/openApiRoutes.ts';
import { createRouter } from '../../http/router.ts';
import { pageSize, PageQuery } from '../../projects/pageQuery.ts';
import { ProjectFilterQuery } from '../../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../../projects/projectFilterSql.ts';
import { findZones, summarizeZones } from './nationalZoneQueries.ts';
import { ZoneSortQuery } from './zoneSort.ts';

const ListQuery = ProjectFilterQuery.extend(PageQuery.shape).extend({
  sort: ZoneSortQuery,
  lang: z.enum(['ar', 'en']).default('ar').openapi({ description: 'The language titles are sorted in (sort=title).' }),
});

/** `GET /api/zones` (the zones table) and `GET /api/zones/summary` (the national zone KPIs), under the dashboard's filters. */
export const nationalZoneRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Zones'],
      summary: 'Industrial and craft zones under the project filters, sorted by occupancy, readiness, jobs, plots or title, a page at a time',
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of zones', content: json(named(ZonePage, 'ZonePage')) },
        400: { description: 'Invalid parameters (problem+json)' },
      },
    }),
    async (c) => {
      const { sort, lang, limit, offset, ...filter } = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const size = pageSize(limit, c.var.config);
      const { total, rows } = await findZones(c.var.db, { filter, viewer: c.var.viewer, sort, language: lang, limit: size, offset });
      return c.json({ total, limit: size, offset, items: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/summary',
      tags: ['Zones'],
      summary: 'The national zone KPIs under the project filters: zones new and rehabilitated, plots, occupancy, readiness, jobs, investment',
      request: { query: ProjectFilterQuery },
      responses: {
        200: { description: 'Zone KPIs', content: json(named(ZoneKpis, 'ZoneKpis')) },
        400: { description: 'Invalid filters (problem+json)' },
      },
    }),
    async (c) => {
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      return c.json(await summarizeZones(c.var.db, filter, c.var.viewer), 200);
    },
  );
