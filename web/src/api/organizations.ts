import { OrganizationList } from '@marsad/contracts';
import { request } from './http.ts';

export type { Organization, OrganizationList } from '@marsad/contracts';

export function fetchDonors(signal?: AbortSignal): Promise<OrganizationList> {
  return request('/api/organizations?kind=donor', { schema: OrganizationList, signal });
}

/** Every organization (ministries, offices, donors, partners): the funders a project may have. */
export function fetchOrganizations(signal?: AbortSignal): Promise<OrganizationList> {
  return request('/api/organizations', { schema: OrganizationList, signal });
}
