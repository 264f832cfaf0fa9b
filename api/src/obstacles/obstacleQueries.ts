import type { Obstacle, ObstacleFilters } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { notFound } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { actsAtLevelSql } from './obstacleActors.ts';
import { OBSTACLE_AGENDA_ORDER } from './obstacleItems.ts';
import { ACTIVE_SQL, mustActJsonSql, proposalJoin, proposalJsonSql, type EscalationThresholds } from './escalationProposals.ts';

/**
 * The SQL of reading obstacles as the register shows them (Obstacle): every read starts from
 * obstacleVisibility, so no caller can forget it, and carries the escalation proposal, who must
 * act, and what the caller may do.
 */

export const obstacleNotFound = (id: number) => notFound(`No obstacle ${id} is visible to you`);


const utc = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** FROM … with the joins every obstacle read needs (o, p, a, b, u, proposal) and the visibility rule in `where`. */
function obstacleFrom(viewer: Viewer, thresholds: EscalationThresholds, params: SqlParams): { from: string; where: string[] } {
  return {
    from: `from obstacles o
           join projects p on p.id = o.project_id
           join admin_areas a on a.id = p.admin_area_id
           left join responsible_bodies b on b.id = o.responsible_body_id
           left join users u on u.id = o.raised_by
           ${proposalJoin(thresholds, params)}`,
    where: [obstacleVisibility(viewer, params)],
  };
}

/** The Obstacle columns (after obstacleFrom). */
function obstacleColumns(viewer: Viewer, params: SqlParams): string {
  const acts = actsAtLevelSql(viewer, params);
  return `o.id::int as id,
          json_build_object('id', p.id, 'code', p.code, 'title_ar', p.title_ar, 'title_en', p.title_en, 'kind', p.kind,
                            'status', p.status, 'governorate', a.code) as project,
          o.title, o.description, o.category,
          case when b.id is null then null
               else json_build_object('id', b.id, 'kind', b.kind, 'name_ar', b.name_ar, 'name_en', b.name_en) end as responsible_body,
          o.severity, o.estimated_delay_days, o.level, ${utc('o.level_since')} as level_since, o.status,
          to_char(o.target_date, 'YYYY-MM-DD') as target_date,
          (${ACTIVE_SQL()} and coalesce(o.target_date < current_date, false)) as is_overdue,
          u.display_name as raised_by, ${utc('o.raised_at')} as raised_at, ${utc('o.ended_at')} as ended_at, o.resolution_note,
          ${mustActJsonSql()} as must_act,
          ${proposalJsonSql()} as proposal,
          coalesce(${acts}, false) as may_edit,
          coalesce(${acts} and ${ACTIVE_SQL()} and o.level <> 'inter_ministerial', false) as may_escalate,
          o.version`;
}

/** The filters of the list, as SQL conditions. */
function filterWhere(filters: ObstacleFilters, params: SqlParams): string[] {
  const where: string[] = [];
  if (filters.country !== undefined) where.push(`p.country_iso3 = ${params.add(filters.country)}`);
  if (filters.governorate !== undefined) where.push(`a.code = ${params.add(filters.governorate)}`);
  if (filters.project !== undefined) where.push(`o.project_id = ${params.add(filters.project)}`);
  if (filters.status === 'active') where.push(ACTIVE_SQL());
  else if (filters.status !== undefined) where.push(`o.status = ${params.add(filters.status)}`);
  if (filters.level !== undefined) where.push(`o.level = ${params.add(filters.level)}`);
  if (filters.severity !== undefined) where.push(`o.severity = ${params.add(filters.severity)}`);
  if (filters.category !== undefined) where.push(`o.category = ${params.add(filters.category)}`);
  if (filters.body !== undefined) where.push(`o.responsible_body_id = ${params.add(filters.body)}`);
  if (filters.proposed === 'true') where.push('proposal.reason is not null');
  return where;
}

/** `GET /api/obstacles`: the visible obstacles matching `filters`, most severe and oldest first, a page at a time. */
export async function findObstacles(
  db: Queryable,
  viewer: Viewer,
  thresholds: EscalationThresholds,
  filters: ObstacleFilters,
  /** `order`: SQL over o; most severe and oldest first (the agendas' order) unless given. */
  page: { limit: number; offset: number; order?: string },
): Promise<{ total: number; items: Obstacle[] }> {
  const params = new SqlParams();
  const { from, where } = obstacleFrom(viewer, thresholds, params);
  where.push(...filterWhere(filters, params));
  // The page's ids and the total in one pass over the matching rows, then the page's columns:
  // the JSON of each row is built for the page only, not for every matching row before the sort
  // (6,600 active obstacles at 100k projects).
  const order = page.order ?? OBSTACLE_AGENDA_ORDER;
  const columns = obstacleColumns(viewer, params);
  const rows = await db.query<Obstacle & { total: number }>(
    `with page as (select o.id, count(*) over ()::int as total ${from} where ${where.join(' and ')}
                    order by ${order} limit ${params.add(page.limit)} offset ${params.add(page.offset)})
     select ${columns}, page.total ${from} join page on page.id = o.id order by ${order}`,
    params.values,
  );
  const items = rows.map(({ total: _, ...item }) => item as Obstacle);
  if (rows.length > 0) return { total: rows[0]!.total, items };
  // An empty page: nothing matches, or the offset is past the end.
  const countParams = new SqlParams();
  const counted = obstacleFrom(viewer, thresholds, countParams);
  counted.where.push(...filterWhere(filters, countParams));
  const [{ n: total } = { n: 0 }] = await db.query<{ n: number }>(
    `select count(*)::int as n ${counted.from} where ${counted.where.join(' and ')}`,
    countParams.values,
  );
  return { total, items };
}

/** One visible obstacle, or undefined (unknown and hidden look alike). */
export async function findObstacle(db: Queryable, viewer: Viewer, thresholds: EscalationThresholds, id: number): Promise<Obstacle | undefined> {
  const params = new SqlParams();
  const { from, where } = obstacleFrom(viewer, thresholds, params);
  where.push(`o.id = ${params.add(id)}`);
  const [row] = await db.query<Obstacle>(`select ${obstacleColumns(viewer, params)} ${from} where ${where.join(' and ')}`, params.values);
  return row;
}

/** Whether obstacle `id` exists and `viewer` may see it. */
export async function isObstacleVisible(db: Queryable, viewer: Viewer, id: number): Promise<boolean> {
  const params = new SqlParams([id]);
  const rows = await db.query(`select 1 from obstacles o join projects p on p.id = o.project_id where o.id = $1 and ${obstacleVisibility(viewer, params)}`, params.values);
  return rows.length > 0;
}
