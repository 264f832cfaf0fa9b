import { ZoneKpis, ZonePage, type ZoneSort } from '@marsad/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request, withQuery } from '../../api/http.ts';

export type { ZoneKpis, ZonePage, ZoneRow, ZoneSort } from '@marsad/contracts';

/** How many zones the table shows at a time. */
export const ZONES_PAGE_SIZE = 50;

/** The zones table's query: the filters (`filterQuery`), the sort, the page and the language titles sort in. */
export function zonePageQuery(filters: string, sort: ZoneSort, offset: number, language: string): string {
  const page = new URLSearchParams({ sort, limit: String(ZONES_PAGE_SIZE), offset: String(offset), lang: language });
  return [filters, page.toString()].filter((part) => part !== '').join('&');
}

export function fetchZoneKpis(query: string, signal?: AbortSignal): Promise<ZoneKpis> {
  return request(withQuery('/api/zones/summary', query), { schema: ZoneKpis, signal });
}

export function fetchZonePage(query: string, signal?: AbortSignal): Promise<ZonePage> {
  return request(withQuery('/api/zones', query), { schema: ZonePage, signal });
}

/** The national zone KPIs under the filters (`query` from `filterQuery`). */
export function useZoneKpis(query: string) {
  return useQuery({
    queryKey: ['zones', 'summary', query],
    queryFn: ({ signal }) => fetchZoneKpis(query, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** A page of the zones table (`query` from `zonePageQuery`). */
export function useZonePage(query: string) {
  return useQuery({
    queryKey: ['zones', 'page', query],
    queryFn: ({ signal }) => fetchZonePage(query, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
