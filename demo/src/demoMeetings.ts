import type { EscalationLevel } from '@marsad/contracts';
import { fromDay } from './days.ts';
import type { DemoAccounts } from './demoAccounts.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { CLOSING_NOTES, DECISION_TEXTS, GENERAL_DECISIONS, INTER_MINISTERIAL_CATEGORIES, type BodyRole } from './obstacleCatalogue.ts';
import {
  dayOf, isActiveAt, levelAt, levelIndex, MS_PER_DAY, pullTo, statusAt, step,
  type ActiveStatus, type ObstacleDraft, type ObstacleProject,
} from './obstacleDrafts.ts';
import { Random } from './random.ts';

/**
 * The demo's review meetings, per country: the governorate's executive office on its stalled
 * projects, a deputy minister with the heads of local units, the minister with the governors, and
 * an inter-ministerial one (a follow-up committee of a reconstruction agreement with UNDP where
 * the agreement's projects are shared with UNDP). Past meetings were held: their agendas froze
 * `freeze_days` before with the obstacles then at their level, and their decisions are followed
 * (closed with a note, open, or overdue). Upcoming ones have a live agenda.
 *
 * The demo's today is fixed (DEMO_DEFAULTS.today) while the server reads the clock: upcoming
 * meetings, and decisions not yet due, lie six weeks or more ahead so they stay upcoming for a
 * while after that day.
 */

export interface AgendaEntry {
  obstacle: ObstacleDraft;
  level: EscalationLevel;
  status: ActiveStatus;
}

export interface DecisionDraft {
  obstacle: ObstacleDraft | null;
  projectId: number | null;
  text: string;
  ownerRole: BodyRole | null;
  ownerUser: number | null;
  /** Day number. */
  due: number;
  closed: { at: number; by: number; note: string; document: string | null } | null;
}

export interface MeetingDraft {
  country: string;
  level: EscalationLevel;
  titleAr: string;
  titleEn: string;
  /** Day number. */
  heldOn: number;
  freezeDays: number;
  status: 'scheduled' | 'held';
  /** Timestamp (ms) the agenda froze, for held meetings. */
  frozenAt: number | null;
  minutes: string | null;
  areaIds: number[];
  projectIds: number[];
  organizations: string[];
  agenda: AgendaEntry[];
  decisions: DecisionDraft[];
  createdBy: number;
  createdAt: number;
}

export interface MeetingContext {
  seed: number;
  today: number;
  areas: readonly AdminArea[];
  accounts: DemoAccounts;
  obstacles: readonly ObstacleDraft[];
  /** Per country: the projects of its agreement with UNDP (shared with UNDP), if it has one. */
  agreements: ReadonlyMap<string, readonly ObstacleProject[]>;
}

/** When each level meets, in days from today. */
const SCHEDULE: readonly { level: EscalationLevel; days: readonly number[]; freezeDays: number; pulls: number }[] = [
  { level: 'minister', days: [-78, -23, 60], freezeDays: 7, pulls: 6 },
  { level: 'directorate', days: [-44, 53], freezeDays: 7, pulls: 4 },
  { level: 'inter_ministerial', days: [-36, 67], freezeDays: 10, pulls: 5 },
  { level: 'governorate', days: [-16, 46], freezeDays: 5, pulls: 4 },
];
/** The most a frozen agenda holds (the bench's countries have hundreds of obstacles at a level). */
export const AGENDA_MAX = 40;
const DECISIONS_MAX = 12;

/** The governorate whose office meets, and those of the deputy minister's meeting. */
const HOME_AREAS: Readonly<Record<string, readonly string[]>> = {
  SYR: ['SY-DI', 'SY-RD', 'SY-HI', 'SY-HM'],
  LBY: ['LY-MI', 'LY-MB', 'LY-SR', 'LY-JI'],
  SAU: ['SA-01', 'SA-05', 'SA-04'],
};

