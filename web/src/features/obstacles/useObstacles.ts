import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { bumpDataVersion } from '../../api/dataVersion.ts';
import type { Language } from '../../i18n/language.ts';
import { fetchObstacleHistory, fetchObstacles, fetchResponsibleBodies, obstacleKeys } from './obstacleApi.ts';

/** A project's obstacles, every status (the section lists the active ones first). */
export function useProjectObstacles(projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: obstacleKeys.project(projectId),
    queryFn: ({ signal }) => fetchObstacles({ project: projectId }, signal),
    staleTime: 30_000,
    enabled,
  });
}

/** A governorate's active obstacles. */
export function useGovernorateObstacles(code: string, enabled: boolean) {
  return useQuery({
    queryKey: obstacleKeys.governorate(code),
    queryFn: ({ signal }) => fetchObstacles({ governorate: code, status: 'active' }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useObstacleHistory(id: number, version: number, language: Language) {
  return useQuery({
    // The version in the key: after a change the history is read again.
    queryKey: obstacleKeys.history(id, language, version),
    queryFn: ({ signal }) => fetchObstacleHistory(id, language, signal),
    staleTime: 60_000,
  });
}

/** The bodies a form may name, read when a form first needs them. */
export function useResponsibleBodies(country: string) {
  return useQuery({
    queryKey: obstacleKeys.bodies(country),
    queryFn: ({ signal }) => fetchResponsibleBodies(country, signal),
    staleTime: 10 * 60_000,
  });
}

/**
 * After an obstacle was raised, changed or escalated (or found changed by someone else): every
 * obstacle list and history is read again, the project's change log too, and the map's ring of
 * projects with critical obstacles (it follows the data version).
 */
export function useObstaclesChanged(projectId: number): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    bumpDataVersion();
    await Promise.all([client.invalidateQueries({ queryKey: obstacleKeys.all }), client.invalidateQueries({ queryKey: ['projects', 'history', projectId] })]);
  }, [client, projectId]);
}
