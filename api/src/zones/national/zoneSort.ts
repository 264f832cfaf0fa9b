import { z } from '@hono/zod-openapi';
import { ZONE_SORTS, type ZoneSort } from '@marsad/contracts';

export type { ZoneSort };
type ZoneSortKey = Exclude<ZoneSort, `-${string}`>;

/** What each sort key means over zone_facts `z` and projects `p`. */
const COLUMNS: Record<ZoneSortKey, (language: 'ar' | 'en') => string> = {
  occupancy: () => 'z.occupancy',
  readiness: () => 'z.readiness',
  jobs: () => 'z.jobs_actual',
  plots: () => 'z.plots_total',
  title: (language) => (language === 'ar' ? 'p.title_ar' : 'p.title_en'),
};

export const ZoneSortQuery = z
  .enum(ZONE_SORTS, { error: `must be one of ${ZONE_SORTS.join(', ')} (- for descending)` })
  .default('-occupancy')
  .openapi({ example: '-occupancy', description: `Sort key: ${ZONE_SORTS.join(', ')}; - for descending. Zones without plots (no occupancy) come last either way.` });

/** ORDER BY for a validated sort; empty values last, the id breaks ties so pages never overlap. */
export function zoneOrderBySql(sort: ZoneSort, language: 'ar' | 'en'): string {
  const descending = sort.startsWith('-');
  const column = COLUMNS[(descending ? sort.slice(1) : sort) as ZoneSortKey](language);
  return `${column} ${descending ? 'desc' : 'asc'} nulls last, p.id`;
}
