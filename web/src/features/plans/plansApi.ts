import { IndicatorList, IndicatorSeries, MatrixCellDetail, PlanList, PlanMatrix } from '@marsad/contracts';
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request, withQuery } from '../../api/http.ts';
import type { Session } from '../account/session.ts';
import { SESSION_KEY, useSession } from '../account/useSession.ts';

export type { Indicator, IndicatorReturn, IndicatorSeries, MatrixCell, MatrixCellDetail, MatrixColumn, MatrixRow, PlanList, PlanMatrix } from '@marsad/contracts';

/**
 * The plans screen's and the map metric's calls: the plans a viewer may see in a country, a
 * plan's matrix, an indicator's month-by-month series and what one cell counts. Every answer is
 * parsed with the contract (contracts/src/plans.ts).
 */

/** Plans change with returns and project completions: a minute is fresh enough, as for summaries. */
const PLAN_OPTIONS = { staleTime: 60_000 } as const;

/** Who is signed in as the query cache knows it right now: the user's id, 0 for nobody, `null` while unknown. */
function viewerIn(client: QueryClient): number | null {
  if (client.getQueryState(SESSION_KEY)?.status !== 'success') return null;
  return client.getQueryData<Session | null>(SESSION_KEY)?.user.id ?? 0;
}

/**
 * Who asks, in every plan query's key (the user's id, 0 for nobody; `null` while the session is
 * not known yet, and nothing is asked then). What a plan shows depends on who asks, and a plan
 * one viewer may see is a 404 to another: a query keyed for someone else is never asked again
 * (`current`, read when a sign-in or sign-out refreshes everything, before the page has
 * re-rendered with the new viewer's keys).
 */
function useViewer(): { viewer: number | null; current: (query: { queryKey: readonly unknown[] }) => boolean } {
  const session = useSession();
  const client = useQueryClient();
  const viewer = session.isPending ? null : (session.data?.user.id ?? 0);
  return { viewer, current: (query) => viewer !== null && query.queryKey[1] === viewerIn(client) };
}

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
  const { viewer, current } = useViewer();
  return useQuery({
    queryKey: ['plans', viewer, 'list', country],
    queryFn: ({ signal }) => fetchPlanList(country ?? '', signal),
    enabled: (query) => country !== null && current(query),
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
  const { viewer, current } = useViewer();
  return useQueries({
    queries: (viewer === null ? [] : countries).map((country) => ({
      queryKey: ['plans', viewer, 'list', country],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPlanList(country, signal),
      enabled: current,
      ...PLAN_OPTIONS,
    })),
    combine: combine<PlanList>,
  });
}

export function useIndicators(enabled = true) {
  return useQuery({ queryKey: ['plans', 'indicators'], queryFn: ({ signal }) => fetchIndicators(signal), staleTime: 10 * 60_000, enabled });
}

export function useMatrix(country: string | null, year: number, sector: string | null, enabled = true) {
  const { viewer, current } = useViewer();
  return useQuery({
    queryKey: ['plans', viewer, 'matrix', country, year, sector],
    queryFn: ({ signal }) => fetchMatrix(country ?? '', year, sector, signal),
    enabled: (query) => enabled && country !== null && current(query),
    ...PLAN_OPTIONS,
  });
}

export function useMatrices(plans: readonly { country: string; year: number }[]): Combined<PlanMatrix> {
  const { viewer, current } = useViewer();
  return useQueries({
    queries: (viewer === null ? [] : plans).map(({ country, year }) => ({
      queryKey: ['plans', viewer, 'matrix', country, year, null],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMatrix(country, year, null, signal),
      enabled: current,
      ...PLAN_OPTIONS,
    })),
    combine: combine<PlanMatrix>,
  });
}

export function useSeries(country: string, year: number, indicator: string, governorate: string | null, sector: string | null) {
  const { viewer, current } = useViewer();
  return useQuery({
    queryKey: ['plans', viewer, 'series', country, year, indicator, governorate, sector],
    queryFn: ({ signal }) => fetchSeries(country, year, indicator, governorate, sector, signal),
    enabled: (query) => current(query),
    ...PLAN_OPTIONS,
  });
}

export function useCellDetail(country: string, year: number, governorate: string | null, indicator: string, sector: string | null) {
  const { viewer, current } = useViewer();
  return useQuery({
    queryKey: ['plans', viewer, 'cell', country, year, governorate, indicator, sector],
    queryFn: ({ signal }) => fetchCellDetail(country, year, governorate ?? '', indicator, sector, signal),
    enabled: (query) => governorate !== null && current(query),
    ...PLAN_OPTIONS,
  });
}
