import { createRoute, z } from '@hono/zod-openapi';
import {
  countryCode,
  governorateCode,
  IndicatorReturn,
  IndicatorReturnList,
  indicatorCode,
  periodBounds,
  periodFrequency,
  periodsOfYear,
  ReturnBody,
  ReturnStatusList,
} from '@marsad/contracts';
import { withActor, type Queryable } from '@marsad/db';
import { mayReturnFor, planScope, type PlanScope } from '../../access/planAccess.ts';
import type { SignedInViewer } from '../../access/Viewer.ts';
import { named } from '../../http/openApiNames.ts';
import { json, jsonBody } from '../../http/openApiRoutes.ts';
import { forbidden, invalidParameter, unprocessable } from '../../http/problems.ts';
import { requireUser } from '../../http/requireUser.ts';
import { createRouter } from '../../http/router.ts';
import { findGovernorate, findIndicator, insertReturn, listReturns, returnStatuses } from './queries.ts';

/** Today (UTC), the day due dates are compared with. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The latest date it is anywhere on Earth (UTC+14): a period that has started somewhere may be returned. */
const todayAnywhere = () => new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);

const submitters = requireUser('Sign in to submit returns', {
  roles: ['admin', 'engineer'],
  forbiddenDetail: "Governorate engineers submit their governorates' returns, and admins any",
});

const readers = requireUser('Sign in to read returns', {
  roles: ['admin', 'minister', 'viewer', 'planner', 'engineer'],
  forbiddenDetail: "Returns are read by the ministry and by governorate engineers (their own governorates'); donors see computed indicators only",
});

const year = z
  .string()
  .regex(/^\d{4}$/, 'must be a year such as 2026')
  .transform(Number)
  .pipe(z.number().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier'));

/** The governorates an engineer may see, or every one; 403 when one asked for is not among them. */
async function readableGovernorates(db: Queryable, viewer: SignedInViewer, asked: string | undefined): Promise<PlanScope['governorates']> {
  const scope = await planScope(db, viewer, false);
  if (!scope?.returnHistory) throw forbidden('Returns are read by the ministry and by governorate engineers');
  if (scope.governorates !== 'all' && asked !== undefined) {
    const area = await findGovernorate(db, asked);
    if (area && !scope.governorates.includes(area.id)) throw forbidden(`You see the returns of your own governorates, not of ${asked}`);
  }
  return scope.governorates;
}

/** `/api/returns`: periodic returns, the statistical forms governorates send in; append-only. */
export const returnRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Returns'],
      summary: "Submit a governorate's value of a reported indicator for a period (a correction is the same call again)",
      description:
        'The period is a month (2026-03) or a quarter (2026-Q1), as the indicator is returned; a rate needs its denominator. ' +
        "Engineers return their own governorates', admins any. Returns are never changed: the latest for a period counts.",
      middleware: [submitters] as const,
      request: { body: jsonBody(ReturnBody) },
      responses: {
        201: { description: 'Recorded', content: json(named(IndicatorReturn, 'IndicatorReturn')) },
        400: { description: 'Unknown indicator or governorate, a period of the wrong frequency, a missing or needless denominator' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an engineer of this governorate, nor an admin' },
        422: { description: 'A computed indicator (Marsad counts it), or a period that has not started' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const indicator = await findIndicator(c.var.db, body.indicator);
      if (!indicator) throw invalidParameter('indicator', `unknown indicator ${body.indicator}: GET /api/indicators lists the catalogue`);
      if (indicator.source !== 'reported' || indicator.frequency === null) {
        throw unprocessable(`${body.indicator} is computed by Marsad from its projects: it is not returned`, {
          errors: [{ parameter: 'indicator', message: 'is computed, not returned' }],
        });
      }
      const area = await findGovernorate(c.var.db, body.governorate);
      if (!area) throw invalidParameter('governorate', `unknown governorate ${body.governorate}`);
      if (!(await mayReturnFor(c.var.db, c.var.user, area.id))) throw forbidden(`You submit the returns of your own governorates, not of ${body.governorate}`);
      if (periodFrequency(body.period) !== indicator.frequency) {
        const example = periodsOfYear(Number(body.period.slice(0, 4)), indicator.frequency)[0]!;
        throw invalidParameter('period', `${body.indicator} is returned ${indicator.frequency}: give a ${indicator.frequency === 'monthly' ? 'month' : 'quarter'} such as ${example}`);
      }
      const { start } = periodBounds(body.period);
      if (start > todayAnywhere()) {
        throw unprocessable(`The period ${body.period} has not started yet: return it once it has`, { errors: [{ parameter: 'period', message: 'has not started' }] });
      }
      if (indicator.rollup === 'rate' && body.denominator === undefined) {
        throw invalidParameter('denominator', `${body.indicator} is a rate: give the numerator as value and the denominator it is counted over`);
      }
      if (indicator.rollup === 'sum' && body.denominator !== undefined) {
        throw invalidParameter('denominator', `${body.indicator} is a count, not a rate: leave the denominator out`);
      }
      if (indicator.rate_per === 100 && body.denominator !== undefined && body.value > body.denominator) {
        throw invalidParameter('value', `is a part of the denominator (${body.denominator}): a percentage cannot exceed 100`);
      }
      const recorded = await withActor(c.var.db, c.var.user.userId, (tx) =>
        insertReturn(tx, {
          indicator: body.indicator,
          adminAreaId: area.id,
          periodStart: start,
          value: body.value,
          denominator: body.denominator ?? null,
          note: body.note ?? null,
          actorId: c.var.user.userId,
        }),
      );
      return c.json(recorded, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Returns'],
      summary: 'Returns, corrections included (the ministry: all; engineers: their governorates)',
      middleware: [readers] as const,
      request: {
        query: z.object({
          country: countryCode.optional().meta({ example: 'SYR' }),
          year: year.optional().meta({ example: '2026' }),
          governorate: governorateCode.optional().meta({ example: 'SY-DI' }),
          indicator: indicatorCode.optional().meta({ example: 'fire_brigades_ready' }),
        }),
      },
      responses: {
        200: { description: 'Returns by period, governorate, indicator and submission', content: json(named(IndicatorReturnList, 'IndicatorReturnList')) },
        401: { description: 'Not signed in' },
        403: { description: "A donor, or an engineer asking for another governorate's returns" },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const governorates = await readableGovernorates(c.var.db, c.var.user, query.governorate);
      return c.json({ items: await listReturns(c.var.db, { ...query, governorates }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/status',
      tags: ['Returns'],
      summary: "Where each expected return of a country's year stands: on time, late, missing or not yet due",
      description:
        'Expected: every governorate with a target for a reported indicator in the plan in force (approved, else the draft) × every period of the year. ' +
        'Due `return_due_days` after the period ends; late when the first submission came after that; missing when that day has passed with none.',
      middleware: [readers] as const,
      request: {
        query: z.object({
          country: countryCode.meta({ example: 'SYR' }),
          year: year.meta({ example: '2026' }),
          governorate: governorateCode.optional().meta({ example: 'SY-DI' }),
        }),
      },
      responses: {
        200: { description: 'Each expected return and the counts by state', content: json(named(ReturnStatusList, 'ReturnStatusList')) },
        401: { description: 'Not signed in' },
        403: { description: "A donor, or an engineer asking for another governorate's returns" },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const governorates = await readableGovernorates(c.var.db, c.var.user, query.governorate);
      return c.json(await returnStatuses(c.var.db, { ...query, governorates, today: todayUtc() }), 200);
    },
  );
