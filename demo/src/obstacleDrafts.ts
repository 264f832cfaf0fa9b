import { ESCALATION_LEVELS, type EscalationLevel, type ObstacleSeverity, type ObstacleStatus } from '@marsad/contracts';
import { CATEGORY_WEIGHTS, ENDINGS, ESCALATION_REASONS, INTER_MINISTERIAL_CATEGORIES, TEMPLATES, type ObstacleTemplate } from './obstacleCatalogue.ts';
import { Random } from './random.ts';

/**
 * The demo's obstacles as whole stories: raised on a day, climbing level by level, ended (resolved,
 * closed, dropped) or still blocking at `today`. Pure: the writer resolves bodies and writes them;
 * the meetings (demoMeetings.ts) read each one's state on any day and may move its climb so a
 * meeting finds it on its agenda.
 */

export const MS_PER_DAY = 86_400_000;
export type ActiveStatus = Extract<ObstacleStatus, 'open' | 'in_progress' | 'waiting_other_body'>;
type EndStatus = Extract<ObstacleStatus, 'resolved' | 'closed' | 'dropped'>;

/** An unfinished project as the obstacle generator reads it. */
export interface ObstacleProject {
  id: number;
  code: string;
  status: 'planned' | 'tendering' | 'in_progress' | 'suspended';
  areaId: number;
  areaCode: string;
  country: string;
  /** Day numbers (days.ts). */
  created: number;
  plannedEnd: number | null;
  sharedWithUndp: boolean;
}

export interface EscalationStep {
  to: EscalationLevel;
  from: EscalationLevel;
  /** Timestamp (ms). */
  at: number;
  reason: string;
  proposed: boolean;
}

export interface ObstacleDraft {
  /** Set by the writer from the identity sequence. */
  id: number;
  project: ObstacleProject;
  template: ObstacleTemplate;
  severity: ObstacleSeverity;
  delayDays: number;
  /** Timestamps (ms). */
  raised: number;
  steps: EscalationStep[];
  /** Its status while it blocks (after its first week: before, it is open). */
  activeStatus: ActiveStatus;
  end: { at: number; status: EndStatus; note: string } | null;
  /** Day number. */
  target: number;
  /** Taken by a meeting (its climb was set for that meeting's agenda). */
  pulled: boolean;
}

/** Days at a level after which the server proposes escalating (api config defaults). */
export const DAYS_AT_LEVEL: Readonly<Record<EscalationLevel, number>> = { governorate: 30, directorate: 45, minister: 60, inter_ministerial: Infinity };

/** Chance that a project of each status carries an obstacle (raised in the last 12 months). */
const CHANCE: Readonly<Record<ObstacleProject['status'], number>> = { planned: 0.04, tendering: 0.08, in_progress: 0.08, suspended: 0.7 };
const DELAYED_FACTOR = 2.6;
/** The governorates of the brief's screenshots (Damascus, Misrata) carry more, so their brief tells something. */
export const FEATURED_GOVERNORATES: ReadonlySet<string> = new Set(['SY-DI', 'LY-MI']);
const FEATURED_FACTOR = 1.5;
const UNDP_FACTOR = 1.8;
const SEVERITIES: readonly [ObstacleSeverity, number][] = [['low', 14], ['medium', 34], ['high', 33], ['critical', 19]];
const DELAY: Readonly<Record<ObstacleSeverity, [number, number]>> = { low: [7, 30], medium: [20, 60], high: [45, 120], critical: [90, 240] };
/** How high an obstacle of each severity may climb (index in ESCALATION_LEVELS). */
const HIGHEST: Readonly<Record<ObstacleSeverity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export const levelIndex = (level: EscalationLevel): number => ESCALATION_LEVELS.indexOf(level);
export const dayOf = (time: number): number => Math.floor(time / MS_PER_DAY);

/** The obstacles of one project (usually none), deterministic from the project's code. */
export function draftObstacles(seed: number, project: ObstacleProject, today: number): ObstacleDraft[] {
  const random = Random.for(seed, `obstacles:${project.code}`);
  let chance = CHANCE[project.status];
  if (project.plannedEnd !== null && project.plannedEnd < today) chance *= DELAYED_FACTOR;
  if (FEATURED_GOVERNORATES.has(project.areaCode)) chance *= FEATURED_FACTOR;
  if (project.sharedWithUndp) chance *= UNDP_FACTOR;
  if (!random.chance(Math.min(0.95, chance))) return [];
  const count = random.chance(0.2) ? 2 : 1;
  const drafts: ObstacleDraft[] = [];
  for (let i = 0; i < count; i++) {
    // A suspended project is suspended by something still blocking it.
    const draft = draftObstacle(random, project, today, { mustBeActive: project.status === 'suspended' && i === 0 });
    if (draft) drafts.push(draft);
  }
  return drafts;
}

export interface DraftChoice {
  /** Still blocking at today (a suspended project's obstacle). */
  mustBeActive?: boolean;
  /** Raised on this day or later (default: a year before today), and before `latest` (default: today − 2). */
  earliest?: number;
  latest?: number;
  /** Of a category that may climb to an inter-ministerial meeting. */
  interMinisterial?: boolean;
}

