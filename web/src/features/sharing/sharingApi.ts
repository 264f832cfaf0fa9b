import { ProjectShareList, type ProjectShare } from '@marsad/contracts';
import { request } from '../../api/http.ts';

/** An organization a project is shared with (`GET /api/projects/{id}/shares`). */
export type { ProjectShare };

/** `GET /api/projects/{id}/shares`: where whom a project is shared with is read. */
export const projectSharesUrl = (id: number): string => `/api/projects/${id}/shares`;

export async function fetchProjectShares(id: number, signal?: AbortSignal): Promise<ProjectShare[]> {
  return (await request(projectSharesUrl(id), { schema: ProjectShareList, signal })).items;
}

/** Shares a project with an organization, or stops sharing it. */
export async function setProjectShared(id: number, organization: string, shared: boolean, csrfToken: string): Promise<void> {
  await request(`/api/projects/${id}/shares/${encodeURIComponent(organization)}`, { method: shared ? 'PUT' : 'DELETE', csrfToken });
}
