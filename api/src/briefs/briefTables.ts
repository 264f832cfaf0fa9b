import type { BriefData, BriefProject, MatrixCell } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { cellOf, governorateParts, loadMatrix, loadPlanFacts } from '../plans/matrix/loadMatrix.ts';
import { loadPlanContext } from '../plans/matrix/planContext.ts';
import { photoUrl } from '../projects/progress/queries.ts';
import { indicatorSql } from '../projects/projectIndicators.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { scopeProjectsSql, type BriefScope } from './briefScope.ts';

/** How many rows a brief's project tables hold, and how many photos it shows. */
export const BRIEF_TABLE_ROWS = 25;
export const BRIEF_PHOTOS = 6;

const PROJECT_COLUMNS = `p.id::int, p.code, p.title_ar, p.title_en, p.kind, p.status, a.code as governorate,
       p.physical_progress::float8 as physical_progress, p.financial_progress::float8 as financial_progress,
       to_char(p.planned_end, 'YYYY-MM-DD') as planned_end,
       nullif(${indicatorSql().delayDays}, 0)::int as days_late,
       to_char(p.last_update_on, 'YYYY-MM-DD') as last_update_on,
       (current_date - p.last_update_on)::int as days_since_update`;

/** Past their planned end and still open, the most late first. */
export async function delayedProjects(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<BriefProject[]> {
  const params = new SqlParams();
  return db.query<BriefProject>(
    `select ${PROJECT_COLUMNS}
       from projects p join admin_areas a on a.id = p.admin_area_id
      where ${scopeProjectsSql(scope, viewer, params)} and ${indicatorSql().delayed}
      order by p.planned_end, p.id
      limit ${params.add(BRIEF_TABLE_ROWS)}`,
    params.values,
  );
}

/** Suspended, or open without an update for STALE_AFTER_DAYS: the longest silent first. */
export async function stalledProjects(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<BriefProject[]> {
  const params = new SqlParams();
  return db.query<BriefProject>(
    `select ${PROJECT_COLUMNS}
       from projects p join admin_areas a on a.id = p.admin_area_id
      where ${scopeProjectsSql(scope, viewer, params)} and (p.status = 'suspended' or ${indicatorSql().stale})
      order by coalesce(p.last_update_on, p.created_at::date), p.id
      limit ${params.add(BRIEF_TABLE_ROWS)}`,
    params.values,
  );
}

/** The newest progress photos of the visible projects in scope (ids and the API's path, never the bytes). */
export async function recentPhotos(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<BriefData['photos']> {
  const params = new SqlParams();
  const rows = await db.query<BriefData['photos'][number] & { project_id: number; update_id: number }>(
    `select ph.id::int, ph.project_id::int, ph.update_id::int, p.title_ar as project_title_ar, p.title_en as project_title_en,
            to_char(u.reported_on, 'YYYY-MM-DD') as taken_on, ph.width, ph.height
       from progress_photos ph
       join progress_updates u on u.id = ph.update_id
       join projects p on p.id = ph.project_id
      where ${scopeProjectsSql(scope, viewer, params)}
      order by u.reported_on desc, ph.id desc
      limit ${params.add(BRIEF_PHOTOS)}`,
    params.values,
  );
  return rows.map(({ project_id, update_id, ...photo }) => ({ ...photo, url: photoUrl(project_id, update_id, photo.id) }));
}

/** Obstacles in scope the viewer may see, counted; overdue decisions are counted by the caller. */
export async function obstacleCounts(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<Omit<BriefData['obstacle_counts'], 'overdue_decisions'>> {
  const params = new SqlParams();
  const [row] = await db.query<Omit<BriefData['obstacle_counts'], 'overdue_decisions'>>(
    `select count(*)::int as active,
            count(*) filter (where o.severity = 'critical')::int as critical,
            count(*) filter (where o.target_date < current_date)::int as overdue,
            count(*) filter (where o.status = 'waiting_other_body')::int as waiting_other_bodies
       from obstacles o join projects p on p.id = o.project_id
      where o.status in ('open', 'in_progress', 'waiting_other_body')
        and ${obstacleVisibility(viewer, params)} and ${scopeProjectsSql(scope, viewer, params)}`,
    params.values,
  );
  return row ?? { active: 0, critical: 0, overdue: 0, waiting_other_bodies: 0 };
}

/** Active obstacles the viewer may see, per governorate code. */
export async function activeObstaclesByGovernorate(db: Queryable, viewer: Viewer, scope: BriefScope): Promise<Map<string, number>> {
  const params = new SqlParams();
  const rows = await db.query<{ code: string; active: number }>(
    `select a.code, count(*)::int as active
       from obstacles o join projects p on p.id = o.project_id join admin_areas a on a.id = p.admin_area_id
      where o.status in ('open', 'in_progress', 'waiting_other_body')
        and ${obstacleVisibility(viewer, params)} and ${scopeProjectsSql(scope, viewer, params)}
      group by a.code`,
    params.values,
  );
  return new Map(rows.map((r) => [r.code, r.active]));
}

/**
 * Plan against achieved for the year (the plans matrix, as the viewer may see it: planScope): a
 * governorate's row (counted for that governorate alone), or the national one; null when no plan
 * is approved for the year or the viewer sees no such row.
 */
export async function planRows(db: Queryable, viewer: Viewer, scope: BriefScope, year: number): Promise<BriefData['plan']> {
  const context = await loadPlanContext(db, viewer, { country: scope.country.code, year });
  if (!context || context.inForce === null) return null;
  const code = scope.governorate?.code ?? (scope.governorates !== 'all' && scope.governorates.length === 1 ? scope.governorates[0] : undefined);
  let cells: MatrixCell[] | undefined;
  if (code === undefined) {
    cells = (await loadMatrix(db, viewer, { country: scope.country.code, year }))?.national?.cells;
  } else {
    const area = context.areas.find((a) => a.code === code);
    if (area) {
      const { facts, returnCounts } = await loadPlanFacts(db, viewer, context, { areaIds: [area.id] });
      const none = { missing: 0, late: 0 };
      cells = context.columns.map((column) =>
        cellOf(context, column, governorateParts(context, facts, area.id, column), returnCounts.get(area.id)?.get(column.indicator) ?? none),
      );
    }
  }
  if (!cells) return null;
  const sectors = await db.query<{ code: string; name_ar: string; name_en: string }>('select code, name_ar, name_en from sectors');
  const sectorName = new Map(sectors.map((s) => [s.code, s]));
  return {
    year: context.year,
    as_of: context.asOf,
    rows: context.columns.map((column, i) => {
      const indicator = context.indicators.get(column.indicator)!;
      const sector = column.sector === null ? undefined : sectorName.get(column.sector);
      const cell = cells[i]!;
      return {
        indicator: column.key,
        name_ar: sector ? `${indicator.name_ar} — ${sector.name_ar}` : indicator.name_ar,
        name_en: sector ? `${indicator.name_en} — ${sector.name_en}` : indicator.name_en,
        unit_ar: indicator.unit_ar,
        unit_en: indicator.unit_en,
        target: cell.target,
        target_to_date: cell.target_to_date,
        achieved: cell.achieved,
        pct_of_target: cell.pct_of_target,
      };
    }),
  };
}
