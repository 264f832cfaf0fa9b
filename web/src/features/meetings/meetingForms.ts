import { ESCALATION_LEVELS, type EscalationLevel, type MeetingSummary, type NewDecision, type NewMeeting } from '@marsad/contracts';

/**
 * The meetings screen's pure logic: the new-meeting and decision forms (what is missing before
 * sending, what is sent), the list split into upcoming and past, and how an agenda's freezing is
 * described. Problems are message keys under `meetings.problem.*`, so the form says them in the
 * reader's language before anything is sent; the server's own refusals come back beside the same
 * fields (fieldErrorsOf).
 */

export type Problems<F extends string> = Partial<Record<F, string>>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PROJECT_CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
export const MAX_FREEZE_DAYS = 60;

/** Whether `value` is a calendar day as YYYY-MM-DD that exists. */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** `YYYY-MM-DD` of a date (UTC), and a day shifted by whole days. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

// ---- A new meeting ---------------------------------------------------------------------------

export interface MeetingDraft {
  level: EscalationLevel;
  title_ar: string;
  title_en: string;
  held_on: string;
  /** As typed; empty: the server's default. */
  freeze_days: string;
  governorates: string[];
  organizations: string[];
  /** Project codes, separated by commas, spaces or new lines. */
  project_codes: string;
}

export type MeetingField = 'level' | 'title_ar' | 'title_en' | 'held_on' | 'freeze_days' | 'governorates' | 'organizations' | 'project_codes';
export const MEETING_FIELDS: readonly MeetingField[] = ['level', 'title_ar', 'title_en', 'held_on', 'freeze_days', 'governorates', 'organizations', 'project_codes'];

export const emptyMeetingDraft = (level: EscalationLevel = 'minister'): MeetingDraft => ({
  level,
  title_ar: '',
  title_en: '',
  held_on: '',
  freeze_days: '',
  governorates: [],
  organizations: [],
  project_codes: '',
});

/** The codes typed, upper-cased, each once, in the order given (Arabic commas too). */
export function parseProjectCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,،;]+/).map((code) => code.trim().toUpperCase()).filter((code) => code !== ''))];
}

/** What keeps the draft from being sent, by field (message keys). */
export function meetingDraftProblems(draft: MeetingDraft): Problems<MeetingField> {
  const problems: Problems<MeetingField> = {};
  if (!(ESCALATION_LEVELS as readonly string[]).includes(draft.level)) problems.level = 'level';
  if (draft.title_ar.trim().length < 3) problems.title_ar = 'title';
  if (draft.title_en.trim() !== '' && draft.title_en.trim().length < 3) problems.title_en = 'title';
  if (draft.held_on === '') problems.held_on = 'dateMissing';
  else if (!isCalendarDay(draft.held_on)) problems.held_on = 'date';
  const freeze = draft.freeze_days.trim();
  if (freeze !== '' && !(/^\d{1,2}$/.test(freeze) && Number(freeze) <= MAX_FREEZE_DAYS)) problems.freeze_days = 'freezeDays';
  if (parseProjectCodes(draft.project_codes).some((code) => !PROJECT_CODE.test(code))) problems.project_codes = 'projectCode';
  if (draft.governorates.length === 0 && parseProjectCodes(draft.project_codes).length === 0) problems.governorates = 'scope';
  return problems;
}

/** The request body, once the project codes are resolved to ids. */
export function toNewMeeting(draft: MeetingDraft, country: string, projectIds: number[]): NewMeeting {
  const freeze = draft.freeze_days.trim();
  return {
    country_iso3: country,
    level: draft.level,
    title_ar: draft.title_ar.trim(),
    title_en: draft.title_en.trim() === '' ? null : draft.title_en.trim(),
    held_on: draft.held_on,
    ...(freeze === '' ? {} : { freeze_days: Number(freeze) }),
    governorates: draft.governorates,
    project_ids: projectIds,
    organizations: draft.organizations,
  };
}

// ---- A decision, and its closing -------------------------------------------------------------

export interface DecisionDraft {
  text: string;
  /** `body:12`, `user:3`, or '' (none chosen yet). */
  owner: string;
  due_date: string;
  /** The agenda's obstacle id, or '' for none. */
  obstacle: string;
}

export type DecisionField = 'text' | 'owner' | 'due_date' | 'obstacle';
export const DECISION_FIELDS: readonly DecisionField[] = ['text', 'owner', 'due_date', 'obstacle'];
export const emptyDecisionDraft = (): DecisionDraft => ({ text: '', owner: '', due_date: '', obstacle: '' });

export function decisionDraftProblems(draft: DecisionDraft): Problems<DecisionField> {
  const problems: Problems<DecisionField> = {};
  if (draft.text.trim().length < 3) problems.text = 'decisionText';
  if (!/^(body|user):[1-9]\d*$/.test(draft.owner)) problems.owner = 'owner';
  if (draft.due_date === '') problems.due_date = 'dateMissing';
  else if (!isCalendarDay(draft.due_date)) problems.due_date = 'date';
  return problems;
}

/** The request body; the decision's project is its obstacle's (from the agenda), if it has one. */
export function toNewDecision(draft: DecisionDraft, agenda: readonly { obstacle_id: number; project: { id: number } }[]): NewDecision {
  const [kind, id] = draft.owner.split(':');
  const obstacle = draft.obstacle === '' ? null : (agenda.find((item) => item.obstacle_id === Number(draft.obstacle)) ?? null);
  return {
    text: draft.text.trim(),
    obstacle_id: obstacle?.obstacle_id ?? null,
    project_id: obstacle?.project.id ?? null,
    owner_body_id: kind === 'body' ? Number(id) : null,
    owner_user_id: kind === 'user' ? Number(id) : null,
    due_date: draft.due_date,
  };
}

/** A closing note is required: at least three characters, said before anything is sent. */
export function closingProblem(note: string): string | null {
  return note.trim().length < 3 ? 'closingNote' : null;
}

// ---- The list ----------------------------------------------------------------------------------

/**
 * Upcoming meetings (scheduled, held today or later), soonest first; the rest (held, cancelled,
 * or whose day has passed), latest first.
 */
export function splitMeetings<M extends Pick<MeetingSummary, 'id' | 'held_on' | 'status'>>(items: readonly M[], today: string): { upcoming: M[]; past: M[] } {
  const upcoming = items.filter((m) => m.status === 'scheduled' && m.held_on >= today).sort((a, b) => a.held_on.localeCompare(b.held_on) || a.id - b.id);
  const past = items.filter((m) => !upcoming.includes(m)).sort((a, b) => b.held_on.localeCompare(a.held_on) || b.id - a.id);
  return { upcoming, past };
}
