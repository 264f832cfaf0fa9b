import { createRoute, z } from '@hono/zod-openapi';
import { withActor, type Queryable } from '@marsad/db';
import { LIMITS, ORGANIZATION_KINDS, ORGANIZATION_SLUG, ownAccountProblem, ROLES, roleOrganizationProblem, type OrganizationKind } from '../access/accountRules.ts';
import type { Role, Viewer } from '../access/Viewer.ts';
import { hashPassword } from '../auth/passwords.ts';
import { ProblemError } from '../http/problem.ts';
import { pathId } from '../http/pathId.ts';
import { createRouter } from '../http/router.ts';


const UserOut = z
  .object({
    id: z.number().int(),
    email: z.string(),
    display_name: z.string(),
    role: z.enum(ROLES),
    organization: z.string(),
    governorates: z.array(z.string()),
    disabled: z.boolean(),
  })
  .openapi('AdminUser');

const password = z.string().min(LIMITS.password.min, `must be at least ${LIMITS.password.min} characters`).max(LIMITS.password.max);

const NewUser = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address').max(320),
  display_name: z.string().trim().min(LIMITS.displayName.min).max(LIMITS.displayName.max),
  role: z.enum(ROLES),
  organization: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an organization slug'),
  governorates: z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be ISO 3166-2 codes')).default([]),
  password,
});

