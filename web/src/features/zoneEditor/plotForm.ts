import { type NewPlot, type Plot, type PlotChange } from '@marsad/contracts';
import type { Geometry } from 'geojson';

/** A plot's facts as typed: numbers are still text, an empty field is "not known". */
export interface PlotForm {
  plot_number: string;
  /** A plot_activities code, or '' for none. */
  activity: string;
  planned_jobs: string;
  actual_jobs: string;
  planned_investment: string;
  actual_investment: string;
  note: string;
}
export type PlotFormField = keyof PlotForm;

/** What is wrong with a field, as an i18n key under `zoneEditor.invalid`. */
export type PlotFormProblem = 'plotNumber' | 'count' | 'money' | 'noteLength';

export const EMPTY_PLOT_FORM: PlotForm = { plot_number: '', activity: '', planned_jobs: '', actual_jobs: '', planned_investment: '', actual_investment: '', note: '' };

const text = (value: number | null) => (value === null ? '' : String(value));

export function formFromPlot(plot: Plot): PlotForm {
  return {
    plot_number: plot.plot_number,
    activity: plot.activity ?? '',
    planned_jobs: text(plot.planned_jobs),
    actual_jobs: text(plot.actual_jobs),
    planned_investment: text(plot.planned_investment),
    actual_investment: text(plot.actual_investment),
    note: plot.note ?? '',
  };
}

/** The same limits as the contract's PlotFields (the API is the judge; this catches typing slips early). */
const MAX_JOBS = 100_000;
const MAX_MONEY = 1e14;
/** zone_plots.note holds at most 2,000 characters (fewer than a project's notes). */
const MAX_PLOT_NOTE = 2000;

/** A typed number (Arabic-Indic digits too), `null` when blank, `undefined` when not a number. */
export function parseNumber(value: string): number | null | undefined {
  const western = value.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u066B]/g, '.').replace(/[,\u066C\s]/g, '');
  if (western === '') return null;
  const number = Number(western);
  return Number.isFinite(number) ? number : undefined;
}

const isCount = (n: number | null | undefined) => n === null || (n !== undefined && Number.isInteger(n) && n >= 0 && n <= MAX_JOBS);
const isMoney = (n: number | null | undefined) => n === null || (n !== undefined && n >= 0 && n <= MAX_MONEY);

export function plotFormProblems(form: PlotForm): Partial<Record<PlotFormField, PlotFormProblem>> {
  const problems: Partial<Record<PlotFormField, PlotFormProblem>> = {};
  const number = form.plot_number.trim();
  if (number === '' || number.length > 40) problems.plot_number = 'plotNumber';
  for (const field of ['planned_jobs', 'actual_jobs'] as const) if (!isCount(parseNumber(form[field]))) problems[field] = 'count';
  for (const field of ['planned_investment', 'actual_investment'] as const) if (!isMoney(parseNumber(form[field]))) problems[field] = 'money';
  if (form.note.trim().length > MAX_PLOT_NOTE) problems.note = 'noteLength';
  return problems;
}

type PlotFacts = Omit<NewPlot, 'geometry'>;

/** A geometry as the API takes it: anything drawn (never a GeometryCollection, which the tools do not make). */
export type DrawnGeometry = NewPlot['geometry'];

export function asDrawn(geometry: Geometry | null): DrawnGeometry | null {
  return geometry === null || geometry.type === 'GeometryCollection' ? null : geometry;
}

/** The facts of a valid form as the API takes them (blank is null). Check `plotFormProblems` first. */
export function plotFacts(form: PlotForm): PlotFacts {
  const note = form.note.trim();
  return {
    plot_number: form.plot_number.trim(),
    activity: form.activity === '' ? null : form.activity,
    planned_jobs: parseNumber(form.planned_jobs) ?? null,
    actual_jobs: parseNumber(form.actual_jobs) ?? null,
    planned_investment: parseNumber(form.planned_investment) ?? null,
    actual_investment: parseNumber(form.actual_investment) ?? null,
    note: note === '' ? null : note,
  };
}

/** `POST /api/zones/{id}/plots` for a drawn plot. */
export function newPlotBody(form: PlotForm, geometry: DrawnGeometry): NewPlot {
  return { ...plotFacts(form), geometry };
}

/**
 * `PATCH /api/zones/{id}/plots/{plotId}`: only the facts that differ from `start` (and the geometry
 * when redrawn), with the version they were read at; `null` when nothing changed.
 */
export function plotChange(start: PlotForm, form: PlotForm, geometry: DrawnGeometry | undefined, version: number): PlotChange | null {
  const before = plotFacts(start);
  const after = plotFacts(form);
  const change: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof PlotFacts)[]) if (after[key] !== before[key]) change[key] = after[key];
  if (geometry !== undefined) change.geometry = geometry;
  return Object.keys(change).length === 0 ? null : ({ ...change, version } as PlotChange);
}

export function isPlotFormField(name: string): name is PlotFormField {
  return Object.hasOwn(EMPTY_PLOT_FORM, name);
}
