import { describe, expect, it } from 'vitest';
import { canCheckPlots, canCommitPlots, chosenEpsg, INITIAL_PLOT_IMPORT, plotImportForm, plotImportReducer, type PlotImportEvent, type PlotImportState } from './plotImportState.ts';
import { PlotImportReportSchema, plotRowErrorsOf, type PlotImportReport, type PlotImportRowError } from './plotImportAnswer.ts';

const file = new File(['{}'], 'plots.geojson');
const run = (...events: PlotImportEvent[]): PlotImportState => events.reduce(plotImportReducer, INITIAL_PLOT_IMPORT);
const report = (rows: number, valid: number, errors: PlotImportRowError[] = []): PlotImportReport => ({
  dry_run: true,
  format: 'geojson',
  crs: 4326,
  rows,
  valid,
  created: 0,
  ids: [],
  warnings: [],
  errors,
});

describe('the plot import steps', () => {
  it('imports only after a dry run of this file and these options found every plot good', () => {
    expect(canCheckPlots(INITIAL_PLOT_IMPORT)).toBe(false);
    const chosen = run({ type: 'choose', file });
    expect(canCheckPlots(chosen)).toBe(true);
    expect(canCommitPlots(chosen)).toBe(false);
    expect(canCommitPlots(plotImportReducer(chosen, { type: 'checked', report: report(3, 3) }))).toBe(true);
    expect(canCommitPlots(plotImportReducer(chosen, { type: 'checked', report: report(3, 2, [{ row: 2, ref: 'feature 2', plot_number: '7', field: 'geometry', message: 'overlaps plot 6' }]) }))).toBe(false);
    expect(canCommitPlots(plotImportReducer(chosen, { type: 'checked', report: report(0, 0) }))).toBe(false);
    const checked = plotImportReducer(chosen, { type: 'checked', report: report(3, 3) });
    expect(canCommitPlots(plotImportReducer(checked, { type: 'options', options: { crs: '32637' } }))).toBe(false);
  });

  it('waits for a usable EPSG code when another is chosen', () => {
    const other = run({ type: 'choose', file }, { type: 'options', options: { crs: 'other', crsText: 'UTM' } });
    expect(chosenEpsg(other.options)).toBeNull();
    expect(canCheckPlots(other)).toBe(false);
    expect(chosenEpsg({ ...other.options, crsText: 'EPSG:32636' })).toBe(32636);
    expect(chosenEpsg({ ...other.options, crs: '' })).toBeUndefined();
  });

  it('sends the file with its options as the import reads them', () => {
    const form = plotImportForm(file, { crs: '32637', crsText: '', numberField: ' PLOT_NO ', repair: true }, true);
    expect(form.get('crs')).toBe('32637');
    expect(form.get('number_field')).toBe('PLOT_NO');
    expect(form.get('repair')).toBe('true');
    expect(form.get('dry_run')).toBe('true');
    expect((form.get('file') as File).name).toBe('plots.geojson');
    expect(plotImportForm(file, INITIAL_PLOT_IMPORT.options, false).has('crs')).toBe(false);
  });

  it('reads the answer and the row errors of a refusal', () => {
    expect(PlotImportReportSchema.parse(report(2, 2)).rows).toBe(2);
    expect(() => PlotImportReportSchema.parse({ rows: 'two' })).toThrow();
    expect(plotRowErrorsOf({ errors: [{ row: 4, ref: 'record 4', plot_number: null, field: 'plot_number', message: 'is missing' }, { parameter: 'x' }] })).toEqual([
      { row: 4, ref: 'record 4', plot_number: null, field: 'plot_number', message: 'is missing' },
    ]);
  });
});
