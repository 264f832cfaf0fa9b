import { createRoute, z } from '@hono/zod-openapi';
import { countryCode, Plan, PlanList, PlanTargets, PlanTargetsBody, PlanVersionActionBody } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { named } from '../../http/openApiNames.ts';
import { json, jsonBody } from '../../http/openApiRoutes.ts';
import { canonicalWholeNumber } from '../../http/pathId.ts';
import { conflict, forbidden, invalidParameters, notFound } from '../../http/problems.ts';
import { createRouter } from '../../http/router.ts';
import { planMatrixExportRoutes } from '../exports/routes.ts';
import { targetsXlsxRoutes } from '../targetsXlsx/routes.ts';
import {
  approvers,
  assertCurrent,
  draftForChange,
  draftReaders,
  drafters,
  noSuchPlan,
  PlanParams,
  publishers,
  readsDrafts,
  visiblePlan,
} from './planRequest.ts';
import {
  approveDraft,
  countryExists,
  findPlan,
  findVersion,
  insertPlan,
  listPlans,
  listTargets,
  planOut,
  replaceTargets,
  setPublished,
  startRevision,
  versionOfStatus,
} from './queries.ts';
import { checkTargetLines, loadTargetContext } from './targetRules.ts';

const TAGS = ['Plans'];
const PlanOut = named(Plan, 'Plan');
const TargetsOut = named(PlanTargets, 'PlanTargets');
const ALL = { targets: true, reported: true, returnHistory: true, governorates: 'all' } as const;

/** Approving and revising take an optional JSON body ({version?, note?}); none is the same as {}. */
const OPTIONAL_ACTION_BODY = { required: false, content: json(PlanVersionActionBody) };

/** More errors than this are summed up in the detail; `errors` still lists every one. */
const DETAIL_ERRORS = 10;

/**
 * `/api/plans`: plans, their versions and target lines. A plan starts as an empty draft (version 1);
 * approving the draft puts it in force and keeps the version it replaces (superseded); a revision
 * is a new draft copying the approved targets. XLSX in and out (targetsXlsx/) and the matrix's
 * files (exports/) are mounted below.
 */
