import { createRoute, z } from '@hono/zod-openapi';
import { calendarDate, countryCode, governorateCode, indicatorCode, IndicatorSeries, MatrixCellDetail, PlanMatrix, planYear, SECTORS } from '@marsad/contracts';
import { json } from '../../http/openApiRoutes.ts';
import { notFound } from '../../http/problems.ts';
import { createRouter } from '../../http/router.ts';
import { loadCellDetail, loadSeries } from './cellDetail.ts';
import { loadMatrix } from './loadMatrix.ts';
import { columnKey, loadPlanContext, type PlanContext } from './planContext.ts';

const PlanParams = z.object({
  country: countryCode.meta({ param: { name: 'country', in: 'path' }, example: 'SYR' }),
  year: planYear.meta({ param: { name: 'year', in: 'path' }, example: 2026 }),
});

export const MatrixQuery = z.object({
  sector: z.enum(SECTORS).optional().describe('Only the columns of this sector'),
  as_of: calendarDate.optional().describe('Count achieved and target to date up to this day (default today; at most the year\'s end)'),
});

const noPlan = (country: string, year: number) => notFound(`No plan for ${country} in ${year} is visible to you`);

const planNotFound = { 404: { description: 'No such plan, or not visible to you (problem+json)' } };

/** `/api/plans/{country}/{year}/matrix`, series and cells: plan against achieved. */
export const planMatrixRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}/matrix',
      tags: ['Plans'],
      summary: 'Plan against achieved: governorates × indicators',
      description:
        'For each governorate and indicator of the plan in force: the year\'s target, the target to date (phased by quarter), achieved as of `as_of`, and both attainments; a national roll-up row (sums, or rates from summed numerators and denominators). Computed values count only the projects the caller sees; donors get achieved values only; engineers their governorates\' rows; anonymous callers published plans only.',
      request: { params: PlanParams, query: MatrixQuery },
      responses: { 200: { description: 'The matrix', content: json(PlanMatrix) }, ...planNotFound },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { sector, as_of } = c.req.valid('query');
      const matrix = await loadMatrix(c.var.db, c.var.viewer, { country, year, sector, asOf: as_of });
      if (!matrix) throw noPlan(country, year);
      return c.json(matrix, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}/series/{indicator}',
      tags: ['Plans'],
      summary: 'One indicator month by month: cumulative achieved against the phased target',
      request: {
        params: PlanParams.extend({ indicator: indicatorCode.meta({ param: { name: 'indicator', in: 'path' }, example: 'service_centres_opened' }) }),
        query: MatrixQuery.extend({ governorate: governorateCode.optional().describe('One governorate (default: the country)') }),
      },
      responses: { 200: { description: 'Twelve months', content: json(IndicatorSeries) }, ...planNotFound },
    }),
    async (c) => {
      const { country, year, indicator } = c.req.valid('param');
      const { sector, as_of, governorate } = c.req.valid('query');
      const context = await loadPlanContext(c.var.db, c.var.viewer, { country, year, asOf: as_of });
      if (!context) throw noPlan(country, year);
      const column = columnOf(context, indicator, sector);
      if (!governorate && context.scope.governorates !== 'all') throw notFound('Name one of your governorates: the country\'s figures are the ministry\'s');
      const area = governorate ? areaOf(context, governorate) : null;
      return c.json(await loadSeries(c.var.db, c.var.viewer, context, area, column), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}/cells/{governorate}/{indicator}',
      tags: ['Plans'],
      summary: 'What a cell counts: the projects behind a computed value, the returns behind a reported one',
      request: {
        params: PlanParams.extend({
          governorate: governorateCode.meta({ param: { name: 'governorate', in: 'path' }, example: 'SY-HL' }),
          indicator: indicatorCode.meta({ param: { name: 'indicator', in: 'path' }, example: 'service_centres_opened' }),
        }),
        query: MatrixQuery,
      },
      responses: { 200: { description: 'The cell and what it counts', content: json(MatrixCellDetail) }, ...planNotFound },
    }),
    async (c) => {
      const { country, year, governorate, indicator } = c.req.valid('param');
      const { sector, as_of } = c.req.valid('query');
      const context = await loadPlanContext(c.var.db, c.var.viewer, { country, year, asOf: as_of });
      if (!context) throw noPlan(country, year);
      const column = columnOf(context, indicator, sector);
      return c.json(await loadCellDetail(c.var.db, c.var.viewer, context, areaOf(context, governorate), column), 200);
    },
  );

/** The plan's column for an indicator (and sector), or 404 saying what the plan holds. */
function columnOf(context: PlanContext, indicator: string, sector: string | undefined) {
  const key = columnKey(indicator, sector ?? null);
  const column = context.columns.find((c) => c.key === key) ?? (sector ? undefined : context.columns.find((c) => c.indicator === indicator && c.sector === null));
  if (!column) throw notFound(`The ${context.country} ${context.year} plan has no column ${key} that you may see`);
  return column;
}

function areaOf(context: PlanContext, code: string) {
  const area = context.areas.find((a) => a.code === code);
  if (!area) throw notFound(`${code} is not among the governorates of this plan that you may see`);
  return area;
}
