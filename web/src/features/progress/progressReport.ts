import type { SessionUser } from '../account/session.ts';
import { STATUS_TRANSITIONS, type ProgressReportBody } from '@marsad/contracts';
import { isOneOf, PROJECT_STATUSES, type ProjectStatus } from '../../data/vocabulary.ts';

/**
 * The statuses a report may set: the current one first (no change), then the moves the API's
 * lifecycle allows (the API is the judge; this keeps impossible choices out of the form).
 */
export function allowedStatuses(current: string): ProjectStatus[] {
  if (!isOneOf(PROJECT_STATUSES, current)) return [];
  return [current, ...STATUS_TRANSITIONS[current]];
}

/** Whether `user` may report progress on a project of `governorate` (admins, or its engineers). */
export function canWriteProject(user: SessionUser | null | undefined, governorate: string): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'engineer' && user.governorates.includes(governorate));
}

/** Today in the browser's time zone as `YYYY-MM-DD`. */
export function localIsoDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The form as typed: numbers are still text. */
export interface ProgressDraft {
  reported_on: string;
  status: string;
  physical_progress: string;
  financial_progress: string;
  note: string;
}

/** A report as the form sends it: `POST /api/projects/{id}/progress` without the version, which the caller adds. */
export type ProgressReport = Omit<ProgressReportBody, 'version'>;

/** What is wrong with a field, as an i18n key under `progress.errors`. */
export type ProgressFieldError = 'date' | 'future' | 'status' | 'percent' | 'noteLength';

export type ProgressValidation =
  | { ok: true; report: ProgressReport }
  | { ok: false; errors: Partial<Record<keyof ProgressDraft, ProgressFieldError>> };

const NOTE_MAX = 4000;

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function percent(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/** Checks a draft the way the API will (`today` as `YYYY-MM-DD`), so most mistakes never leave the page. */
export function validateProgress(draft: ProgressDraft, currentStatus: string, today: string): ProgressValidation {
  const errors: Partial<Record<keyof ProgressDraft, ProgressFieldError>> = {};
  if (!isCalendarDay(draft.reported_on)) errors.reported_on = 'date';
  else if (draft.reported_on > today) errors.reported_on = 'future';
  const status = allowedStatuses(currentStatus).find((s) => s === draft.status);
  if (status === undefined) errors.status = 'status';
  const physical = percent(draft.physical_progress);
  if (physical === null) errors.physical_progress = 'percent';
  const financial = percent(draft.financial_progress);
  if (financial === null) errors.financial_progress = 'percent';
  const note = draft.note.trim();
  if (note.length > NOTE_MAX) errors.note = 'noteLength';
  if (status === undefined || physical === null || financial === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    report: {
      reported_on: draft.reported_on,
      status,
      physical_progress: physical,
      financial_progress: financial,
      ...(note === '' ? {} : { note }),
    },
  };
}
