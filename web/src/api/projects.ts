import { HistoryList, ProjectDetail, ProjectPage } from '@marsad/contracts';
import { request, withQuery } from './http.ts';

export type { Funding, HistoryEntry, HistoryList, ProjectDetail, ProjectPage, ProjectSummary, ZoneFacts } from '@marsad/contracts';

/** How the project list can be sorted (a subset of the API's `sort`). */
export const PROJECT_SORTS = ['-delay', 'progress', '-budget', 'planned_end', 'last_update'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export function fetchProjectPage(query: string, signal?: AbortSignal): Promise<ProjectPage> {
  return request(withQuery('/api/projects', query), { schema: ProjectPage, signal });
}

export function fetchProject(id: number, signal?: AbortSignal): Promise<ProjectDetail> {
  return request(`/api/projects/${id}`, { schema: ProjectDetail, signal });
}

export function fetchProjectHistory(id: number, signal?: AbortSignal): Promise<HistoryList> {
  return request(`/api/projects/${id}/history`, { schema: HistoryList, signal });
}
