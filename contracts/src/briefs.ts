import { z } from 'zod';
import { DecisionRef } from './obstacles.ts';
import { AgendaItem, Decision } from './meetings.ts';
import { SummaryMetrics } from './summaries.ts';
import { PROJECT_STATUSES } from './vocabulary.ts';

/**
 * The minister's brief: what the print-only page (web/print.html) draws and the server prints to
 * PDF with headless Chromium. The server assembles it for the requester (only what they may see:
 * a donor's brief holds only shared projects) and hands it to the page; the same JSON is
 * `GET /api/briefs/governorates/{code}` (and /countries/{iso3}, /meetings/{id}) for a preview in
 * a browser, and `….pdf` is the printed brief.
 */

export const BRIEF_LANGUAGES = ['ar', 'en'] as const;
export type BriefLanguage = (typeof BRIEF_LANGUAGES)[number];

const Named = z.object({ code: z.string(), name_ar: z.string(), name_en: z.string() });

/** A project in a brief's tables. */
export const BriefProject = z.object({
  id: z.number().int(),
  code: z.string(),
  title_ar: z.string(),
  title_en: z.string().nullable(),
  kind: z.string(),
  status: z.enum(PROJECT_STATUSES),
  governorate: z.string(),
  physical_progress: z.number().nullable(),
  financial_progress: z.number().nullable(),
  planned_end: z.string().nullable(),
  days_late: z.number().int().nullable().describe('Days past the planned end (delayed)'),
  last_update_on: z.string().nullable(),
  days_since_update: z.number().int().nullable(),
});
export type BriefProject = z.infer<typeof BriefProject>;

/**
 * The map, for print: geometry in lon/lat (already simplified for the page size), drawn as SVG
 * with d3-geo, no WebGL. `area` is what the page is about (a governorate, or a country's
 * governorates), `context` what is around it, drawn in grey.
 */
export const BriefMap = z.object({
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[west, south, east, north] to fit'),
  areas: z.array(z.object({ code: z.string(), name_ar: z.string(), name_en: z.string(), geometry: z.unknown().describe('GeoJSON (Multi)Polygon'), value: z.number().nullable().describe('For a country brief: the share of its projects delayed, 0–1, for shading; null otherwise') })),
  context: z.array(z.object({ code: z.string(), geometry: z.unknown() })),
  projects: z.array(z.object({ id: z.number().int(), lon: z.number(), lat: z.number(), status: z.enum(PROJECT_STATUSES), delayed: z.boolean(), critical_obstacle: z.boolean() })),
  zones: z.array(z.object({ id: z.number().int(), name_ar: z.string(), name_en: z.string().nullable(), geometry: z.unknown().describe('GeoJSON Polygon/MultiPolygon, or Point when small') })),
});
export type BriefMap = z.infer<typeof BriefMap>;

/** A plan-vs-achieved row (when the country has an approved plan for the year). */
export const BriefPlanRow = z.object({
  indicator: z.string(),
  name_ar: z.string(),
  name_en: z.string(),
  unit_ar: z.string(),
  unit_en: z.string(),
  target: z.number().nullable(),
  target_to_date: z.number().nullable(),
  achieved: z.number().nullable(),
  pct_of_target: z.number().nullable(),
});
export type BriefPlanRow = z.infer<typeof BriefPlanRow>;

export const BriefData = z.object({
  kind: z.enum(['governorate', 'country', 'meeting']),
  language: z.enum(BRIEF_LANGUAGES),
  /** When the brief was made, and the time of the newest data in it (the stamp on every page). */
  generated_at: z.string(),
  data_as_of: z.string(),
  requester: z.object({ display_name: z.string(), organization_ar: z.string(), organization_en: z.string() }),
  /** A donor's brief says it holds only the projects shared with the donor. */
  shared_only_with: z.string().nullable().describe('The donor organization’s name, or null'),
  country: Named,
  governorate: Named.nullable(),
  kpis: SummaryMetrics,
  obstacle_counts: z.object({ active: z.number().int(), critical: z.number().int(), overdue: z.number().int(), waiting_other_bodies: z.number().int(), overdue_decisions: z.number().int() }),
  /** For a country brief: a row per governorate. */
  governorates: z.array(z.object({ code: z.string(), name_ar: z.string(), name_en: z.string(), projects: z.number().int(), delayed: z.number().int(), stale: z.number().int(), progress_weighted: z.number().nullable(), active_obstacles: z.number().int() })),
  map: BriefMap,
  delayed_projects: z.array(BriefProject).describe('Most late first (up to 25)'),
  stalled_projects: z.array(BriefProject).describe('Suspended, or open without an update for STALE_AFTER_DAYS (up to 25)'),
  obstacles: z.array(AgendaItem).describe('Active obstacles, most severe and oldest first (up to 30)'),
  overdue_decisions: z.array(DecisionRef),
  plan: z.object({ year: z.number().int(), as_of: z.string(), rows: z.array(BriefPlanRow) }).nullable().describe('null when no plan is approved for the year'),
  photos: z.array(z.object({ id: z.number().int(), url: z.string().describe('Served to the printing page only; same path as the API'), project_title_ar: z.string(), project_title_en: z.string().nullable(), taken_on: z.string(), width: z.number().int(), height: z.number().int() })).describe('Most recent first (up to 6)'),
  meeting: z.object({ id: z.number().int(), title_ar: z.string(), title_en: z.string().nullable(), level: z.string(), held_on: z.string(), agenda_frozen: z.boolean(), agenda: z.array(AgendaItem), decisions: z.array(Decision) }).nullable(),
});
export type BriefData = z.infer<typeof BriefData>;
