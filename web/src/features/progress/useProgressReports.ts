import { useQuery } from '@tanstack/react-query';
import { fetchProgressReports } from './progressApi.ts';

/** A project's progress reports with their photos; every photo strip of one project shares this one request. */
export function useProgressReports(projectId: number) {
  return useQuery({
    queryKey: ['projects', 'progress', projectId],
    queryFn: ({ signal }) => fetchProgressReports(projectId, signal),
    staleTime: 60_000,
  });
}
