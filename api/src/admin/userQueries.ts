import { ownAccountProblem, roleOrganizationProblem, type AccountChange, type AdminUser, type OrganizationOfAccount, type Role } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { conflict, invalidParameter, notFound } from '../http/problems.ts';
import { organizationOf } from './organizationQueries.ts';

/** The SQL of accounts (users, their governorates, their sessions), each inside the admin's transaction. */

const USER_SELECT = `
  select u.id, u.email, u.display_name, u.role, o.slug as organization, u.disabled_at is not null as disabled,
         array(select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id
                where ua.user_id = u.id order by a.code) as governorates
    from users u join organizations o on o.id = u.organization_id`;

export function listUsers(db: Queryable): Promise<AdminUser[]> {
  return db.query<AdminUser>(`${USER_SELECT} order by u.email`);
}

async function findUser(tx: Queryable, id: number): Promise<AdminUser> {
  return (await tx.query<AdminUser>(`${USER_SELECT} where u.id = $1`, [id]))[0]!;
}

/** 400 naming `parameter` when `role` may not belong to `organization` (see roleOrganizationProblem). */
function assertRoleFitsOrganization(role: Role, organization: OrganizationOfAccount, parameter: 'role' | 'organization'): void {
  const message = roleOrganizationProblem(role, organization);
  if (message) throw invalidParameter(parameter, message);
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
    throw conflict(`Account ${id} is the last active admin: make another account admin first, or nobody could manage accounts`);
  }
}

async function setGovernorates(tx: Queryable, userId: number, codes: string[]): Promise<void> {
  const [unknown] = await tx.query<{ codes: string[] }>(
    'select array(select unnest($1::text[]) except select code from admin_areas) as codes',
    [codes],
  );
  if (unknown?.codes.length) {
    throw invalidParameter('governorates', `unknown: ${unknown.codes.join(', ')}`, { detail: `governorates: unknown ${unknown.codes.join(', ')}` });
  }
  await tx.query('delete from user_admin_areas where user_id = $1', [userId]);
  await tx.query(
    'insert into user_admin_areas (user_id, admin_area_id) select $1, id from admin_areas where code = any($2::text[])',
    [userId, codes],
  );
}

/** A new account in an organization its role fits, with its governorates. */
export async function createUser(
  tx: Queryable,
  account: { email: string; display_name: string; role: Role; organization: string; governorates: string[] },
  passwordHash: string,
): Promise<AdminUser> {
  const org = await organizationOf(tx, account.organization);
  assertRoleFitsOrganization(account.role, org, 'organization');
  const [created] = await tx.query<{ id: number }>(
    `insert into users (organization_id, email, display_name, role, password_hash) values ($1, $2, $3, $4, $5) returning id`,
    [org.id, account.email, account.display_name, account.role, passwordHash],
  );
  await setGovernorates(tx, created!.id, account.governorates);
  return findUser(tx, created!.id);
}

/**
 * Changes account `id` as `actorId` asks: never their own role or their own account's
 * disabling, never the last active admin away; a disabled account or a new password ends its sessions.
 */
export async function changeUser(tx: Queryable, id: number, actorId: number, change: AccountChange, passwordHash: string | undefined): Promise<AdminUser> {
  const mayTakeAnAdminAway = (change.role !== undefined && change.role !== 'admin') || change.disabled === true;
  if (mayTakeAnAdminAway) await lockActiveAdmins(tx);
  const [exists] = await tx.query('select 1 from users where id = $1 for update', [id]);
  if (!exists) throw notFound(`No account ${id}`);
  const own = id === actorId ? ownAccountProblem(change) : undefined;
  if (own) throw conflict(`${own.parameter}: ${own.message}`, { errors: [own] });
  if (change.organization !== undefined) {
    await tx.query('update users set organization_id = $2 where id = $1', [id, (await organizationOf(tx, change.organization)).id]);
  }
  await tx.query(
    `update users set display_name = coalesce($2, display_name), role = coalesce($3, role),
                      password_hash = coalesce($4, password_hash),
                      disabled_at = case when $5::boolean is null then disabled_at when $5 then coalesce(disabled_at, now()) else null end
      where id = $1`,
    [id, change.display_name ?? null, change.role ?? null, passwordHash ?? null, change.disabled ?? null],
  );
  if (change.governorates) await setGovernorates(tx, id, change.governorates);
  // Checked on the account as changed: role and organization may change together.
  const [after] = await tx.query<OrganizationOfAccount & { role: Role }>(
    'select u.role, o.slug, o.kind from users u join organizations o on o.id = u.organization_id where u.id = $1',
    [id],
  );
  assertRoleFitsOrganization(after!.role, after!, change.organization !== undefined ? 'organization' : 'role');
  if (mayTakeAnAdminAway) await assertAnActiveAdminRemains(tx, id);
  if (change.disabled || passwordHash) await tx.query('delete from sessions where user_id = $1', [id]);
  return findUser(tx, id);
}
