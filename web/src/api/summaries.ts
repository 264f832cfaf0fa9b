import { CountrySummaries, GovernorateDetail, GovernorateSummaries, GovernorateTimeline } from '@marsad/contracts';
import { request, withQuery } from './http.ts';

export type {
  CountrySummaries,
  CountrySummary,
  GovernorateDetail,
  GovernorateSummaries,
  GovernorateSummary,
  GovernorateTimeline,
  KeyedMetrics,
  SummaryMetrics as Metrics,
  TimelineMonth,
} from '@marsad/contracts';

export function fetchCountrySummaries(query: string, signal?: AbortSignal): Promise<CountrySummaries> {
  return request(withQuery('/api/summaries/countries', query), { schema: CountrySummaries, signal });
}

export function fetchGovernorateSummaries(query: string, signal?: AbortSignal): Promise<GovernorateSummaries> {
  return request(withQuery('/api/summaries/governorates', query), { schema: GovernorateSummaries, signal });
}

export function fetchGovernorateDetail(code: string, query: string, signal?: AbortSignal): Promise<GovernorateDetail> {
  return request(withQuery(`/api/summaries/governorates/${encodeURIComponent(code)}`, query), { schema: GovernorateDetail, signal });
}

export function fetchGovernorateTimeline(code: string, query: string, signal?: AbortSignal): Promise<GovernorateTimeline> {
  return request(withQuery(`/api/summaries/governorates/${encodeURIComponent(code)}/timeline`, query), { schema: GovernorateTimeline, signal });
}
