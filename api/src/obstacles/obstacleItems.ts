import type { AgendaItem, EscalationLevel } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/** Where to look for active obstacles: a country, and governorates and/or projects (either matches), at a level. */
export interface ObstacleItemScope {
  country?: string;
  /** ISO 3166-2 codes. With projectIds, an obstacle in either is taken (a meeting's scope). */
  governorates?: readonly string[];
  projectIds?: readonly number[];
  level?: EscalationLevel;
}

/** Most severe first, then the oldest: the order of agendas and briefs. */
export const OBSTACLE_AGENDA_ORDER = `array_position(array['critical','high','medium','low'], o.severity), o.raised_at, o.id`;

/**
 * The active obstacles in `scope` that `viewer` may see, as agenda items (numbered from 1): what a
 * meeting's agenda holds until it freezes, and what a brief lists. At most `limit`.
 */
export async function activeObstacleItems(db: Queryable, viewer: Viewer, scope: ObstacleItemScope, limit: number): Promise<AgendaItem[]> {
  const params = new SqlParams();
  const where = [`o.status in ('open', 'in_progress', 'waiting_other_body')`, obstacleVisibility(viewer, params)];
  if (scope.country !== undefined) where.push(`p.country_iso3 = ${params.add(scope.country)}`);
  if (scope.level !== undefined) where.push(`o.level = ${params.add(scope.level)}`);
  const places: string[] = [];
  if (scope.governorates !== undefined && scope.governorates.length > 0) places.push(`a.code = any(${params.add(scope.governorates)}::text[])`);
  if (scope.projectIds !== undefined && scope.projectIds.length > 0) places.push(`p.id = any(${params.add(scope.projectIds)}::bigint[])`);
  if (places.length > 0) where.push(`(${places.join(' or ')})`);
  const rows = await db.query<AgendaItem>(
    `select (row_number() over (order by ${OBSTACLE_AGENDA_ORDER}))::int as position,
            o.id::int as obstacle_id,
            json_build_object('id', p.id, 'code', p.code, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code) as project,
            o.title, o.category, o.severity, o.level, o.status,
            case when b.id is null then null else json_build_object('id', b.id, 'name_ar', b.name_ar, 'name_en', b.name_en) end as responsible_body,
            to_char(o.target_date, 'YYYY-MM-DD') as target_date, o.estimated_delay_days,
            to_json(o.raised_at)#>>'{}' as raised_at
       from obstacles o
       join projects p on p.id = o.project_id
       join admin_areas a on a.id = p.admin_area_id
       left join responsible_bodies b on b.id = o.responsible_body_id
      where ${where.join(' and ')}
      order by ${OBSTACLE_AGENDA_ORDER}
      limit ${params.add(limit)}`,
    params.values,
  );
  return rows;
}
