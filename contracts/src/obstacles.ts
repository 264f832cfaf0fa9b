import { z } from 'zod';
import { MAX_NOTE_LENGTH } from './limits.ts';
import { calendarDate, countryCode, governorateCode } from './patterns.ts';

/**
 * What blocks the work and who must act (migration 0022): obstacles on projects and zones, their
 * escalation from the governorate to an inter-ministerial meeting, and the minister's view of
 * them. Meetings and decisions are in meetings.ts.
 */

export const OBSTACLE_CATEGORIES = [
  'land', 'permits', 'funding_release', 'contractor', 'design_change', 'security_access', 'utilities', 'other_ministry', 'other',
] as const;
export type ObstacleCategory = (typeof OBSTACLE_CATEGORIES)[number];

export const OBSTACLE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ObstacleSeverity = (typeof OBSTACLE_SEVERITIES)[number];

/** Where an obstacle is handled, lowest first; it climbs one level (or more) at a time. */
export const ESCALATION_LEVELS = ['governorate', 'directorate', 'minister', 'inter_ministerial'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const OBSTACLE_STATUSES = ['open', 'in_progress', 'waiting_other_body', 'resolved', 'closed', 'dropped'] as const;
export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];
/** Statuses in which an obstacle still blocks its project. */
export const ACTIVE_OBSTACLE_STATUSES = ['open', 'in_progress', 'waiting_other_body'] as const satisfies readonly ObstacleStatus[];
export const isObstacleActive = (status: ObstacleStatus): boolean => (ACTIVE_OBSTACLE_STATUSES as readonly ObstacleStatus[]).includes(status);

export const RESPONSIBLE_BODY_KINDS = ['ministry', 'agency', 'governorate', 'municipality', 'utility', 'contractor', 'donor', 'other'] as const;
export type ResponsibleBodyKind = (typeof RESPONSIBLE_BODY_KINDS)[number];

// ---- Responsible bodies --------------------------------------------------------------------------

/** A body that may have to act (another ministry, an agency, a utility, a contractor). */
export const ResponsibleBody = z.object({
  id: z.number().int(),
  country_iso3: z.string().nullable().describe('null for international bodies'),
  kind: z.enum(RESPONSIBLE_BODY_KINDS),
  name_ar: z.string(),
  name_en: z.string().nullable(),
  is_active: z.boolean(),
  version: z.number().int(),
});
export type ResponsibleBody = z.infer<typeof ResponsibleBody>;

/** `GET /api/responsible-bodies?country=SYR` (signed-in users; the country's bodies and the international ones). */
export const ResponsibleBodyList = z.object({ items: z.array(ResponsibleBody) });
export type ResponsibleBodyList = z.infer<typeof ResponsibleBodyList>;

const bodyName = z.string().trim().min(2).max(200);
/** Responsible bodies' ids are `integer`s: larger ones are refused as input, not left to the database. */
export const MAX_BODY_ID = 2_147_483_647;
const bodyId = z.number().int().positive().max(MAX_BODY_ID, `must be at most ${MAX_BODY_ID}`);
/** `POST /api/responsible-bodies` (admins, planners, ministers). */
export const NewResponsibleBody = z.object({
  country_iso3: countryCode.nullable(),
  kind: z.enum(RESPONSIBLE_BODY_KINDS),
  name_ar: bodyName,
  name_en: bodyName.nullable().default(null),
});
export type NewResponsibleBody = z.input<typeof NewResponsibleBody>;

/** `PATCH /api/responsible-bodies/{id}`: send the version read. */
export const ResponsibleBodyChange = z
  .object({ kind: z.enum(RESPONSIBLE_BODY_KINDS), name_ar: bodyName, name_en: bodyName.nullable(), is_active: z.boolean() })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type ResponsibleBodyChange = z.input<typeof ResponsibleBodyChange>;

// ---- Obstacles -----------------------------------------------------------------------------------

/** Why the system proposes escalating an obstacle (null: it does not). */
export const EscalationProposal = z.object({
  reason: z.enum(['critical_past_target', 'too_long_at_level']),
  to_level: z.enum(ESCALATION_LEVELS),
  days_at_level: z.number().int(),
  threshold_days: z.number().int().describe('The configured days at this level (too_long_at_level), or 0'),
});
export type EscalationProposal = z.infer<typeof EscalationProposal>;

