import { z } from 'zod';
import { GeoJsonGeometry } from './geometry.ts';
import { MAX_NOTE_LENGTH } from './limits.ts';
import { calendarDate } from './patterns.ts';

/**
 * Industrial and craft zones as places the ministry manages (migration 0021): plots and their
 * lifecycle, the investors who hold them (ministry eyes only), utility networks and their stages
 * of work, and the totals derived from all of it.
 */

// ---- Plots ---------------------------------------------------------------------------------------

/** A plot's lifecycle, in order. Withdrawing a plot (from any later status) returns it to vacant. */
export const PLOT_STATUSES = ['vacant', 'reserved', 'allocated', 'under_construction', 'producing'] as const;
export type PlotStatus = (typeof PLOT_STATUSES)[number];

/** Statuses in which an investor holds (or has reserved) the plot. */
export const HELD_PLOT_STATUSES = ['reserved', 'allocated', 'under_construction', 'producing'] as const satisfies readonly PlotStatus[];
/** Statuses that count as taken for occupancy (zone_facts.plots_allocated). */
export const TAKEN_PLOT_STATUSES = ['allocated', 'under_construction', 'producing'] as const satisfies readonly PlotStatus[];

/**
 * Whether a plot may go from `from` to `to`: forward along PLOT_STATUSES (steps may be skipped,
 * as when an engineer records an existing zone), or back to vacant (a withdrawal). Nothing else.
 */
export function isPlotTransitionAllowed(from: PlotStatus, to: PlotStatus): boolean {
  if (from === to) return false;
  if (to === 'vacant') return true;
  return PLOT_STATUSES.indexOf(to) > PLOT_STATUSES.indexOf(from);
}

/** Why a transition is refused, in words a person can act on (null when allowed). */
export function plotTransitionProblem(from: PlotStatus, to: PlotStatus): string | null {
  if (from === to) return `the plot is already ${from.replace('_', ' ')}`;
  if (isPlotTransitionAllowed(from, to)) return null;
  return `a plot goes forward (vacant → reserved → allocated → under construction → producing) or is withdrawn back to vacant; it cannot go from ${from.replace('_', ' ')} back to ${to.replace('_', ' ')}`;
}

export const INVESTOR_KINDS = ['company', 'person'] as const;
export type InvestorKind = (typeof INVESTOR_KINDS)[number];

/** Who holds a plot, as the ministry sees them. Never sent to donors or anonymous callers. */
export const Investor = z.object({
  id: z.number().int(),
  country_iso3: z.string(),
  kind: z.enum(INVESTOR_KINDS),
  name_ar: z.string(),
  name_en: z.string().nullable(),
  registration_no: z.string().nullable(),
  contact_name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  version: z.number().int(),
});
export type Investor = z.infer<typeof Investor>;

const optionalText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).nullable().optional();

/** `POST /api/investors`; `PATCH /api/investors/{id}` takes the same fields (all optional) and `version`. */
export const NewInvestor = z
  .object({
    country_iso3: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as SYR'),
    kind: z.enum(INVESTOR_KINDS),
    name_ar: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    name_en: optionalText(200),
    registration_no: optionalText(60),
    contact_name: optionalText(200),
    phone: optionalText(40),
    email: z.email('must be an email address').max(200).nullable().optional(),
  })
  .strict();
export type NewInvestor = z.infer<typeof NewInvestor>;
export const InvestorChange = NewInvestor.partial().extend({ version: z.number().int().positive() }).strict();
export type InvestorChange = z.infer<typeof InvestorChange>;

/** `GET /api/investors`: a page of investors (ministry only), by name. */
export const InvestorPage = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(Investor) });
export type InvestorPage = z.infer<typeof InvestorPage>;

/** The investor as a plot carries it: enough to name them in a list. Ministry only. */
export const PlotInvestor = z.object({ id: z.number().int(), name_ar: z.string(), name_en: z.string().nullable(), kind: z.enum(INVESTOR_KINDS) });
export type PlotInvestor = z.infer<typeof PlotInvestor>;

