import { createRoute, z } from '@hono/zod-openapi';
import {
  CriticalProjectsCollection,
  NewObstacle,
  Obstacle,
  ObstacleChange,
  ObstacleEscalation,
  ObstacleFilters,
  ObstacleHistory,
  ObstacleOverview,
  ObstaclePage,
  countryCode,
} from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { OBSTACLE_RAISERS } from '../access/obstacleAccess.ts';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { IdParams } from '../http/pathId.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { pageSize, PageQuery } from '../projects/pageQuery.ts';
import { thresholdsOf } from './escalationProposals.ts';
import { obstacleHistory } from './obstacleHistory.ts';
import { findObstacle, findObstacles, isObstacleVisible, obstacleNotFound } from './obstacleQueries.ts';
import { changeObstacle, escalateObstacle, insertObstacle } from './obstacleWrites.ts';
import { criticalProjects, obstacleOverview } from './overviewQueries.ts';

/**
 * /api/obstacles: the obstacle register, escalation and the minister's view (issue 13). Every
 * read goes through obstacleVisibility: an obstacle the caller may not see answers 404, like one
 * that does not exist; one they see but may not act on, 403. Who acts at which level:
 * ACTORS_AT_LEVEL (access/obstacleAccess.ts), engineers only in their governorates.
 */

const TAGS = ['Obstacles'];
const Language = z.enum(['ar', 'en']).default('ar').openapi({ description: 'Language of names (bodies, meetings, owners)' });
const ListQuery = PageQuery.extend(ObstacleFilters.shape);
const OverviewQuery = z.object({ country: countryCode.meta({ example: 'SYR' }), lang: Language });
const CriticalQuery = z.object({ country: countryCode.optional().meta({ example: 'SYR' }) });

const signedIn = requireUser('Sign in to change obstacles');
const raisers = requireUser('Sign in to raise obstacles', {
  roles: OBSTACLE_RAISERS,
  forbiddenDetail: 'Only admins, the minister, planners and engineers raise obstacles',
});

const NAMED_OBSTACLE = named(Obstacle, 'Obstacle');

