import type { PlotImportReport, PlotImportRowError } from './plotImportAnswer.ts';
import { parseEpsg } from './crsChoices.ts';

/** The dialog's choices besides the file: the coordinates' EPSG code ('' as the file says; 'other' reads `crsText`), the plot number's attribute, repair. */
export interface PlotImportOptions {
  crs: string;
  crsText: string;
  numberField: string;
  repair: boolean;
}

export type PlotImportAction = 'check' | 'commit';

export type PlotImportActivity =
  | { kind: 'idle' }
  | { kind: 'sending'; action: PlotImportAction }
  | { kind: 'refused'; action: PlotImportAction; status: number | null; detail: string; errors: PlotImportRowError[] }
  | { kind: 'imported'; report: PlotImportReport };

export interface PlotImportState {
  file: File | null;
  options: PlotImportOptions;
  /** The dry run of exactly this file with these options; null once either changes. */
  dryRun: PlotImportReport | null;
  activity: PlotImportActivity;
}

export type PlotImportEvent =
  | { type: 'choose'; file: File }
  | { type: 'options'; options: Partial<PlotImportOptions> }
  | { type: 'start'; action: PlotImportAction }
  | { type: 'checked'; report: PlotImportReport }
  | { type: 'imported'; report: PlotImportReport }
  | { type: 'refused'; action: PlotImportAction; status: number | null; detail: string; errors: PlotImportRowError[] }
  | { type: 'cancelled' };

export const INITIAL_PLOT_IMPORT: PlotImportState = {
  file: null,
  options: { crs: '', crsText: '', numberField: '', repair: false },
  dryRun: null,
  activity: { kind: 'idle' },
};

export function plotImportReducer(state: PlotImportState, event: PlotImportEvent): PlotImportState {
  switch (event.type) {
    case 'choose':
      return { ...state, file: event.file, dryRun: null, activity: { kind: 'idle' } };
    case 'options':
      return { ...state, options: { ...state.options, ...event.options }, dryRun: null, activity: { kind: 'idle' } };
    case 'start':
      return { ...state, dryRun: event.action === 'check' ? null : state.dryRun, activity: { kind: 'sending', action: event.action } };
    case 'checked':
      return { ...state, dryRun: event.report, activity: { kind: 'idle' } };
    case 'imported':
      return { ...state, dryRun: null, activity: { kind: 'imported', report: event.report } };
    case 'refused':
      return { ...state, dryRun: null, activity: { kind: 'refused', action: event.action, status: event.status, detail: event.detail, errors: event.errors } };
    case 'cancelled':
      return { ...state, activity: { kind: 'idle' } };
  }
}

/** The EPSG code to send: undefined for "as the file says", null when the typed code is not one. */
export function chosenEpsg(options: PlotImportOptions): number | undefined | null {
  if (options.crs === '') return undefined;
  if (options.crs === 'other') return parseEpsg(options.crsText);
  return parseEpsg(options.crs);
}

const sending = (state: PlotImportState) => state.activity.kind === 'sending';

export const canCheckPlots = (state: PlotImportState): boolean => state.file !== null && !sending(state) && chosenEpsg(state.options) !== null;

/** Import only after a dry run of this very file and these options found every plot good. */
export const canCommitPlots = (state: PlotImportState): boolean =>
  canCheckPlots(state) && state.dryRun !== null && state.dryRun.errors.length === 0 && state.dryRun.rows > 0 && state.dryRun.valid === state.dryRun.rows;

/** The multipart form of `POST /api/zones/{id}/plots/import` (fields as plots-import reads them). */
export function plotImportForm(file: File, options: PlotImportOptions, dryRun: boolean): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  const epsg = chosenEpsg(options);
  if (epsg != null) form.append('crs', String(epsg));
  if (options.numberField.trim() !== '') form.append('number_field', options.numberField.trim());
  if (options.repair) form.append('repair', 'true');
  form.append('dry_run', String(dryRun));
  return form;
}
