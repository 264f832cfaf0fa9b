import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { ProblemError } from '../http/problem.ts';
import { pageSize, PageQuery } from '../projects/pageQuery.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { findProject, findProjects, type ProjectSummaryRow } from '../projects/projectQueries.ts';
import { SortQuery } from '../projects/projectSort.ts';
import { IdParams } from '../http/pathId.ts';

const ListQuery = ProjectFilterQuery.extend(PageQuery.shape).extend({
  sort: SortQuery,
  format: z
    .enum(['json', 'geojson'])
    .default('json')
    .openapi({ description: 'json: a page of projects; geojson: the same page as a FeatureCollection with geometries.' }),
});

const ProjectSummary = z
  .object({
    id: z.number().int(),
    code: z.string(),
    kind: z.string(),
    sector: z.string(),
    title_ar: z.string(),
    title_en: z.string(),
    status: z.string(),
    physical_progress: z.number(),
    financial_progress: z.number(),
    budget: z.number().nullable(),
    currency: z.string(),
    planned_start: z.string().nullable(),
    planned_end: z.string().nullable(),
    actual_start: z.string().nullable(),
    actual_end: z.string().nullable(),
    last_update_on: z.string().nullable(),
    is_published: z.boolean(),
    country: z.string(),
    governorate: z.string(),
    governorate_name_ar: z.string(),
    governorate_name_en: z.string(),
    delayed: z.boolean(),
    stale: z.boolean(),
    delay_days: z.number().int(),
  })
  .openapi('ProjectSummary');

const ProjectPage = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(ProjectSummary),
    links: z.object({ next: z.string().nullable(), prev: z.string().nullable() }),
  })
  .openapi('ProjectPage');

const ProjectDetail = ProjectSummary.extend({
  description_ar: z.string().nullable(),
  description_en: z.string().nullable(),
  geometry: z.record(z.string(), z.any()),
  funding: z.array(z.record(z.string(), z.any())),
  progress: z.array(z.record(z.string(), z.any())),
  zone: z.record(z.string(), z.any()).nullable(),
  version: z.number().int(),
}).openapi('ProjectDetail');

/** The same URL with another offset: links carry every filter on. */
function pageLink(url: string, offset: number): string {
  const next = new URL(url);
  next.searchParams.set('offset', String(offset));
  return next.pathname + next.search;
}

function toFeature({ geometry, ...properties }: ProjectSummaryRow) {
  return { type: 'Feature' as const, id: properties.id, geometry, properties };
}

export const projects = createRouter()
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
          content: { 'application/json': { schema: ProjectPage }, 'application/geo+json': { schema: z.any() } },
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
      request: {
        params: IdParams,
      },
      responses: {
        200: { description: 'The project', content: { 'application/json': { schema: ProjectDetail } } },
        404: { description: 'No such project, or not visible to the caller (problem+json)' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const project = await findProject(c.var.db, id, c.var.viewer);
      if (!project) throw new ProblemError(404, 'Not Found', `No project ${id} is visible to you`);
      return c.json(project as z.infer<typeof ProjectDetail>, 200);
    },
  );
