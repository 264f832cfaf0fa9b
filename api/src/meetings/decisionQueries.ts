import type { Decision, DecisionStatus } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { decisionVisibility, MEETING_ORGANIZERS, obstacleVisibility } from '../access/obstacleAccess.ts';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { notFound } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/** The reads of decisions, each through decisionVisibility, and whether the viewer may close each. */

export const decisionNotFound = (id: number) => notFound(`No decision ${id} is visible to you`);

/**
 * Who may close a decision (say it is done, with a note):
 * - the meeting organizers (MEETING_ORGANIZERS: admins, the minister, planners), who took it;
 * - the person it names as its owner (owner_user_id), who did it;
 * - an engineer who writes the decision's project (projectWritability: the project lies in their
 *   governorates), who sees on the ground that it is done.
 * Anyone else who sees it (a viewer, a donor, an engineer of another governorate) only reads it.
 * Only an open decision can be closed. As SQL over `d` (DECISIONS) and `p` (its PROJECT, left-joined).
 */
export function mayCloseSql(viewer: Viewer, params: SqlParams): string {
  if (viewer.kind === 'anonymous') return 'false';
  if ((MEETING_ORGANIZERS as readonly string[]).includes(viewer.role)) return `(d.status = 'open')`;
  // coalesce: a decision owned by a body has no owner_user_id, and null must read as no.
  return `coalesce(d.status = 'open' and (d.owner_user_id = ${params.add(viewer.userId)}
                                           or (p.id is not null and ${projectWritability(viewer, params, 'p')})), false)`;
}

export interface DecisionFilters {
  country?: string;
  status?: DecisionStatus;
  /** Only open decisions past their due date. */
  overdue?: boolean;
  /** ISO 3166-2: decisions on this governorate's projects, or taken without a project in a meeting covering it. */
  governorate?: string;
  meeting?: number;
  id?: number;
}

/** An open decision past its due date, as SQL over `d` (DECISIONS). */
export const DECISION_OVERDUE_SQL = `(d.status = 'open' and d.due_date < current_date)`;

/** Decisions `d` with their meeting `m`, project `p` (and its area `a`), owner body `b` and owner user `u`: the FROM of every decision read. */
export const DECISION_FROM_SQL = `decisions d
       join meetings m on m.id = d.meeting_id
       left join projects p on p.id = d.project_id
       left join admin_areas a on a.id = p.admin_area_id
       left join responsible_bodies b on b.id = d.owner_body_id
       left join users u on u.id = d.owner_user_id`;

/** The WHERE conditions of a decision read over DECISION_FROM_SQL: `viewer`'s visibility first, then `filters`. */
export function decisionWhere(viewer: Viewer, params: SqlParams, filters: DecisionFilters): string[] {
  const where = [decisionVisibility(viewer, params, 'p', 'm')];
  if (filters.id !== undefined) where.push(`d.id = ${params.add(filters.id)}`);
  if (filters.meeting !== undefined) where.push(`d.meeting_id = ${params.add(filters.meeting)}`);
  if (filters.country !== undefined) where.push(`m.country_iso3 = ${params.add(filters.country)}`);
  if (filters.status !== undefined) where.push(`d.status = ${params.add(filters.status)}`);
  if (filters.overdue === true) where.push(DECISION_OVERDUE_SQL);
  if (filters.overdue === false) where.push(`not ${DECISION_OVERDUE_SQL}`);
  if (filters.governorate !== undefined) {
    const code = params.add(filters.governorate);
    where.push(`(a.code = ${code} or (p.id is null and exists (select 1 from meeting_governorates mg join admin_areas ga on ga.id = mg.admin_area_id
                                                            where mg.meeting_id = m.id and ga.code = ${code})))`);
  }
  return where;
}

/** Decisions `viewer` sees, by due date (the most pressing first). */
export async function findDecisions(db: Queryable, viewer: Viewer, filters: DecisionFilters, limit: number): Promise<Decision[]> {
  const params = new SqlParams();
  const where = decisionWhere(viewer, params, filters);
  return db.query<Decision>(
    `select d.id::int, d.meeting_id, d.obstacle_id::int,
            case when p.id is null then null
                 else json_build_object('id', p.id, 'code', p.code, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code) end as project,
            d.text,
            case when b.id is null then null else json_build_object('id', b.id, 'name_ar', b.name_ar, 'name_en', b.name_en) end as owner_body,
            case when u.id is null then null else json_build_object('id', u.id, 'display_name', u.display_name) end as owner_user,
            to_char(d.due_date, 'YYYY-MM-DD') as due_date, d.status,
            ${DECISION_OVERDUE_SQL} as is_overdue,
            case when ${DECISION_OVERDUE_SQL} then (current_date - d.due_date)::int else 0 end as days_overdue,
            d.closed_at, closer.display_name as closed_by, d.closing_note, d.closing_document,
            ${mayCloseSql(viewer, params)} as may_close, d.version
       from ${DECISION_FROM_SQL}
       left join users closer on closer.id = d.closed_by
      where ${where.join(' and ')}
      order by d.due_date, d.id
      limit ${params.add(limit)}`,
    params.values,
  );
}

/** Decision `id` as `viewer` sees it, or undefined. */
export async function findDecision(db: Queryable, viewer: Viewer, id: number): Promise<Decision | undefined> {
  const [row] = await findDecisions(db, viewer, { id }, 1);
  return row;
}

/** Whether obstacle `id` exists and `viewer` may see it; its project. */
export async function visibleObstacleProject(db: Queryable, viewer: Viewer, id: number): Promise<number | undefined> {
  const params = new SqlParams([id]);
  const [row] = await db.query<{ project_id: number }>(
    `select o.project_id from obstacles o join projects p on p.id = o.project_id where o.id = $1 and ${obstacleVisibility(viewer, params, 'p')}`,
    params.values,
  );
  return row?.project_id;
}

/** Whether project `id` exists and `viewer` may see it under the obstacle rule. */
export async function isProjectSeen(db: Queryable, viewer: Viewer, id: number): Promise<boolean> {
  const params = new SqlParams([id]);
  const rows = await db.query(`select 1 from projects p where p.id = $1 and ${obstacleVisibility(viewer, params, 'p')}`, params.values);
  return rows.length > 0;
}
