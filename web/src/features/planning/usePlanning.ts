import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchIndicators, fetchPlan, fetchReturns, fetchReturnStatus, fetchVersionTargets } from './planningApi.ts';

/** Everything this screen reads sits under this key, so one invalidation reads it all again. */
export const PLANNING_KEY = 'planning';

/** The indicator catalogue: public vocabulary, unchanged while the page is open but for an admin's addition. */
export function useIndicators() {
  return useQuery({ queryKey: [PLANNING_KEY, 'indicators'], queryFn: ({ signal }) => fetchIndicators(signal), staleTime: 5 * 60_000 });
}

/** The plan of a country-year (`null`: there is none yet). */
export function usePlan(country: string, year: number) {
  return useQuery({ queryKey: [PLANNING_KEY, 'plan', country, year], queryFn: ({ signal }) => fetchPlan(country, year, signal) });
}

/** One version's target lines; `null` asks for nothing. Targets of an approved or superseded version never change. */
export function useVersionTargets(country: string, year: number, version: number | null) {
  return useQuery({
    queryKey: [PLANNING_KEY, 'targets', country, year, version],
    queryFn: ({ signal }) => fetchVersionTargets(country, year, version ?? 0, signal),
    enabled: version !== null,
  });
}

export function useReturns(country: string | null, year: number, governorate?: string) {
  return useQuery({
    queryKey: [PLANNING_KEY, 'returns', country, year, governorate ?? null],
    queryFn: ({ signal }) => fetchReturns({ country: country ?? '', year, ...(governorate === undefined ? {} : { governorate }) }, signal),
    enabled: country !== null,
  });
}

export function useReturnStatus(country: string | null, year: number, governorate?: string) {
  return useQuery({
    queryKey: [PLANNING_KEY, 'status', country, year, governorate ?? null],
    queryFn: ({ signal }) => fetchReturnStatus({ country: country ?? '', year, ...(governorate === undefined ? {} : { governorate }) }, signal),
    enabled: country !== null,
  });
}

/** Reads this screen's data again after a change (or a conflict: someone else changed the plan). */
export function useRefreshPlanning() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [PLANNING_KEY] });
}
