import {
  InvestorPage,
  PlotDetail,
  PlotList,
  ZoneDetail,
  ZoneTimeline,
  type PlotStatus,
} from '@marsad/contracts';
import { request, withQuery } from '../../api/http.ts';

/** The filters of a zone's plot list, as the plots API takes them. */
export interface PlotFilter {
  status: PlotStatus[];
  activity: string | null;
  vacantOnly: boolean;
  q: string;
}

export const NO_PLOT_FILTER: PlotFilter = { status: [], activity: null, vacantOnly: false, q: '' };

/** The query string of `GET /api/zones/{id}/plots` for a filter (defaults left out). */
export function plotFilterQuery(filter: PlotFilter): string {
  const params = new URLSearchParams();
  if (filter.status.length > 0) params.set('status', filter.status.join(','));
  if (filter.activity !== null) params.set('activity', filter.activity);
  if (filter.vacantOnly) params.set('vacant_only', 'true');
  if (filter.q.trim() !== '') params.set('q', filter.q.trim());
  return params.toString().replaceAll('%2C', ',');
}

/** The address of a zone's head (`GET /api/zones/{id}`). */
export const zoneUrl = (id: number): string => `/api/zones/${id}`;

/** The address of a zone's plots under a filter's query (`GET /api/zones/{id}/plots`). */
export const plotsUrl = (id: number, query: string): string => withQuery(`${zoneUrl(id)}/plots`, query);

/** `GET /api/zones/{id}`: the zone's head, totals and utilities. */
export function fetchZone(id: number, signal?: AbortSignal): Promise<ZoneDetail> {
  return request(zoneUrl(id), { schema: ZoneDetail, signal });
}

/** `GET /api/zones/{id}/plots`: the zone's plots under a filter. */
export function fetchPlots(id: number, query: string, signal?: AbortSignal): Promise<PlotList> {
  return request(plotsUrl(id, query), { schema: PlotList, signal });
}

/** `GET /api/zones/{id}/plots/{plotId}`: one plot with its outline and history. */
export function fetchPlot(zone: number, plot: number, signal?: AbortSignal): Promise<PlotDetail> {
  return request(`/api/zones/${zone}/plots/${plot}`, { schema: PlotDetail, signal });
}

/** `GET /api/zones/{id}/timeline`: reports and plot changes, newest first, a page at a time. */
export function fetchTimeline(id: number, offset: number, signal?: AbortSignal): Promise<ZoneTimeline> {
  return request(withQuery(`/api/zones/${id}/timeline`, offset > 0 ? `offset=${offset}` : ''), { schema: ZoneTimeline, signal });
}

/** `GET /api/investors?q=`: investors by name (ministry only). */
export function searchInvestors(q: string, signal?: AbortSignal): Promise<InvestorPage> {
  const params = new URLSearchParams({ limit: '20' });
  if (q.trim() !== '') params.set('q', q.trim());
  return request(`/api/investors?${params.toString()}`, { schema: InvestorPage, signal });
}

