import {
  FIELD_OBSTACLE_LIMIT,
  CriticalProjectsCollection,
  Obstacle,
  ObstacleHistory,
  ObstaclePage,
  ResponsibleBodyList,
  type ObstacleChange,
  type ObstacleEscalation,
  type NewObstacle,
  type ObstacleFilters,
  type ObstacleHistoryEntry,
  type ResponsibleBody,
} from '@marsad/contracts';
import { request, withQuery } from '../../api/http.ts';
import type { Language } from '../../i18n/language.ts';

export type { CriticalProjectsCollection, Obstacle, ObstacleHistoryEntry, ObstaclePage, ResponsibleBody };

/** How many obstacles one list asks for: a project's all, a governorate's active ones to count (the field bundle's too). */
export const OBSTACLE_LIST_LIMIT = FIELD_OBSTACLE_LIMIT;

/** Query keys: everything about obstacles starts with `obstacles`, so one invalidation reaches it all. */
export const obstacleKeys = {
  all: ['obstacles'] as const,
  project: (id: number) => ['obstacles', 'project', id] as const,
  governorate: (code: string) => ['obstacles', 'governorate', code] as const,
  history: (id: number, language: Language, version: number) => ['obstacles', 'history', id, language, version] as const,
  bodies: (country: string) => ['obstacles', 'bodies', country] as const,
  critical: (version: number) => ['obstacles', 'critical', version] as const,
};

/** The address of the obstacles under `filters` (`GET /api/obstacles?…`). */
export function obstaclesUrl(filters: ObstacleFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query.set(key, String(value));
  query.set('limit', String(OBSTACLE_LIST_LIMIT));
  return withQuery('/api/obstacles', query.toString());
}

/** `GET /api/obstacles` under `filters` (most severe and oldest first). */
export function fetchObstacles(filters: ObstacleFilters, signal?: AbortSignal): Promise<ObstaclePage> {
  return request(obstaclesUrl(filters), { schema: ObstaclePage, signal });
}

export function fetchObstacle(id: number, signal?: AbortSignal): Promise<Obstacle> {
  return request(`/api/obstacles/${id}`, { schema: Obstacle, signal });
}

/**
 * An obstacle's history, newest first: raised, each change (field from → to), each escalation with
 * its reason; a responsible body is named in `language`.
 */
export async function fetchObstacleHistory(id: number, language: Language, signal?: AbortSignal): Promise<ObstacleHistoryEntry[]> {
  return (await request(`/api/obstacles/${id}/history?lang=${language}`, { schema: ObstacleHistory, signal })).items;
}

/** The bodies that may have to act in `country` (and the international ones). */
export async function fetchResponsibleBodies(country: string, signal?: AbortSignal): Promise<ResponsibleBody[]> {
  return (await request(withQuery('/api/responsible-bodies', `country=${encodeURIComponent(country)}`), { schema: ResponsibleBodyList, signal })).items;
}

/** Projects with an active critical obstacle, as points (empty for anonymous callers). */
export function fetchCriticalProjects(signal?: AbortSignal): Promise<CriticalProjectsCollection> {
  return request('/api/obstacles/critical-projects', { schema: CriticalProjectsCollection, signal });
}

export function raiseObstacle(body: NewObstacle, csrfToken: string): Promise<Obstacle> {
  return request('/api/obstacles', { method: 'POST', body, csrfToken, schema: Obstacle });
}

export function changeObstacle(id: number, body: ObstacleChange, csrfToken: string): Promise<Obstacle> {
  return request(`/api/obstacles/${id}`, { method: 'PATCH', body, csrfToken, schema: Obstacle });
}

export function escalateObstacle(id: number, body: ObstacleEscalation, csrfToken: string): Promise<Obstacle> {
  return request(`/api/obstacles/${id}/escalate`, { method: 'POST', body, csrfToken, schema: Obstacle });
}
