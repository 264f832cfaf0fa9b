import { ORGANIZATION_KINDS as API_ORGANIZATION_KINDS } from '@marsad/contracts';
import { guarded, request } from '../../api/http.ts';
import { isRecord } from '../../api/isRecord.ts';
import type { Organization } from '../../api/organizations.ts';
import { ROLES, type Role, type SessionUser } from '../account/session.ts';

/** One account in `GET /api/admin/users` (api/src/routes/admin.ts): a user as a session knows it, and whether it is disabled. */
export interface AdminUser extends SessionUser {
  disabled: boolean;
}

/** `POST /api/admin/users`. */
export interface NewAccount {
  email: string;
  display_name: string;
  role: Role;
  organization: string;
  governorates: string[];
  password: string;
}

/** `PATCH /api/admin/users/{id}`: only what changes. */
export interface AccountChange {
  display_name?: string;
  /** The slug of the organization the account moves to. */
  organization?: string;
  role?: Role;
  governorates?: string[];
  disabled?: boolean;
  password?: string;
}

export type OrganizationKind = Organization['kind'];
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = API_ORGANIZATION_KINDS;

/** `POST /api/admin/organizations`. */
export interface NewOrganization {
  slug: string;
  kind: OrganizationKind;
  name_en: string;
  name_ar: string;
  /** ISO 3166-1 alpha-3; `null` for international bodies. */
  country: string | null;
}

/** `PATCH /api/admin/organizations/{slug}`: only what changes. The slug and the kind never change. */
export interface OrganizationChange {
  name_en?: string;
  name_ar?: string;
  /** ISO 3166-1 alpha-3; `null` for international bodies. */
  country?: string | null;
}

/** What `PATCH /api/admin/organizations/{slug}` answers: the organization as stored now. */
export type SavedOrganization = NewOrganization;

export function isAdminUser(value: unknown): value is AdminUser {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    typeof value.email === 'string' &&
    typeof value.display_name === 'string' &&
    (ROLES as readonly unknown[]).includes(value.role) &&
    typeof value.organization === 'string' &&
    Array.isArray(value.governorates) &&
    value.governorates.every((g) => typeof g === 'string') &&
    typeof value.disabled === 'boolean'
  );
}

export function isSavedOrganization(value: unknown): value is SavedOrganization {
  return (
    isRecord(value) &&
    typeof value.slug === 'string' &&
    (ORGANIZATION_KINDS as readonly unknown[]).includes(value.kind) &&
    typeof value.name_en === 'string' &&
    typeof value.name_ar === 'string' &&
    (value.country === null || typeof value.country === 'string')
  );
}

export function isAdminUserList(body: unknown): body is { items: AdminUser[] } {
  return isRecord(body) && Array.isArray(body.items) && body.items.every(isAdminUser);
}

const USERS_URL = '/api/admin/users';
const ORGANIZATIONS_URL = '/api/admin/organizations';

export function fetchAccounts(signal?: AbortSignal): Promise<{ items: AdminUser[] }> {
  return request(USERS_URL, { schema: guarded(isAdminUserList), signal });
}

export async function createAccount(account: NewAccount, csrfToken: string | null): Promise<AdminUser> {
  return request(USERS_URL, { method: 'POST', body: account, csrfToken, schema: guarded(isAdminUser) });
}

export async function changeAccount(id: number, change: AccountChange, csrfToken: string | null): Promise<AdminUser> {
  return request(`${USERS_URL}/${id}`, { method: 'PATCH', body: change, csrfToken, schema: guarded(isAdminUser) });
}

export async function createOrganization(organization: NewOrganization, csrfToken: string | null): Promise<void> {
  await request(ORGANIZATIONS_URL, { method: 'POST', body: organization, csrfToken });
}

export async function changeOrganization(slug: string, change: OrganizationChange, csrfToken: string | null): Promise<SavedOrganization> {
  return request(`${ORGANIZATIONS_URL}/${encodeURIComponent(slug)}`, { method: 'PATCH', body: change, csrfToken, schema: guarded(isSavedOrganization) });
}
