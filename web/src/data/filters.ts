import { PROJECT_KINDS, PROJECT_STATUSES, SECTORS, type Funder, type ProjectKind, type ProjectStatus, type Sector } from './vocabulary.ts';

/** The project filters the user chose; they apply to the map, the KPI cards, the charts and the lists. */
export interface Filters {
  kind: ProjectKind[];
  sector: Sector[];
  status: ProjectStatus[];
  funder: Funder[];
  /** Projects active during this year. */
  year: number | null;
  /** Text search (Arabic-normalised by the API). */
  q: string;
}

export const EMPTY_FILTERS: Filters = { kind: [], sector: [], status: [], funder: [], year: null, q: '' };

/** The list filters with a fixed vocabulary, each in the order it is offered. Funders come from the API. */
export const LIST_FILTERS = {
  kind: PROJECT_KINDS,
  sector: SECTORS,
  status: PROJECT_STATUSES,
} as const;

export type ListFilterKey = keyof typeof LIST_FILTERS;

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2035;
export const MAX_QUERY_LENGTH = 200;

export function countActiveFilters(filters: Filters): number {
  return (
    filters.kind.length +
    filters.sector.length +
    filters.status.length +
    filters.funder.length +
    (filters.year === null ? 0 : 1) +
    (filters.q.trim() === '' ? 0 : 1)
  );
}

/**
 * The filters as API query parameters (`kind=a,b&status=c…`), in a fixed order so that the same
 * filters always give the same query (and cache key). Empty filters give `''`.
 */
export function filterQuery(filters: Filters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['kind', 'sector', 'status', 'funder'] as const) {
    if (filters[key].length > 0) params.set(key, filters[key].join(','));
  }
  if (filters.year !== null) params.set('year', String(filters.year));
  const q = filters.q.trim();
  if (q !== '') params.set('q', q);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString().replaceAll('%2C', ',');
}

/**
 * The filters without the funders missing from `known` (slugs the API would refuse); the same
 * object when nothing is dropped.
 */
export function withKnownFunders(filters: Filters, known: ReadonlySet<string>): Filters {
  const funder = filters.funder.filter((slug) => known.has(slug));
  return funder.length === filters.funder.length ? filters : { ...filters, funder };
}