/** Who must act on an obstacle now: the level's holder, or the body it waits for. */
export const MustAct = z.object({
  level: z.enum(ESCALATION_LEVELS),
  role: z.enum(['governorate_engineers', 'ministry_directorate', 'minister', 'inter_ministerial_meeting', 'responsible_body']),
  body: z.object({ id: z.number().int(), name_ar: z.string(), name_en: z.string().nullable() }).nullable(),
});
export type MustAct = z.infer<typeof MustAct>;

/** One obstacle as lists and the register show it. */
export const Obstacle = z.object({
  id: z.number().int(),
  project: z.object({
    id: z.number().int(),
    code: z.string(),
    title_ar: z.string(),
    title_en: z.string().nullable(),
    kind: z.string(),
    status: z.string(),
    governorate: z.string().describe('ISO 3166-2'),
  }),
  title: z.string(),
  description: z.string().nullable(),
  category: z.enum(OBSTACLE_CATEGORIES),
  responsible_body: ResponsibleBody.pick({ id: true, kind: true, name_ar: true, name_en: true }).nullable(),
  severity: z.enum(OBSTACLE_SEVERITIES),
  estimated_delay_days: z.number().int().nullable(),
  level: z.enum(ESCALATION_LEVELS),
  level_since: z.string().describe('ISO timestamp'),
  status: z.enum(OBSTACLE_STATUSES),
  target_date: z.string().nullable().describe('YYYY-MM-DD'),
  is_overdue: z.boolean().describe('Active and past its target date'),
  raised_by: z.string().nullable().describe('Display name'),
  raised_at: z.string(),
  ended_at: z.string().nullable(),
  resolution_note: z.string().nullable(),
  must_act: MustAct,
  proposal: EscalationProposal.nullable(),
  /** Whether the caller may change it, and escalate it. */
  may_edit: z.boolean(),
  may_escalate: z.boolean(),
  version: z.number().int(),
});
export type Obstacle = z.infer<typeof Obstacle>;

/** `GET /api/obstacles`: filtered, a page at a time, most severe and oldest first. */
export const ObstaclePage = z.object({
  items: z.array(Obstacle),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ObstaclePage = z.infer<typeof ObstaclePage>;

/** The filters of `GET /api/obstacles` (query string; lists are comma-separated). */
export const ObstacleFilters = z.object({
  country: countryCode.optional(),
  governorate: governorateCode.optional(),
  project: z.coerce.number().int().positive().optional(),
  status: z.enum([...OBSTACLE_STATUSES, 'active']).optional().describe("'active': open, in progress or waiting"),
  level: z.enum(ESCALATION_LEVELS).optional(),
  severity: z.enum(OBSTACLE_SEVERITIES).optional(),
  category: z.enum(OBSTACLE_CATEGORIES).optional(),
  body: z.coerce.number().int().positive().max(MAX_BODY_ID, `must be at most ${MAX_BODY_ID}`).optional().describe('Responsible body id'),
  proposed: z.enum(['true']).optional().describe('Only those the system proposes to escalate'),
});
export type ObstacleFilters = z.infer<typeof ObstacleFilters>;

const title = z.string().trim().min(3, 'must be at least 3 characters').max(200);
const note = z.string().trim().max(MAX_NOTE_LENGTH);

/** `POST /api/obstacles`: raise an obstacle on a project or zone the caller writes. */
export const NewObstacle = z.object({
  project_id: z.number().int().positive(),
  title,
  description: note.nullable().default(null),
  category: z.enum(OBSTACLE_CATEGORIES),
  responsible_body_id: bodyId.nullable().default(null),
  severity: z.enum(OBSTACLE_SEVERITIES),
  estimated_delay_days: z.number().int().min(0).max(3650).nullable().default(null),
  target_date: calendarDate.nullable().default(null),
});
export type NewObstacle = z.input<typeof NewObstacle>;

/**
 * `PATCH /api/obstacles/{id}`: any of the fields, with the version read (409 if it changed).
 * Ending it (resolved, closed, dropped) needs a resolution_note; waiting_other_body needs a body.
 */
export const ObstacleChange = z
  .object({
    title,
    description: note.nullable(),
    category: z.enum(OBSTACLE_CATEGORIES),
    responsible_body_id: bodyId.nullable(),
    severity: z.enum(OBSTACLE_SEVERITIES),
    estimated_delay_days: z.number().int().min(0).max(3650).nullable(),
    target_date: calendarDate.nullable(),
    status: z.enum(OBSTACLE_STATUSES),
    resolution_note: note.min(3).nullable(),
  })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type ObstacleChange = z.input<typeof ObstacleChange>;

/** `POST /api/obstacles/{id}/escalate`: to a higher level (the next by default), with a reason. */
export const ObstacleEscalation = z.object({
  to_level: z.enum(ESCALATION_LEVELS).optional().describe('Default: the next level up'),
  reason: z.string().trim().min(3, 'say why, in a few words').max(2000),
  version: z.number().int().min(1),
});
export type ObstacleEscalation = z.input<typeof ObstacleEscalation>;

/** One entry of an obstacle's history (`GET /api/obstacles/{id}/history`), newest first. */
export const ObstacleHistoryEntry = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.enum(['raised', 'changed', 'escalated']),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).describe('Field → from/to (changed)'),
  from_level: z.enum(ESCALATION_LEVELS).nullable(),
  to_level: z.enum(ESCALATION_LEVELS).nullable(),
  reason: z.string().nullable(),
  was_proposed: z.boolean().nullable(),
});
export type ObstacleHistoryEntry = z.infer<typeof ObstacleHistoryEntry>;
export const ObstacleHistory = z.object({ items: z.array(ObstacleHistoryEntry) });
export type ObstacleHistory = z.infer<typeof ObstacleHistory>;