const MINISTER_TITLES: Readonly<Record<string, [string, string]>> = {
  SYR: ['اجتماع وزير الإدارة المحلية والبيئة مع المحافظين', "The Minister of Local Administration and Environment's meeting with the governors"],
  LBY: ['اجتماع وزير الحكم المحلي مع عمداء البلديات', "The Minister of Local Government's meeting with the mayors"],
  SAU: ['اجتماع وزير البلديات والإسكان مع أمناء المناطق', "The Minister of Municipalities and Housing's meeting with the region mayors"],
};
const UNDP_COMMITTEES: Readonly<Record<string, [string, string]>> = {
  SYR: ['لجنة متابعة اتفاقية إعادة الإعمار مع برنامج الأمم المتحدة الإنمائي', 'Follow-up committee of the reconstruction agreement with UNDP'],
  LBY: ['لجنة متابعة مشاريع مرفق الاستقرار مع برنامج الأمم المتحدة الإنمائي', 'Follow-up committee of the Stabilization Facility projects with UNDP'],
};

export function planMeetings(context: MeetingContext): MeetingDraft[] {
  const countries = [...new Set(context.areas.map((a) => a.countryIso3))];
  return countries.flatMap((country) => countryMeetings(context, country));
}

function countryMeetings(context: MeetingContext, country: string): MeetingDraft[] {
  const random = Random.for(context.seed, `meetings:${country}`);
  const areas = context.areas.filter((a) => a.countryIso3 === country);
  const home = (HOME_AREAS[country] ?? []).map((code) => areas.find((a) => a.code === code)).filter((a) => a !== undefined);
  const local = home.length > 0 ? home : areas.slice(0, 4);
  const agreement = context.agreements.get(country) ?? [];
  const meetings: MeetingDraft[] = [];
  for (const slot of SCHEDULE) {
    for (const offset of slot.days) {
      const heldOn = context.today + offset;
      const held = offset < 0;
      const base = { country, level: slot.level, heldOn, freezeDays: slot.freezeDays, status: held ? ('held' as const) : ('scheduled' as const) };
      const scope = meetingScope(slot.level, country, areas, local, agreement);
      const organizer = slot.level === 'minister' || slot.level === 'inter_ministerial' ? context.accounts.ministerId : context.accounts.plannerId;
      meetings.push({
        ...base,
        ...scope,
        frozenAt: held ? (heldOn - slot.freezeDays) * MS_PER_DAY + 6 * 3_600_000 : null,
        minutes: null,
        agenda: [],
        decisions: [],
        createdBy: organizer,
        createdAt: (Math.min(context.today - 3, heldOn - 30) * MS_PER_DAY) + random.int(9 * 60, 12 * 60) * 60_000,
      });
    }
  }
  // Agendas in the order the meetings were held: an obstacle taken up by one is not moved by a later one.
  for (const meeting of meetings.filter((m) => m.status === 'held').sort((a, b) => a.heldOn - b.heldOn)) {
    const pulls = SCHEDULE.find((s) => s.level === meeting.level)!.pulls;
    freezeAgenda(random, context, meeting, pulls);
    meeting.decisions = decide(random, context, meeting);
    meeting.minutes =
      `استعرض الاجتماع العوائق المدرجة على جدول الأعمال وحدد الجهات المكلفة بمعالجتها ومواعيدها. ` +
      `عدد البنود المعروضة: ${meeting.agenda.length}. عدد القرارات المتخذة: ${meeting.decisions.length}.`;
  }
  return meetings;
}

