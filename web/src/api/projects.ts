import type { Geometry } from 'geojson';
import type { ProgressReport as ProgressReportListing, ProjectSummary as ProjectSummaryRow } from '@marsad/contracts';
import { guarded, request, withQuery } from './http.ts';
import { hasFields, isRecord } from './isRecord.ts';

/** One project in a list (the API's own row type, without the geometry lists leave out). */
export type ProjectSummary = Omit<ProjectSummaryRow, 'geometry'>;

export interface ProjectPage {
  total: number;
  limit: number;
  offset: number;
  items: ProjectSummary[];
}

export interface Funding {
  organization: string;
  kind: string;
  name_en: string;
  name_ar: string;
  amount: number;
  currency: string;
}

/** One report of a project's progress history (its photos come from `GET …/progress`). */
export type ProgressUpdate = Omit<ProgressReportListing, 'photos'>;

export interface ZoneFacts {
  development: string | null;
  area_ha: number | null;
  plots_total: number;
  plots_allocated: number;
  plots_in_production: number;
  utilities: { water: number | null; electricity: number | null; roads: number | null; sewage: number | null };
}

export interface ProjectDetail extends ProjectSummary {
  description_ar: string | null;
  description_en: string | null;
  geometry: Geometry;
  funding: Funding[];
  progress: ProgressUpdate[];
  zone: ZoneFacts | null;
  /** Changes with every write; a progress report names the version it is based on. */
  version: number;
}

/** One entry of a project's audit log: who changed which table, from what to what. */
export interface HistoryEntry {
  at: string;
  actor: string | null;
  action: 'insert' | 'update' | 'delete' | 'bulk_load';
  table: string;
  from: Record<string, unknown> | null;
  to: Record<string, unknown> | null;
}

/** How the project list can be sorted (a subset of the API's `sort`). */
export const PROJECT_SORTS = ['-delay', 'progress', '-budget', 'planned_end', 'last_update'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];


function isProjectSummary(value: unknown): value is ProjectSummary {
  return hasFields(value, { id: 'number', code: 'string', title_ar: 'string', status: 'string', delay_days: 'number' });
}

export function isProjectPage(body: unknown): body is ProjectPage {
  return isRecord(body) && typeof body.total === 'number' && Array.isArray(body.items) && body.items.every(isProjectSummary);
}

export function isProjectDetail(body: unknown): body is ProjectDetail {
  return (
    isRecord(body) &&
    Array.isArray(body.funding) &&
    Array.isArray(body.progress) &&
    (body.zone === null || isRecord(body.zone)) &&
    typeof body.version === 'number' &&
    isProjectSummary(body)
  );
}

export function fetchProjectPage(query: string, signal?: AbortSignal): Promise<ProjectPage> {
  return request(withQuery('/api/projects', query), { schema: guarded(isProjectPage), signal });
}

export function fetchProject(id: number, signal?: AbortSignal): Promise<ProjectDetail> {
  return request(`/api/projects/${id}`, { schema: guarded(isProjectDetail), signal });
}

function isHistory(body: unknown): body is { items: HistoryEntry[] } {
  return (
    isRecord(body) &&
    Array.isArray(body.items) &&
    body.items.every((e) => isRecord(e) && typeof e.at === 'string' && typeof e.table === 'string' && typeof e.action === 'string')
  );
}

export function fetchProjectHistory(id: number, signal?: AbortSignal): Promise<{ items: HistoryEntry[] }> {
  return request(`/api/projects/${id}/history`, { schema: guarded(isHistory), signal });
}
