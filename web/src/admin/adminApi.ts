import { ORGANIZATION_KINDS as API_ORGANIZATION_KINDS } from '@marsad/contracts';
import { ApiError, fetchJson } from '../api/fetchJson.ts';
import { isOrganizationList, type Organization, type OrganizationList } from '../api/organizations.ts';
import { ROLES, sendJson, type Role, type SessionUser } from '../api/session.ts';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

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
  return fetchJson(USERS_URL, isAdminUserList, signal);
}

/** Every organization, of every kind (the public list: the admin API has no list of its own). */
export function fetchAllOrganizations(signal?: AbortSignal): Promise<OrganizationList> {
  return fetchJson('/api/organizations', isOrganizationList, signal);
}

function expectAccount(url: string, status: number, body: unknown): AdminUser {
  if (!isAdminUser(body)) throw new ApiError(url, status, `${url}: the answer does not have the expected shape`);
  return body;
}

export async function createAccount(account: NewAccount, csrfToken: string | null): Promise<AdminUser> {
  return expectAccount(USERS_URL, 201, await sendJson('POST', USERS_URL, account, csrfToken));
}

export async function changeAccount(id: number, change: AccountChange, csrfToken: string | null): Promise<AdminUser> {
  const url = `${USERS_URL}/${id}`;
  return expectAccount(url, 200, await sendJson('PATCH', url, change, csrfToken));
}

export async function createOrganization(organization: NewOrganization, csrfToken: string | null): Promise<void> {
  await sendJson('POST', ORGANIZATIONS_URL, organization, csrfToken);
}

export async function changeOrganization(slug: string, change: OrganizationChange, csrfToken: string | null): Promise<SavedOrganization> {
  const url = `${ORGANIZATIONS_URL}/${encodeURIComponent(slug)}`;
  const body = await sendJson('PATCH', url, change, csrfToken);
  if (!isSavedOrganization(body)) throw new ApiError(url, 200, `${url}: the answer does not have the expected shape`);
  return body;
}
