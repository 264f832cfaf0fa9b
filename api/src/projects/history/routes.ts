import { createRoute } from '@hono/zod-openapi';
import { named } from '../../http/openApiNames.ts';
import { HistoryList } from '@marsad/contracts';
import { isProjectVisible } from '../../access/isProjectVisible.ts';
import { IdParams } from '../../http/pathId.ts';
import { projectNotFound } from '../../http/problems.ts';
import { createRouter } from '../../http/router.ts';
import { projectHistory } from './queries.ts';

/** A project's write history from the audit log, newest first: who changed what, from and to. */
export const historyRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/{id}/history',
    tags: ['Projects'],
    summary: "A project's history of changes (audit log), newest first",
    request: { params: IdParams },
    responses: {
      200: { description: 'The history', content: { 'application/json': { schema: named(HistoryList, 'HistoryList') } } },
      404: { description: 'No such project, or not visible' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    if (!(await isProjectVisible(c.var.db, id, c.var.viewer))) throw projectNotFound(id);
    return c.json({ items: await projectHistory(c.var.db, id, c.var.viewer) }, 200);
  },
);
