import type { ProgressPlan, ProjectStatus } from './progressPlan.ts';
import { pickNote } from './progressNotes.ts';
import type { Random } from './random.ts';

export interface ProgressUpdateRow {
  day: number;
  status: ProjectStatus;
  physical: number;
  financial: number;
  note: string | null;
}

export interface HistoryWindow {
  /** The first day of the generated history (three years before today). */
  from: number;
  today: number;
  /** Average days between two regular reports, chosen so the total lands near the target. */
  reportEvery: number;
}

/** Most recent report of a running project is at most this old, so only stalled ones look stale. */
const FRESH_WITHIN_DAYS = 75;

/** Reports before the window are dropped, except the latest, which still sets the current state. */
export function progressUpdates(random: Random, plan: ProgressPlan, window: HistoryWindow): ProgressUpdateRow[] {
  const events: Array<{ day: number; status: ProjectStatus }> = [...plan.milestones];
  if (Number.isFinite(window.reportEvery)) {
    for (let day = plan.reportFrom + step(random, window.reportEvery); day < plan.reportTo && day <= window.today; day += step(random, window.reportEvery)) {
      events.push({ day, status: 'in_progress' });
    }
  }
  if (plan.activeAtToday) {
    const latest = events.reduce((max, e) => Math.max(max, e.day), -Infinity);
    if (latest < window.today - FRESH_WITHIN_DAYS) events.push({ day: window.today - random.int(3, FRESH_WITHIN_DAYS), status: 'in_progress' });
  }
  // A stable sort: on a shared day the milestone stays before the regular report.
  events.sort((a, b) => a.day - b.day);

  const rows: ProgressUpdateRow[] = [];
  let physical = 0;
  let financial = 0;
  for (const event of events) {
    if (event.status === 'completed') {
      physical = 100;
      financial = Math.max(financial, round(random.between(90, 100)));
    } else if (event.status === 'in_progress' || event.status === 'suspended' || event.status === 'cancelled') {
      const noisy = plan.physicalAt(event.day) + random.between(-2, 2);
      // Never report 100 % before the completion report; never go backwards.
      physical = Math.max(physical, round(Math.min(99, Math.max(0, noisy))));
      financial = Math.max(financial, round(Math.min(100, plan.financialAt(physical) + random.between(-3, 3))));
    }
    const isStart = event.status === 'in_progress' && event.day === plan.actualStart;
    rows.push({ day: event.day, status: event.status, physical, financial, note: pickNote(random, event.status, isStart) });
  }
  const firstInWindow = rows.findIndex((row) => row.day >= window.from);
  if (firstInWindow === -1) return rows.slice(-1);
  return rows.slice(Math.max(0, firstInWindow - 1));
}

const step = (random: Random, every: number) => Math.max(7, Math.round(every * random.between(0.5, 1.5)));
const round = (value: number) => Math.round(value * 2) / 2;

/** Expected number of rows `progressUpdates` returns besides the regular reports (for sizing `reportEvery`). */
export function fixedUpdateCount(plan: ProgressPlan, window: HistoryWindow): number {
  const inWindow = plan.milestones.filter((m) => m.day >= window.from).length;
  const carried = plan.milestones.some((m) => m.day < window.from) || plan.reportFrom < window.from ? 1 : 0;
  return inWindow + carried + (plan.activeAtToday ? 0.5 : 0);
}

/** Days of regular reporting inside the window. */
export function reportingDays(plan: ProgressPlan, window: HistoryWindow): number {
  return Math.max(0, Math.min(plan.reportTo, window.today + 1) - Math.max(plan.reportFrom, window.from));
}
