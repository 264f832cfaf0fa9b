import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchProject, fetchProjectHistory, fetchProjectPage } from './projects.ts';

/** A page of projects (`query` carries filters, sort, limit). */
export function useProjectPage(query: string) {
  return useQuery({
    queryKey: ['projects', 'page', query],
    queryFn: ({ signal }) => fetchProjectPage(query, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One project with funding, history and zone facts; `null` asks for nothing. */
export function useProject(id: number | null) {
  return useQuery({
    queryKey: ['projects', 'one', id],
    queryFn: ({ signal }) => fetchProject(id ?? 0, signal),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

/** A project's change history (audit log), newest first. */
export function useProjectHistory(id: number) {
  return useQuery({
    queryKey: ['projects', 'history', id],
    queryFn: ({ signal }) => fetchProjectHistory(id, signal),
    staleTime: 60_000,
  });
}
