import type { AgendaItem, BriefData, Decision, DecisionRef } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { decisionVisibility, MEETING_ORGANIZERS, meetingVisibility, obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { activeObstacleItems } from '../obstacles/obstacleItems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import type { BriefScope } from './briefScope.ts';

/** Most agenda items an agenda pack lists. */
const AGENDA_ITEMS = 200;

type BriefMeeting = NonNullable<BriefData['meeting']>;

/** Whether meeting `id` exists and `viewer` may see it (meetingVisibility): an invisible one is as missing. */
export async function isMeetingVisible(db: Queryable, viewer: Viewer, id: number): Promise<boolean> {
  const params = new SqlParams([id]);
  const rows = await db.query(`select 1 from meetings m where m.id = $1 and ${meetingVisibility(viewer, params)}`, params.values);
  return rows.length > 0;
}

/**
 * A meeting for its agenda pack: the agenda as frozen (each item still passing obstacleVisibility
 * on its project), or, before it freezes, as it would freeze now (the active obstacles at the
 * meeting's level in its scope); and its decisions the viewer may see (decisionVisibility).
 */
export async function briefMeeting(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<BriefMeeting> {
  const id = scope.meetingId!;
  const [meeting] = await db.query<{ id: number; title_ar: string; title_en: string | null; level: BriefMeeting['agenda'][number]['level']; held_on: string; agenda_frozen: boolean }>(
    `select id, title_ar, title_en, level, to_char(held_on, 'YYYY-MM-DD') as held_on, agenda_frozen_at is not null as agenda_frozen
       from meetings where id = $1`,
    [id],
  );
  if (!meeting) throw new Error(`meeting ${id} vanished while its brief was assembled`);
  const agenda = meeting.agenda_frozen
    ? await frozenAgenda(db, viewer, id)
    : await activeObstacleItems(
        db,
        viewer,
        {
          country: scope.country.code,
          level: meeting.level,
          governorates: scope.governorates === 'all' ? undefined : scope.governorates,
          projectIds: scope.projectIds,
        },
        AGENDA_ITEMS,
      );
  return { ...meeting, agenda, decisions: await meetingDecisions(db, viewer, id) };
}

async function frozenAgenda(db: Queryable, viewer: Viewer, meetingId: number): Promise<AgendaItem[]> {
  const params = new SqlParams([meetingId]);
  const rows = await db.query<{ item: AgendaItem }>(
    `select (i.snapshot || jsonb_build_object('position', i.position, 'obstacle_id', i.obstacle_id))::json as item
       from meeting_agenda_items i join projects p on p.id = i.project_id
      where i.meeting_id = $1 and ${obstacleVisibility(viewer, params)}
      order by i.position`,
    params.values,
  );
  return rows.map((row) => row.item);
}

async function meetingDecisions(db: Queryable, viewer: Viewer, meetingId: number): Promise<Decision[]> {
  const params = new SqlParams([meetingId]);
  const mayClose = viewer.kind === 'user' && (MEETING_ORGANIZERS as readonly string[]).includes(viewer.role);
  return db.query<Decision>(
    `select d.id::int, d.meeting_id, d.obstacle_id::int,
            case when p.id is null then null
                 else json_build_object('id', p.id, 'code', p.code, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code) end as project,
            d.text,
            case when b.id is null then null else json_build_object('id', b.id, 'name_ar', b.name_ar, 'name_en', b.name_en) end as owner_body,
            case when u.id is null then null else json_build_object('id', u.id, 'display_name', u.display_name) end as owner_user,
            to_char(d.due_date, 'YYYY-MM-DD') as due_date, d.status,
            (d.status = 'open' and d.due_date < current_date) as is_overdue,
            (case when d.status = 'open' and d.due_date < current_date then current_date - d.due_date else 0 end)::int as days_overdue,
            to_json(d.closed_at)#>>'{}' as closed_at, cu.display_name as closed_by, d.closing_note, d.closing_document,
            ${params.add(mayClose)}::boolean and d.status = 'open' as may_close, d.version
       from decisions d
       join meetings m on m.id = d.meeting_id
       left join projects p on p.id = d.project_id
       left join admin_areas a on a.id = p.admin_area_id
       left join responsible_bodies b on b.id = d.owner_body_id
       left join users u on u.id = d.owner_user_id
       left join users cu on cu.id = d.closed_by
      where d.meeting_id = $1 and ${decisionVisibility(viewer, params)}
      order by d.due_date, d.id`,
    params.values,
  );
}

/** A meeting's overdue decisions as the brief's list of them. */
export function overdueOf(meeting: BriefMeeting, language: 'ar' | 'en'): DecisionRef[] {
  const title = language === 'en' ? (meeting.title_en ?? meeting.title_ar) : meeting.title_ar;
  return meeting.decisions
    .filter((d) => d.is_overdue)
    .sort((a, b) => b.days_overdue - a.days_overdue || a.id - b.id)
    .map((d) => ({
      id: d.id,
      meeting_id: d.meeting_id,
      meeting_title: title,
      text: d.text,
      owner: (language === 'en' ? (d.owner_body?.name_en ?? d.owner_body?.name_ar) : d.owner_body?.name_ar) ?? d.owner_user?.display_name ?? '',
      due_date: d.due_date,
      days_overdue: d.days_overdue,
      project: d.project && { id: d.project.id, title_ar: d.project.title_ar, title_en: d.project.title_en, governorate: d.project.governorate },
    }));
}