/**
 * One plot. `investor` is present only for ministry viewers (admin, minister, viewer, planner,
 * engineer); for donors and anonymous callers the key is absent altogether, not null.
 */
export const Plot = z.object({
  id: z.number().int(),
  zone_id: z.number().int(),
  plot_number: z.string(),
  area_m2: z.number(),
  activity: z.string().nullable().describe('plot_activities code'),
  status: z.enum(PLOT_STATUSES),
  allocated_on: z.string().nullable(),
  planned_jobs: z.number().int().nullable(),
  actual_jobs: z.number().int().nullable(),
  planned_investment: z.number().nullable(),
  actual_investment: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  investor: PlotInvestor.nullable().optional(),
});
export type Plot = z.infer<typeof Plot>;

/** `GET /api/zones/{id}/plots`: a zone's plots under filters (all of them by default; a zone has at most a few thousand). */
export const PlotList = z.object({ total: z.number().int(), items: z.array(Plot) });
export type PlotList = z.infer<typeof PlotList>;

const count = z.number('must be a number').int('must be a whole number').min(0, 'must be at least 0').max(100_000, 'must be at most 100,000');
const money = z.number('must be a number').min(0, 'must be at least 0').max(1e14, 'is too large');
const plotNumber = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
/** A plot's note: zone_plots.note holds at most 2,000 characters (shorter than a project's notes). */
const plotNote = z.string().trim().max(2000, 'must be at most 2,000 characters');

/** The facts of a plot an engineer types (status changes go through PlotStatusChange). */
export const PlotFields = z.object({
  plot_number: plotNumber,
  activity: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'must be an activity code such as food_processing').nullable().optional(),
  planned_jobs: count.nullable().optional(),
  actual_jobs: count.nullable().optional(),
  planned_investment: money.nullable().optional(),
  actual_investment: money.nullable().optional(),
  note: plotNote.nullable().optional(),
});

/** `POST /api/zones/{id}/plots`: a drawn plot, vacant. Its geometry is a Polygon or MultiPolygon in WGS 84. */
export const NewPlot = PlotFields.extend({ geometry: GeoJsonGeometry }).strict();
export type NewPlot = z.infer<typeof NewPlot>;

/** `PATCH /api/zones/{id}/plots/{plotId}`: the fields sent, and the version read (409 if it moved). */
export const PlotChange = PlotFields.partial().extend({ geometry: GeoJsonGeometry.optional(), version: z.number().int().positive() }).strict();
export type PlotChange = z.infer<typeof PlotChange>;

/** A plot named with the version the client read. */
export const PlotRef = z.object({ id: z.number().int().positive(), version: z.number().int().positive() }).strict();
export type PlotRef = z.infer<typeof PlotRef>;

/** What the writer saw of a plot whose status it changes (see fieldSync.ts). */
export const PlotStatusBase = z.object({ status: z.enum(PLOT_STATUSES), investor_id: z.number().int().positive().nullable() }).strict();
export type PlotStatusBase = z.infer<typeof PlotStatusBase>;

/** A plot of a status change: with `base`, a stale `version` is applied when the plot's status and investor did not move, else held for review (202). */
export const PlotStatusRef = PlotRef.extend({
  base: PlotStatusBase.optional().describe('What the writer saw of the plot; without it, a stale version is 409'),
}).strict();
export type PlotStatusRef = z.infer<typeof PlotStatusRef>;

/**
 * `POST /api/zones/{id}/plots/status`: one or many plots to one status, all or nothing. Holding
 * statuses name the investor (an existing `investor_id`, or a `new_investor` created in the same
 * transaction); a withdrawal (to vacant) needs a `note` saying why.
 */
export const PlotStatusChange = z
  .object({
    plots: z.array(PlotStatusRef).min(1, 'name at least one plot').max(500, 'at most 500 plots at once'),
    status: z.enum(PLOT_STATUSES),
    investor_id: z.number().int().positive().optional(),
    new_investor: NewInvestor.omit({ country_iso3: true }).optional(),
    allocated_on: calendarDate.optional().describe('Defaults to the day of the change when a plot is first allocated'),
    note: plotNote.optional(),
  })
  .strict();