// ---- The minister's view -------------------------------------------------------------------------

/** A decision as the overview and the brief list it (the whole is in meetings.ts). */
export const DecisionRef = z.object({
  id: z.number().int(),
  meeting_id: z.number().int(),
  meeting_title: z.string(),
  text: z.string(),
  owner: z.string().describe('The owner body or user, in the caller’s language'),
  due_date: z.string(),
  days_overdue: z.number().int(),
  project: z.object({ id: z.number().int(), title_ar: z.string(), title_en: z.string().nullable(), governorate: z.string() }).nullable(),
});
export type DecisionRef = z.infer<typeof DecisionRef>;

/** `GET /api/obstacles/overview?country=SYR`: what the minister reads first. */
export const ObstacleOverview = z.object({
  country: z.string(),
  /** Active obstacles by level × governorate (governorates with none are left out). */
  by_level: z.array(z.object({ governorate: z.string(), level: z.enum(ESCALATION_LEVELS), count: z.number().int(), critical: z.number().int() })),
  totals: z.object({
    active: z.number().int(),
    critical: z.number().int(),
    overdue: z.number().int(),
    proposed: z.number().int().describe('The system proposes escalating them'),
    waiting_other_bodies: z.number().int(),
    overdue_decisions: z.number().int(),
  }),
  /** The oldest active critical obstacles (up to 10). */
  oldest_critical: z.array(Obstacle),
  /** Active obstacles waiting for another body, by body. */
  waiting: z.array(z.object({ body: ResponsibleBody.pick({ id: true, kind: true, name_ar: true, name_en: true }), count: z.number().int(), oldest_since: z.string().describe('When the oldest of them was raised') })),
  /** Open decisions past their due date (up to 20), oldest due first; see meetings.ts. */
  overdue_decisions: z.array(DecisionRef),
  /** Raised vs resolved per month, the last 12 months with this one (resolved: ended as resolved or closed; dropped ones are not counted). */
  monthly: z.array(z.object({ month: z.string().describe('YYYY-MM'), raised: z.number().int(), resolved: z.number().int() })),
});
export type ObstacleOverview = z.infer<typeof ObstacleOverview>;

/**
 * `GET /api/obstacles/critical-projects`: projects with an active critical obstacle, as GeoJSON
 * points (their label point), for the map's highlight ring. Scoped like every obstacle read.
 */
export const CriticalProjectsCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.number().int(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({ project_id: z.number().int(), critical: z.number().int(), oldest_since: z.string(), top_level: z.enum(ESCALATION_LEVELS) }),
    }),
  ),
});
export type CriticalProjectsCollection = z.infer<typeof CriticalProjectsCollection>;
