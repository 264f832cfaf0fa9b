import {
  ESCALATION_LEVELS,
  isObstacleActive,
  OBSTACLE_CATEGORIES,
  OBSTACLE_SEVERITIES,
  OBSTACLE_STATUSES,
  type EscalationLevel,
  type NewObstacle,
  type Obstacle,
  type ObstacleCategory,
  type ObstacleChange,
  type ObstacleEscalation,
  type ObstacleSeverity,
  type ObstacleStatus,
  type SessionUser,
} from '@marsad/contracts';
import { canWriteProject } from '../progress/progressReport.ts';

/**
 * What the obstacle screens decide without the server: who is offered "Raise an obstacle", the
 * order obstacles are listed in, which actions an obstacle offers, and the forms' checks (the same
 * rules as contracts/src/obstacles.ts, said in words before anything is sent). The API stays the
 * judge: `may_edit` and `may_escalate` come with every obstacle.
 */

/** Roles that raise obstacles on any project (engineers: on their governorates' projects). */
const RAISERS_ANYWHERE = ['admin', 'minister', 'planner'] as const;

/** Whether `user` is offered "Raise an obstacle" on a project of `governorate`. */
export function canRaiseObstacle(user: SessionUser | null | undefined, governorate: string): boolean {
  if (!user) return false;
  return (RAISERS_ANYWHERE as readonly string[]).includes(user.role) || canWriteProject(user, governorate);
}

const severityRank = (s: ObstacleSeverity) => OBSTACLE_SEVERITIES.indexOf(s);

/** Active first; then the most severe, the overdue, the highest level; then the oldest. */
export function sortObstacles(obstacles: readonly Obstacle[]): Obstacle[] {
  return [...obstacles].sort(
    (a, b) =>
      Number(isObstacleActive(b.status)) - Number(isObstacleActive(a.status)) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      Number(b.is_overdue) - Number(a.is_overdue) ||
      ESCALATION_LEVELS.indexOf(b.level) - ESCALATION_LEVELS.indexOf(a.level) ||
      a.raised_at.localeCompare(b.raised_at) ||
      a.id - b.id,
  );
}

/** The levels above `level`, nearest first (empty at the top). */
export function levelsAbove(level: EscalationLevel): EscalationLevel[] {
  return ESCALATION_LEVELS.slice(ESCALATION_LEVELS.indexOf(level) + 1);
}

export interface ObstacleActions {
  edit: boolean;
  escalate: boolean;
}

/** Which buttons an obstacle shows: what the API allows the caller, and only escalation where there is a level above. */
export function obstacleActions(obstacle: Obstacle): ObstacleActions {
  return { edit: obstacle.may_edit, escalate: obstacle.may_escalate && isObstacleActive(obstacle.status) && levelsAbove(obstacle.level).length > 0 };
}

// ---- Forms -------------------------------------------------------------------------------------

/** What is wrong with a field, as an i18n key under `obstacles.errors`. */
export type ObstacleFieldError =
  | 'title'
  | 'description'
  | 'delay'
  | 'targetDate'
  | 'resolutionRequired'
  | 'resolutionLength'
  | 'bodyRequired'
  | 'reason'
  | 'noChange'
  | 'topLevel';

export type Checked<T, F extends string> = { ok: true; body: T } | { ok: false; errors: Partial<Record<F, ObstacleFieldError>> };

const TITLE_MIN = 3;
const TITLE_MAX = 200;
const NOTE_MAX = 4000;
const REASON_MAX = 2000;
const DELAY_MAX = 3650;

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A body id from a select's value ('' is none). */
const bodyId = (value: string): number | null => (value === '' ? null : Number(value));

/** The "Raise an obstacle" form as typed. */
export interface NewObstacleDraft {
  title: string;
  description: string;
  category: ObstacleCategory;
  severity: ObstacleSeverity;
  responsible_body_id: string;
  estimated_delay_days: string;
  target_date: string;
}

export const emptyNewObstacle = (): NewObstacleDraft => ({
  title: '',
  description: '',
  category: OBSTACLE_CATEGORIES[0],
  severity: 'medium',
  responsible_body_id: '',
  estimated_delay_days: '',
  target_date: '',
});

/** Checks a new obstacle as the API will and builds its body. */
export function checkNewObstacle(draft: NewObstacleDraft, projectId: number): Checked<NewObstacle, keyof NewObstacleDraft> {
  const errors: Partial<Record<keyof NewObstacleDraft, ObstacleFieldError>> = {};
  const title = draft.title.trim();
  if (title.length < TITLE_MIN || title.length > TITLE_MAX) errors.title = 'title';
  const description = draft.description.trim();
  if (description.length > NOTE_MAX) errors.description = 'description';
  const delayText = draft.estimated_delay_days.trim();
  const delay = delayText === '' ? null : Number(delayText);
  if (delay !== null && (!Number.isInteger(delay) || delay < 0 || delay > DELAY_MAX)) errors.estimated_delay_days = 'delay';
  if (draft.target_date !== '' && !isCalendarDay(draft.target_date)) errors.target_date = 'targetDate';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      project_id: projectId,
      title,
      description: description === '' ? null : description,
      category: draft.category,
      severity: draft.severity,
      responsible_body_id: bodyId(draft.responsible_body_id),
      estimated_delay_days: delay,
      target_date: draft.target_date === '' ? null : draft.target_date,
    },
  };
}

