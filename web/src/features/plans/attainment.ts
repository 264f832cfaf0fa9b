import type { Indicator, MatrixCell } from '@marsad/contracts';
import { formatMoneyCompact, formatNumber, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';

/**
 * How a matrix cell reads at a glance: a class from its attainment of the target to date, drawn
 * as a colour on a diverging orange–purple scale (ColorBrewer PuOr, readable with deuteranopia,
 * protanopia and tritanopia) AND a symbol and the percent written in the cell, so that no reader
 * depends on the colour alone.
 */
export const ATTAINMENT_CLASSES = ['well_behind', 'behind', 'near', 'on_track', 'ahead'] as const;
export type AttainmentClass = (typeof ATTAINMENT_CLASSES)[number];

/** A cell without a class: no target, nothing due yet, or nothing counted (no return yet). */
export type CellState = AttainmentClass | 'no_target' | 'not_due' | 'no_data' | 'achieved_only';

/** Where each class starts, in % of the target to date: below 50 well behind, 50–80 behind, 80–100 near, 100–120 on track, 120 and more ahead. */
export const ATTAINMENT_BREAKS = [50, 80, 100, 120] as const;

/** Background and text colour of each class (text contrast ≥ 4.5:1 on its background). */
export const ATTAINMENT_COLORS: Record<AttainmentClass, { background: string; ink: string }> = {
  well_behind: { background: '#b35806', ink: '#ffffff' },
  behind: { background: '#fdb863', ink: '#23221f' },
  near: { background: '#f2f0eb', ink: '#23221f' },
  on_track: { background: '#b2abd2', ink: '#23221f' },
  ahead: { background: '#542788', ink: '#ffffff' },
};

/** The shape written beside the percent: behind ▼, near ●, on track or ahead ▲. */
export const ATTAINMENT_SYMBOLS: Record<AttainmentClass, string> = {
  well_behind: '▼',
  behind: '▼',
  near: '●',
  on_track: '▲',
  ahead: '▲',
};

/** The class of an attainment percentage (of the target to date). */
export function attainmentClass(pct: number): AttainmentClass {
  let index = 0;
  while (index < ATTAINMENT_BREAKS.length && pct >= (ATTAINMENT_BREAKS[index] ?? Number.POSITIVE_INFINITY)) index++;
  return ATTAINMENT_CLASSES[index] ?? 'ahead';
}

/**
 * What a cell shows: donors see achieved only; no target → "no target"; a target with nothing due
 * yet (target to date 0 or unknown) → "not due"; nothing counted → "no data"; otherwise the class
 * of its attainment of the target to date.
 */
export function cellState(cell: MatrixCell, showsTargets: boolean): CellState {
  if (!showsTargets) return 'achieved_only';
  if (cell.target === null) return 'no_target';
  if (cell.pct_of_target_to_date !== null && Number.isFinite(cell.pct_of_target_to_date)) return attainmentClass(cell.pct_of_target_to_date);
  if (cell.target_to_date === null || cell.target_to_date === 0) return 'not_due';
  return 'no_data';
}

/** Whether a revision changed the cell's target: the original is then shown struck through beside it. */
export function revisedTarget(cell: MatrixCell): boolean {
  return cell.original_target !== null && cell.target !== null && cell.original_target !== cell.target;
}

/** An indicator's value in the reader's digits: money compact, a percentage rate as a percent, anything else as a number. */
export function formatIndicatorValue(value: number | null, indicator: Pick<Indicator, 'unit_en' | 'rate_per' | 'rollup'> | undefined, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (indicator?.unit_en === 'USD') return formatMoneyCompact(value, language);
  if (indicator?.rollup === 'rate' && indicator.rate_per === 100) return formatPercent(value, language, 1);
  return formatNumber(value, language);
}

/** An attainment percentage, whole: `٥٨٪` / `58%`; `—` when unknown. */
export function formatAttainment(pct: number | null, language: Language): string {
  return formatPercent(pct, language, 0);
}

/** A matrix cell's address in the URL: `SY-HL:service_centres_opened` (or `national:…` for the roll-up row); the column key may itself hold `:sector`. */
export interface CellAddress {
  /** `null` for the national row. */
  governorate: string | null;
  column: string;
}

export const NATIONAL = 'national';

export function parseCellAddress(value: string | null): CellAddress | null {
  if (value === null) return null;
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return null;
  const row = value.slice(0, at);
  const column = value.slice(at + 1);
  if (!/^[a-z][a-z0-9_]{1,62}(:[a-z_]{1,40})?$/.test(column)) return null;
  if (row === NATIONAL) return { governorate: null, column };
  return /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(row) ? { governorate: row, column } : null;
}

export function formatCellAddress(address: CellAddress): string {
  return `${address.governorate ?? NATIONAL}:${address.column}`;
}
