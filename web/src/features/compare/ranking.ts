import type { CompareSort } from '../../url/compareViewState.ts';

/** One governorate as the ranking reads it: its value of the map's metric (`null`: nothing to rank). */
export interface RankInput {
  code: string;
  country: string;
  name: string;
  value: number | null;
}

export interface RankedGovernorate extends RankInput {
  /** 1 for the highest value; equal values share a rank (1, 2, 2, 4); `null` without a value. */
  rank: number | null;
}

export type CompareColumn = 'value' | 'name';

/** Ranks by value, highest first: equal values share the better rank; governorates without a value get none. */
export function rankByValue<T extends RankInput>(rows: readonly T[]): (T & { rank: number | null })[] {
  const values = rows.map((row) => row.value).filter((value): value is number => value !== null && Number.isFinite(value));
  values.sort((a, b) => b - a);
  const first = new Map<number, number>();
  values.forEach((value, i) => {
    if (!first.has(value)) first.set(value, i + 1);
  });
  return rows.map((row) => ({ ...row, rank: row.value === null ? null : (first.get(row.value) ?? null) }));
}

/**
 * The rows in the order asked for: by value (highest or lowest first) or by name (A→Z or Z→A, in
 * the reader's collation); equal values by name. Governorates without a value come last in every
 * order, by name, so "no projects" never reads as a value of 0.
 */
export function sortRanking<T extends RankInput>(rows: readonly T[], sort: CompareSort, compareNames: (a: string, b: string) => number): T[] {
  const byName = (a: T, b: T) => compareNames(a.name, b.name) || a.code.localeCompare(b.code);
  const direction = sort.startsWith('-') ? -1 : 1;
  const column = sortColumn(sort);
  return [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === null && b.value === null) return byName(a, b);
      return a.value === null ? 1 : -1;
    }
    if (column === 'value') return direction * (a.value - b.value) || byName(a, b);
    return direction * byName(a, b);
  });
}

/**
 * Where the national reference row goes among the sorted rows (its index): in a value order,
 * between the governorates above and below the national value (those equal to it above); in a name
 * order, first. Always before the governorates without a value.
 */
export function nationalPosition(sorted: readonly RankInput[], national: number | null, sort: CompareSort): number {
  if (national === null || sortColumn(sort) === 'name') return 0;
  const descending = sort.startsWith('-');
  const index = sorted.findIndex((row) => row.value === null || (descending ? row.value < national : row.value > national));
  return index === -1 ? sorted.length : index;
}

export function sortColumn(sort: CompareSort): CompareColumn {
  return sort.endsWith('name') ? 'name' : 'value';
}

/** Clicking a column's heading: values sort highest first and names A→Z first; the same column again turns the order round. */
export function nextCompareSort(current: CompareSort, column: CompareColumn): CompareSort {
  if (sortColumn(current) !== column) return column === 'value' ? '-value' : 'name';
  return current.startsWith('-') ? column : `-${column}`;
}

/** The column's `aria-sort` under the current sort. */
export function compareAriaSort(current: CompareSort, column: CompareColumn): 'ascending' | 'descending' | 'none' {
  if (sortColumn(current) !== column) return 'none';
  return current.startsWith('-') ? 'descending' : 'ascending';
}

/**
 * The length of each row's bar, as a share (0–1) of the longest the table draws: percentages on
 * 0–100 (or up to the largest value, for a plan over-achieved), counts and money up to the
 * largest governorate's value.
 */
export function barShare(value: number | null, values: readonly (number | null)[], percent: boolean): number {
  if (value === null || !Number.isFinite(value) || value <= 0) return 0;
  const largest = Math.max(percent ? 100 : 0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  return largest > 0 ? Math.min(1, value / largest) : 0;
}
