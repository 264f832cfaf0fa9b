import { createRoute } from '@hono/zod-openapi';
import { ZoneTimeline } from '@marsad/contracts';
import { named } from '../../http/openApiNames.ts';
import { json } from '../../http/openApiRoutes.ts';
import { IdParams } from '../../http/pathId.ts';
import { createRouter } from '../../http/router.ts';
import { pageSize, PageQuery } from '../../projects/pageQuery.ts';
import { isZoneVisible, zoneNotFound } from '../zoneAccess.ts';
import { zoneTimeline } from './zoneTimelineQueries.ts';

/** `GET /api/zones/{id}/timeline`: how the zone was built or rehabilitated, a page at a time. A cached read (cache/readCache.ts). */
export const zoneTimelineRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/{id}/timeline',
    tags: ['Zones'],
    summary: "A zone's timeline, newest first: its progress reports (with photos and utility lines) and its plots' changes",
    description: 'Who a plot went to (`investor`) is shown to the ministry only; donors and the public see which plot changed and its status.',
    request: { params: IdParams, query: PageQuery },
    responses: {
      200: { description: 'A page of the timeline', content: json(named(ZoneTimeline, 'ZoneTimeline')) },
      400: { description: 'Invalid limit or offset' },
      404: { description: 'No such zone, or not visible' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { limit, offset } = c.req.valid('query');
    const size = pageSize(limit, c.var.config);
    if (!(await isZoneVisible(c.var.db, id, c.var.viewer))) throw zoneNotFound(id);
    const { items, more } = await zoneTimeline(c.var.db, id, c.var.viewer, { limit: size, offset });
    return c.json({ items, limit: size, offset, next_offset: more ? offset + size : null }, 200);
  },
);
