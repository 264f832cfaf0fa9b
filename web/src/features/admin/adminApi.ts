import {
  AdminUser,
  AdminUserList,
  ORGANIZATION_KINDS as API_ORGANIZATION_KINDS,
  SavedOrganization,
  type AccountChange,
  type NewAccount as NewAccountInput,
  type NewOrganization,
  type OrganizationChange,
  type OrganizationKind,
} from '@marsad/contracts';
import { request } from '../../api/http.ts';

/** `POST /api/admin/users` as the page sends it: every field, governorates too (their default is for other clients). */
export type NewAccount = Required<NewAccountInput>;

export type { AccountChange, AdminUser, AdminUserList, NewOrganization, OrganizationChange, OrganizationKind, SavedOrganization };
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = API_ORGANIZATION_KINDS;

const USERS_URL = '/api/admin/users';
const ORGANIZATIONS_URL = '/api/admin/organizations';

export function fetchAccounts(signal?: AbortSignal): Promise<AdminUserList> {
  return request(USERS_URL, { schema: AdminUserList, signal });
}

export async function createAccount(account: NewAccount, csrfToken: string | null): Promise<AdminUser> {
  return request(USERS_URL, { method: 'POST', body: account, csrfToken, schema: AdminUser });
}

export async function changeAccount(id: number, change: AccountChange, csrfToken: string | null): Promise<AdminUser> {
  return request(`${USERS_URL}/${id}`, { method: 'PATCH', body: change, csrfToken, schema: AdminUser });
}

export async function createOrganization(organization: NewOrganization, csrfToken: string | null): Promise<void> {
  await request(ORGANIZATIONS_URL, { method: 'POST', body: organization, csrfToken });
}

export async function changeOrganization(slug: string, change: OrganizationChange, csrfToken: string | null): Promise<SavedOrganization> {
  return request(`${ORGANIZATIONS_URL}/${encodeURIComponent(slug)}`, { method: 'PATCH', body: change, csrfToken, schema: SavedOrganization });
}
