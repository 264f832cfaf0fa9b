import { z } from 'zod';
import { GeoJsonGeometry, geoJsonOf } from './geometry.ts';
import { CURRENCY_CODE, isoDate, organizationSlug, PROJECT_CODE } from './patterns.ts';
import { PROJECT_KINDS, SECTORS } from './vocabulary.ts';

// ---- Responses ----------------------------------------------------------------------------

/** One project as lists, exports and popups show it (`GET /api/projects`). */
export const ProjectSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.string(),
  sector: z.string(),
  title_ar: z.string(),
  title_en: z.string(),
  status: z.string(),
  physical_progress: z.number(),
  financial_progress: z.number(),
  budget: z.number().nullable(),
  currency: z.string(),
  planned_start: z.string().nullable(),
  planned_end: z.string().nullable(),
  actual_start: z.string().nullable(),
  actual_end: z.string().nullable(),
  last_update_on: z.string().nullable(),
  is_published: z.boolean(),
  country: z.string(),
  governorate: z.string(),
  governorate_name_ar: z.string(),
  governorate_name_en: z.string(),
  delayed: z.boolean().describe('Past its planned end and still open (false without a planned end)'),
  stale: z.boolean(),
  delay_days: z.number().int(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

/** A page of projects (`GET /api/projects`, format=json); `links` carry every filter on. */
export const ProjectPage = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(ProjectSummary),
  links: z.object({ next: z.string().nullable(), prev: z.string().nullable() }),
});
export type ProjectPage = z.infer<typeof ProjectPage>;

/** Who funds a project, and how much. */
export const Funding = z.object({
  organization: z.string(),
  kind: z.string(),
  name_en: z.string(),
  name_ar: z.string(),
  amount: z.number(),
  currency: z.string(),
});
export type Funding = z.infer<typeof Funding>;

