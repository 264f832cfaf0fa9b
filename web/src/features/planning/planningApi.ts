import { IndicatorList, IndicatorReturn, IndicatorReturnList, Plan, PlanList, PlanTargets, ReturnStatusList, TargetsCellError, TargetsUploadReport, type ReturnBody } from '@marsad/contracts';
import { ProblemError, request } from '../../api/http.ts';

export type { Indicator, IndicatorReturn, Plan, PlanTarget, PlanVersion, ReturnStatus } from '@marsad/contracts';

/** `/api/plans/{country}/{year}`: the home of one plan's routes. */
export const planUrl = (country: string, year: number): string => `/api/plans/${encodeURIComponent(country)}/${year}`;

/** The year's targets as XLSX (a template with every governorate × indicator when there are none); `version` for one version's. */
export function targetsXlsxUrl(country: string, year: number, version?: number): string {
  return `${planUrl(country, year)}/targets.xlsx${version === undefined ? '' : `?version=${version}`}`;
}

/** One bad cell of an uploaded workbook (sheet, row, column, cell such as `F7`, the API's message); what an upload found. */
export type { TargetsCellError as CellError, TargetsUploadReport } from '@marsad/contracts';

/** The cell errors of a problem (an apply refused because the file has bad cells lists them). */
export function cellErrorsOf(problem: Record<string, unknown>): TargetsCellError[] {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return errors.flatMap((error) => {
    const parsed = TargetsCellError.safeParse(error);
    return parsed.success ? [parsed.data] : [];
  });
}

export const isStatus = (error: unknown, status: number): boolean => error instanceof ProblemError && error.status === status;

export function fetchIndicators(signal?: AbortSignal): Promise<IndicatorList> {
  return request('/api/indicators', { schema: IndicatorList, signal });
}

/** The plans of a country this account may see (a plan missing from it is not asked for: the API would answer 404). */
export function fetchPlanList(country: string, signal?: AbortSignal): Promise<PlanList> {
  return request(`/api/plans?country=${encodeURIComponent(country)}`, { schema: PlanList, signal });
}

/** The plan of a country-year, or `null` when there is none (or none this account may see: the API does not tell). */
export async function fetchPlan(country: string, year: number, signal?: AbortSignal): Promise<Plan | null> {
  try {
    return await request(planUrl(country, year), { schema: Plan, signal });
  } catch (error) {
    if (isStatus(error, 404)) return null;
    throw error;
  }
}

export function fetchVersionTargets(country: string, year: number, version: number, signal?: AbortSignal): Promise<PlanTargets> {
  return request(`${planUrl(country, year)}/versions/${version}/targets`, { schema: PlanTargets, signal });
}

export function createPlan(country: string, year: number, csrfToken: string): Promise<Plan> {
  return request(planUrl(country, year), { method: 'POST', csrfToken, schema: Plan });
}

/** Approves the draft whose optimistic-concurrency `version` the page last read. */
export function approveDraft(country: string, year: number, body: { version: number; note?: string }, csrfToken: string): Promise<Plan> {
  return request(`${planUrl(country, year)}/draft/approve`, { method: 'POST', body, csrfToken, schema: Plan });
}

/** A new draft copying the approved version's targets. */
export function startRevision(country: string, year: number, body: { note?: string }, csrfToken: string): Promise<Plan> {
  return request(`${planUrl(country, year)}/revisions`, { method: 'POST', body, csrfToken, schema: Plan });
}

export function setPublished(country: string, year: number, published: boolean, csrfToken: string): Promise<Plan> {
  return request(`${planUrl(country, year)}/publication`, { method: 'PUT', body: { published }, csrfToken, schema: Plan });
}

/**
 * Sends an edited targets workbook to the draft: `dryRun` checks every cell and writes nothing;
 * otherwise the targets replace the draft's, only when every cell is good. `version` is the draft's
 * optimistic-concurrency version (none when there is no draft yet: the API then creates one).
 */
export function uploadTargets(
  country: string,
  year: number,
  { file, version, dryRun, csrfToken, signal }: { file: File; version: number | null; dryRun: boolean; csrfToken: string; signal?: AbortSignal },
): Promise<TargetsUploadReport> {
  const body = new FormData();
  body.append('file', file, file.name);
  if (version !== null) body.append('version', String(version));
  return request(`${planUrl(country, year)}/draft/targets.xlsx?dry_run=${dryRun}`, { method: 'POST', body, csrfToken, signal, schema: TargetsUploadReport });
}

/** The returns of a country-year, optionally of one governorate and one indicator, corrections included. */
export function fetchReturns(query: { country: string; year: number; governorate?: string; indicator?: string }, signal?: AbortSignal): Promise<IndicatorReturnList> {
  const params = new URLSearchParams({ country: query.country, year: String(query.year) });
  if (query.governorate !== undefined) params.set('governorate', query.governorate);
  if (query.indicator !== undefined) params.set('indicator', query.indicator);
  return request(`/api/returns?${params}`, { schema: IndicatorReturnList, signal });
}

/** Where every expected return of a country-year (optionally one governorate) stands. */
export function fetchReturnStatus(query: { country: string; year: number; governorate?: string }, signal?: AbortSignal): Promise<ReturnStatusList> {
  const params = new URLSearchParams({ country: query.country, year: String(query.year) });
  if (query.governorate !== undefined) params.set('governorate', query.governorate);
  return request(`/api/returns/status?${params}`, { schema: ReturnStatusList, signal });
}

export function submitReturn(body: ReturnBody, csrfToken: string): Promise<IndicatorReturn> {
  return request('/api/returns', { method: 'POST', body, csrfToken, schema: IndicatorReturn });
}
