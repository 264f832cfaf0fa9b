import { createRoute, z } from '@hono/zod-openapi';
import { json } from '../http/openApiRoutes.ts';
import { createRouter } from '../http/router.ts';
import { notFound } from '../http/problems.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { CountrySummaries, GovernorateDetail, GovernorateSummaries, governorateCode, GovernorateTimeline } from '@marsad/contracts';
import {
  summarizeAll,
  summarizeByCountry,
  summarizeByGovernorate,
  summarizeGovernorateBy,
} from '../summaries/summaryQueries.ts';
import { progressTimeline, TIMELINE_MONTHS } from '../summaries/summaryTimeline.ts';

const GovernorateCode = z.object({
  code: governorateCode.meta({ param: { name: 'code', in: 'path' }, example: 'SY-DI' }),
});


/** A summary of all governorates or countries under the project filters. */
const summaryRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, description: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Summaries'],
    summary,
    request: { query: ProjectFilterQuery },
    responses: { 200: { description, content: json(schema) }, 400: { description: 'Invalid filters (problem+json)' } },
  });

/** A summary of one governorate under the project filters. */
const governorateRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, description: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Summaries'],
    summary,
    request: { params: GovernorateCode, query: ProjectFilterQuery },
    responses: { 200: { description, content: json(schema) }, 404: { description: 'No such governorate (problem+json)' } },
  });

export const summaries = createRouter()
  .openapi(
    summaryRoute(
      '/countries',
      'National totals and one summary per country, under the project filters',
      'Totals and per-country metrics',
      CountrySummaries,
    ),
    async (c) => {
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const [total, countries] = await Promise.all([
        summarizeAll(c.var.db, filter, c.var.viewer),
        summarizeByCountry(c.var.db, filter, c.var.viewer),
      ]);
      return c.json({ total, countries }, 200);
    },
  )
  .openapi(
    summaryRoute(
      '/governorates',
      'One summary per governorate (zeros included), under the project filters: feeds the choropleth',
      'Per-governorate metrics',
      GovernorateSummaries,
    ),
    async (c) => {
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      return c.json({ governorates: await summarizeByGovernorate(c.var.db, filter, c.var.viewer) }, 200);
    },
  )
  .openapi(
    governorateRoute(
      '/governorates/{code}',
      'One governorate: its totals, and its projects by sector and by kind',
      'The governorate summary',
      GovernorateDetail,
    ),
    async (c) => {
      const { code } = c.req.valid('param');
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const scoped = { ...filter, governorate: [code] };
      const [[governorate], by_sector, by_kind] = await Promise.all([
        summarizeByGovernorate(c.var.db, scoped, c.var.viewer),
        summarizeGovernorateBy(c.var.db, code, 'sector_code', filter, c.var.viewer),
        summarizeGovernorateBy(c.var.db, code, 'kind', filter, c.var.viewer),
      ]);
      if (!governorate) throw notFound(`No governorate ${code}`);
      return c.json({ governorate, by_sector, by_kind }, 200);
    },
  )
  .openapi(
    governorateRoute(
      '/governorates/{code}/timeline',
      `One governorate's progress month by month over the last ${TIMELINE_MONTHS} months, rebuilt from the progress history`,
      'Monthly standing',
      GovernorateTimeline,
    ),
    async (c) => {
      const { code } = c.req.valid('param');
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const [known] = await c.var.db.query('select 1 from admin_areas where code = $1', [code]);
      if (!known) throw notFound(`No governorate ${code}`);
      return c.json({ months: await progressTimeline(c.var.db, { ...filter, governorate: [code] }, c.var.viewer) }, 200);
    },
  );