/** The edit form as typed: what an engineer changes as the work moves on. */
export interface ObstacleChangeDraft {
  status: ObstacleStatus;
  severity: ObstacleSeverity;
  target_date: string;
  responsible_body_id: string;
  resolution_note: string;
}

export const changeDraftOf = (o: Obstacle): ObstacleChangeDraft => ({
  status: o.status,
  severity: o.severity,
  target_date: o.target_date ?? '',
  responsible_body_id: o.responsible_body === null ? '' : String(o.responsible_body.id),
  resolution_note: o.resolution_note ?? '',
});

/** Statuses that end an obstacle, and so need a resolution note. */
export const needsResolutionNote = (status: ObstacleStatus): boolean => !isObstacleActive(status);

/** The statuses the edit form offers (all; the API refuses what it must). */
export const EDITABLE_STATUSES = OBSTACLE_STATUSES;

/**
 * Checks an edit and builds a PATCH of only what changed, with the version read: ending the
 * obstacle needs a resolution note, waiting for another body needs a body, and an edit that
 * changes nothing is not sent.
 */
export function checkObstacleChange(draft: ObstacleChangeDraft, obstacle: Obstacle): Checked<ObstacleChange, keyof ObstacleChangeDraft> {
  const errors: Partial<Record<keyof ObstacleChangeDraft, ObstacleFieldError>> = {};
  const before = changeDraftOf(obstacle);
  const note = draft.resolution_note.trim();
  if (needsResolutionNote(draft.status) && note.length < 3) errors.resolution_note = 'resolutionRequired';
  else if (note.length > NOTE_MAX) errors.resolution_note = 'resolutionLength';
  if (draft.status === 'waiting_other_body' && draft.responsible_body_id === '') errors.responsible_body_id = 'bodyRequired';
  if (draft.target_date !== '' && !isCalendarDay(draft.target_date)) errors.target_date = 'targetDate';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const body: ObstacleChange = { version: obstacle.version };
  if (draft.status !== before.status) body.status = draft.status;
  if (draft.severity !== before.severity) body.severity = draft.severity;
  if (draft.target_date !== before.target_date) body.target_date = draft.target_date === '' ? null : draft.target_date;
  if (draft.responsible_body_id !== before.responsible_body_id) body.responsible_body_id = bodyId(draft.responsible_body_id);
  if (note !== before.resolution_note.trim()) body.resolution_note = note === '' ? null : note;
  if (Object.keys(body).length === 1) return { ok: false, errors: { status: 'noChange' } };
  return { ok: true, body };
}

/** The escalation form as typed. */
export interface EscalationDraft {
  to_level: EscalationLevel | '';
  reason: string;
}

/** Starts the escalation form: to the level the system proposes, or the next one up. */
export function escalationDraftOf(o: Obstacle, proposalHint: string): EscalationDraft {
  return { to_level: o.proposal?.to_level ?? levelsAbove(o.level)[0] ?? '', reason: o.proposal === null ? '' : proposalHint };
}

export function checkEscalation(draft: EscalationDraft, obstacle: Obstacle): Checked<ObstacleEscalation, keyof EscalationDraft> {
  const errors: Partial<Record<keyof EscalationDraft, ObstacleFieldError>> = {};
  const above = levelsAbove(obstacle.level);
  const toLevel = above.find((l) => l === draft.to_level);
  if (toLevel === undefined) errors.to_level = 'topLevel';
  const reason = draft.reason.trim();
  if (reason.length < 3 || reason.length > REASON_MAX) errors.reason = 'reason';
  if (toLevel === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { to_level: toLevel, reason, version: obstacle.version } };
}

// ---- A governorate's obstacles -------------------------------------------------------------------

export interface ObstacleCounts {
  total: number;
  overdue: number;
  byLevel: Record<EscalationLevel, number>;
  bySeverity: Record<ObstacleSeverity, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts of active obstacles by level and by severity. */
export function countObstacles(obstacles: readonly Obstacle[]): ObstacleCounts {
  const counts: ObstacleCounts = { total: 0, overdue: 0, byLevel: zeros(ESCALATION_LEVELS), bySeverity: zeros(OBSTACLE_SEVERITIES) };
  for (const o of obstacles) {
    if (!isObstacleActive(o.status)) continue;
    counts.total += 1;
    if (o.is_overdue) counts.overdue += 1;
    counts.byLevel[o.level] += 1;
    counts.bySeverity[o.severity] += 1;
  }
  return counts;
}

/** The `n` most severe active obstacles, in list order. */
export function mostSevere(obstacles: readonly Obstacle[], n: number): Obstacle[] {
  return sortObstacles(obstacles.filter((o) => isObstacleActive(o.status))).slice(0, n);
}
