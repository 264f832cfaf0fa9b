import { z } from 'zod';
import { PROJECT_STATUSES, STALE_AFTER_DAYS, type ProjectStatus } from './vocabulary.ts';

/**
 * What every summary reports for a group of projects (a country, a governorate, a sector...).
 * Loose: each summary adds the keys of its group (country, governorate, key), kept when parsed.
 */
export const SummaryMetrics = z.looseObject({
  projects: z.number().int(),
  by_status: z.object(Object.fromEntries(PROJECT_STATUSES.map((s) => [s, z.number().int()])) as Record<ProjectStatus, z.ZodNumber>),
  budget_total: z.number().describe('Sum of budgets; budgets in different currencies are not converted'),
  budget_spent: z.number().describe('Sum of budget × financial progress'),
  progress_weighted: z.number().nullable().describe('Physical progress (0–100) weighted by budget; null when no project in the group has a budget'),
  delayed: z.number().int().describe('Past the planned end, not completed or cancelled'),
  stale: z.number().int().describe(`Open, with no update for ${STALE_AFTER_DAYS} days`),
  last_update_on: z.string().nullable(),
});
export type SummaryMetrics = z.infer<typeof SummaryMetrics>;

export const CountrySummary = SummaryMetrics.extend({ country: z.string(), name_en: z.string(), name_ar: z.string() });
export type CountrySummary = z.infer<typeof CountrySummary>;

export const GovernorateSummary = SummaryMetrics.extend({
  governorate: z.string(),
  country: z.string(),
  name_en: z.string(),
  name_ar: z.string(),
  name_ar_short: z.string(),
});
export type GovernorateSummary = z.infer<typeof GovernorateSummary>;

/** Metrics of one group of a breakdown (a sector, a kind). */
export const KeyedMetrics = SummaryMetrics.extend({ key: z.string() });
export type KeyedMetrics = z.infer<typeof KeyedMetrics>;

/** `GET /api/summaries/countries` */
export const CountrySummaries = z.object({ total: SummaryMetrics, countries: z.array(CountrySummary) });
export type CountrySummaries = z.infer<typeof CountrySummaries>;

/** `GET /api/summaries/governorates` */
export const GovernorateSummaries = z.object({ governorates: z.array(GovernorateSummary) });
export type GovernorateSummaries = z.infer<typeof GovernorateSummaries>;

/** `GET /api/summaries/governorates/{code}` */
export const GovernorateDetail = z.object({ governorate: GovernorateSummary, by_sector: z.array(KeyedMetrics), by_kind: z.array(KeyedMetrics) });
export type GovernorateDetail = z.infer<typeof GovernorateDetail>;

export const TimelineMonth = z.object({
  month: z.string().describe('YYYY-MM').meta({ example: '2025-06' }),
  progress_weighted: z.number().nullable(),
  budget_spent: z.number(),
  projects_reporting: z.number().int(),
});
export type TimelineMonth = z.infer<typeof TimelineMonth>;

/** `GET /api/summaries/governorates/{code}/timeline` */
export const GovernorateTimeline = z.object({ months: z.array(TimelineMonth) });
export type GovernorateTimeline = z.infer<typeof GovernorateTimeline>;
