import { HistoryList, ProjectDetail, ProjectPage } from '@marsad/contracts';
import { request, withQuery } from './http.ts';

export type { Funding, HistoryEntry, HistoryList, ProjectDetail, ProjectPage, ProjectSummary, ZoneFacts } from '@marsad/contracts';

/** How the project list can be sorted (a subset of the API's `sort`). */
export const PROJECT_SORTS = ['-delay', 'progress', '-budget', 'planned_end', 'last_update'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** `GET /api/projects/{id}`: the address of one project (the page reads it there, offline too). */
export const projectUrl = (id: number): string => `/api/projects/${id}`;

/** `GET /api/projects/{id}/history`. */
export const projectHistoryUrl = (id: number): string => `${projectUrl(id)}/history`;

/** `GET /api/projects?…`: the address of a page of projects under `query`. */
export const projectPageUrl = (query: string): string => withQuery('/api/projects', query);

export function fetchProjectPage(query: string, signal?: AbortSignal): Promise<ProjectPage> {
  return request(projectPageUrl(query), { schema: ProjectPage, signal });
}

export function fetchProject(id: number, signal?: AbortSignal): Promise<ProjectDetail> {
  return request(projectUrl(id), { schema: ProjectDetail, signal });
}

export function fetchProjectHistory(id: number, signal?: AbortSignal): Promise<HistoryList> {
  return request(projectHistoryUrl(id), { schema: HistoryList, signal });
}
