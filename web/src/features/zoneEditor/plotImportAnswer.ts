import { PlotImportReport, PlotImportRowError } from '@marsad/contracts';

export type { PlotImportReport, PlotImportRowError };

/** The answer of `POST /api/zones/{id}/plots/import`, checked against the contract. */
export const PlotImportReportSchema = PlotImportReport;

/** The row errors of a refused import (a 422 lists them as a dry run does); those the contract does not know are left out. */
export function plotRowErrorsOf(problem: Record<string, unknown>): PlotImportRowError[] {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return errors.flatMap((error) => {
    const parsed = PlotImportRowError.safeParse(error);
    return parsed.success ? [parsed.data] : [];
  });
}
