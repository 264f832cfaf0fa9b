import { createRoute, z } from '@hono/zod-openapi';
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

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const summaries = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/countries',
      tags: ['Summaries'],
      summary: 'National totals and one summary per country, under the project filters',
      request: { query: ProjectFilterQuery },
      responses: {
        200: { description: 'Totals and per-country metrics', content: json(CountrySummaries) },
        400: { description: 'Invalid filters (problem+json)' },
      },
    }),
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
    createRoute({
      method: 'get',
      path: '/governorates',
      tags: ['Summaries'],
      summary: 'One summary per governorate (zeros included), under the project filters: feeds the choropleth',
      request: { query: ProjectFilterQuery },
      responses: {
        200: { description: 'Per-governorate metrics', content: json(GovernorateSummaries) },
        400: { description: 'Invalid filters (problem+json)' },
      },
    }),
    async (c) => {
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      return c.json({ governorates: await summarizeByGovernorate(c.var.db, filter, c.var.viewer) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/governorates/{code}',
      tags: ['Summaries'],
      summary: 'One governorate: its totals, and its projects by sector and by kind',
      request: { params: GovernorateCode, query: ProjectFilterQuery },
      responses: {
        200: {
          description: 'The governorate summary',
          content: json(GovernorateDetail),
        },
        404: { description: 'No such governorate (problem+json)' },
      },
    }),
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
    createRoute({
      method: 'get',
      path: '/governorates/{code}/timeline',
      tags: ['Summaries'],
      summary: `One governorate's progress month by month over the last ${TIMELINE_MONTHS} months, rebuilt from the progress history`,
      request: { params: GovernorateCode, query: ProjectFilterQuery },
      responses: {
        200: { description: 'Monthly standing', content: json(GovernorateTimeline) },
        404: { description: 'No such governorate (problem+json)' },
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const [known] = await c.var.db.query('select 1 from admin_areas where code = $1', [code]);
      if (!known) throw notFound(`No governorate ${code}`);
      return c.json({ months: await progressTimeline(c.var.db, { ...filter, governorate: [code] }, c.var.viewer) }, 200);
    },
  );
