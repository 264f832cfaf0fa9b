import { guarded, request } from '../../api/http.ts';

/** An organization a project is shared with (`GET /api/projects/{id}/shares`). */
export interface ProjectShare {
  organization: string;
  name_ar: string;
  name_en: string;
  kind: string;
  shared_at: string;
  shared_by: string | null;
}

function isShareList(body: unknown): body is { items: ProjectShare[] } {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { items?: unknown }).items) &&
    (body as { items: unknown[] }).items.every((i) => typeof i === 'object' && i !== null && typeof (i as ProjectShare).organization === 'string')
  );
}

export async function fetchProjectShares(id: number, signal?: AbortSignal): Promise<ProjectShare[]> {
  return (await request(`/api/projects/${id}/shares`, { schema: guarded(isShareList), signal })).items;
}

/** Shares a project with an organization, or stops sharing it. */
export async function setProjectShared(id: number, organization: string, shared: boolean, csrfToken: string): Promise<void> {
  await request(`/api/projects/${id}/shares/${encodeURIComponent(organization)}`, { method: shared ? 'PUT' : 'DELETE', csrfToken });
}
