import { createRoute, z } from '@hono/zod-openapi';
import { organizationSlug, ProjectShareList } from '@marsad/contracts';
import { withActor, type Queryable } from '@marsad/db';
import type { Context } from 'hono';
import { isProjectVisible } from '../../access/isProjectVisible.ts';
import { pathId } from '../../http/pathId.ts';
import { projectNotFound } from '../../http/problems.ts';
import { requireUser, type SignedInEnv } from '../../http/requireUser.ts';
import { createRouter, type AppEnv } from '../../http/router.ts';
import { loadProjectForWrite } from '../loadProjectForWrite.ts';
import { listShares, share, SHARE_READER_ROLES, shareReceiverId, unshare } from './queries.ts';

const Params = z.object({
  id: pathId('id'),
  organization: organizationSlug.meta({ param: { name: 'organization', in: 'path' }, example: 'undp' }),
});

const responses = {
  204: { description: 'Done (sharing twice, or unsharing what is not shared, changes nothing)' },
  400: { description: 'Unknown organization, or not a donor or partner' },
  401: { description: 'Not signed in' },
  403: { description: 'Not allowed to share this project' },
  404: { description: 'No such project, or not visible' },
};

/** Who may share: whoever may write the project (admins, the governorate's engineers). */
const sharer = requireUser('Sign in to share projects');

/**
 * Which donors see a project is ministry business: staff read it, donors do not (one donor must
 * not learn whom else a project is shared with), and the history leaves sharing out likewise.
 */
const staff = requireUser('Sign in to see whom a project is shared with', {
  roles: SHARE_READER_ROLES,
  forbiddenDetail: 'Donors do not see whom else a project is shared with',
});

const changeRoute = (method: 'put' | 'delete', summary: string) =>
  createRoute({ method, path: '/{id}/shares/{organization}', tags: ['Projects'], summary, middleware: [sharer] as const, request: { params: Params }, responses });

/** One audited transaction: the write rule, the organization, the change. */
async function changeSharing(
  c: Context<AppEnv & SignedInEnv, string, { out: { param: z.infer<typeof Params> } }>,
  change: (tx: Queryable, projectId: number, organizationId: number, actorId: number) => Promise<void>,
) {
  const { id, organization } = c.req.valid('param');
  const user = c.var.user;
  await withActor(c.var.db, user.userId, async (tx) => {
    await loadProjectForWrite(tx, id, user, { action: 'share' });
    await change(tx, id, await shareReceiverId(tx, organization), user.userId);
  });
  return c.body(null, 204);
}

/** Sharing a project with a donor or partner organization makes it visible to its users. */
export const shareRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/shares',
      tags: ['Projects'],
      summary: 'The organizations a project is shared with (ministry staff only)',
      middleware: [staff] as const,
      request: { params: Params.pick({ id: true }) },
      responses: {
        200: { description: 'The shares, by organization', content: { 'application/json': { schema: ProjectShareList } } },
        401: { description: 'Not signed in' },
        403: { description: 'Donors do not see other shares' },
        404: { description: 'No such project, or not visible' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await isProjectVisible(c.var.db, id, c.var.user))) throw projectNotFound(id);
      return c.json({ items: await listShares(c.var.db, id) }, 200);
    },
  )
  .openapi(changeRoute('put', 'Share a project with a donor or partner organization'), (c) => changeSharing(c, share))
  .openapi(changeRoute('delete', 'Stop sharing a project with an organization'), (c) => changeSharing(c, unshare));