const UserChange = z.object({
  display_name: z.string().trim().min(LIMITS.displayName.min).max(LIMITS.displayName.max).optional(),
  organization: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an organization slug').optional(),
  role: z.enum(ROLES).optional(),
  governorates: z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be ISO 3166-2 codes')).optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

const OrganizationChange = z.object({
  name_en: z.string().trim().min(LIMITS.organizationName.min).max(LIMITS.organizationName.max).optional(),
  name_ar: z.string().trim().min(LIMITS.organizationName.min).max(LIMITS.organizationName.max).optional(),
  country: z.string().regex(/^[A-Z]{3}$/).nullable().optional(),
});

const NewOrganization = z.object({
  slug: z.string().regex(ORGANIZATION_SLUG, 'must be lowercase letters, digits and dashes'),
  kind: z.enum(ORGANIZATION_KINDS),
  name_en: z.string().trim().min(LIMITS.organizationName.min).max(LIMITS.organizationName.max),
  name_ar: z.string().trim().min(LIMITS.organizationName.min).max(LIMITS.organizationName.max),
  country: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
});

/** Account management is for admins only. */
function requireAdmin(viewer: Viewer): number {
  if (viewer.kind === 'anonymous') throw new ProblemError(401, 'Unauthorized', 'Sign in as an admin');
  if (viewer.role !== 'admin') throw new ProblemError(403, 'Forbidden', 'Only admins manage accounts and organizations');
  return viewer.userId;
}

const USER_SELECT = `
  select u.id, u.email, u.display_name, u.role, o.slug as organization, u.disabled_at is not null as disabled,
         array(select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id
                where ua.user_id = u.id order by a.code) as governorates
    from users u join organizations o on o.id = u.organization_id`;

async function organizationOf(tx: Queryable, slug: string): Promise<OrganizationKind & { id: number }> {
  const [org] = await tx.query<OrganizationKind & { id: number }>('select id, slug, kind from organizations where slug = $1', [slug]);
  if (!org) {
    throw new ProblemError(400, 'Invalid request', `organization: unknown ${slug}`, {
      errors: [{ parameter: 'organization', message: 'unknown organization' }],
    });
  }
  return org;
}

/** 400 naming `parameter` when `role` may not belong to `organization` (see accountRules.ts). */
function assertRoleFitsOrganization(role: Role, organization: OrganizationKind, parameter: 'role' | 'organization'): void {
  const message = roleOrganizationProblem(role, organization);
  if (message) throw new ProblemError(400, 'Invalid request', `${parameter}: ${message}`, { errors: [{ parameter, message }] });
}

/**
 * Locks the active admins' rows, in id order, before a change that may take an admin away: two
 * admins demoting each other at once then run one after the other, and the second sees the first.
 */
async function lockActiveAdmins(tx: Queryable): Promise<void> {
  await tx.query(`select id from users where role = 'admin' and disabled_at is null order by id for update`);
}

async function assertAnActiveAdminRemains(tx: Queryable, id: number): Promise<void> {
  const [left] = await tx.query<{ n: number }>(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
  if (left!.n === 0) {
    throw new ProblemError(409, 'Conflict', `Account ${id} is the last active admin: make another account admin first, or nobody could manage accounts`);
  }
}

async function setGovernorates(tx: Queryable, userId: number, codes: string[]): Promise<void> {
  const [unknown] = await tx.query<{ codes: string[] }>(
    'select array(select unnest($1::text[]) except select code from admin_areas) as codes',
    [codes],
  );
  if (unknown?.codes.length) {
    throw new ProblemError(400, 'Invalid request', `governorates: unknown ${unknown.codes.join(', ')}`, {
      errors: [{ parameter: 'governorates', message: `unknown: ${unknown.codes.join(', ')}` }],
    });
  }
  await tx.query('delete from user_admin_areas where user_id = $1', [userId]);
  await tx.query(
    'insert into user_admin_areas (user_id, admin_area_id) select $1, id from admin_areas where code = any($2::text[])',
    [userId, codes],
  );
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const admin = createRouter()
  .openapi(
    createRoute({ method: 'get', path: '/users', tags: ['Admin'], summary: 'All accounts', responses: { 200: { description: 'Accounts', content: json(z.object({ items: z.array(UserOut) })) } } }),
    async (c) => {
      requireAdmin(c.var.viewer);
      return c.json({ items: await c.var.db.query<z.infer<typeof UserOut>>(`${USER_SELECT} order by u.email`) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['Admin'],
      summary: 'Create an account',
      request: { body: { required: true, content: json(NewUser) } },
      responses: {
        201: { description: 'Created', content: json(UserOut) },
        400: { description: 'Invalid account, or a role that does not fit the organization (donors, and only donors, belong to donors and partners)' },
        409: { description: 'Email taken' },
      },
    }),
    async (c) => {
      const actor = requireAdmin(c.var.viewer);
      const body = c.req.valid('json');
      const hash = await hashPassword(body.password);
      const user = await withActor(c.var.db, actor, async (tx) => {
        const org = await organizationOf(tx, body.organization);
        assertRoleFitsOrganization(body.role, org, 'organization');
        const [created] = await tx.query<{ id: number }>(
          `insert into users (organization_id, email, display_name, role, password_hash) values ($1, $2, $3, $4, $5) returning id`,
          [org.id, body.email, body.display_name, body.role, hash],
        );
        await setGovernorates(tx, created!.id, body.governorates);
        return (await tx.query<z.infer<typeof UserOut>>(`${USER_SELECT} where u.id = $1`, [created!.id]))[0]!;
      });
      c.var.dataVersion.bump(); // names of users and organizations show in project answers
      return c.json(user, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags: ['Admin'],
      summary: 'Change an account: name, organization, role, governorates, password, or disable it (its sessions end)',
      request: {
        params: z.object({ id: pathId('id', 2 ** 31 - 1) }),
        body: { required: true, content: json(UserChange) },
      },
      responses: {
        200: { description: 'Saved', content: json(UserOut) },
        400: { description: 'Invalid change, or a role that does not fit the organization (donors, and only donors, belong to donors and partners)' },
        404: { description: 'No such account' },
        409: { description: 'An admin changing their own role or disabling themselves, or taking the last active admin away' },
      },
    }),
    async (c) => {
      const actor = requireAdmin(c.var.viewer);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const hash = body.password ? await hashPassword(body.password) : undefined;
      const mayTakeAnAdminAway = (body.role !== undefined && body.role !== 'admin') || body.disabled === true;
      const user = await withActor(c.var.db, actor, async (tx) => {
        if (mayTakeAnAdminAway) await lockActiveAdmins(tx);
        const [exists] = await tx.query('select 1 from users where id = $1 for update', [id]);
        if (!exists) throw new ProblemError(404, 'Not Found', `No account ${id}`);
        const own = id === actor ? ownAccountProblem(body) : undefined;
        if (own) throw new ProblemError(409, 'Conflict', `${own.parameter}: ${own.message}`, { errors: [own] });
        if (body.organization !== undefined) {
          await tx.query('update users set organization_id = $2 where id = $1', [id, (await organizationOf(tx, body.organization)).id]);
        }
        await tx.query(
          `update users set display_name = coalesce($2, display_name), role = coalesce($3, role),
                            password_hash = coalesce($4, password_hash),
                            disabled_at = case when $5::boolean is null then disabled_at when $5 then coalesce(disabled_at, now()) else null end
            where id = $1`,
          [id, body.display_name ?? null, body.role ?? null, hash ?? null, body.disabled ?? null],
        );
        if (body.governorates) await setGovernorates(tx, id, body.governorates);
        // Checked on the account as changed: role and organization may change together.
        const [after] = await tx.query<OrganizationKind & { role: Role }>(
          'select u.role, o.slug, o.kind from users u join organizations o on o.id = u.organization_id where u.id = $1',
          [id],
        );
        assertRoleFitsOrganization(after!.role, after!, body.organization !== undefined ? 'organization' : 'role');
        if (mayTakeAnAdminAway) await assertAnActiveAdminRemains(tx, id);
        if (body.disabled || hash) await tx.query('delete from sessions where user_id = $1', [id]);
        return (await tx.query<z.infer<typeof UserOut>>(`${USER_SELECT} where u.id = $1`, [id]))[0]!;
      });
      c.var.sessions.forgetUser(id); // its role, governorates or organization apply from the next request
      c.var.dataVersion.bump(); // names of users and organizations show in project answers
      return c.json(user, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organizations',
      tags: ['Admin'],
      summary: 'Create an organization (ministry, governorate office, donor, partner)',
      request: { body: { required: true, content: json(NewOrganization) } },
      responses: { 201: { description: 'Created' }, 409: { description: 'Slug taken' } },
    }),
    async (c) => {
      const actor = requireAdmin(c.var.viewer);
      const body = c.req.valid('json');
      const [created] = await withActor(c.var.db, actor, (tx) =>
        tx.query<{ slug: string }>(
          `insert into organizations (slug, kind, name_en, name_ar, country_iso3) values ($1, $2, $3, $4, $5) returning slug`,
          [body.slug, body.kind, body.name_en, body.name_ar, body.country],
        ),
      );
      c.var.dataVersion.bump(); // names of users and organizations show in project answers
      return c.json({ slug: created!.slug }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/organizations/{slug}',
      tags: ['Admin'],
      summary: 'Rename an organization or change its country (its kind and slug stay)',
      request: {
        params: z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an organization slug').openapi({ param: { name: 'slug', in: 'path' } }) }),
        body: { required: true, content: json(OrganizationChange) },
      },
      responses: { 200: { description: 'Saved' }, 404: { description: 'No such organization' } },
    }),
    async (c) => {
      const actor = requireAdmin(c.var.viewer);
      const { slug } = c.req.valid('param');
      const body = c.req.valid('json');
      const [saved] = await withActor(c.var.db, actor, (tx) =>
        tx.query<{ slug: string; kind: string; name_en: string; name_ar: string; country: string | null }>(
          `update organizations
              set name_en = coalesce($2, name_en), name_ar = coalesce($3, name_ar),
                  country_iso3 = case when $5 then $4 else country_iso3 end
            where slug = $1
        returning slug, kind, name_en, name_ar, country_iso3 as country`,
          [slug, body.name_en ?? null, body.name_ar ?? null, body.country ?? null, body.country !== undefined],
        ),
      );
      if (!saved) throw new ProblemError(404, 'Not Found', `No organization ${slug}`);
      c.var.dataVersion.bump(); // names of users and organizations show in project answers
      return c.json(saved, 200);
    },
  );
