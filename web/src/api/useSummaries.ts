import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { fetchCountrySummaries, fetchGovernorateDetail, fetchGovernorateSummaries, fetchGovernorateTimeline } from './summaries.ts';

/** Summaries change when data is written; a minute is fresh enough for a dashboard. */
const SUMMARY_STALE_MS = 60_000;

const countrySummaries = (query: string) => ({
  queryKey: ['summaries', 'countries', query],
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchCountrySummaries(query, signal),
  staleTime: SUMMARY_STALE_MS,
});

const governorateSummaries = (query: string) => ({
  queryKey: ['summaries', 'governorates', query],
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchGovernorateSummaries(query, signal),
  staleTime: SUMMARY_STALE_MS,
});

/** National totals under the filters (`query` from `filterQuery`). */
export function useCountrySummaries(query: string) {
  return useQuery({ ...countrySummaries(query), placeholderData: keepPreviousData });
}

/** One summary per governorate under the filters: the choropleth's data. */
export function useGovernorateSummaries(query: string) {
  return useQuery({ ...governorateSummaries(query), placeholderData: keepPreviousData });
}

/**
 * Asks for the first view's summaries (the choropleth and the national totals) as the page
 * starts, before React has drawn anything: the map, created first, takes the main thread for a
 * while, and the hooks above would only ask after it.
 */
export function prefetchFirstViewSummaries(client: QueryClient, query: string): void {
  void client.prefetchQuery(countrySummaries(query));
  void client.prefetchQuery(governorateSummaries(query));
}

export function useGovernorateDetail(code: string, query: string) {
  return useQuery({
    queryKey: ['summaries', 'governorate', code, query],
    queryFn: ({ signal }) => fetchGovernorateDetail(code, query, signal),
    staleTime: SUMMARY_STALE_MS,
  });
}

export function useGovernorateTimeline(code: string, query: string) {
  return useQuery({
    queryKey: ['summaries', 'timeline', code, query],
    queryFn: ({ signal }) => fetchGovernorateTimeline(code, query, signal),
    staleTime: SUMMARY_STALE_MS,
  });
}
