import { createRoute, z } from '@hono/zod-openapi';
import { AccountChange, AdminUser, AdminUserList, NewAccount, NewOrganization, organizationSlug, OrganizationChange, SavedOrganization } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { hashPassword } from '../auth/passwords.ts';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { pathId } from '../http/pathId.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { changeOrganization, createOrganization } from './organizationQueries.ts';
import { changeUser, createUser, listUsers } from './userQueries.ts';

/** Account management is for admins only. */
const admins = requireUser('Sign in as an admin', { roles: ['admin'], forbiddenDetail: 'Only admins manage accounts and organizations' });

/** What every admin route shares: its tag and its guard. */
const ADMIN = { tags: ['Admin'], middleware: [admins] as [typeof admins] };
const UserOut = named(AdminUser, 'AdminUser');

/** Accounts and organizations, for admins; the SQL is in userQueries.ts and organizationQueries.ts. */
export const adminRoutes = createRouter()
  .openapi(
    createRoute({
      ...ADMIN,
      method: 'get',
      path: '/users',
      summary: 'All accounts',
      responses: { 200: { description: 'Accounts', content: json(named(AdminUserList, 'AdminUserList')) } },
    }),
    async (c) => c.json({ items: await listUsers(c.var.db) }, 200),
  )
  .openapi(
    createRoute({
      ...ADMIN,
      method: 'post',
      path: '/users',
      summary: 'Create an account',
      request: { body: jsonBody(NewAccount) },
      responses: {
        201: { description: 'Created', content: json(UserOut) },
        400: { description: 'Invalid account, or a role that does not fit the organization (donors, and only donors, belong to donors and partners)' },
        409: { description: 'Email taken' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const hash = await hashPassword(body.password);
      return c.json(await withActor(c.var.db, c.var.user.userId, (tx) => createUser(tx, body, hash)), 201);
    },
  )
  .openapi(
    createRoute({
      ...ADMIN,
      method: 'patch',
      path: '/users/{id}',
      summary: 'Change an account: name, organization, role, governorates, password, or disable it (its sessions end)',
      request: {
        params: z.object({ id: pathId('id', 2 ** 31 - 1) }),
        body: jsonBody(AccountChange),
      },
      responses: {
        200: { description: 'Saved', content: json(UserOut) },
        400: { description: 'Invalid change, or a role that does not fit the organization (donors, and only donors, belong to donors and partners)' },
        404: { description: 'No such account' },
        409: { description: 'An admin changing their own role or disabling themselves, or taking the last active admin away' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const hash = body.password ? await hashPassword(body.password) : undefined;
      const user = await withActor(c.var.db, c.var.user.userId, (tx) => changeUser(tx, id, c.var.user.userId, body, hash));
      c.var.sessions.forgetUser(id); // its role, governorates or organization apply from the next request
      return c.json(user, 200);
    },
  )
  .openapi(
    createRoute({
      ...ADMIN,
      method: 'post',
      path: '/organizations',
      summary: 'Create an organization (ministry, governorate office, donor, partner)',
      request: { body: jsonBody(NewOrganization) },
      responses: { 201: { description: 'Created' }, 409: { description: 'Slug taken' } },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await withActor(c.var.db, c.var.user.userId, (tx) => createOrganization(tx, body)), 201);
    },
  )
  .openapi(
    createRoute({
      ...ADMIN,
      method: 'patch',
      path: '/organizations/{slug}',
      summary: 'Rename an organization or change its country (its kind and slug stay)',
      request: {
        params: z.object({ slug: organizationSlug.meta({ param: { name: 'slug', in: 'path' } }) }),
        body: jsonBody(OrganizationChange),
      },
      responses: { 200: { description: 'Saved', content: json(SavedOrganization) }, 404: { description: 'No such organization' } },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await withActor(c.var.db, c.var.user.userId, (tx) => changeOrganization(tx, slug, body)), 200);
    },
  );