/** One progress report in a project's history (its photos come from `GET …/progress`). */
export const ProgressEntry = z.object({
  id: z.number().int(),
  reported_on: z.string(),
  status: z.string(),
  physical_progress: z.number(),
  financial_progress: z.number(),
  note: z.string().nullable(),
  author: z.string().nullable(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/**
 * An industrial or craft zone's facts: its development and area (typed), and its totals and
 * utilities readiness (0–100), derived from its plots and utility reports (migration 0021). The
 * zone screen's fuller view is `GET /api/zones/{id}` (ZoneDetail).
 */
export const ZoneFacts = z.object({
  development: z.string().nullable(),
  area_ha: z.number().nullable(),
  plots_total: z.number(),
  plots_allocated: z.number().describe('Plots taken: allocated, under construction or producing'),
  plots_in_production: z.number(),
  plots_vacant: z.number(),
  plots_reserved: z.number(),
  plots_under_construction: z.number(),
  plots_area_m2: z.number(),
  vacant_area_m2: z.number(),
  occupancy: z.number().nullable().describe('Percent of plots taken; null for a zone without plots'),
  readiness: z.number().describe('Mean readiness of the five networks, 0–100'),
  jobs_planned: z.number(),
  jobs_actual: z.number(),
  investment_planned: z.number().describe("In the project's currency"),
  investment_actual: z.number(),
  utilities: z.object({
    water: z.number().nullable(),
    electricity: z.number().nullable(),
    roads: z.number().nullable(),
    sewage: z.number().nullable(),
    telecoms: z.number().nullable(),
  }),
});
export type ZoneFacts = z.infer<typeof ZoneFacts>;

/** Everything about one project (`GET /api/projects/{id}`). */
export const ProjectDetail = ProjectSummary.extend({
  description_ar: z.string().nullable(),
  description_en: z.string().nullable(),
  geometry: geoJsonOf(),
  funding: z.array(Funding),
  progress: z.array(ProgressEntry),
  zone: ZoneFacts.nullable(),
  version: z.number().int().describe('Changes with every write; a change or a progress report names the version it is based on'),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

/** The answer to a created or changed project: where it landed, its new version, and any repair made. */
export const SavedProject = z.object({
  id: z.number().int(),
  version: z.number().int(),
  governorate: z.string(),
  warnings: z.array(z.string()),
});
export type SavedProject = z.infer<typeof SavedProject>;

/** One entry of a project's audit log (`GET /api/projects/{id}/history`): who changed which table, from what to what. */
export const HistoryEntry = z.object({
  at: z.string(),
  actor: z.string().nullable().describe('Display name of who made the change; null for loads and system changes'),
  action: z.enum(['insert', 'update', 'delete', 'bulk_load']),
  table: z.string(),
  from: z.record(z.string(), z.any()).nullable(),
  to: z.record(z.string(), z.any()).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** `GET /api/projects/{id}/history`: the latest entries, newest first. */
export const HistoryList = z.object({ items: z.array(HistoryEntry) });
export type HistoryList = z.infer<typeof HistoryList>;

/** An organization a project is shared with (`GET /api/projects/{id}/shares`). */
export const ProjectShare = z.object({
  organization: z.string(),
  name_ar: z.string(),
  name_en: z.string(),
  kind: z.string(),
  shared_at: z.string(),
  shared_by: z.string().nullable(),
});
export type ProjectShare = z.infer<typeof ProjectShare>;

/** `GET /api/projects/{id}/shares`: the organizations a project is shared with, by slug. */
export const ProjectShareList = z.object({ items: z.array(ProjectShare) });
export type ProjectShareList = z.infer<typeof ProjectShareList>;

// ---- Requests -----------------------------------------------------------------------------

const title = z.string().trim().min(3, 'must be at least 3 characters').max(300);
const description = z.string().trim().max(5000).nullable().optional();
/** A budget or a funded amount. */
const amount = z.number('must be a number').min(0, 'must not be negative').max(1e14);
const currencyCode = z.string().regex(CURRENCY_CODE, 'must be an ISO 4217 code such as USD');

/** A project's own fields, as clients send them. */
const fieldShape = {
  code: z.string().regex(PROJECT_CODE, 'must be capital letters, digits and dashes, e.g. SY-DI-2026-0101'),
  kind: z.enum(PROJECT_KINDS),
  sector: z.enum(SECTORS),
  title_ar: title,
  title_en: title,
  description_ar: description,
  description_en: description,
  budget: amount.nullable().optional(),
  currency: currencyCode,
  planned_start: isoDate.nullable().optional(),
  planned_end: isoDate.nullable().optional(),
  is_published: z.boolean(),
};

/** A new project's fields (a row of an import too): a currency and its publication have defaults. */
export const ProjectFields = z.object({
  ...fieldShape,
  currency: fieldShape.currency.default('USD'),
  is_published: fieldShape.is_published.default(false),
});
export type ProjectFields = z.infer<typeof ProjectFields>;

/**
 * A change's fields: any of them, and nothing filled in. (A `.partial()` of ProjectFields would
 * still apply its defaults, so that changing a title would unpublish the project.)
 */
export const ProjectFieldChange = z.object(fieldShape).partial();

/** Who funds a project and how much, as clients send it: the whole list, which replaces the old one. */
export const FundingInput = z
  .array(
    z.object({
      organization: organizationSlug,
      amount,
      currency: currencyCode.optional().describe("Defaults to the project's currency"),
    }),
  )
  .max(50, 'at most 50 funders')
  .refine((rows) => new Set(rows.map((r) => r.organization)).size === rows.length, 'names an organization more than once')
  .describe('The funders; sending the list replaces the previous one (an empty list removes them all)');
export type FundingInput = z.infer<typeof FundingInput>;

const repairGeometry = 'Repair an invalid geometry (ST_MakeValid) instead of rejecting it';

/** `POST /api/projects`: a new project; its governorate is found from the geometry. */
export const NewProject = ProjectFields.extend({
  geometry: GeoJsonGeometry,
  funding: FundingInput.optional(),
  repair_geometry: z.boolean().default(false).describe(repairGeometry),
});
export type NewProject = z.input<typeof NewProject>;

/** `PATCH /api/projects/{id}`: only what changes, and the version it was made from (409 if the project moved on since). */
export const ProjectChange = ProjectFieldChange.extend({
  geometry: GeoJsonGeometry.optional(),
  funding: FundingInput.optional(),
  repair_geometry: z.boolean().optional().describe(repairGeometry),
  version: z.number().int().positive().describe('The version the change was made from; 409 if the project moved on since'),
});
export type ProjectChange = z.input<typeof ProjectChange>;

/**
 * What `PATCH /api/projects/{id}` takes: a ProjectChange and, optionally, what the editor saw of
 * the fields it changes (`base`, see fieldSync.ts). Its own schema so that the fields of a change
 * (ProjectChange, which forms derive from) stay the fields of a project.
 */
export const ProjectChangeWithBase = ProjectChange.extend({
  base: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'What the editor saw of the fields it changes, by the same names (geometry and funding too): with a stale `version`, the change is applied when none of them moved since, else held for review (202); without it, a stale version is 409',
    ),
});
export type ProjectChangeWithBase = z.input<typeof ProjectChangeWithBase>;
