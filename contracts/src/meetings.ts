import { z } from 'zod';
import { MAX_NOTE_LENGTH } from './limits.ts';
import { ESCALATION_LEVELS, OBSTACLE_CATEGORIES, OBSTACLE_SEVERITIES, OBSTACLE_STATUSES } from './obstacles.ts';
import { calendarDate, countryCode, governorateCode, organizationSlug } from './patterns.ts';

/**
 * Review meetings (migration 0022): a meeting at a level covers governorates or projects; its
 * agenda is built from the active obstacles at that level in its scope until it freezes
 * (freeze_days before held_on), then stays as it was; decisions taken in it have an owner and a
 * due date and stay open until closed with a note.
 */

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const DECISION_STATUSES = ['open', 'closed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** One obstacle on an agenda, as it stood when the agenda froze (or now, before it freezes). */
export const AgendaItem = z.object({
  position: z.number().int(),
  obstacle_id: z.number().int(),
  project: z.object({ id: z.number().int(), code: z.string(), title_ar: z.string(), title_en: z.string().nullable(), governorate: z.string() }),
  title: z.string(),
  category: z.enum(OBSTACLE_CATEGORIES),
  severity: z.enum(OBSTACLE_SEVERITIES),
  level: z.enum(ESCALATION_LEVELS),
  status: z.enum(OBSTACLE_STATUSES),
  responsible_body: z.object({ id: z.number().int(), name_ar: z.string(), name_en: z.string().nullable() }).nullable(),
  target_date: z.string().nullable(),
  estimated_delay_days: z.number().int().nullable(),
  raised_at: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A decision (direction) taken in a meeting. */
export const Decision = z.object({
  id: z.number().int(),
  meeting_id: z.number().int(),
  obstacle_id: z.number().int().nullable(),
  project: z.object({ id: z.number().int(), code: z.string(), title_ar: z.string(), title_en: z.string().nullable(), governorate: z.string() }).nullable(),
  text: z.string(),
  owner_body: z.object({ id: z.number().int(), name_ar: z.string(), name_en: z.string().nullable() }).nullable(),
  owner_user: z.object({ id: z.number().int(), display_name: z.string() }).nullable(),
  due_date: z.string(),
  status: z.enum(DECISION_STATUSES),
  is_overdue: z.boolean().describe('Open past its due date'),
  days_overdue: z.number().int(),
  closed_at: z.string().nullable(),
  closed_by: z.string().nullable(),
  closing_note: z.string().nullable(),
  closing_document: z.string().nullable(),
  may_close: z.boolean(),
  version: z.number().int(),
});
export type Decision = z.infer<typeof Decision>;

/** A meeting as lists show it. */
export const MeetingSummary = z.object({
  id: z.number().int(),
  country_iso3: z.string(),
  level: z.enum(ESCALATION_LEVELS),
  title_ar: z.string(),
  title_en: z.string().nullable(),
  held_on: z.string(),
  status: z.enum(MEETING_STATUSES),
  freeze_days: z.number().int(),
  freezes_on: z.string().describe('held_on − freeze_days: the day its agenda freezes'),
  agenda_frozen: z.boolean(),
  governorates: z.array(z.string()),
  organizations: z.array(z.string()).describe('Organization slugs taking part (a donor in a follow-up committee)'),
  agenda_items: z.number().int(),
  open_decisions: z.number().int(),
  overdue_decisions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

/** `GET /api/meetings?country=SYR&from=&to=` */
export const MeetingList = z.object({ items: z.array(MeetingSummary) });
export type MeetingList = z.infer<typeof MeetingList>;

/** `GET /api/meetings/{id}`: the meeting, its agenda (frozen or as it would freeze now) and its decisions. */
export const Meeting = MeetingSummary.extend({
  project_ids: z.array(z.number().int()),
  minutes: z.string().nullable(),
  agenda: z.array(AgendaItem),
  decisions: z.array(Decision),
  may_edit: z.boolean(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

const meetingTitle = z.string().trim().min(3).max(200);

/** An id of an `integer` column (responsible bodies, accounts): at most 2³¹ − 1. */
const int4Id = z.number().int().positive().max(2_147_483_647);

/** `POST /api/meetings` (admins, ministers, planners). */
export const NewMeeting = z.object({
  country_iso3: countryCode,
  level: z.enum(ESCALATION_LEVELS),
  title_ar: meetingTitle,
  title_en: meetingTitle.nullable().default(null),
  held_on: calendarDate,
  freeze_days: z.number().int().min(0).max(60).optional().describe('Default: the server’s MEETING_AGENDA_FREEZE_DAYS'),
  governorates: z.array(governorateCode).max(100).default([]),
  project_ids: z.array(z.number().int().positive()).max(1000).default([]),
  organizations: z.array(organizationSlug).max(20).default([]),
});
export type NewMeeting = z.input<typeof NewMeeting>;

/** `PATCH /api/meetings/{id}`: with the version read. Scope changes are refused once the agenda froze. */
export const MeetingChange = z
  .object({
    title_ar: meetingTitle,
    title_en: meetingTitle.nullable(),
    held_on: calendarDate,
    status: z.enum(MEETING_STATUSES),
    minutes: z.string().trim().max(20_000).nullable(),
  })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type MeetingChange = z.input<typeof MeetingChange>;

/** `POST /api/meetings/{id}/decisions`: record a direction (an owner body or user, a due date). */
export const NewDecision = z
  .object({
    text: z.string().trim().min(3).max(MAX_NOTE_LENGTH),
    obstacle_id: z.number().int().positive().nullable().default(null),
    project_id: z.number().int().positive().nullable().default(null),
    owner_body_id: int4Id.nullable().default(null),
    owner_user_id: int4Id.nullable().default(null),
    due_date: calendarDate,
  })
  .refine((d) => d.owner_body_id !== null || d.owner_user_id !== null, { message: 'name who must act: a body or a person', path: ['owner_body_id'] });
export type NewDecision = z.input<typeof NewDecision>;

/** `PATCH /api/decisions/{id}` (organizers): its text, due date or owner, with the version read. */
export const DecisionChange = z
  .object({
    text: z.string().trim().min(3).max(MAX_NOTE_LENGTH),
    due_date: calendarDate,
    owner_body_id: int4Id.nullable(),
    owner_user_id: int4Id.nullable(),
  })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type DecisionChange = z.input<typeof DecisionChange>;

/** `POST /api/decisions/{id}/close`: a decision closes only with a note (and a document reference if there is one). */
export const DecisionClosing = z.object({
  closing_note: z
    .string({ error: 'is required to close a decision: say in a few words what was done (and name the letter or file that proves it in closing_document)' })
    .trim()
    .min(3, 'say what was done, in a few words')
    .max(MAX_NOTE_LENGTH),
  closing_document: z.string().trim().min(1).max(500).nullable().default(null),
  version: z.number().int().min(1),
});
export type DecisionClosing = z.input<typeof DecisionClosing>;

/** `GET /api/decisions?status=open&overdue=true&country=SYR`: decisions across meetings. */
export const DecisionList = z.object({ items: z.array(Decision) });
export type DecisionList = z.infer<typeof DecisionList>;
