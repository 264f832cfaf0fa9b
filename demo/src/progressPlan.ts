import type { Random } from './random.ts';

/**
 * The life of one project as dates: when it was registered, tendered, started, and how it ends
 * (completed, suspended, cancelled, or still running at `today`). Progress updates are drawn
 * from this plan, so the status path and the percentages always tell one consistent story.
 */
export type ProjectStatus = 'planned' | 'tendering' | 'in_progress' | 'suspended' | 'completed' | 'cancelled';
export type Scenario = 'on_track' | 'delayed' | 'stalled' | 'cancelled' | 'early';

export interface Milestone {
  day: number;
  status: ProjectStatus;
}

export interface ProgressPlan {
  scenario: Scenario;
  plannedStart: number;
  plannedEnd: number;
  /** Days (since 1970-01-01); null when it never happened (or not yet by `today`). */
  actualStart: number | null;
  actualEnd: number | null;
  /** planned → tendering → in_progress → (completed | suspended | cancelled), all ≤ today. */
  milestones: Milestone[];
  /** Regular in_progress reports fall strictly between these days (none when from ≥ to). */
  reportFrom: number;
  reportTo: number;
  /** Still being worked on at `today`: its last report must be recent, or it would look stale. */
  activeAtToday: boolean;
  /** Physical progress at `day` if work had continued at the project's pace (0–100). */
  physicalAt(day: number): number;
  /** Share of the budget paid by `day`, roughly tracking physical progress (0–100). */
  financialAt(physical: number): number;
}

export interface PlanContext {
  today: number;
  /** Start years of projects and their relative frequency (more recent years hold more). */
  startYears: ReadonlyArray<{ firstDay: number; lastDay: number; weight: number }>;
}

const SCENARIOS: ReadonlyArray<{ scenario: Scenario; weight: number }> = [
  { scenario: 'on_track', weight: 55 },
  { scenario: 'delayed', weight: 25 },
  { scenario: 'stalled', weight: 10 },
  { scenario: 'cancelled', weight: 5 },
  { scenario: 'early', weight: 5 },
];

/** A stalled project has had no news for at least this long (the dashboard's "stale"). */
export const STALE_AFTER_DAYS = 90;

export function planProgress(random: Random, budgetUsd: number, context: PlanContext): ProgressPlan {
  const { today } = context;
  const year = random.weighted(context.startYears, (y) => y.weight);
  const plannedStart = random.int(year.firstDay, year.lastDay);
  // Bigger budgets take longer: 6 months for small works up to 4 years for the largest.
  const size = Math.min(1, Math.max(0, Math.log(budgetUsd / 50_000) / Math.log(1000)));
  const duration = Math.round(Math.min(1460, Math.max(180, (180 + size * 900) * random.between(0.7, 1.5))));
  const plannedEnd = plannedStart + duration;
  const registered = plannedStart - random.int(90, 270);
  const tendered = plannedStart - random.int(20, 80);

  let scenario = random.weighted(SCENARIOS, (s) => s.weight).scenario;
  const startDelay = { on_track: [0, 45], delayed: [30, 240], stalled: [0, 120], cancelled: [0, 120], early: [0, 15] }[scenario];
  const speed = { on_track: [0.93, 1.07], delayed: [0.4, 0.75], stalled: [0.5, 0.95], cancelled: [0.5, 1], early: [1.15, 1.5] }[scenario];
  const started = plannedStart + random.int(startDelay[0]!, startDelay[1]!);
  const pace = random.between(speed[0]!, speed[1]!);
  const finished = started + Math.round(duration / pace);

  let stoppedOn: number | null = null; // suspended or cancelled
  if (scenario === 'stalled') {
    const latest = today - STALE_AFTER_DAYS - random.int(10, 300);
    if (latest > started + 30) {
      stoppedOn = Math.min(started + Math.round((finished - started) * random.between(0.15, 0.7)), latest);
      stoppedOn = Math.max(stoppedOn, started + 30);
    } else {
      scenario = 'delayed'; // too young to have stalled for long: it is merely slow
    }
  } else if (scenario === 'cancelled') {
    const planned = random.chance(0.4) ? random.int(tendered + 1, started) : started + Math.round((finished - started) * random.between(0.1, 0.6));
    stoppedOn = Math.min(planned, today - random.int(5, 200));
    if (stoppedOn <= registered) stoppedOn = Math.min(today, registered + random.int(1, 30));
  }

  const milestones: Milestone[] = [];
  const add = (day: number, status: ProjectStatus) => {
    if (day <= today && (stoppedOn === null || day < stoppedOn)) milestones.push({ day, status });
  };
  add(registered, 'planned');
  add(tendered, 'tendering');
  add(started, 'in_progress');
  const completed = scenario !== 'cancelled' && scenario !== 'stalled' && finished <= today;
  if (completed) milestones.push({ day: finished, status: 'completed' });
  if (stoppedOn !== null && stoppedOn <= today) {
    if (scenario === 'cancelled') milestones.push({ day: stoppedOn, status: 'cancelled' });
    // Some stalled projects are formally suspended; the others simply stop reporting.
    else if (random.chance(0.65)) milestones.push({ day: stoppedOn, status: 'suspended' });
  }

  const workEnds = Math.min(completed ? finished : Infinity, stoppedOn ?? Infinity, today + 1);
  const financialRate = random.between(0.75, 1);
  const advance = random.pick([0, 0, 5, 10]);
  const physicalAt = (day: number) => (day < started ? 0 : Math.min(100, (100 * (day - started) * pace) / duration));

  return {
    scenario,
    plannedStart,
    plannedEnd,
    actualStart: started <= today && (stoppedOn === null || started < stoppedOn) ? started : null,
    actualEnd: completed ? finished : null,
    milestones,
    reportFrom: started,
    reportTo: started <= today ? workEnds : started,
    activeAtToday: started <= today && stoppedOn === null && !completed,
    physicalAt,
    financialAt: (physical) => (physical <= 0 ? 0 : Math.min(100, advance + physical * financialRate)),
  };
}