export type PlotStatusChange = z.infer<typeof PlotStatusChange>;

/** `POST /api/zones/{id}/plots/{plotId}/split`: cut a vacant plot by a line into parts numbered `numbers` (default `<n>-1`, `<n>-2`…). */
export const PlotSplit = z
  .object({ version: z.number().int().positive(), line: GeoJsonGeometry, numbers: z.array(plotNumber).optional() })
  .strict();
export type PlotSplit = z.infer<typeof PlotSplit>;

/** `POST /api/zones/{id}/plots/merge`: adjoining plots of the same status and investor become one. */
export const PlotMerge = z.object({ plots: z.array(PlotRef).min(2, 'name at least two plots').max(50), plot_number: plotNumber }).strict();
export type PlotMerge = z.infer<typeof PlotMerge>;

/** What a plot write answers: the plots as they now are (with their new versions), and the zone's totals. */
export const SavedPlots = z.object({ plots: z.array(Plot), removed: z.array(z.number().int()) });
export type SavedPlots = z.infer<typeof SavedPlots>;

/** One entry of a plot's history (audit log): who, when, from → to. Investor ids only for the ministry. */
export const PlotHistoryEntry = z.object({
  occurred_at: z.string(),
  actor: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
  from: z.record(z.string(), z.unknown()).nullable(),
  to: z.record(z.string(), z.unknown()).nullable(),
});
export type PlotHistoryEntry = z.infer<typeof PlotHistoryEntry>;

/** `GET /api/zones/{id}/plots/{plotId}`: one plot, its outline, and its history (newest first). */
export const PlotDetail = Plot.extend({
  geometry: z.record(z.string(), z.any()).describe('GeoJSON MultiPolygon in WGS 84'),
  history: z.array(PlotHistoryEntry),
});
export type PlotDetail = z.infer<typeof PlotDetail>;

// ---- Utilities -----------------------------------------------------------------------------------

export const UTILITY_NETWORKS = ['water', 'electricity', 'roads', 'sewage', 'telecoms'] as const;
export type UtilityNetwork = (typeof UTILITY_NETWORKS)[number];

/** Stages of work on a network, in order; a rehabilitated zone's networks usually start damaged. */
export const UTILITY_STAGES = ['damaged', 'not_started', 'design', 'tendering', 'under_construction', 'partially_operational', 'operational'] as const;
export type UtilityStage = (typeof UTILITY_STAGES)[number];

/** A network's line in a zone's progress report (`utilities` in ProgressReportBody, zones only). */
export const UtilityReportLine = z
  .object({
    network: z.enum(UTILITY_NETWORKS),
    stage: z.enum(UTILITY_STAGES),
    readiness: z.number('must be a number').int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100'),
    note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
  })
  .strict();
export type UtilityReportLine = z.infer<typeof UtilityReportLine>;

/** A network as it stands: its latest report, or stage null when never reported. */
export const ZoneUtility = z.object({
  network: z.enum(UTILITY_NETWORKS),
  stage: z.enum(UTILITY_STAGES).nullable(),
  readiness: z.number(),
  reported_on: z.string().nullable(),
});
export type ZoneUtility = z.infer<typeof ZoneUtility>;

// ---- Zones ---------------------------------------------------------------------------------------

export const ZONE_DEVELOPMENTS = ['new', 'rehabilitation'] as const;
export type ZoneDevelopment = (typeof ZONE_DEVELOPMENTS)[number];

/** A zone's totals, derived from its plots (never typed). */
export const ZoneTotals = z.object({
  plots_total: z.number().int(),
  plots_by_status: z.record(z.enum(PLOT_STATUSES), z.number().int()),
  occupancy: z.number().nullable().describe('Percent of plots taken (allocated, under construction or producing)'),
  plots_area_m2: z.number(),
  vacant_area_m2: z.number(),
  jobs_planned: z.number().int(),
  jobs_actual: z.number().int(),
  investment_planned: z.number(),
  investment_actual: z.number(),
  readiness: z.number().describe('Mean readiness of the five networks, 0–100'),
});
export type ZoneTotals = z.infer<typeof ZoneTotals>;

