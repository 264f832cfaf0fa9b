import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { bumpDataVersion } from '../../api/dataVersion.ts';
import { fetchPlot, fetchPlots, fetchTimeline, fetchZone, searchInvestors } from './zoneApi.ts';

/** Every query of one zone starts with this key, so one change refetches them all. */
const zoneKey = (id: number) => ['zones', id] as const;

export function useZone(id: number) {
  return useQuery({ queryKey: [...zoneKey(id), 'detail'], queryFn: ({ signal }) => fetchZone(id, signal), staleTime: 60_000 });
}

/** The zone's plots under a filter (`query`); the previous list stays while the next loads. */
export function usePlots(id: number, query: string) {
  return useQuery({
    queryKey: [...zoneKey(id), 'plots', query],
    queryFn: ({ signal }) => fetchPlots(id, query, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One plot with its outline and history; `null` asks for nothing. */
export function usePlot(zone: number, plot: number | null) {
  return useQuery({
    queryKey: [...zoneKey(zone), 'plot', plot],
    queryFn: ({ signal }) => fetchPlot(zone, plot ?? 0, signal),
    enabled: plot !== null,
    staleTime: 60_000,
  });
}

export function useTimeline(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...zoneKey(id), 'timeline'],
    queryFn: ({ signal, pageParam }) => fetchTimeline(id, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (page) => page.next_offset ?? undefined,
    enabled,
    staleTime: 60_000,
  });
}

export function useInvestorSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['investors', 'search', q.trim()],
    queryFn: ({ signal }) => searchInvestors(q, signal),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** After a change to the zone: read the zone, its plots and timeline again, and ask for new tiles. */
export function useZoneChanged(id: number): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: zoneKey(id) });
    // The zone's project (its drawer, the zone facts), the national zone figures and the summaries move too.
    void client.invalidateQueries({ queryKey: ['projects'] });
    void client.invalidateQueries({ queryKey: ['summaries'] });
    void client.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'zones' && query.queryKey[1] !== id });
    bumpDataVersion();
  }, [client, id]);
}
