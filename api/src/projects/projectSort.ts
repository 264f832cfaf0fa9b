import { z } from '@hono/zod-openapi';
import { indicatorSql } from './projectIndicators.ts';

/** Sort keys clients may ask for, and the SQL each means over projects `p`. */
const SORTS = {
  code: 'p.code',
  title_en: 'p.title_en',
  title_ar: 'p.title_ar',
  budget: 'p.budget',
  progress: 'p.physical_progress',
  planned_end: 'p.planned_end',
  last_update: 'p.last_update_on',
  delay: indicatorSql().delayDays,
} as const;

export type SortKey = keyof typeof SORTS;
const SORT_KEYS = Object.keys(SORTS) as [SortKey, ...SortKey[]];

export const SortQuery = z
  .string()
  .regex(new RegExp(`^-?(${SORT_KEYS.join('|')})$`), `must be one of ${SORT_KEYS.join(', ')}, optionally prefixed with - for descending`)
  .default('code')
  .openapi({ example: '-delay', description: `Sort key: ${SORT_KEYS.join(', ')}; prefix with - for descending.` });

/** ORDER BY for a validated sort parameter; the id breaks ties so pages never overlap. */
export function orderBySql(sort: string): string {
  const descending = sort.startsWith('-');
  const column = SORTS[(descending ? sort.slice(1) : sort) as SortKey];
  return `${column} ${descending ? 'desc nulls last' : 'asc nulls last'}, p.id`;
}
