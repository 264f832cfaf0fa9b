import type { MatrixRow, PlanMatrix } from '@marsad/contracts';
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
    for (const row of matrix.rows) {
      if (row.governorate !== null) values.set(row.governorate, attainment(matrix, row, indicator));
    }
  }
  const breaks = classBreaks([], VIRIDIS_5.length, METRIC_RANGE.plan);
  return { metric: 'plan', values, breaks, colors: classColors(breaks) };
}

/**
 * Each country's attainment of the indicator's target as a whole, from its matrix's national row
 * (the server's roll-up, not an average of the governorates'); `null` without one or without targets.
 */
export function planNationalValues(matrices: readonly PlanMatrix[], indicator: string): Map<string, number | null> {
  return new Map(matrices.map((matrix) => [matrix.country, matrix.national === null ? null : attainment(matrix, matrix.national, indicator)]));
}

/** A row's % of the year's target for the indicator (all sectors), when the matrix shows targets and sets one. */
function attainment(matrix: PlanMatrix, row: MatrixRow, indicator: string): number | null {
  const column = matrix.columns.find((c) => c.indicator === indicator && c.sector === null);
  const cell = column === undefined ? undefined : row.cells.find((c) => c.key === column.key);
  const pct = matrix.shows_targets && cell !== undefined && cell.target !== null ? cell.pct_of_target : null;
  return pct !== null && Number.isFinite(pct) ? pct : null;
}

/** How many governorates the scale colours (those with a target). */
export function coloured(scale: ChoroplethScale): number {
  let count = 0;
  for (const value of scale.values.values()) if (value !== null) count++;
  return count;
}
