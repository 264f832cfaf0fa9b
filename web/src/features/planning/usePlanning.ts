import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchIndicators, fetchPlan, fetchPlanList, fetchReturns, fetchReturnStatus, fetchVersionTargets } from './planningApi.ts';

/** Everything this screen reads sits under this key, so one invalidation reads it all again. */
export const PLANNING_KEY = 'planning';

/** The indicator catalogue: public vocabulary, unchanged while the page is open but for an admin's addition. */
export function useIndicators() {
  return useQuery({ queryKey: [PLANNING_KEY, 'indicators'], queryFn: ({ signal }) => fetchIndicators(signal), staleTime: 5 * 60_000 });
}

/**
 * The plan of a country-year (`null`: there is none yet). The country's list says first whether
 * it exists, so that a year without a plan costs no 404 (which the browser logs as an error).
 */
export function usePlan(country: string, year: number) {
  const list = useQuery({ queryKey: [PLANNING_KEY, 'plans', country], queryFn: ({ signal }) => fetchPlanList(country, signal) });
  const exists = list.data?.items.some((p) => p.year === year) ?? false;
  const plan = useQuery({
    queryKey: [PLANNING_KEY, 'plan', country, year],
    queryFn: ({ signal }) => fetchPlan(country, year, signal),
    enabled: exists,
  });
  if (list.data !== undefined && !exists) return { data: null, error: null, isPending: false } as const;
  if (list.error !== null) return { data: undefined, error: list.error, isPending: false } as const;
  return { data: plan.data, error: plan.error, isPending: plan.isPending } as const;
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
