import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCountrySummaries, fetchGovernorateDetail, fetchGovernorateSummaries, fetchGovernorateTimeline } from './summaries.ts';

/** Summaries change when data is written; a minute is fresh enough for a dashboard. */
const SUMMARY_OPTIONS = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

/** National totals under the filters (`query` from `filterQuery`). */
export function useCountrySummaries(query: string) {
  return useQuery({
    queryKey: ['summaries', 'countries', query],
    queryFn: ({ signal }) => fetchCountrySummaries(query, signal),
    ...SUMMARY_OPTIONS,
  });
}

/** One summary per governorate under the filters: the choropleth's data. */
export function useGovernorateSummaries(query: string) {
  return useQuery({
    queryKey: ['summaries', 'governorates', query],
    queryFn: ({ signal }) => fetchGovernorateSummaries(query, signal),
    ...SUMMARY_OPTIONS,
  });
}

export function useGovernorateDetail(code: string, query: string) {
  return useQuery({
    queryKey: ['summaries', 'governorate', code, query],
    queryFn: ({ signal }) => fetchGovernorateDetail(code, query, signal),
    staleTime: SUMMARY_OPTIONS.staleTime,
  });
}

export function useGovernorateTimeline(code: string, query: string) {
  return useQuery({
    queryKey: ['summaries', 'timeline', code, query],
    queryFn: ({ signal }) => fetchGovernorateTimeline(code, query, signal),
    staleTime: SUMMARY_OPTIONS.staleTime,
  });
}