function meetingScope(
  level: EscalationLevel,
  country: string,
  areas: readonly AdminArea[],
  local: readonly AdminArea[],
  agreement: readonly ObstacleProject[],
): Pick<MeetingDraft, 'titleAr' | 'titleEn' | 'areaIds' | 'projectIds' | 'organizations'> {
  const none = { projectIds: [], organizations: [] };
  const names = (list: readonly AdminArea[], language: 'ar' | 'en') =>
    language === 'ar' ? list.map((a) => a.nameArShort || a.nameAr).join('، ') : list.map((a) => a.nameEn).join(', ');
  switch (level) {
    case 'governorate': {
      const area = local[0]!;
      const [ar, en] =
        country === 'LBY'
          ? [`اجتماع مكتب الحكم المحلي في ${area.nameArShort} مع مديري القطاعات`, `Local Government Office, ${area.nameEn}: meeting with the sector directors`]
          : country === 'SAU'
            ? [`اجتماع أمانة ${area.nameAr} لمتابعة المشاريع المتعثرة`, `${area.nameEn} Region Municipality: review of stalled projects`]
            : [`اجتماع المكتب التنفيذي في ${area.nameAr} لمتابعة المشاريع المتعثرة`, `${area.nameEn} executive office: review of stalled projects`];
      return { titleAr: ar, titleEn: en, areaIds: [area.id], ...none };
    }
    case 'directorate': {
      const [ar, en] =
        country === 'SYR'
          ? [`اجتماع معاون الوزير مع رؤساء الوحدات الإدارية في ${names(local, 'ar')}`, `Deputy minister's meeting with the heads of local units in ${names(local, 'en')}`]
          : [`اجتماع وكيل الوزارة مع رؤساء البلديات في ${names(local, 'ar')}`, `Undersecretary's meeting with the mayors of ${names(local, 'en')}`];
      return { titleAr: ar, titleEn: en, areaIds: local.map((a) => a.id), ...none };
    }
    case 'minister': {
      const [ar, en] = MINISTER_TITLES[country] ?? ['اجتماع الوزير مع المحافظين', "The minister's meeting with the governors"];
      return { titleAr: ar, titleEn: en, areaIds: areas.map((a) => a.id), ...none };
    }
    case 'inter_ministerial': {
      const committee = UNDP_COMMITTEES[country];
      if (committee && agreement.length >= 3) {
        return { titleAr: committee[0], titleEn: committee[1], areaIds: [], projectIds: agreement.map((p) => p.id), organizations: ['undp'] };
      }
      return {
        titleAr: 'الاجتماع الوزاري المشترك لمتابعة ربط المشاريع بشبكات الكهرباء والمياه',
        titleEn: 'Joint ministerial meeting on connecting projects to power and water',
        areaIds: areas.map((a) => a.id),
        ...none,
      };
    }
  }
}

/**
 * The agenda as it froze: a few obstacles in scope are set to have reached the meeting's level
 * by then (so every agenda has something to discuss), then every obstacle in scope active at that
 * level at that moment is on it, most severe and oldest first.
 */
function freezeAgenda(random: Random, context: MeetingContext, meeting: MeetingDraft, pulls: number): void {
  const frozenAt = meeting.frozenAt!;
  const areas = new Set(meeting.areaIds);
  const projects = new Set(meeting.projectIds);
  const inScope = context.obstacles.filter((o) => areas.has(o.project.areaId) || projects.has(o.project.id));
  const candidates = inScope.filter(
    (o) =>
      // Still blocking when the agenda froze, or long-lived enough that it may have (pullTo keeps it open past the meeting).
      !o.pulled && o.raised < frozenAt - 20 * MS_PER_DAY && (o.end === null || o.end.at > frozenAt - 30 * MS_PER_DAY) && o.severity !== 'low' &&
      (meeting.level !== 'inter_ministerial' || INTER_MINISTERIAL_CATEGORIES.has(o.template.category)),
  );
  const heldAt = meeting.heldOn * MS_PER_DAY;
  for (let i = 0; i < pulls && candidates.length > 0; i++) {
    const [obstacle] = candidates.splice(random.int(0, candidates.length - 1), 1);
    pullTo(random, obstacle!, meeting.level, frozenAt - random.int(2, 12) * MS_PER_DAY, heldAt, context.today);
    // A committee's first items are still open at its next meeting.
    if (meeting.level === 'inter_ministerial' && i < 2) obstacle!.end = null;
    // Some are sent higher by the meeting itself.
    if (meeting.level !== 'inter_ministerial' && random.chance(0.3)) {
      const up = levelIndex(meeting.level) + 1;
      const to = ['governorate', 'directorate', 'minister', 'inter_ministerial'][up] as EscalationLevel;
      const at = heldAt + random.int(1, 4) * MS_PER_DAY + 10 * 3_600_000;
      const allowed = to !== 'inter_ministerial' || INTER_MINISTERIAL_CATEGORIES.has(obstacle!.template.category);
      if (allowed && isActiveAt(obstacle!, at) && at < context.today * MS_PER_DAY) obstacle!.steps.push({ ...step(random, obstacle!, meeting.level, to, at, false), reason: 'قرر الاجتماع رفعه إلى المستوى الأعلى' });
    }
  }
  meeting.agenda = inScope
    .filter((o) => isActiveAt(o, frozenAt) && levelAt(o, frozenAt) === meeting.level)
    .sort(agendaOrder)
    .slice(0, AGENDA_MAX)
    .map((o) => ({ obstacle: o, level: meeting.level, status: statusAt(o, frozenAt) }));
  // What a frozen agenda recorded stays true: a later meeting does not rewrite these climbs.
  for (const entry of meeting.agenda) entry.obstacle.pulled = true;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];