/** One obstacle on `project`, or null when the project is too new to have one. */
export function draftObstacle(random: Random, project: ObstacleProject, today: number, choice: DraftChoice = {}): ObstacleDraft | null {
  const mustBeActive = choice.mustBeActive ?? false;
  const first = Math.max(choice.earliest ?? today - 365, project.created + 10);
  const last = choice.latest ?? today - 2;
  if (first > last) return null;
  const templates = TEMPLATES.filter(
    (t) => (!t.countries || t.countries.includes(project.country)) && (!choice.interMinisterial || INTER_MINISTERIAL_CATEGORIES.has(t.category)),
  );
  const category = random.weighted(Object.keys(CATEGORY_WEIGHTS) as (keyof typeof CATEGORY_WEIGHTS)[], (c) =>
    templates.some((t) => t.category === c) ? CATEGORY_WEIGHTS[c] : 0,
  );
  const template = random.pick(templates.filter((t) => t.category === category));
  const severity = random.weighted(SEVERITIES, ([, weight]) => weight)[0];
  // A few more raised lately than a year ago: the register was taken up gradually.
  const day = first + Math.floor((last + 1 - first) * random.next() ** 0.85);
  const raised = day * MS_PER_DAY + random.int(8 * 60, 14 * 60) * 60_000;
  const lasts = random.logNormal(severity === 'critical' ? 80 : 50, 0.8) * MS_PER_DAY;
  const endsAt = raised + lasts;
  const end = !mustBeActive && endsAt < (today - 1) * MS_PER_DAY ? ending(random, template, endsAt) : null;
  const draft: ObstacleDraft = {
    id: 0,
    project,
    template,
    severity,
    delayDays: random.int(...DELAY[severity]),
    raised,
    steps: [],
    activeStatus: activeStatus(random, template),
    end,
    target: day + (severity === 'critical' ? random.int(21, 75) : random.int(30, 150)),
    pulled: false,
  };
  draft.steps = climb(random, draft, HIGHEST[severity], today);
  return draft;
}

function activeStatus(random: Random, template: ObstacleTemplate): ActiveStatus {
  if (template.role !== null && template.category !== 'contractor' && random.chance(0.5)) return 'waiting_other_body';
  return random.chance(0.55) ? 'in_progress' : 'open';
}

function ending(random: Random, template: ObstacleTemplate, at: number): ObstacleDraft['end'] {
  const status = random.weighted<EndStatus>(['resolved', 'closed', 'dropped'], (s) => ({ resolved: 70, closed: 16, dropped: 14 })[s]);
  const note = status === 'resolved' ? template.resolution : random.pick(ENDINGS[status]);
  return { at, status, note };
}

/**
 * Its escalations: up to `highest` (no higher than the categories that need another ministry
 * allow), each after some weeks at the level, all before it ended (or today).
 */
export function climb(random: Random, draft: ObstacleDraft, highest: number, today: number, until?: number): EscalationStep[] {
  const top = INTER_MINISTERIAL_CATEGORIES.has(draft.template.category) ? highest : Math.min(highest, 2);
  const wanted = top === 0 ? 0 : random.int(Math.max(0, top - 2), top);
  const limit = until ?? draft.end?.at ?? today * MS_PER_DAY;
  const steps: EscalationStep[] = [];
  let at = draft.raised;
  for (let i = 1; i <= wanted; i++) {
    const from = ESCALATION_LEVELS[i - 1]!;
    const days = random.int(15, Math.min(80, DAYS_AT_LEVEL[from] + 30));
    const next = at + days * MS_PER_DAY + random.int(-120, 240) * 60_000;
    if (next >= limit) break;
    steps.push(step(random, draft, from, ESCALATION_LEVELS[i]!, next, days > DAYS_AT_LEVEL[from] || (draft.severity === 'critical' && dayOf(next) > draft.target)));
    at = next;
  }
  return steps;
}

export function step(random: Random, draft: ObstacleDraft, from: EscalationLevel, to: EscalationLevel, at: number, proposed: boolean): EscalationStep {
  const reasons = ESCALATION_REASONS[to as Exclude<EscalationLevel, 'governorate'>];
  return { from, to, at, reason: random.pick(reasons), proposed: proposed && random.chance(0.8) };
}

/** Its level at `time`. */
export function levelAt(draft: ObstacleDraft, time: number): EscalationLevel {
  let level: EscalationLevel = 'governorate';
  for (const s of draft.steps) if (s.at <= time) level = s.to;
  return level;
}

export function isActiveAt(draft: ObstacleDraft, time: number): boolean {
  return draft.raised <= time && (draft.end === null || draft.end.at > time);
}

/** Its status at `time` while active: open in its first week, then its working status. */
export function statusAt(draft: ObstacleDraft, time: number): ActiveStatus {
  return time - draft.raised < 7 * MS_PER_DAY ? 'open' : draft.activeStatus;
}

/**
 * Sets its climb so it stands at `level` at `time` (a meeting's freezing): the steps up to that
 * level spread between raising and `time`; nothing after. It stays active until at least `activeUntil`.
 */
export function pullTo(random: Random, draft: ObstacleDraft, level: EscalationLevel, time: number, activeUntil: number, today: number): void {
  const target = levelIndex(level);
  const span = time - draft.raised;
  draft.steps = [];
  for (let i = 1; i <= target; i++) {
    const at = draft.raised + Math.round((span * i) / (target + 1)) + random.int(-180, 180) * 60_000;
    const previous = draft.steps.at(-1)?.at ?? draft.raised;
    draft.steps.push(step(random, draft, ESCALATION_LEVELS[i - 1]!, ESCALATION_LEVELS[i]!, at, (at - previous) / MS_PER_DAY > DAYS_AT_LEVEL[ESCALATION_LEVELS[i - 1]!]));
  }
  if (draft.end !== null && draft.end.at < activeUntil) {
    const at = activeUntil + random.int(1, 20) * MS_PER_DAY;
    draft.end = at < (today - 1) * MS_PER_DAY ? { ...draft.end, at } : null;
  }
  if (draft.severity === 'low' || (draft.severity === 'medium' && target > 1)) {
    draft.severity = 'high';
    draft.delayDays = Math.max(draft.delayDays, DELAY.high[0]);
  }
  draft.pulled = true;
}
