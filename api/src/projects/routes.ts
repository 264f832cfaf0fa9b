import { createRoute, z } from '@hono/zod-openapi';
import { MAX_PROJECT_JSON_BYTES, NewProject, ProjectChangeWithBase, ProjectDetail, ProjectPage, SavedProject } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { IdempotencyHeaders, idempotentWrite, REPLAY_HEADERS, REUSED_KEY, type WriteOutcome } from '../fieldSync/idempotentWrite.ts';
import { HELD_FOR_REVIEW, judgeProjectChange } from '../fieldSync/staleWrites.ts';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { IdParams } from '../http/pathId.ts';
import { projectNotFound } from '../http/problems.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { historyRoutes } from './history/routes.ts';
import { loadProjectForWrite } from './loadProjectForWrite.ts';
import { pageSize, PageQuery } from './pageQuery.ts';
import { progressReportRoutes } from './progress/routes.ts';
import { ProjectFilterQuery } from './projectFilterSchema.ts';
import { assertKnownFilterValues } from './projectFilterSql.ts';
import { findProject, findProjects } from './projectQueries.ts';
import { SortQuery } from './projectSort.ts';
import type { ProjectSummaryRow } from './ProjectSummaryRow.ts';
import { shareRoutes } from './shares/routes.ts';
import { changeProject, createProject } from './writeQueries.ts';

/**
 * The project resource, everything under /api/projects: the list, one project, creating and
 * changing one here; its progress reports, shares and history in their own folders, mounted below.
 */

const ListQuery = ProjectFilterQuery.extend(PageQuery.shape).extend({
  sort: SortQuery,
  format: z
    .enum(['json', 'geojson'])
    .default('json')
    .openapi({ description: 'json: a page of projects; geojson: the same page as a FeatureCollection with geometries.' }),
});

/** The same URL with another offset: links carry every filter on. */
function pageLink(url: string, offset: number): string {
  const next = new URL(url);
  next.searchParams.set('offset', String(offset));
  return next.pathname + next.search;
}

function toFeature({ geometry, ...properties }: ProjectSummaryRow) {
  return { type: 'Feature' as const, id: properties.id, geometry, properties };
}

const signedIn = requireUser('Sign in to change projects');

/** What creating and changing a project share: the tag, the guard, and the answers to a signed-out caller or a body too large. */
const WRITE = { tags: ['Projects'], middleware: [signedIn] as [typeof signedIn] };
const WRITE_ERRORS = {
  401: { description: 'Not signed in' },
  413: { description: `A body over ${MAX_PROJECT_JSON_BYTES / 1024 / 1024} MB` },
};

export const projectRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Projects'],
      summary: 'Projects under filters, a page at a time',
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'A page of projects (format=json), or a GeoJSON FeatureCollection (format=geojson)',
          content: { ...json(named(ProjectPage, 'ProjectPage')), 'application/geo+json': { schema: z.any() } },
        },
        400: { description: 'Invalid parameters (problem+json)' },
      },
    }),
    async (c) => {
      const { sort, limit, offset, format, ...filter } = c.req.valid('query');
      await assertKnownFilterValues(c.var.db, filter);
      const size = pageSize(limit, c.var.config);
      const { total, rows } = await findProjects(c.var.db, {
        filter,
        viewer: c.var.viewer,
        sort,
        limit: size,
        offset,
        withGeometry: format === 'geojson',
      });
      const links = {
        next: offset + rows.length < total ? pageLink(c.req.url, offset + size) : null,
        prev: offset > 0 ? pageLink(c.req.url, Math.max(0, offset - size)) : null,
      };
      if (format === 'geojson') {
        return c.body(
          JSON.stringify({ type: 'FeatureCollection', numberMatched: total, numberReturned: rows.length, links, features: rows.map(toFeature) }),
          200,
          { 'content-type': 'application/geo+json' },
        ) as never;
      }
      return c.json({ total, limit: size, offset, items: rows, links }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Projects'],
      summary: 'One project: every field, funding, progress history, zone facts',
      request: { params: IdParams },
      responses: {
        200: { description: 'The project', content: json(named(ProjectDetail, 'ProjectDetail')) },
        404: { description: 'No such project, or not visible to the caller (problem+json)' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const project = await findProject(c.var.db, id, c.var.viewer);
      if (!project) throw projectNotFound(id);
      return c.json(project as ProjectDetail, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      ...WRITE,
      summary: 'Create a project; its governorate is found from the geometry',
      request: { body: jsonBody(NewProject) },
      responses: {
        201: { description: 'Created', content: json(SavedProject) },
        400: { description: 'Invalid fields or geometry, or a geometry outside every governorate' },
        403: { description: 'Not allowed to create projects there' },
        409: { description: 'The code is taken' },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const saved = await withActor(c.var.db, c.var.user.userId, (tx) => createProject(tx, c.var.user, c.req.valid('json')));
      return c.json(saved, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      ...WRITE,
      summary: 'Change a project (send the version you read; 409 if it changed since, unless a `base` shows the fields you change did not move)',
      request: { params: IdParams, headers: IdempotencyHeaders, body: jsonBody(ProjectChangeWithBase) },
      responses: {
        200: { description: 'Saved', headers: REPLAY_HEADERS, content: json(SavedProject) },
        202: {
          description: 'Held for review: the change carried a `base`, its version was stale and a field it changes moved since; nothing changed',
          headers: REPLAY_HEADERS,
          content: json(HELD_FOR_REVIEW),
        },
        400: { description: 'Invalid fields or geometry' },
        403: { description: 'Not allowed to change this project' },
        404: { description: 'No such project, or not visible' },
        409: { description: 'Changed by someone else since `version` (and no `base` sent), or the code is taken' },
        422: { description: REUSED_KEY },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      return idempotentWrite(c, change, async (tx): Promise<WriteOutcome<SavedProject | z.infer<typeof HELD_FOR_REVIEW>>> => {
        // With a base, a stale version is judged by what moved (judgeProjectChange), not refused.
        const project = await loadProjectForWrite(tx, id, c.var.user, { version: change.base ? undefined : change.version });
        const judged = await judgeProjectChange(tx, id, project, change, c.var.user);
        if ('held' in judged) return judged.held;
        return { status: 200, body: await changeProject(tx, id, c.var.user, change) };
      }) as never;
    },
  )
  .route('/', progressReportRoutes)
  .route('/', shareRoutes)
  .route('/', historyRoutes);
