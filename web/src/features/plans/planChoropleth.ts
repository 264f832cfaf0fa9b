import type { PlanMatrix } from '@marsad/contracts';
import { METRIC_RANGE } from '../../data/choroplethMetrics.ts';
import type { ChoroplethScale } from '../../map/choroplethScale.ts';
import { classBreaks, classColors, VIRIDIS_5 } from '../../map/colorScales.ts';

/**
 * The map's "% of plan achieved" for one indicator: each governorate's attainment of the year's
 * target (the matrix's `pct_of_target`, lower-is-better already inverted by the server) on the
 * fixed 0–100 classes of the other percentage metrics (100 % and more in the top class).
 * Governorates without a target, and every governorate of a viewer shown no targets (a donor),
 * stay uncoloured ("no target").
 */
export function planChoroplethScale(matrices: readonly PlanMatrix[], indicator: string): ChoroplethScale {
  const values = new Map<string, number | null>();
  for (const matrix of matrices) {
    const column = matrix.columns.find((c) => c.indicator === indicator && c.sector === null);
    for (const row of matrix.rows) {
      if (row.governorate === null) continue;
      const cell = column === undefined ? undefined : row.cells.find((c) => c.key === column.key);
      const pct = matrix.shows_targets && cell !== undefined && cell.target !== null ? cell.pct_of_target : null;
      values.set(row.governorate, pct !== null && Number.isFinite(pct) ? pct : null);
    }
  }
  const breaks = classBreaks([], VIRIDIS_5.length, METRIC_RANGE.plan);
  return { metric: 'plan', values, breaks, colors: classColors(breaks) };
}

/** How many governorates the scale colours (those with a target). */
export function coloured(scale: ChoroplethScale): number {
  let count = 0;
  for (const value of scale.values.values()) if (value !== null) count++;
  return count;
}