export const planLifecycleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: TAGS,
      summary: 'Plans the caller may see (anonymous callers: published ones only)',
      request: { query: z.object({ country: countryCode.optional().meta({ example: 'SYR' }) }) },
      responses: { 200: { description: 'Plans, by country and newest year first', content: json(named(PlanList, 'PlanList')) } },
    }),
    async (c) => {
      const { country } = c.req.valid('query');
      return c.json({ items: await listPlans(c.var.db, country, c.var.viewer.kind === 'anonymous') }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}',
      tags: TAGS,
      summary: 'One plan and its versions, newest first (donors: no versions; anonymous readers of a published plan: no draft, no names)',
      request: { params: PlanParams },
      responses: {
        200: { description: 'The plan', content: json(PlanOut) },
        404: { description: 'No such plan, or not visible (anonymous callers see published plans only)' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { plan, scope } = await visiblePlan(c.var.db, c.var.viewer, country, year);
      const out = await planOut(c.var.db, plan, scope, c.var.viewer.kind === 'user');
      // Anonymous readers of a published plan see the versions that were approved, not a draft in the making.
      if (c.var.viewer.kind === 'anonymous') out.versions = out.versions.filter((v) => v.status !== 'draft');
      return c.json(out, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{country}/{year}',
      tags: TAGS,
      summary: 'Create the plan of a country and year: version 1, an empty draft (planners, admins)',
      middleware: [drafters] as const,
      request: { params: PlanParams },
      responses: {
        201: { description: 'Created', content: json(PlanOut) },
        401: { description: 'Not signed in' },
        403: { description: 'Not a planner or an admin' },
        404: { description: 'No such country' },
        409: { description: 'The plan exists already' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const created = await withActor(c.var.db, c.var.user.userId, async (tx) => {
        if (!(await countryExists(tx, country))) throw notFound(`No country ${country}: use an ISO 3166-1 alpha-3 code such as SYR`);
        if (await findPlan(tx, country, year)) throw conflict(`The plan for ${country} ${year} exists already: GET /api/plans/${country}/${year}`);
        const plan = await insertPlan(tx, country, year, c.var.user.userId);
        return planOut(tx, plan, ALL, true);
      });
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}/versions/{number}/targets',
      tags: TAGS,
      summary: "One version's target lines (engineers: their governorates' lines; donors: none)",
      request: { params: PlanParams.extend({ number: canonicalWholeNumber(1, 32767).openapi({ param: { name: 'number', in: 'path' }, example: '1' }) }) },
      responses: {
        200: { description: 'The target lines', content: json(TargetsOut) },
        403: { description: 'A donor (no targets), or a draft read by someone who does not draft or approve' },
        404: { description: 'No such plan or version, or not visible' },
      },
    }),
    async (c) => {
      const { country, year, number } = c.req.valid('param');
      const viewer = c.var.viewer;
      const { plan, scope } = await visiblePlan(c.var.db, viewer, country, year);
      if (!scope.targets) throw forbidden('Donors see achieved values over the projects shared with them, not plan targets');
      const version = await findVersion(c.var.db, plan.id, number);
      if (!version || (version.status === 'draft' && viewer.kind === 'anonymous')) throw notFound(`The plan for ${country} ${year} has no version ${number}`);
      if (version.status === 'draft' && !readsDrafts(viewer)) throw forbidden('A draft plan is read by planners, ministers and admins until it is approved');
      return c.json({ version: version.version, targets: await listTargets(c.var.db, version.id, scope.governorates) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}/draft/targets',
      tags: TAGS,
      summary: "The draft's target lines and its version (planners, ministers, admins)",
      middleware: [draftReaders] as const,
      request: { params: PlanParams },
      responses: {
        200: { description: 'The draft', content: json(TargetsOut) },
        401: { description: 'Not signed in' },
        403: { description: 'Not a planner, minister or admin' },
        404: { description: 'No such plan, or it has no draft' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const plan = await findPlan(c.var.db, country, year);
      if (!plan) throw noSuchPlan(country, year);
      const draft = await versionOfStatus(c.var.db, plan.id, 'draft');
      if (!draft) throw notFound(`The plan for ${country} ${year} has no draft: start a revision to change its targets`);
      return c.json({ version: draft.version, targets: await listTargets(c.var.db, draft.id, 'all') }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{country}/{year}/draft/targets',
      tags: TAGS,
      summary: "Replace every target line of the draft (send the draft's version; planners, admins)",
      description:
        'Lines are checked together: every bad line is named in `errors` (`targets.12.quarters`), and nothing changes unless all are right. ' +
        'Quarters are cumulative: what should be reached by the end of Q1…Q4; for a flow they never decrease; a percentage is at most 100.',
      middleware: [drafters] as const,
      request: { params: PlanParams, body: jsonBody(PlanTargetsBody) },
      responses: {
        200: { description: 'Saved; the new version', content: json(TargetsOut) },
        400: { description: 'Invalid lines: each one named in `errors`' },
        401: { description: 'Not signed in' },
        403: { description: 'Not a planner or an admin' },
        404: { description: 'No such plan' },
        409: { description: 'The draft changed since `version` (`current_version` says where it is), or there is no draft (start a revision)' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const body = c.req.valid('json');
      const saved = await withActor(c.var.db, c.var.user.userId, async (tx) => {
        const plan = await findPlan(tx, country, year);
        if (!plan) throw noSuchPlan(country, year);
        const draft = await draftForChange(tx, plan);
        assertCurrent(draft, body.version);
        const context = await loadTargetContext(tx, country, body.targets.map((t) => t.governorate));
        const { errors, lines } = checkTargetLines(body.targets, context);
        if (errors.length) {
          const listed = errors.map((e) => ({ parameter: `targets.${e.line}.${e.field}`, message: e.message }));
          const lineCount = new Set(errors.map((e) => e.line)).size;
          throw invalidParameters(listed, errors.length > DETAIL_ERRORS ? { detail: `${lineCount} target lines are invalid; errors lists each; nothing was saved` } : {});
        }
        const version = await replaceTargets(tx, draft.id, lines);
        return { version, targets: await listTargets(tx, draft.id, 'all') };
      });
      return c.json(saved, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{country}/{year}/draft/approve',
      tags: TAGS,
      summary: 'Approve the draft: it comes into force; the version it replaces is kept, superseded (ministers, admins)',
      middleware: [approvers] as const,
      request: { params: PlanParams, body: OPTIONAL_ACTION_BODY },
      responses: {
        200: { description: 'Approved', content: json(PlanOut) },
        401: { description: 'Not signed in' },
        403: { description: 'Not a minister or an admin' },
        404: { description: 'No such plan' },
        409: { description: 'No draft to approve, or it changed since `version`' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { version, note } = c.req.valid('json');
      const approved = await withActor(c.var.db, c.var.user.userId, async (tx) => {
        const plan = await findPlan(tx, country, year, true);
        if (!plan) throw noSuchPlan(country, year);
        const draft = await versionOfStatus(tx, plan.id, 'draft', true);
        if (!draft) throw conflict(`The plan for ${country} ${year} has no draft to approve`);
        assertCurrent(draft, version);
        await approveDraft(tx, plan.id, draft.id, c.var.user.userId, note);
        return planOut(tx, plan, ALL, true);
      });
      return c.json(approved, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{country}/{year}/revisions',
      tags: TAGS,
      summary: 'Start a revision: a new draft copying the approved targets, which stay in force until it is approved (planners, admins)',
      middleware: [drafters] as const,
      request: { params: PlanParams, body: OPTIONAL_ACTION_BODY },
      responses: {
        201: { description: 'The plan with its new draft', content: json(PlanOut) },
        401: { description: 'Not signed in' },
        403: { description: 'Not a planner or an admin' },
        404: { description: 'No such plan' },
        409: { description: 'A draft is open already, or nothing is approved yet' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { note } = c.req.valid('json');
      const revised = await withActor(c.var.db, c.var.user.userId, async (tx) => {
        const plan = await findPlan(tx, country, year, true);
        if (!plan) throw noSuchPlan(country, year);
        const draft = await versionOfStatus(tx, plan.id, 'draft');
        if (draft) throw conflict(`Version ${draft.number} of the plan for ${country} ${year} is a draft already: change it, or have it approved first`);
        const approved = await versionOfStatus(tx, plan.id, 'approved');
        if (!approved) throw conflict(`Nothing of the plan for ${country} ${year} is approved yet: there is nothing to revise`);
        await startRevision(tx, plan.id, approved.id, c.var.user.userId, note);
        return planOut(tx, plan, ALL, true);
      });
      return c.json(revised, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{country}/{year}/publication',
      tags: TAGS,
      summary: "Publish a plan's targets and achieved values to anonymous readers, or stop (admins)",
      middleware: [publishers] as const,
      request: { params: PlanParams, body: jsonBody(z.object({ published: z.boolean() })) },
      responses: {
        200: { description: 'The plan', content: json(PlanOut) },
        401: { description: 'Not signed in' },
        403: { description: 'Not an admin' },
        404: { description: 'No such plan' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { published } = c.req.valid('json');
      const plan = await withActor(c.var.db, c.var.user.userId, async (tx) => {
        const found = await findPlan(tx, country, year, true);
        if (!found) throw noSuchPlan(country, year);
        await setPublished(tx, found.id, published);
        return planOut(tx, { ...found, is_published: published }, ALL, true);
      });
      return c.json(plan, 200);
    },
  )
  .route('/', targetsXlsxRoutes)
  .route('/', planMatrixExportRoutes);
