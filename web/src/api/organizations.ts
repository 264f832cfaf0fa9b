import { guarded, request } from './http.ts';
import { hasFields } from './isRecord.ts';

/** One organization in `GET /api/organizations` (api/src/routes/organizations.ts). */
export interface Organization {
  slug: string;
  kind: 'ministry' | 'governorate_office' | 'donor' | 'partner';
  name_en: string;
  name_ar: string;
  country: string | null;
  /** Projects it funds that the caller may see. */
  funded_projects: number;
}

export interface OrganizationList {
  items: Organization[];
}

function isOrganization(value: unknown): value is Organization {
  return hasFields(value, { slug: 'string', kind: 'string', name_en: 'string', name_ar: 'string', funded_projects: 'number' });
}

export function isOrganizationList(body: unknown): body is OrganizationList {
  return typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items) && body.items.every(isOrganization);
}

export function fetchDonors(signal?: AbortSignal): Promise<OrganizationList> {
  return request('/api/organizations?kind=donor', { schema: guarded(isOrganizationList), signal });
}

/** Every organization (ministries, offices, donors, partners): the funders a project may have. */
export function fetchOrganizations(signal?: AbortSignal): Promise<OrganizationList> {
  return request('/api/organizations', { schema: guarded(isOrganizationList), signal });
}
