import { createRoute, z } from '@hono/zod-openapi';
import { isProjectVisible } from '../access/isProjectVisible.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { IdParams } from '../http/pathId.ts';

const HistoryEntry = z
  .object({
    at: z.string(),
    actor: z.string().nullable().openapi({ description: 'Display name of who made the change; null for loads and system changes' }),
    action: z.enum(['insert', 'update', 'delete', 'bulk_load']),
    table: z.string(),
    from: z.record(z.string(), z.any()).nullable(),
    to: z.record(z.string(), z.any()).nullable(),
  })
  .openapi('HistoryEntry');

const geometryAsMarker = (column: string) =>
  `case when ${column} ? 'geom' then (${column} - 'geom') || '{"geom": "(geometry)"}'::jsonb else ${column} end`;
/** A funding entry names its funder by slug (`organization`), not by the database's key. */
const funderBySlug = (column: string) =>
  `case when l.table_name = 'project_funding' and ${column} is not null
        then (${column} - 'organization_id') || jsonb_build_object('organization', funder.slug) else ${column} end`;

/** A project's write history from the audit log, newest first: who changed what, from and to. */
export const projectHistory = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/{id}/history',
    tags: ['Projects'],
    summary: "A project's history of changes (audit log), newest first",
    request: {
      params: IdParams,
    },
    responses: {
      200: { description: 'The history', content: { 'application/json': { schema: z.object({ items: z.array(HistoryEntry) }) } } },
      404: { description: 'No such project, or not visible' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    if (!(await isProjectVisible(c.var.db, id, c.var.viewer))) throw new ProblemError(404, 'Not Found', `No project ${id} is visible to you`);
    // A geometry shows as "(geometry)": the timeline says it changed, not every coordinate.
    // Sharing entries are left out: they would tell one donor which others see the project.
    // Photo entries too: a report shows its own photos, and one row per photo would use up the limit.
    const items = await c.var.db.query<z.infer<typeof HistoryEntry>>(
      `select to_char(l.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, u.display_name as actor, l.action,
              l.table_name as table, ${funderBySlug(geometryAsMarker('l.old_values'))} as from,
              ${funderBySlug(geometryAsMarker('l.new_values'))} as to
         from audit_log l left join users u on u.id = l.actor_id
         left join organizations funder
           on l.table_name = 'project_funding' and funder.id = coalesce(l.new_values ->> 'organization_id', l.old_values ->> 'organization_id')::int
        where l.project_id = $1 and l.table_name not in ('project_shares', 'progress_photos')
        order by l.id desc
        limit 500`,
      [id],
    );
    return c.json({ items }, 200);
  },
);
