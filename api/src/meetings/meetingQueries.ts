import type { Meeting, MeetingStatus, MeetingSummary } from '@marsad/contracts';
import type { Database, Queryable } from '@marsad/db';
import { MEETING_ORGANIZERS, meetingVisibility, obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { notFound } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { AGENDA_MAX_ITEMS, agendaFor, freezeAgendaIfDue } from './agenda.ts';
import { findDecisions } from './decisionQueries.ts';

/** The reads of meetings, each through meetingVisibility; agenda counts and decisions through their own rules. */

export const meetingNotFound = (id: number) => notFound(`No meeting ${id} is visible to you`);

/** Whether `viewer` creates and runs meetings (MEETING_ORGANIZERS). */
export const isOrganizer = (viewer: Viewer): boolean =>
  viewer.kind === 'user' && (MEETING_ORGANIZERS as readonly string[]).includes(viewer.role);

/**
 * A meeting summary's columns for `viewer` (`m`: the MEETINGS row). agenda_items counts what the
 * viewer would find on the agenda: the frozen items on projects they see, or before freezing the
 * active obstacles at the meeting's level in its scope (as activeObstacleItems takes them: its
 * governorates or projects, its whole country when it names neither). The query starts with
 * activeObstaclesWith.
 */
function summaryColumns(viewer: Viewer, params: SqlParams): string {
  return `m.id, m.country_iso3, m.level, m.title_ar, m.title_en, to_char(m.held_on, 'YYYY-MM-DD') as held_on, m.status,
          m.freeze_days::int as freeze_days, to_char(m.held_on - m.freeze_days, 'YYYY-MM-DD') as freezes_on,
          m.agenda_frozen_at is not null as agenda_frozen,
          array(select a.code from meeting_governorates mg join admin_areas a on a.id = mg.admin_area_id
                 where mg.meeting_id = m.id order by a.code) as governorates,
          array(select o.slug from meeting_organizations mo join organizations o on o.id = mo.organization_id
                 where mo.meeting_id = m.id order by o.slug) as organizations,
          case when m.agenda_frozen_at is not null then
                 (select count(*)::int from meeting_agenda_items ai join projects p on p.id = ai.project_id
                   where ai.meeting_id = m.id and ${obstacleVisibility(viewer, params, 'p')})
               else
                 (select least(count(*), ${AGENDA_MAX_ITEMS})::int from active_obstacles p
                   where p.level = m.level and p.country_iso3 = m.country_iso3
                     and ((not exists (select 1 from meeting_governorates sg where sg.meeting_id = m.id)
                           and not exists (select 1 from meeting_projects sp where sp.meeting_id = m.id))
                          or p.admin_area_id in (select sg.admin_area_id from meeting_governorates sg where sg.meeting_id = m.id)
                          or p.id in (select sp.project_id from meeting_projects sp where sp.meeting_id = m.id)))
          end as agenda_items,
          (select count(*)::int from decisions d left join projects p on p.id = d.project_id
            where d.meeting_id = m.id and d.status = 'open' and ${decisionSeen(viewer, params)}) as open_decisions,
          (select count(*)::int from decisions d left join projects p on p.id = d.project_id
            where d.meeting_id = m.id and d.status = 'open' and d.due_date < current_date and ${decisionSeen(viewer, params)}) as overdue_decisions`;
}

/**
 * The WITH clause summaryColumns reads from (`active_obstacles`: the active obstacles `viewer` sees,
 * with their project's id, country and governorate). Joined once per query, not once per meeting
 * whose agenda is still open (at 100k projects each such join scanned the projects again); only
 * evaluated when a listed meeting's agenda is not frozen.
 */
function activeObstaclesWith(viewer: Viewer, params: SqlParams): string {
  return `with active_obstacles as materialized (
            select o.level, p.id, p.country_iso3, p.admin_area_id from obstacles o join projects p on p.id = o.project_id
             where o.status in ('open', 'in_progress', 'waiting_other_body') and ${obstacleVisibility(viewer, params, 'p')})`;
}

/**
 * Decisions of a meeting the viewer already sees: the ones on a project pass obstacleVisibility;
 * the others are seen with their meeting (decisionVisibility, with the meeting's part already true).
 */
const decisionSeen = (viewer: Viewer, params: SqlParams) => `(p.id is null or ${obstacleVisibility(viewer, params, 'p')})`;

export interface MeetingFilters {
  country?: string;
  from?: string;
  to?: string;
  status?: MeetingStatus;
}

/** Meetings `viewer` sees, the latest first. */
export async function findMeetings(db: Queryable, viewer: Viewer, filters: MeetingFilters, limit: number): Promise<MeetingSummary[]> {
  const params = new SqlParams();
  const where = [meetingVisibility(viewer, params, 'm')];
  if (filters.country !== undefined) where.push(`m.country_iso3 = ${params.add(filters.country)}`);
  if (filters.from !== undefined) where.push(`m.held_on >= ${params.add(filters.from)}::date`);
  if (filters.to !== undefined) where.push(`m.held_on <= ${params.add(filters.to)}::date`);
  if (filters.status !== undefined) where.push(`m.status = ${params.add(filters.status)}`);
  return db.query<MeetingSummary>(
    `${activeObstaclesWith(viewer, params)}
     select ${summaryColumns(viewer, params)} from meetings m
      where ${where.join(' and ')}
      order by m.held_on desc, m.id desc
      limit ${params.add(limit)}`,
    params.values,
  );
}

/** The ids of meetings `viewer` sees whose agenda is due to freeze (for a list to freeze them before it counts). */
export async function dueMeetingIds(db: Queryable, viewer: Viewer, filters: MeetingFilters): Promise<number[]> {
  const params = new SqlParams();
  const where = [meetingVisibility(viewer, params, 'm'), 'm.agenda_frozen_at is null', 'm.held_on - m.freeze_days <= current_date'];
  if (filters.country !== undefined) where.push(`m.country_iso3 = ${params.add(filters.country)}`);
  if (filters.from !== undefined) where.push(`m.held_on >= ${params.add(filters.from)}::date`);
  if (filters.to !== undefined) where.push(`m.held_on <= ${params.add(filters.to)}::date`);
  if (filters.status !== undefined) where.push(`m.status = ${params.add(filters.status)}`);
  const rows = await db.query<{ id: number }>(`select m.id from meetings m where ${where.join(' and ')}`, params.values);
  return rows.map((r) => r.id);
}

type MeetingHead = Omit<Meeting, 'agenda' | 'decisions' | 'may_edit'>;

/** Meeting `id`'s row as `viewer` may see it, or undefined. */
async function findMeetingHead(db: Queryable, viewer: Viewer, id: number): Promise<MeetingHead | undefined> {
  const params = new SqlParams([id]);
  const [row] = await db.query<MeetingHead>(
    `${activeObstaclesWith(viewer, params)}
     select ${summaryColumns(viewer, params)}, m.minutes, m.version,
            array(select mp.project_id::int from meeting_projects mp where mp.meeting_id = m.id order by 1) as project_ids
       from meetings m
      where m.id = $1 and ${meetingVisibility(viewer, params, 'm')}`,
    params.values,
  );
  return row;
}

/** Whether `viewer` sees meeting `id` (404 otherwise, before anything else is asked). */
export async function isMeetingVisible(db: Queryable, viewer: Viewer, id: number): Promise<boolean> {
  const params = new SqlParams([id]);
  const rows = await db.query(`select 1 from meetings m where m.id = $1 and ${meetingVisibility(viewer, params, 'm')}`, params.values);
  return rows.length > 0;
}

/**
 * Meeting `id` as `viewer` reads it (the meeting's route, a meeting's brief): a read of the
 * meeting, so its agenda freezes first if it is due (then `onFrozen`, for the caller to let caches
 * go). 404 if not visible.
 */
export async function readMeeting(db: Database, viewer: Viewer, id: number, onFrozen: () => void = () => {}): Promise<Meeting> {
  if (!(await isMeetingVisible(db, viewer, id))) throw meetingNotFound(id);
  if (await freezeAgendaIfDue(db, id, viewer.kind === 'user' ? viewer.userId : null)) onFrozen();
  return loadMeeting(db, viewer, id);
}

/** Meeting `id` whole, as `viewer` may see it (no freezing: callers have done it). 404 if not visible. */
export async function loadMeeting(db: Queryable, viewer: Viewer, id: number): Promise<Meeting> {
  const head = await findMeetingHead(db, viewer, id);
  if (!head) throw meetingNotFound(id);
  const agenda = await agendaFor(db, viewer, head);
  const decisions = await findDecisions(db, viewer, { meeting: id }, 10_000);
  return { ...head, agenda, decisions, may_edit: isOrganizer(viewer) };
}
