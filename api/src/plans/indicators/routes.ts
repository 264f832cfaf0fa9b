import { createRoute } from '@hono/zod-openapi';
import { Indicator, IndicatorBody, IndicatorList, PROJECT_KINDS } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { PLAN_PUBLISHERS } from '../../access/planAccess.ts';
import { named } from '../../http/openApiNames.ts';
import { json, jsonBody } from '../../http/openApiRoutes.ts';
import { conflict, invalidParameters } from '../../http/problems.ts';
import { requireUser } from '../../http/requireUser.ts';
import { createRouter } from '../../http/router.ts';
import { indicatorExists, insertIndicator, listIndicators } from './queries.ts';

const editors = requireUser('Sign in as an admin to add indicators', {
  roles: PLAN_PUBLISHERS,
  forbiddenDetail: 'Only admins edit the indicator catalogue',
});

/** What the schema cannot say alone: a filter only where it means something, and a known project kind. */
function catalogueProblems(body: IndicatorBody): { parameter: string; message: string }[] {
  const problems: { parameter: string; message: string }[] = [];
  if (body.filter_kind !== null && !(PROJECT_KINDS as readonly string[]).includes(body.filter_kind)) {
    problems.push({ parameter: 'filter_kind', message: `must be one of ${PROJECT_KINDS.join(', ')}` });
  }
  if (body.source === 'reported') {
    for (const field of ['filter_kind', 'filter_sector', 'filter_development'] as const) {
      if (body[field] !== null) problems.push({ parameter: field, message: 'filters what Marsad computes: a reported indicator has none' });
    }
  }
  if ((body.framework === null) !== (body.framework_code === null)) {
    problems.push({ parameter: 'framework_code', message: 'give the framework and its code together, or neither' });
  }
  return problems;
}

/** `/api/indicators`: the indicator catalogue, public vocabulary; admins add to it. */
export const indicatorRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Plans'],
      summary: 'The indicator catalogue: what plans set targets for',
      responses: { 200: { description: 'Every indicator, in reading order', content: json(named(IndicatorList, 'IndicatorList')) } },
    }),
    async (c) => c.json({ items: await listIndicators(c.var.db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Plans'],
      summary: 'Add an indicator to the catalogue (admins)',
      middleware: [editors] as const,
      request: { body: jsonBody(IndicatorBody) },
      responses: {
        201: { description: 'Added', content: json(named(Indicator, 'Indicator')) },
        400: { description: 'Invalid fields, each named in `errors`' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an admin' },
        409: { description: 'An indicator with this code exists' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const problems = catalogueProblems(body);
      if (problems.length) throw invalidParameters(problems);
      const added = await withActor(c.var.db, c.var.user.userId, async (tx) => {
        if (await indicatorExists(tx, body.code)) throw conflict(`code: an indicator ${body.code} exists already`, { errors: [{ parameter: 'code', message: 'an indicator with this code exists already' }] });
        return insertIndicator(tx, body);
      });
      return c.json(added, 201);
    },
  );
