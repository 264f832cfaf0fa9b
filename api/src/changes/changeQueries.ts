import {
  BIG_JUMP_POINTS,
  CHANGE_KINDS,
  CHANGES_LIST_LIMIT,
  STALE_AFTER_DAYS,
  type ChangeGroup,
  type ChangeItem,
  type ChangeKind,
  type ChangesAnswer,
} from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { indicatorSql } from '../projects/projectIndicators.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/**
 * What changed from `since` (a date, inclusive) to today, per kind, for the projects `viewer` may
 * see under `filter` (projectFilterSql: the one visibility rule, then the page's filters).
 *
 * Every definition reuses the one the rest of Marsad uses (projectIndicators.ts, the brief's
 * "stalled"), asked about the first day it became true:
 * - delayed: delayed today (indicatorSql().delayed) and its first delayed day, the day after the
 *   planned end, falls in the period;
 * - stalled: the brief's "stalled" (briefTables.ts: suspended, or stale): either a report in the
 *   period moved it to suspended from another status, or it is stale today (indicatorSql().stale)
 *   and its first stale day (STALE_AFTER_DAYS + 1 days after its last report) falls in the period;
 * - completed: a report in the period moved it to completed from another status;
 * - jump: physical progress up by BIG_JUMP_POINTS or more between the eve of the period (its
 *   latest report before `since`, or 0 without one) and now (its latest report);
 * - reported: at least one progress report dated in the period.
 * "Before" is the latest report dated before `since`, "after" the latest report (the project's
 * current state, as the history trigger keeps it); reports are ordered as that trigger orders
 * them, by date then id. Each kind lists its CHANGES_LIST_LIMIT most recent changes and counts all.
 */
export async function findChanges(db: Queryable, viewer: Viewer, filter: ProjectFilter, since: string): Promise<Omit<ChangesAnswer, 'until' | 'clamped'>> {
  const params = new SqlParams();
  const sinceParam = `${params.add(since)}::date`;
  const visible = projectFilterSql(filter, viewer, params);
  const limit = params.add(CHANGES_LIST_LIMIT);
  const jump = params.add(BIG_JUMP_POINTS);
  const { delayed, stale } = indicatorSql();
  const state = (alias: string) =>
    `json_build_object('status', ${alias}.status, 'physical_progress', ${alias}.physical_progress::float8,
                       'reported_on', to_char(${alias}.reported_on, 'YYYY-MM-DD'))`;
  const rows = await db.query<ChangeItem & { kind: ChangeKind; total: number }>(
    `with recent as (
       select u.project_id, max(u.reported_on) as last_on
         from progress_updates u
        where u.reported_on >= ${sinceParam}
        group by u.project_id
     ),
     moved as (
       select p.id, r.last_on, b.status as b_status, b.physical_progress as b_physical, b.reported_on as b_on,
              a.status as a_status, a.physical_progress as a_physical, a.reported_on as a_on,
              -- the first report in the period that carries the status reached: when it changed
              (select min(f.reported_on) from progress_updates f
                where f.project_id = p.id and f.reported_on >= ${sinceParam} and f.status = a.status) as status_on
         from recent r
         join projects p on p.id = r.project_id
         left join lateral (select b.status, b.physical_progress, b.reported_on from progress_updates b
                             where b.project_id = r.project_id and b.reported_on < ${sinceParam}
                             order by b.reported_on desc, b.id desc limit 1) b on true
         cross join lateral (select a.status, a.physical_progress, a.reported_on from progress_updates a
                              where a.project_id = r.project_id
                              order by a.reported_on desc, a.id desc limit 1) a
        where ${visible}
     ),
     found as (
       select 'completed' as kind, m.id, m.status_on as on_day, null::text as reason, m.b_status, m.b_physical, m.b_on from moved m
        where m.a_status = 'completed' and m.b_status is distinct from 'completed'
       union all
       select 'stalled', m.id, m.status_on, 'suspended', m.b_status, m.b_physical, m.b_on from moved m
        where m.a_status = 'suspended' and m.b_status is distinct from 'suspended'
       union all
       select 'jump', m.id, m.a_on, null, m.b_status, m.b_physical, m.b_on from moved m
        where m.a_physical - coalesce(m.b_physical, 0) >= ${jump}
       union all
       select 'reported', m.id, m.last_on, null, m.b_status, m.b_physical, m.b_on from moved m
       union all
       select 'delayed', p.id, p.planned_end + 1, null, null, null, null
         from projects p
        where ${delayed} and p.planned_end >= ${sinceParam} - 1 and ${visible}
       union all
       select 'stalled', p.id, coalesce(p.last_update_on, p.created_at::date) + ${STALE_AFTER_DAYS + 1}, 'no_update', null, null, null
         from projects p
        where ${stale} and coalesce(p.last_update_on, p.created_at::date) >= ${sinceParam} - ${STALE_AFTER_DAYS + 1}
          -- the same, said so the open projects' last-update index (0017) finds them by range
          and (p.last_update_on >= ${sinceParam} - ${STALE_AFTER_DAYS + 1} or p.last_update_on is null) and ${visible}
     ),
     ranked as (
       select f.*, count(*) over (partition by f.kind)::int as total,
              row_number() over (partition by f.kind order by f.on_day desc, f.id) as n
         from found f
     )
     select k.kind, k.total, p.id::int, p.code, p.title_ar, p.title_en, a.code as governorate,
            a.name_ar as governorate_name_ar, a.name_en as governorate_name_en,
            ST_X(p.label_point) as lon, ST_Y(p.label_point) as lat,
            to_char(k.on_day, 'YYYY-MM-DD') as on, k.reason,
            case when k.kind = 'delayed' or k.reason = 'no_update' then null
                 else json_build_object('status', k.b_status, 'physical_progress', k.b_physical::float8,
                                        'reported_on', to_char(k.b_on, 'YYYY-MM-DD')) end as before,
            ${state('latest')} as after,
            to_char(p.planned_end, 'YYYY-MM-DD') as planned_end,
            case when k.kind = 'delayed' then ${indicatorSql().delayDays}::int end as days_late
       from ranked k
       join projects p on p.id = k.id
       join admin_areas a on a.id = p.admin_area_id
       left join lateral (select l.status, l.physical_progress, l.reported_on from progress_updates l
                           where l.project_id = p.id order by l.reported_on desc, l.id desc limit 1) latest on true
      where k.n <= ${limit}
      order by k.kind, k.n`,
    params.values,
  );
  const kinds = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, { count: 0, items: [] } as ChangeGroup])) as Record<ChangeKind, ChangeGroup>;
  for (const { kind, total, ...item } of rows) {
    kinds[kind].count = total;
    kinds[kind].items.push(item);
  }
  return { since, big_jump_points: BIG_JUMP_POINTS, kinds };
}
