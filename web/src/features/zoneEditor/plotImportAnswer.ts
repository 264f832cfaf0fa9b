import type { Schema } from '../../api/http.ts';

/**
 * The answer of `POST /api/zones/{id}/plots/import` as the plots-import branch declares it
 * (PlotImportReport in its contracts/src/plotImport.ts). Restated here, checked by hand, until
 * that contract reaches main; then the page imports it from @marsad/contracts instead.
 */
export interface PlotImportRowError {
  /** The plot in the file, from 1. */
  row: number;
  /** Where to find it in the file: "feature 3", "record 3", "LWPOLYLINE 2A on layer PLOTS". */
  ref: string;
  plot_number: string | null;
  field: string;
  message: string;
  repairable?: boolean | undefined;
}

export interface PlotImportReport {
  dry_run: boolean;
  format: string;
  /** The EPSG code the coordinates were read in. */
  crs: number;
  rows: number;
  valid: number;
  created: number;
  ids: number[];
  warnings: string[];
  errors: PlotImportRowError[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInt = (value: unknown): value is number => Number.isInteger(value);

function rowError(value: unknown): PlotImportRowError | null {
  if (!isRecord(value) || !isInt(value.row) || typeof value.field !== 'string' || typeof value.message !== 'string') return null;
  return {
    row: value.row,
    ref: typeof value.ref === 'string' ? value.ref : '',
    plot_number: typeof value.plot_number === 'string' ? value.plot_number : null,
    field: value.field,
    message: value.message,
    repairable: value.repairable === true,
  };
}

/** The row errors of a refused import (a 422 lists them as a dry run does). */
export function plotRowErrorsOf(problem: Record<string, unknown>): PlotImportRowError[] {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return errors.map(rowError).filter((e) => e !== null);
}

export const PlotImportReportSchema: Schema<PlotImportReport> = {
  parse(data) {
    if (!isRecord(data) || !isInt(data.rows) || !isInt(data.valid) || !Array.isArray(data.errors)) throw new TypeError('not a plot import report');
    return {
      dry_run: data.dry_run === true,
      format: typeof data.format === 'string' ? data.format : '',
      crs: isInt(data.crs) ? data.crs : 4326,
      rows: data.rows,
      valid: data.valid,
      created: isInt(data.created) ? data.created : 0,
      ids: Array.isArray(data.ids) ? data.ids.filter(isInt) : [],
      warnings: Array.isArray(data.warnings) ? data.warnings.filter((w): w is string => typeof w === 'string') : [],
      errors: plotRowErrorsOf(data),
    };
  },
};
