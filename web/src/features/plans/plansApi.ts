import { IndicatorList, IndicatorSeries, MatrixCellDetail, PlanList, PlanMatrix } from '@marsad/contracts';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { request, withQuery } from '../../api/http.ts';

export type { Indicator, IndicatorReturn, IndicatorSeries, MatrixCell, MatrixCellDetail, MatrixColumn, MatrixRow, PlanList, PlanMatrix } from '@marsad/contracts';

/**
 * The plans screen's and the map metric's calls: the plans a viewer may see in a country, a
 * plan's matrix, an indicator's month-by-month series and what one cell counts. Every answer is
 * parsed with the contract (contracts/src/plans.ts).
 */

/** Plans change with returns and project completions: a minute is fresh enough, as for summaries. */
const PLAN_OPTIONS = { staleTime: 60_000 } as const;

const planPath = (country: string, year: number) => `/api/plans/${encodeURIComponent(country)}/${year}`;

function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, value);
  return search.toString();
}

export function fetchPlanList(country: string, signal?: AbortSignal): Promise<PlanList> {
  return request(withQuery('/api/plans', query({ country })), { schema: PlanList, signal });
}

export function fetchIndicators(signal?: AbortSignal): Promise<IndicatorList> {
  return request('/api/indicators', { schema: IndicatorList, signal });
}

export function fetchMatrix(country: string, year: number, sector: string | null, signal?: AbortSignal): Promise<PlanMatrix> {
  return request(withQuery(`${planPath(country, year)}/matrix`, query({ sector })), { schema: PlanMatrix, signal });
}

/** The matrix as a file, under the same query as the screen. */
export function matrixExportUrl(country: string, year: number, sector: string | null, format: 'xlsx' | 'csv'): string {
  return withQuery(`${planPath(country, year)}/matrix.${format}`, query({ sector }));
}

export function fetchSeries(country: string, year: number, indicator: string, governorate: string | null, sector: string | null, signal?: AbortSignal): Promise<IndicatorSeries> {
  return request(withQuery(`${planPath(country, year)}/series/${encodeURIComponent(indicator)}`, query({ governorate, sector })), { schema: IndicatorSeries, signal });
}

export function fetchCellDetail(country: string, year: number, governorate: string, indicator: string, sector: string | null, signal?: AbortSignal): Promise<MatrixCellDetail> {
  return request(withQuery(`${planPath(country, year)}/cells/${encodeURIComponent(governorate)}/${encodeURIComponent(indicator)}`, query({ sector })), {
    schema: MatrixCellDetail,
    signal,
  });
}

export function usePlanList(country: string | null) {
  return useQuery({
    queryKey: ['plans', 'list', country],
    queryFn: ({ signal }) => fetchPlanList(country ?? '', signal),
    enabled: country !== null,
    ...PLAN_OPTIONS,
  });
}

/** What several queries answered together: their data in order, whether all are settled, the first error. */
export interface Combined<T> {
  data: T[];
  done: boolean;
  error: Error | null;
}

// Module-level, so that useQueries keeps the combined result while no query changes.
function combine<T>(results: { data: T | undefined; error: Error | null }[]): Combined<T> {
  return {
    data: results.flatMap((r) => (r.data === undefined ? [] : [r.data])),
    done: results.every((r) => r.data !== undefined || r.error !== null),
    error: results.find((r) => r.error !== null)?.error ?? null,
  };
}

/** The plans of several countries at once (the map metric: one matrix per country shown). */
export function usePlanLists(countries: readonly string[]): Combined<PlanList> {
  return useQueries({
    queries: countries.map((country) => ({
      queryKey: ['plans', 'list', country],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPlanList(country, signal),
      ...PLAN_OPTIONS,
    })),
    combine: combine<PlanList>,
  });
}

export function useIndicators(enabled = true) {
  return useQuery({ queryKey: ['plans', 'indicators'], queryFn: ({ signal }) => fetchIndicators(signal), staleTime: 10 * 60_000, enabled });
}

export function useMatrix(country: string | null, year: number, sector: string | null, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'matrix', country, year, sector],
    queryFn: ({ signal }) => fetchMatrix(country ?? '', year, sector, signal),
    enabled: enabled && country !== null,
    placeholderData: keepPreviousData,
    ...PLAN_OPTIONS,
  });
}

export function useMatrices(plans: readonly { country: string; year: number }[]): Combined<PlanMatrix> {
  return useQueries({
    queries: plans.map(({ country, year }) => ({
      queryKey: ['plans', 'matrix', country, year, null],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMatrix(country, year, null, signal),
      ...PLAN_OPTIONS,
    })),
    combine: combine<PlanMatrix>,
  });
}

export function useSeries(country: string, year: number, indicator: string, governorate: string | null, sector: string | null) {
  return useQuery({
    queryKey: ['plans', 'series', country, year, indicator, governorate, sector],
    queryFn: ({ signal }) => fetchSeries(country, year, indicator, governorate, sector, signal),
    ...PLAN_OPTIONS,
  });
}

export function useCellDetail(country: string, year: number, governorate: string | null, indicator: string, sector: string | null) {
  return useQuery({
    queryKey: ['plans', 'cell', country, year, governorate, indicator, sector],
    queryFn: ({ signal }) => fetchCellDetail(country, year, governorate ?? '', indicator, sector, signal),
    enabled: governorate !== null,
    ...PLAN_OPTIONS,
  });
}
