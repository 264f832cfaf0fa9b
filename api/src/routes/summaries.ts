import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { ProblemError } from '../http/problem.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { PROJECT_STATUSES } from '../projects/projectVocabulary.ts';
import {
  summarizeAll,
  summarizeByCountry,
  summarizeByGovernorate,
  summarizeGovernorateBy,
} from '../summaries/summaryQueries.ts';
import { progressTimeline, TIMELINE_MONTHS } from '../summaries/summaryTimeline.ts';

const Metrics = z
  .object({
    projects: z.number().int(),
    by_status: z.object(Object.fromEntries(PROJECT_STATUSES.map((s) => [s, z.number().int()]))),
    budget_total: z.number(),
    budget_spent: z.number(),
    progress_weighted: z.number().nullable().openapi({ description: 'Physical progress (0–100) weighted by budget' }),
    delayed: z.number().int().openapi({ description: 'Past the planned end, not completed or cancelled' }),
    stale: z.number().int().openapi({ description: 'Open, with no update for 90 days' }),
    last_update_on: z.string().nullable(),
  })
  .openapi('SummaryMetrics');

const CountrySummary = Metrics.extend({ country: z.string(), name_en: z.string(), name_ar: z.string() }).openapi('CountrySummary');
const GovernorateSummary = Metrics.extend({
  governorate: z.string(),
  country: z.string(),
  name_en: z.string(),
  name_ar: z.string(),
  name_ar_short: z.string(),
}).openapi('GovernorateSummary');
const KeyedMetrics = Metrics.extend({ key: z.string() });

const GovernorateCode = z.object({
  code: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as SY-DI')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'SY-DI' }),
});

const TimelineMonth = z
  .object({
    month: z.string().openapi({ example: '2025-06' }),
    progress_weighted: z.number().nullable(),
    budget_spent: z.number(),
    projects_reporting: z.number().int(),
  })
  .openapi('TimelineMonth');

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
        200: { description: 'Totals and per-country metrics', content: json(z.object({ total: Metrics, countries: z.array(CountrySummary) })) },
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
        200: { description: 'Per-governorate metrics', content: json(z.object({ governorates: z.array(GovernorateSummary) })) },
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
          content: json(z.object({ governorate: GovernorateSummary, by_sector: z.array(KeyedMetrics), by_kind: z.array(KeyedMetrics) })),
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
      if (!governorate) throw new ProblemError(404, 'Not Found', `No governorate ${code}`);
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
        200: { description: 'Monthly standing', content: json(z.object({ months: z.array(TimelineMonth) })) },
        404: { description: 'No such governorate (problem+json)' },
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const filter = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const [known] = await c.var.db.query('select 1 from admin_areas where code = $1', [code]);
      if (!known) throw new ProblemError(404, 'Not Found', `No governorate ${code}`);
      return c.json({ months: await progressTimeline(c.var.db, { ...filter, governorate: [code] }, c.var.viewer) }, 200);
    },
  );
