import { z } from 'zod';
import { PROJECT_STATUSES, STALE_AFTER_DAYS } from './vocabulary.ts';

/**
 * "What changed" (issue 15): the projects that moved in a period, by kind, as a minister asks
 * first. The definitions live with the server (api/src/changes/changeQueries.ts); the ones the
 * page must say out loud are here.
 */

/** The kinds of change, in the order the page lists them. */
export const CHANGE_KINDS = ['delayed', 'stalled', 'completed', 'jump', 'reported'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A big jump: physical progress up by at least this many points between the period's start and now. */
export const BIG_JUMP_POINTS = 20;

/** A period starts at most this many days back; an earlier `since` is moved up to it (and the answer says so). */
export const CHANGES_MAX_DAYS = 366;

/** Each kind lists at most this many projects (the most recent first); its `count` is the full number. */
export const CHANGES_LIST_LIMIT = 100;

/** The named periods `since` takes besides a date, in days back from today. */
export const CHANGE_PERIODS = { week: 7, month: 30 } as const;
export type ChangePeriod = keyof typeof CHANGE_PERIODS;

const status = z.enum(PROJECT_STATUSES);

/** A project's state from its progress reports: at the eve of the period (`before`) or now (`after`). */
export const ChangeState = z.object({
  status: status.nullable().describe('The status of the latest report; null before the first report'),
  physical_progress: z.number().nullable(),
  reported_on: z.string().nullable().describe('The date of that report'),
});
export type ChangeState = z.infer<typeof ChangeState>;

export const ChangeItem = z.object({
  id: z.number().int(),
  code: z.string(),
  title_ar: z.string(),
  title_en: z.string(),
  governorate: z.string(),
  governorate_name_ar: z.string(),
  governorate_name_en: z.string(),
  lon: z.number().describe('A point on the project (its label point), for the map'),
  lat: z.number(),
  on: z.string().describe('The day the change happened (YYYY-MM-DD)'),
  reason: z
    .enum(['suspended', 'no_update'])
    .nullable()
    .describe(`For "stalled": suspended by a report in the period, or ${STALE_AFTER_DAYS} days without a report passed in it`),
  before: ChangeState.nullable().describe('At the eve of the period; null for "delayed" and "no_update": the calendar changed them, not a report'),
  after: ChangeState,
  planned_end: z.string().nullable(),
  days_late: z.number().int().nullable().describe('For "delayed": days past the planned end today'),
});
export type ChangeItem = z.infer<typeof ChangeItem>;

export const ChangeGroup = z.object({ count: z.number().int(), items: z.array(ChangeItem) });
export type ChangeGroup = z.infer<typeof ChangeGroup>;

/** `GET /api/changes?since=…` */
export const ChangesAnswer = z.object({
  since: z.string().describe('The first day of the period (YYYY-MM-DD), after any clamping'),
  until: z.string().describe('Today (YYYY-MM-DD, UTC): the last day of the period'),
  clamped: z.boolean().describe(`True when the asked \`since\` was more than ${CHANGES_MAX_DAYS} days back and was moved up`),
  big_jump_points: z.number(),
  kinds: z.object(Object.fromEntries(CHANGE_KINDS.map((k) => [k, ChangeGroup])) as Record<ChangeKind, typeof ChangeGroup>),
});
export type ChangesAnswer = z.infer<typeof ChangesAnswer>;

/** `POST /api/changes/visit`: the signed-in user opened the dashboard. */
export const VisitAnswer = z.object({
  previous_visit: z.string().nullable().describe('When your previous visit ended (ISO timestamp); null on your first'),
  this_visit: z.string(),
});
export type VisitAnswer = z.infer<typeof VisitAnswer>;
