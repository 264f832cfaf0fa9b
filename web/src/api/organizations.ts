import { guarded, request } from './http.ts';

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
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.slug === 'string' &&
    typeof o.kind === 'string' &&
    typeof o.name_en === 'string' &&
    typeof o.name_ar === 'string' &&
    typeof o.funded_projects === 'number'
  );
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
