import { z } from 'zod';
import { ProgressReport } from './progressReports.ts';
import { PLOT_STATUSES, PlotInvestor } from './zones.ts';

/**
 * `GET /api/zones/{id}/timeline`: how a zone was built or rehabilitated, newest first: its progress
 * reports (with photos and utility lines) and the changes of its plots (from the audit log),
 * merged by day. Kept apart from zones.ts, which progressReports.ts imports.
 */

/** A progress report of the zone, as `GET /api/projects/{id}/progress` lists it. */
export const ZoneTimelineReport = z.object({
  kind: z.literal('report'),
  on: z.string().describe('The day reported on (YYYY-MM-DD)'),
  at: z.string().describe('When it was recorded (ISO 8601, UTC)'),
  report: ProgressReport,
});
export type ZoneTimelineReport = z.infer<typeof ZoneTimelineReport>;

/**
 * One change of one plot, summarised: which plot, its status from → to, the other fields that
 * changed (names only), who and when. `investor` is who the plot went to (null: to nobody, a
 * withdrawal), present when the change named its holder and only for ministry viewers: for donors
 * and anonymous callers the key is absent, and `changed` does not mention investor_id either.
 */
export const ZoneTimelinePlotChange = z.object({
  kind: z.literal('plot'),
  on: z.string().describe('The day of the change (YYYY-MM-DD, UTC)'),
  at: z.string().describe('When it was made (ISO 8601, UTC)'),
  actor: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
  plot_id: z.number().int(),
  plot_number: z.string(),
  from_status: z.enum(PLOT_STATUSES).nullable().describe('null for a new plot, or when the status did not change'),
  to_status: z.enum(PLOT_STATUSES).nullable().describe('null for a removed plot, or when the status did not change'),
  changed: z.array(z.string()).describe('The other fields this change touched, by name'),
  investor: PlotInvestor.nullable().optional(),
});
export type ZoneTimelinePlotChange = z.infer<typeof ZoneTimelinePlotChange>;

export const ZoneTimelineEntry = z.discriminatedUnion('kind', [ZoneTimelineReport, ZoneTimelinePlotChange]);
export type ZoneTimelineEntry = z.infer<typeof ZoneTimelineEntry>;

export const ZoneTimeline = z.object({
  items: z.array(ZoneTimelineEntry),
  limit: z.number().int(),
  offset: z.number().int(),
  next_offset: z.number().int().nullable().describe('The offset of the next page; null on the last'),
});
export type ZoneTimeline = z.infer<typeof ZoneTimeline>;
