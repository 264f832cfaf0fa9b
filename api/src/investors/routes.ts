import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { countryCode, Investor, InvestorChange, InvestorPage, NewInvestor } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { investorsVisible } from '../access/plotAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { IdParams } from '../http/pathId.ts';
import { forbidden, notFound } from '../http/problems.ts';
import { requireUser, type SignedInEnv } from '../http/requireUser.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { pageSize, PageQuery } from '../projects/pageQuery.ts';
import { changeInvestor, findInvestor, findInvestors, insertInvestor, investorNotFound } from './investorQueries.ts';

/**
 * `/api/investors`: who holds plots, for the ministry's eyes only (investorsVisible). To anyone
 * else investors do not exist: 404, as for a project they may not see (anonymous writers are
 * asked to sign in first, like every write). Of the ministry, admins and engineers write them.
 */

const ListQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Part of a name (Arabic or English) or registration number' }),
  country: countryCode.optional().openapi({ example: 'SYR' }),
});

const notVisible = () => notFound('No investors are visible to you');

/** 404 unless the viewer may see investors. */
function assertVisible(viewer: Viewer): void {
  if (!investorsVisible(viewer)) throw notVisible();
}

const signedIn = requireUser('Sign in to record investors');
/** Before the body is read: 404 unless the viewer may see investors, then 403 unless they may also write them. */
const writers = createMiddleware<AppEnv & SignedInEnv>(async (c, next) => {
  const viewer = c.var.user;
  assertVisible(viewer);
  if (viewer.role !== 'admin' && viewer.role !== 'engineer') throw forbidden('Only admins and engineers may record or change investors');
  await next();
});
const WRITE = { tags: ['Investors'], middleware: [signedIn, writers] as [typeof signedIn, typeof writers] };

export const investorRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Investors'],
      summary: 'Investors by name or country, a page at a time (ministry only)',
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of investors', content: json(named(InvestorPage, 'InvestorPage')) },
        400: { description: 'Invalid parameters' },
        404: { description: 'Investors are not visible to the caller' },
      },
    }),
    async (c) => {
      assertVisible(c.var.viewer);
      const { q, country, limit, offset } = c.req.valid('query');
      const size = pageSize(limit, c.var.config);
      const page = await findInvestors(c.var.db, { q, country: country ? [country] : undefined, limit: size, offset });
      return c.json({ ...page, limit: size, offset }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Investors'],
      summary: 'One investor with their contacts (ministry only)',
      request: { params: IdParams },
      responses: {
        200: { description: 'The investor', content: json(named(Investor, 'Investor')) },
        404: { description: 'No such investor, or investors not visible to the caller' },
      },
    }),
    async (c) => {
      assertVisible(c.var.viewer);
      const { id } = c.req.valid('param');
      const investor = await findInvestor(c.var.db, id);
      if (!investor) throw investorNotFound(id);
      return c.json(investor, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      ...WRITE,
      summary: 'Record an investor (admins and engineers)',
      request: { body: jsonBody(NewInvestor) },
      responses: {
        201: { description: 'Recorded', content: json(Investor) },
        400: { description: 'Invalid fields' },
        401: { description: 'Not signed in' },
        403: { description: 'A ministry role that does not write investors' },
        404: { description: 'Investors are not visible to the caller' },
      },
    }),
    async (c) => {
      const investor = await withActor(c.var.db, c.var.user.userId, (tx) => insertInvestor(tx, c.req.valid('json')));
      return c.json(investor, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      ...WRITE,
      summary: 'Change an investor (send the version you read; 409 if it changed since)',
      request: { params: IdParams, body: jsonBody(InvestorChange) },
      responses: {
        200: { description: 'Saved', content: json(Investor) },
        400: { description: 'Invalid fields' },
        401: { description: 'Not signed in' },
        403: { description: 'A ministry role that does not write investors' },
        404: { description: 'No such investor, or investors not visible to the caller' },
        409: { description: 'Changed by someone else since `version`' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const investor = await withActor(c.var.db, c.var.user.userId, (tx) => changeInvestor(tx, id, c.req.valid('json')));
      return c.json(investor, 200);
    },
  );