/** The server's agenda order (OBSTACLE_AGENDA_ORDER): most severe, then oldest, then id. */
export const agendaOrder = (a: ObstacleDraft, b: ObstacleDraft): number =>
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.raised - b.raised || a.id - b.id;

/** The directions taken on the agenda's obstacles (the most severe always), and one general one. */
function decide(random: Random, context: MeetingContext, meeting: MeetingDraft): DecisionDraft[] {
  const heldAt = meeting.heldOn * MS_PER_DAY + 13 * 3_600_000;
  const todayAt = context.today * MS_PER_DAY;
  const { plannerId, ministerId } = context.accounts;
  const closer = meeting.level === 'minister' || meeting.level === 'inter_ministerial' ? ministerId : plannerId;
  const decisions: DecisionDraft[] = [];
  meeting.agenda.forEach(({ obstacle }, i) => {
    if (decisions.length >= DECISIONS_MAX || (i >= 2 && !random.chance(0.6))) return;
    const template = obstacle.template;
    const byBody = template.role !== null && random.chance(0.75);
    const due = meeting.heldOn + random.pick([14, 21, 30, 45, 60, 90]);
    let closed: DecisionDraft['closed'] = null;
    const ended = obstacle.end;
    if (ended !== null && ended.at > heldAt && ended.at < todayAt) {
      const at = Math.max(heldAt + MS_PER_DAY, ended.at - random.int(0, 2) * MS_PER_DAY);
      const note = ended.status === 'dropped' ? 'أُسقط العائق ولم يعد القرار لازماً' : `${random.pick(CLOSING_NOTES)}: ${template.resolution}`;
      closed = { at, by: closer, note, document: document(random, at) };
    } else if (random.chance(0.2)) {
      const last = Math.min(due * MS_PER_DAY, todayAt - MS_PER_DAY);
      if (last > heldAt + 7 * MS_PER_DAY) {
        const at = heldAt + random.int(7, Math.floor((last - heldAt) / MS_PER_DAY)) * MS_PER_DAY;
        closed = { at, by: closer, note: `${random.pick(CLOSING_NOTES)}، والعائق قيد المتابعة`, document: document(random, at) };
      }
    }
    decisions.push({
      obstacle,
      projectId: obstacle.project.id,
      text: random.pick(DECISION_TEXTS[template.category].filter((text) => template.role !== null || !text.includes('{body}'))),
      ownerRole: byBody ? template.role : null,
      ownerUser: byBody ? null : (context.accounts.engineerOf.get(obstacle.project.areaId) ?? plannerId),
      due,
      closed,
    });
  });
  const generalDue = meeting.heldOn + 30;
  const generalClosed = generalDue < context.today - 5 && random.chance(0.5);
  decisions.push({
    obstacle: null,
    projectId: null,
    text: random.pick(GENERAL_DECISIONS),
    ownerRole: null,
    ownerUser: plannerId,
    due: generalDue,
    closed: generalClosed ? { at: (generalDue - random.int(0, 5)) * MS_PER_DAY + 11 * 3_600_000, by: closer, note: 'أُنجز ورُفع إلى الوزير', document: null } : null,
  });
  return decisions;
}

function document(random: Random, at: number): string | null {
  return random.chance(0.5) ? `كتاب رقم ${random.int(120, 9800)}/ص تاريخ ${fromDay(dayOf(at))}` : null;
}
