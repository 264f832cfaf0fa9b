import type { ZoneSort } from '@marsad/contracts';

/** The columns the zones table sorts by. */
export const SORTABLE_COLUMNS = ['plots', 'occupancy', 'readiness', 'jobs'] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export const sortColumn = (sort: ZoneSort): string => sort.replace(/^-/, '');
export const isDescending = (sort: ZoneSort): boolean => sort.startsWith('-');

/** Clicking a column sorts by it, largest first; clicking it again turns the order round. */
export function nextSort(current: ZoneSort, column: SortColumn): ZoneSort {
  if (sortColumn(current) !== column) return `-${column}`;
  return isDescending(current) ? column : `-${column}`;
}

/** The column's `aria-sort` under the current sort. */
export function ariaSort(current: ZoneSort, column: SortColumn): 'ascending' | 'descending' | 'none' {
  if (sortColumn(current) !== column) return 'none';
  return isDescending(current) ? 'descending' : 'ascending';
}
