import { OrganizationList } from '@marsad/contracts';
import { request } from './http.ts';

export type { Organization, OrganizationList } from '@marsad/contracts';

export function fetchDonors(signal?: AbortSignal): Promise<OrganizationList> {
  return request('/api/organizations?kind=donor', { schema: OrganizationList, signal });
}

/** `GET /api/organizations`: where every organization is read. */
export const ORGANIZATIONS_URL = '/api/organizations';

/** Every organization (ministries, offices, donors, partners): the funders a project may have. */
export function fetchOrganizations(signal?: AbortSignal): Promise<OrganizationList> {
  return request(ORGANIZATIONS_URL, { schema: OrganizationList, signal });
}
