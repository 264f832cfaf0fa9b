import { z } from 'zod';
import { MAX_NOTE_LENGTH } from './limits.ts';
import { governorateCode } from './patterns.ts';
import { SECTORS } from './vocabulary.ts';

/**
 * Annual plans against what was achieved (db/migrations/0020, api/src/plans/): the indicator
 * catalogue, plans and their versioned targets, periodic returns and the matrix.
 */

// ---- Vocabulary -----------------------------------------------------------------------------

/** How governorates add up to a country: `sum`, or `rate` = Σ numerator / Σ denominator × rate_per (never an average of rates). */
export const INDICATOR_ROLLUPS = ['sum', 'rate'] as const;
export type IndicatorRollup = (typeof INDICATOR_ROLLUPS)[number];

/** Over time: a `flow` adds up within the period (centres opened); a `stock` is a level, the latest counts (brigades ready). */
export const INDICATOR_TEMPORALS = ['flow', 'stock'] as const;
export type IndicatorTemporal = (typeof INDICATOR_TEMPORALS)[number];

export const INDICATOR_SOURCES = ['computed', 'reported'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** The definitions Marsad computes from its own data (api/src/plans/computedIndicators.ts). */
export const INDICATOR_DEFINITIONS = [
  'projects_completed',
  'line_km_completed',
  'zones_completed',
  'budget_spent',
  'budget_execution',
  'zone_plots_in_production',
] as const;
export type IndicatorDefinition = (typeof INDICATOR_DEFINITIONS)[number];

export const RETURN_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type ReturnFrequency = (typeof RETURN_FREQUENCIES)[number];

export const PLAN_VERSION_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

/** A plan's year. */
export const planYear = z.coerce.number('must be a year such as 2026').int('must be a year such as 2026').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');

/** An indicator's code: lowercase letters, digits and underscores (`service_centres_opened`). */
export const INDICATOR_CODE = /^[a-z][a-z0-9_]{1,62}$/;
export const indicatorCode = z.string().regex(INDICATOR_CODE, 'must be an indicator code such as service_centres_opened');

/** A return period: a month `2026-03` or a quarter `2026-Q1`. */
export const RETURN_PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
export const returnPeriod = z.string().regex(RETURN_PERIOD, 'must be a month such as 2026-03 or a quarter such as 2026-Q1');

// ---- Periods (shared by the returns form and the server) ------------------------------------

/** The periods of `year` at `frequency`, in order: `2026-01`…`2026-12` or `2026-Q1`…`2026-Q4`. */
export function periodsOfYear(year: number, frequency: ReturnFrequency): string[] {
  return frequency === 'monthly'
    ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    : [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** A period's first and last day (YYYY-MM-DD). */
export function periodBounds(period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const quarter = period[5] === 'Q' ? Number(period.slice(6)) : null;
  const firstMonth = quarter === null ? Number(period.slice(5, 7)) : (quarter - 1) * 3 + 1;
  const lastMonth = quarter === null ? firstMonth : firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { start: `${year}-${mm(firstMonth)}-01`, end: `${year}-${mm(lastMonth)}-${lastDay}` };
}

/** The frequency a period is written in. */
export const periodFrequency = (period: string): ReturnFrequency => (period[5] === 'Q' ? 'quarterly' : 'monthly');

/** When a period's return is due: `dueDays` after the period's last day. */
export function periodDueOn(period: string, dueDays: number): string {
  const end = new Date(`${periodBounds(period).end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + dueDays);
  return end.toISOString().slice(0, 10);
}

/**
 * Where an expected return stands on `today` (all YYYY-MM-DD): late when its first submission
 * came after its due date, missing when the due date has passed with none, else on time or not
 * due yet. The one rule for the matrix's counts, the returns' status and the page.
 */
export function returnState(firstSubmittedOn: string | null, dueOn: string, today: string): 'on_time' | 'late' | 'missing' | 'not_due' {
  if (firstSubmittedOn !== null) return firstSubmittedOn > dueOn ? 'late' : 'on_time';
  return dueOn < today ? 'missing' : 'not_due';
}

// ---- The catalogue --------------------------------------------------------------------------

/** `GET /api/indicators`: one indicator of the catalogue. */
export const Indicator = z.object({
  code: z.string(),
  name_en: z.string(),
  name_ar: z.string(),
  unit_en: z.string(),
  unit_ar: z.string(),
  better: z.enum(['higher', 'lower']),
  rollup: z.enum(INDICATOR_ROLLUPS),
  temporal: z.enum(INDICATOR_TEMPORALS),
  rate_per: z.number().nullable().describe('For a rate: the value is numerator / denominator × rate_per (100 for a percentage)'),
  source: z.enum(INDICATOR_SOURCES),
  definition: z.enum(INDICATOR_DEFINITIONS).nullable().describe('For a computed indicator: what Marsad counts'),
  filter_kind: z.string().nullable(),
  filter_sector: z.string().nullable(),
  filter_development: z.enum(['new', 'rehabilitation']).nullable(),
  frequency: z.enum(RETURN_FREQUENCIES).nullable().describe('For a reported indicator: how often governorates return it'),
  return_due_days: z.number().int(),
  framework: z.enum(['SDG', 'ISO 37120']).nullable(),
  framework_code: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorList = z.object({ items: z.array(Indicator) });
export type IndicatorList = z.infer<typeof IndicatorList>;

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** `POST /api/indicators` (admins): a new indicator for the catalogue. */
export const IndicatorBody = z
  .object({
    code: indicatorCode,
    name_en: name,
    name_ar: name,
    unit_en: name,
    unit_ar: name,
    better: z.enum(['higher', 'lower']),
    rollup: z.enum(INDICATOR_ROLLUPS),
    temporal: z.enum(INDICATOR_TEMPORALS),
    rate_per: z.number().positive('must be above 0').nullable().default(null),
    source: z.enum(INDICATOR_SOURCES),
    definition: z.enum(INDICATOR_DEFINITIONS).nullable().default(null),
    filter_kind: z.string().nullable().default(null),
    filter_sector: z.enum(SECTORS).nullable().default(null),
    filter_development: z.enum(['new', 'rehabilitation']).nullable().default(null),
    frequency: z.enum(RETURN_FREQUENCIES).nullable().default(null),
    return_due_days: z.number().int().min(0).max(120).default(15),
    framework: z.enum(['SDG', 'ISO 37120']).nullable().default(null),
    framework_code: z.string().trim().max(40).nullable().default(null),
  })
  .refine((b) => (b.source === 'computed') === (b.definition !== null), { message: 'a computed indicator needs a definition, a reported one none', path: ['definition'] })
  .refine((b) => (b.source === 'reported') === (b.frequency !== null), { message: 'a reported indicator needs a frequency, a computed one none', path: ['frequency'] })
  .refine((b) => (b.rollup === 'rate') === (b.rate_per !== null), { message: 'a rate needs rate_per (100 for a percentage); a sum none', path: ['rate_per'] });
export type IndicatorBody = z.infer<typeof IndicatorBody>;

// ---- Plans and targets ----------------------------------------------------------------------

/** One version of a plan's targets. */
export const PlanVersion = z.object({
  number: z.number().int(),
  status: z.enum(PLAN_VERSION_STATUSES),
  note: z.string().nullable(),
  version: z.number().int().describe('Send it back when changing the draft (optimistic concurrency)'),
  created_by: z.string().nullable(),
  created_at: z.string(),
  approved_by: z.string().nullable(),
  approved_at: z.string().nullable(),
  targets: z.number().int().describe('How many target lines it holds'),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

/** `GET /api/plans/{country}/{year}`: a plan and its versions, newest first. */
export const Plan = z.object({
  country: z.string(),
  year: z.number().int(),
  is_published: z.boolean(),
  versions: z.array(PlanVersion),
});
export type Plan = z.infer<typeof Plan>;

export const PlanList = z.object({ items: z.array(Plan.omit({ versions: true }).extend({ current_version: z.number().int().nullable(), has_draft: z.boolean() })) });
export type PlanList = z.infer<typeof PlanList>;

/** One target line: what a governorate should reach for an indicator (and sector), cumulative by the end of each quarter. */
export const PlanTarget = z.object({
  governorate: governorateCode,
  indicator: indicatorCode,
  sector: z.enum(SECTORS).nullable().default(null),
  quarters: z
    .tuple([z.number().min(0), z.number().min(0), z.number().min(0), z.number().min(0)])
    .describe('What should be reached by the end of Q1, Q2, Q3 and Q4 (cumulative; Q4 is the year\'s target)'),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

/** `GET /api/plans/{country}/{year}/versions/{number}/targets` and `PUT …/draft/targets`. */
export const PlanTargets = z.object({ version: z.number().int(), targets: z.array(PlanTarget) });
export type PlanTargets = z.infer<typeof PlanTargets>;

export const PlanTargetsBody = z.object({
  version: z.number().int().positive().describe('The draft\'s version this change is based on'),
  targets: z.array(PlanTarget).max(20_000, 'at most 20,000 target lines'),
});
export type PlanTargetsBody = z.infer<typeof PlanTargetsBody>;

/** `POST /api/plans/{country}/{year}/draft/approve` and `…/revisions`. */
export const PlanVersionActionBody = z.object({
  version: z.number().int().positive().optional(),
  note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
});

// ---- Returns --------------------------------------------------------------------------------

/** `POST /api/returns`: a governorate's value for a period (a correction is the same call again). */
export const ReturnBody = z.object({
  indicator: indicatorCode,
  governorate: governorateCode,
  period: returnPeriod,
  value: z.number('must be a number').min(0, 'must be at least 0').describe('For a rate: the numerator'),
  denominator: z.number().positive('must be above 0').optional().describe('For a rate indicator only'),
  note: z.string().trim().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`).optional(),
});
export type ReturnBody = z.infer<typeof ReturnBody>;

/** One submitted return (a correction is a later one for the same period). */
export const IndicatorReturn = z.object({
  id: z.number().int(),
  indicator: z.string(),
  governorate: z.string(),
  period: z.string(),
  value: z.number(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  submitted_by: z.string().nullable(),
  submitted_at: z.string(),
  due_on: z.string(),
  late: z.boolean().describe('Submitted after its due date'),
  is_correction: z.boolean().describe('A later value for a period already returned'),
});
export type IndicatorReturn = z.infer<typeof IndicatorReturn>;

export const IndicatorReturnList = z.object({ items: z.array(IndicatorReturn) });
export type IndicatorReturnList = z.infer<typeof IndicatorReturnList>;

/** `GET /api/returns/status`: for each expected return (governorate × reported indicator × period due by today), where it stands. */
export const ReturnStatus = z.object({
  indicator: z.string(),
  governorate: z.string(),
  period: z.string(),
  due_on: z.string(),
  state: z.enum(['on_time', 'late', 'missing', 'not_due']),
  value: z.number().nullable(),
  denominator: z.number().nullable(),
  submitted_at: z.string().nullable(),
});
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const ReturnStatusList = z.object({
  year: z.number().int(),
  country: z.string(),
  items: z.array(ReturnStatus),
  counts: z.object({ on_time: z.number().int(), late: z.number().int(), missing: z.number().int(), not_due: z.number().int() }),
});
export type ReturnStatusList = z.infer<typeof ReturnStatusList>;

// ---- The matrix -----------------------------------------------------------------------------

/** A column of the matrix: an indicator, or an indicator for one sector when the plan sets targets per sector. */
export const MatrixColumn = z.object({
  key: z.string().describe('indicator, or indicator:sector'),
  indicator: z.string(),
  sector: z.string().nullable(),
});
export type MatrixColumn = z.infer<typeof MatrixColumn>;

/** One cell: a governorate (or the country) × a column. */
export const MatrixCell = z.object({
  key: z.string(),
  target: z.number().nullable().describe('The year\'s target in the plan in force (null: no target)'),
  original_target: z.number().nullable().describe('The target first approved, when a revision changed it'),
  target_to_date: z.number().nullable().describe('What should be reached by as_of, phased by quarter'),
  achieved: z.number().nullable().describe('Achieved by as_of (null: nothing to count, e.g. no return yet)'),
  numerator: z.number().nullable().describe('For a rate: Σ numerator'),
  denominator: z.number().nullable().describe('For a rate: Σ denominator'),
  pct_of_target: z.number().nullable().describe('Attainment of the year\'s target, %; for lower-is-better, target / achieved'),
  pct_of_target_to_date: z.number().nullable().describe('Attainment of the target to date, %'),
  returns_missing: z.number().int().describe('Returns due and not submitted (reported indicators)'),
  returns_late: z.number().int().describe('Returns submitted after their due date'),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

export const MatrixRow = z.object({
  governorate: z.string().nullable().describe('null for the national roll-up row'),
  name_en: z.string(),
  name_ar: z.string(),
  cells: z.array(MatrixCell),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

/** `GET /api/plans/{country}/{year}/matrix` */
export const PlanMatrix = z.object({
  country: z.string(),
  year: z.number().int(),
  as_of: z.string().describe('The date achieved and target-to-date are counted to'),
  plan_version: z.number().int().nullable().describe('The approved version in force (null: none approved yet, targets empty)'),
  shows_targets: z.boolean().describe('False for a donor: achieved over shared projects only'),
  indicators: z.array(Indicator),
  columns: z.array(MatrixColumn),
  rows: z.array(MatrixRow),
  national: MatrixRow.nullable().describe('The country\'s roll-up (null when the viewer sees only some governorates)'),
});
export type PlanMatrix = z.infer<typeof PlanMatrix>;

/** `GET /api/plans/{country}/{year}/series/{indicator}`: cumulative achieved against the phased target, month by month. */
export const IndicatorSeries = z.object({
  indicator: z.string(),
  governorate: z.string().nullable(),
  sector: z.string().nullable(),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      achieved: z.number().nullable().describe('Cumulative (flow) or level (stock, rate) at the month\'s end; null after as_of'),
      target_to_date: z.number().nullable(),
    }),
  ),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

/** `GET /api/plans/{country}/{year}/cells/{governorate}/{indicator}`: what a cell counts. */
export const MatrixCellDetail = z.object({
  indicator: z.string(),
  governorate: z.string(),
  sector: z.string().nullable(),
  cell: MatrixCell,
  projects: z
    .array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        title_ar: z.string(),
        title_en: z.string(),
        status: z.string(),
        completed_on: z.string().nullable(),
        contribution: z.number().describe('What this project adds to the value (1, km, USD…)'),
      }),
    )
    .describe('For a computed indicator: the projects behind the value (at most 500)'),
  returns: z.array(IndicatorReturn).describe('For a reported indicator: every return of the year, corrections included'),
});
export type MatrixCellDetail = z.infer<typeof MatrixCellDetail>;


// ---- Targets in and out of spreadsheets -----------------------------------------------------

/** One bad cell of an uploaded targets workbook: where it is (sheet, row, column letter, `D7`) and what is wrong. */
export const TargetsCellError = z.object({
  sheet: z.string(),
  row: z.number().int().describe('1-based, as the spreadsheet shows it (the header is row 1)'),
  column: z.string().describe('The column letter, e.g. D'),
  cell: z.string().describe('The cell reference, e.g. D7'),
  message: z.string(),
});
export type TargetsCellError = z.infer<typeof TargetsCellError>;

/** `POST /api/plans/{country}/{year}/draft/targets.xlsx`: what the upload holds, every bad cell, and whether it was applied. */
export const TargetsUploadReport = z.object({
  ok: z.boolean().describe('No bad cell'),
  dry_run: z.boolean(),
  applied: z.boolean().describe('The draft\'s targets were replaced by the file\'s lines'),
  lines: z.number().int().describe('Target lines in the file (rows with quarters filled in)'),
  version: z.number().int().nullable().describe('The draft\'s version after applying (send it with the next change)'),
  errors: z.array(TargetsCellError),
});
export type TargetsUploadReport = z.infer<typeof TargetsUploadReport>;
