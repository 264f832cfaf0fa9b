import type { Plot } from '@marsad/contracts';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { EMPTY_PLOT_FORM, formFromPlot, newPlotBody, parseNumber, plotChange, plotFormProblems } from './plotForm.ts';

const plot: Plot = {
  id: 7,
  zone_id: 3,
  plot_number: 'A-12',
  area_m2: 2500,
  activity: 'textiles',
  status: 'vacant',
  allocated_on: null,
  planned_jobs: 40,
  actual_jobs: null,
  planned_investment: 250000,
  actual_investment: null,
  note: null,
  version: 4,
};
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [36, 33],
      [36.001, 33],
      [36.001, 33.001],
      [36, 33],
    ],
  ],
};

describe('parseNumber', () => {
  it('reads Western and Arabic-Indic digits, blanks as null, anything else as undefined', () => {
    expect(parseNumber(' 1,250 ')).toBe(1250);
    expect(parseNumber('٤٠')).toBe(40);
    expect(parseNumber('٢٫٥')).toBe(2.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('forty')).toBeUndefined();
  });
});

describe('the plot form', () => {
  it('names each wrong field', () => {
    expect(plotFormProblems({ ...EMPTY_PLOT_FORM, planned_jobs: '2.5', actual_jobs: '-1', planned_investment: 'lots', note: 'x'.repeat(2001) })).toEqual({
      plot_number: 'plotNumber',
      planned_jobs: 'count',
      actual_jobs: 'count',
      planned_investment: 'money',
      note: 'noteLength',
    });
    expect(plotFormProblems({ ...EMPTY_PLOT_FORM, plot_number: 'x'.repeat(41) }).plot_number).toBe('plotNumber');
    expect(plotFormProblems(formFromPlot(plot))).toEqual({});
  });

  it('makes a new plot with blanks as null and the activity code', () => {
    expect(newPlotBody({ ...EMPTY_PLOT_FORM, plot_number: ' B-3 ', activity: 'carpentry', planned_jobs: '١٢' }, square)).toEqual({
      plot_number: 'B-3',
      activity: 'carpentry',
      planned_jobs: 12,
      actual_jobs: null,
      planned_investment: null,
      actual_investment: null,
      note: null,
      geometry: square,
    });
  });

  it('sends only what changed, with the version read, and nothing when nothing did', () => {
    const start = formFromPlot(plot);
    expect(plotChange(start, { ...start }, undefined, 4)).toBeNull();
    expect(plotChange(start, { ...start, activity: '', actual_jobs: '35' }, undefined, 4)).toEqual({ activity: null, actual_jobs: 35, version: 4 });
    expect(plotChange(start, start, square, 4)).toEqual({ geometry: square, version: 4 });
  });
});
