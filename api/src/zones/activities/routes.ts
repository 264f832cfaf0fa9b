import { createRoute } from '@hono/zod-openapi';
import { PlotActivityList, type PlotActivity } from '@marsad/contracts';
import { named } from '../../http/openApiNames.ts';
import { json } from '../../http/openApiRoutes.ts';
import { createRouter } from '../../http/router.ts';

/** `/api/plot-activities`: the permitted activities of zone plots, public vocabulary (for the plot forms and filters). */
export const plotActivityRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Zones'],
    summary: 'The activities a zone plot may be given, in reading order',
    responses: { 200: { description: 'Every activity', content: json(named(PlotActivityList, 'PlotActivityList')) } },
  }),
  async (c) => {
    const items = await c.var.db.query<PlotActivity>('select code, name_ar, name_en, zone_kinds from plot_activities order by sort_order, code');
    return c.json({ items }, 200);
  },
);
