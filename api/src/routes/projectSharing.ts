import { createRoute, z } from '@hono/zod-openapi';
import { withActor, type Database, type Queryable } from '@marsad/db';
import { isProjectVisible } from '../access/isProjectVisible.ts';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { pathId } from '../http/pathId.ts';

const Params = z.object({
  id: pathId('id'),
  organization: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an organization slug such as undp')
    .openapi({ param: { name: 'organization', in: 'path' }, example: 'undp' }),
});

/** Who may share: whoever may write the project (admins, the governorate's engineers). */
async function assertMayShare(tx: Queryable, id: number, viewer: Viewer): Promise<void> {
  const params = new SqlParams([id]);
  const [row] = await tx.query<{ writable: boolean }>(
    `select (${projectWritability(viewer, params)}) as writable from projects p
      where p.id = $1 and ${projectFilterSql({}, viewer, params)}`,
    params.values,
  );
  if (!row) throw new ProblemError(404, 'Not Found', `No project ${id} is visible to you`);
  if (!row.writable) throw new ProblemError(403, 'Forbidden', `You may not share project ${id}`);
}

async function donorId(tx: Queryable, slug: string): Promise<number> {
  const [org] = await tx.query<{ id: number; kind: string }>('select id, kind from organizations where slug = $1', [slug]);
  if (!org) {
    throw new ProblemError(400, 'Invalid request', `organization: unknown value: ${slug}`, {
      errors: [{ parameter: 'organization', message: `unknown value: ${slug}` }],
    });
  }
  if (org.kind !== 'donor' && org.kind !== 'partner') {
    throw new ProblemError(400, 'Invalid request', `organization: ${slug} is a ${org.kind}; projects are shared with donors and partners`, {
      errors: [{ parameter: 'organization', message: 'must be a donor or partner' }],
    });
  }
  return org.id;
}

/** One audited transaction: check the sharer, resolve the organization, make the change. */
async function changeSharing(
  db: Database,
  viewer: Viewer,
  id: number,
  organization: string,
  change: (tx: Queryable, organizationId: number, actorId: number) => Promise<unknown>,
): Promise<void> {
  if (viewer.kind === 'anonymous') throw new ProblemError(401, 'Unauthorized', 'Sign in to share projects');
  await withActor(db, viewer.userId, async (tx) => {
    await assertMayShare(tx, id, viewer);
    await change(tx, await donorId(tx, organization), viewer.userId);
  });
}

const responses = {
  204: { description: 'Done (sharing twice, or unsharing what is not shared, changes nothing)' },
  400: { description: 'Unknown organization, or not a donor or partner' },
  403: { description: 'Not allowed to share this project' },
  404: { description: 'No such project, or not visible' },
};

const Share = z.object({
  organization: z.string().openapi({ example: 'undp' }),
  name_ar: z.string(),
  name_en: z.string(),
  kind: z.string(),
  shared_at: z.string(),
  shared_by: z.string().nullable(),
});

/**
 * Which donors see a project is ministry business: staff read it, donors do not (one donor must
 * not learn whom else a project is shared with), and the history leaves sharing out likewise.
 */
function assertStaff(viewer: Viewer): void {
  if (viewer.kind === 'anonymous') throw new ProblemError(401, 'Unauthorized', 'Sign in to see whom a project is shared with');
  if (viewer.role === 'donor') throw new ProblemError(403, 'Forbidden', 'Donors do not see whom else a project is shared with');
}

/** Sharing a project with a donor or partner organization makes it visible to its users. */
export const projectSharing = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/shares',
      tags: ['Projects'],
      summary: 'The organizations a project is shared with (ministry staff only)',
      request: { params: Params.pick({ id: true }) },
      responses: {
        200: { description: 'The shares, by organization', content: { 'application/json': { schema: z.object({ items: z.array(Share) }) } } },
        401: { description: 'Not signed in' },
        403: { description: 'Donors do not see other shares' },
        404: { description: 'No such project, or not visible' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const viewer = c.var.viewer;
      assertStaff(viewer);
      if (!(await isProjectVisible(c.var.db, id, viewer))) throw new ProblemError(404, 'Not Found', `No project ${id} is visible to you`);
      const items = await c.var.db.query<z.infer<typeof Share>>(
        `select o.slug as organization, o.name_ar, o.name_en, o.kind,
                to_char(s.shared_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as shared_at, u.display_name as shared_by
           from project_shares s
           join organizations o on o.id = s.organization_id
           left join users u on u.id = s.shared_by
          where s.project_id = $1
          order by o.slug`,
        [id],
      );
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/shares/{organization}',
      tags: ['Projects'],
      summary: 'Share a project with a donor or partner organization',
      request: { params: Params },
      responses,
    }),
    async (c) => {
      const { id, organization } = c.req.valid('param');
      await changeSharing(c.var.db, c.var.viewer, id, organization, (tx, organizationId, actorId) =>
        tx.query(
          `insert into project_shares (project_id, organization_id, shared_by) values ($1, $2, $3)
           on conflict (project_id, organization_id) do nothing`,
          [id, organizationId, actorId],
        ),
      );
      c.var.dataVersion.bump();
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/shares/{organization}',
      tags: ['Projects'],
      summary: 'Stop sharing a project with an organization',
      request: { params: Params },
      responses,
    }),
    async (c) => {
      const { id, organization } = c.req.valid('param');
      await changeSharing(c.var.db, c.var.viewer, id, organization, (tx, organizationId) =>
        tx.query('delete from project_shares where project_id = $1 and organization_id = $2', [id, organizationId]),
      );
      c.var.dataVersion.bump();
      return c.body(null, 204);
    },
  );