/** `GET /api/zones/{id}`: the zone screen's head: who, where, totals, utilities. */
export const ZoneDetail = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(['industrial_zone', 'craft_zone']),
  title_ar: z.string(),
  title_en: z.string(),
  status: z.string(),
  governorate: z.string(),
  governorate_name_ar: z.string(),
  governorate_name_en: z.string(),
  country_iso3: z.string(),
  currency: z.string(),
  development: z.enum(ZONE_DEVELOPMENTS),
  area_ha: z.number().nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  totals: ZoneTotals,
  utilities: z.array(ZoneUtility),
  activities: z
    .array(z.object({ activity: z.string().nullable(), name_en: z.string().nullable(), name_ar: z.string().nullable(), plots: z.number().int() }))
    .describe('The activities its plots are for, most plots first (activity null: plots without one)'),
  version: z.number().int().describe('The zone project version (zone facts edits send it back)'),
  writable: z.boolean().describe('Whether the viewer may edit this zone and its plots'),
  investors_visible: z.boolean().describe('Whether the viewer sees who holds plots'),
});
export type ZoneDetail = z.infer<typeof ZoneDetail>;

/** `PATCH /api/zones/{id}`: the zone's own facts (its title and the like go through PATCH /api/projects/{id}). */
export const ZoneFactsChange = z
  .object({
    version: z.number().int().positive(),
    development: z.enum(ZONE_DEVELOPMENTS).optional(),
    area_ha: z.number().positive('must be above 0').max(1e6).nullable().optional(),
  })
  .strict();
export type ZoneFactsChange = z.infer<typeof ZoneFactsChange>;

/** Metrics a zone can be coloured and sorted by. */
export const ZONE_METRICS = ['occupancy', 'readiness', 'jobs'] as const;
export type ZoneMetric = (typeof ZONE_METRICS)[number];

/** One row of the zones table (`GET /api/zones`). */
export const ZoneRow = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(['industrial_zone', 'craft_zone']),
  title_ar: z.string(),
  title_en: z.string(),
  status: z.string(),
  governorate: z.string(),
  development: z.enum(ZONE_DEVELOPMENTS),
  plots_total: z.number().int(),
  plots_vacant: z.number().int(),
  plots_in_production: z.number().int(),
  occupancy: z.number().nullable(),
  readiness: z.number(),
  jobs_actual: z.number().int(),
  jobs_planned: z.number().int(),
  investment_actual: z.number(),
  currency: z.string(),
});
export type ZoneRow = z.infer<typeof ZoneRow>;

export const ZONE_SORTS = ['occupancy', '-occupancy', 'readiness', '-readiness', 'jobs', '-jobs', 'plots', '-plots', 'title', '-title'] as const;
export type ZoneSort = (typeof ZONE_SORTS)[number];
export const ZonePage = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(ZoneRow) });
export type ZonePage = z.infer<typeof ZonePage>;

/** `GET /api/zones/summary`: the national zone KPI cards under the dashboard's filters. */
export const ZoneKpis = z.object({
  zones: z.number().int(),
  zones_new: z.number().int(),
  zones_rehabilitation: z.number().int(),
  plots_total: z.number().int(),
  plots_producing: z.number().int(),
  plots_vacant: z.number().int(),
  vacant_area_m2: z.number(),
  occupancy: z.number().nullable(),
  readiness: z.number().nullable().describe('Mean of the zones\' readiness'),
  jobs_actual: z.number().int(),
  jobs_planned: z.number().int(),
  investment_by_currency: z.array(z.object({ currency: z.string(), actual: z.number(), planned: z.number() })),
});
export type ZoneKpis = z.infer<typeof ZoneKpis>;