export const obstacleRoutes = createRouter()
  // The fixed paths first: `/overview` must not be read as an obstacle id.
  .openapi(
    createRoute({
      method: 'get',
      path: '/overview',
      tags: TAGS,
      summary: "The minister's view: active obstacles by level and governorate, the oldest critical ones, who is awaited, overdue decisions, raised vs resolved",
      request: { query: OverviewQuery },
      responses: {
        200: { description: 'The overview of the obstacles visible to the caller', content: json(named(ObstacleOverview, 'ObstacleOverview')) },
        400: { description: 'Invalid parameters' },
      },
    }),
    async (c) => {
      const { country, lang } = c.req.valid('query');
      return c.json(await obstacleOverview(c.var.db, c.var.viewer, thresholdsOf(c.var.config), country, lang), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/critical-projects',
      tags: TAGS,
      summary: 'Projects with an active critical obstacle, as GeoJSON points (their label point), for the map',
      request: { query: CriticalQuery },
      responses: {
        200: { description: 'One point per project', content: { 'application/geo+json': { schema: named(CriticalProjectsCollection, 'CriticalProjectsCollection') } } },
        400: { description: 'Invalid parameters' },
      },
    }),
    async (c) => {
      const { country } = c.req.valid('query');
      const collection = await criticalProjects(c.var.db, c.var.viewer, country);
      return c.body(JSON.stringify(collection), 200, { 'content-type': 'application/geo+json' });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: TAGS,
      summary: 'Obstacles, filtered, most severe and oldest first, a page at a time',
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of obstacles', content: json(named(ObstaclePage, 'ObstaclePage')) },
        400: { description: 'Invalid parameters' },
      },
    }),
    async (c) => {
      const { limit, offset, ...filters } = c.req.valid('query');
      const size = pageSize(limit, c.var.config);
      const page = await findObstacles(c.var.db, c.var.viewer, thresholdsOf(c.var.config), filters, { limit: size, offset });
      return c.json({ ...page, limit: size, offset }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: TAGS,
      middleware: [raisers] as [typeof raisers],
      summary: 'Raise an obstacle on a project or zone (engineers on their own governorates)',
      request: { body: jsonBody(NewObstacle) },
      responses: {
        201: { description: 'Raised', content: json(NAMED_OBSTACLE) },
        400: { description: 'Invalid fields, or a project not visible to the caller' },
        401: { description: 'Not signed in' },
        403: { description: 'Not a role that raises obstacles, or a project outside the engineer’s governorates' },
      },
    }),
    async (c) => {
      const viewer = c.var.user;
      const obstacle = await withActor(c.var.db, viewer.userId, (tx) => insertObstacle(tx, viewer, thresholdsOf(c.var.config), c.req.valid('json')));
      return c.json(obstacle, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: TAGS,
      summary: 'One obstacle, with its escalation proposal, who must act, and what the caller may do',
      request: { params: IdParams },
      responses: {
        200: { description: 'The obstacle', content: json(NAMED_OBSTACLE) },
        404: { description: 'No such obstacle, or not visible to the caller' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const obstacle = await findObstacle(c.var.db, c.var.viewer, thresholdsOf(c.var.config), id);
      if (!obstacle) throw obstacleNotFound(id);
      return c.json(obstacle, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: TAGS,
      middleware: [signedIn] as [typeof signedIn],
      summary: 'Change an obstacle (send the version read). Ending it needs a resolution_note; an ended one is reopened as open',
      request: { params: IdParams, body: jsonBody(ObstacleChange) },
      responses: {
        200: { description: 'Saved', content: json(NAMED_OBSTACLE) },
        400: { description: 'Invalid fields, a missing resolution_note or responsible body' },
        401: { description: 'Not signed in' },
        403: { description: 'The caller does not act at the obstacle’s level' },
        404: { description: 'No such obstacle, or not visible to the caller' },
        409: { description: 'Changed by someone else since `version` (current_version says to what)' },
        422: { description: 'Not a change an ended obstacle takes (reopen it as open first)' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const viewer = c.var.user;
      const obstacle = await withActor(c.var.db, viewer.userId, (tx) => changeObstacle(tx, viewer, thresholdsOf(c.var.config), id, c.req.valid('json')));
      return c.json(obstacle, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/history',
      tags: TAGS,
      summary: "An obstacle's history: raised, every change and every escalation, newest first",
      request: { params: IdParams, query: z.object({ lang: Language }) },
      responses: {
        200: { description: 'The history', content: json(named(ObstacleHistory, 'ObstacleHistory')) },
        404: { description: 'No such obstacle, or not visible to the caller' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await isObstacleVisible(c.var.db, c.var.viewer, id))) throw obstacleNotFound(id);
      return c.json({ items: await obstacleHistory(c.var.db, id, c.req.valid('query').lang) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/escalate',
      tags: TAGS,
      middleware: [signedIn] as [typeof signedIn],
      summary: 'Escalate an active obstacle to a higher level (the next by default), saying why',
      request: { params: IdParams, body: jsonBody(ObstacleEscalation) },
      responses: {
        200: { description: 'Escalated', content: json(NAMED_OBSTACLE) },
        400: { description: 'No reason, or a level not above the current one' },
        401: { description: 'Not signed in' },
        403: { description: 'The caller does not act at the obstacle’s current level' },
        404: { description: 'No such obstacle, or not visible to the caller' },
        409: { description: 'Changed since `version`, already at the top level, or ended' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const viewer = c.var.user;
      const obstacle = await withActor(c.var.db, viewer.userId, (tx) => escalateObstacle(tx, viewer, thresholdsOf(c.var.config), id, c.req.valid('json')));
      return c.json(obstacle, 200);
    },
  );
