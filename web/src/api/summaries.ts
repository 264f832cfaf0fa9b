import type { SummaryMetrics } from '@marsad/contracts';
import { guarded, request, withQuery } from './http.ts';
import { isRecord } from './isRecord.ts';

/** Project metrics under the filters (the API's own type). */
export type Metrics = SummaryMetrics;

export interface CountrySummary extends Metrics {
  country: string;
  name_en: string;
  name_ar: string;
}

export interface GovernorateSummary extends Metrics {
  governorate: string;
  country: string;
  name_en: string;
  name_ar: string;
  name_ar_short: string;
}

export interface KeyedMetrics extends Metrics {
  key: string;
}

export interface CountrySummaries {
  total: Metrics;
  countries: CountrySummary[];
}

export interface GovernorateSummaries {
  governorates: GovernorateSummary[];
}

export interface GovernorateDetail {
  governorate: GovernorateSummary;
  by_sector: KeyedMetrics[];
  by_kind: KeyedMetrics[];
}

export interface TimelineMonth {
  /** `YYYY-MM` */
  month: string;
  progress_weighted: number | null;
  budget_spent: number;
  projects_reporting: number;
}

export interface GovernorateTimeline {
  months: TimelineMonth[];
}


export function isMetrics(value: unknown): value is Metrics {
  return (
    isRecord(value) &&
    typeof value.projects === 'number' &&
    isRecord(value.by_status) &&
    typeof value.budget_total === 'number' &&
    typeof value.budget_spent === 'number' &&
    typeof value.delayed === 'number' &&
    typeof value.stale === 'number' &&
    (value.progress_weighted === null || typeof value.progress_weighted === 'number')
  );
}

function isGovernorateSummary(value: unknown): value is GovernorateSummary {
  return isMetrics(value) && isRecord(value) && typeof value.governorate === 'string' && typeof value.name_en === 'string';
}

export function isCountrySummaries(body: unknown): body is CountrySummaries {
  return isRecord(body) && isMetrics(body.total) && Array.isArray(body.countries) && body.countries.every(isMetrics);
}

export function isGovernorateSummaries(body: unknown): body is GovernorateSummaries {
  return isRecord(body) && Array.isArray(body.governorates) && body.governorates.every(isGovernorateSummary);
}

export function isGovernorateDetail(body: unknown): body is GovernorateDetail {
  return (
    isRecord(body) &&
    isGovernorateSummary(body.governorate) &&
    Array.isArray(body.by_sector) &&
    body.by_sector.every(isMetrics) &&
    Array.isArray(body.by_kind)
  );
}

export function isGovernorateTimeline(body: unknown): body is GovernorateTimeline {
  return (
    isRecord(body) &&
    Array.isArray(body.months) &&
    body.months.every((m) => isRecord(m) && typeof m.month === 'string' && typeof m.budget_spent === 'number')
  );
}

export function fetchCountrySummaries(query: string, signal?: AbortSignal) {
  return request(withQuery('/api/summaries/countries', query), { schema: guarded(isCountrySummaries), signal });
}

export function fetchGovernorateSummaries(query: string, signal?: AbortSignal) {
  return request(withQuery('/api/summaries/governorates', query), { schema: guarded(isGovernorateSummaries), signal });
}

export function fetchGovernorateDetail(code: string, query: string, signal?: AbortSignal) {
  return request(withQuery(`/api/summaries/governorates/${encodeURIComponent(code)}`, query), { schema: guarded(isGovernorateDetail), signal });
}

export function fetchGovernorateTimeline(code: string, query: string, signal?: AbortSignal) {
  return request(withQuery(`/api/summaries/governorates/${encodeURIComponent(code)}/timeline`, query), { schema: guarded(isGovernorateTimeline), signal });
}
