import { FIELD_MAX_PROJECTS, FIELD_OBSTACLE_LIMIT, type FieldBundle, type FieldGovernorate, type FieldZone, type HistoryEntry, type ProjectDetail } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { SignedInViewer } from '../access/Viewer.ts';
import { listOrganizations } from '../admin/organizationQueries.ts';
import type { Config } from '../config.ts';
import { thresholdsOf } from '../obstacles/escalationProposals.ts';
import { findObstacles } from '../obstacles/obstacleQueries.ts';
import { contentTooLarge, forbidden, invalidParameter } from '../http/problems.ts';
import { projectHistory } from '../projects/history/queries.ts';
import { listProgressReports } from '../projects/progress/queries.ts';
import { listShares, SHARE_READER_ROLES } from '../projects/shares/queries.ts';
import { findProject, findProjects } from '../projects/projectQueries.ts';
import { findZoneDetail } from '../zones/detail/zoneDetailQueries.ts';
import { plotRows } from '../zones/plots/plotQueries.ts';
import { fieldTiles, type Bounds, type LonLat } from './fieldTiles.ts';

/**
 * Which governorates a viewer takes into the field: an engineer their own (or some of them), a
 * donor the projects shared with them (in the governorates named, if any), any other role the
 * governorates they name. `null`: no governorate filter (a donor's shared projects wherever they are).
 */
async function fieldGovernorates(db: Queryable, viewer: SignedInViewer, requested: string[] | undefined): Promise<string[] | null> {
  if (viewer.role === 'engineer') {
    const mine = (
      await db.query<{ code: string }>(
        'select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id where ua.user_id = $1 order by a.code',
        [viewer.userId],
      )
    ).map((row) => row.code);
    const others = (requested ?? []).filter((code) => !mine.includes(code));
    if (others.length > 0) {
      throw forbidden(`${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} not among your governorates (${mine.join(', ') || 'none'}): an engineer prepares the field for their own`);
    }
    return requested ?? mine;
  }
  if (viewer.role === 'donor') return requested ?? null;
  if (requested === undefined) throw invalidParameter('governorate', 'name the governorates to prepare for the field, such as SY-DI');
  return requested;
}

/** The governorates' names and bounds, in code order. */
async function governorateBounds(db: Queryable, codes: readonly string[]): Promise<FieldGovernorate[]> {
  return db.query<FieldGovernorate>(
    `select code, name_ar, name_en,
            json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)) as bbox
       from (select code, name_ar, name_en, geom::box2d as b from admin_areas where code = any($1::text[])) a
      order by code`,
    [codes],
  );
}

/** A point on each project (on its surface, for a line or polygon), to find which tiles show it. */
async function projectPoints(db: Queryable, ids: readonly number[]): Promise<LonLat[]> {
  const rows = await db.query<{ lon: number; lat: number }>(
    `select ST_X(pt) as lon, ST_Y(pt) as lat
       from (select ST_PointOnSurface(geom) as pt from projects where id = any($1::int[]) and not ST_IsEmpty(geom)) s`,
    [ids],
  );
  return rows.map((row) => [row.lon, row.lat]);
}

/**
 * Everything a viewer takes into the field, read through the same queries (and so the same
 * access rules) as the pages that show it offline: the project list's rule picks the projects,
 * each project is read as `GET /api/projects/{id}`, `…/progress`, `…/history`, its obstacles and
 * shares read it, each zone among them as `GET /api/zones/{id}` and `…/plots`, the organizations
 * as `GET /api/organizations`. At most FIELD_MAX_PROJECTS projects.
 */
export async function buildFieldBundle(
  db: Queryable,
  config: Config,
  viewer: SignedInViewer,
  requested: string[] | undefined,
  dataVersion: string,
): Promise<FieldBundle> {
  const codes = await fieldGovernorates(db, viewer, requested);
  const { total, rows } = await findProjects(db, {
    filter: codes === null ? {} : { governorate: codes },
    viewer,
    sort: '-delay',
    limit: FIELD_MAX_PROJECTS,
    offset: 0,
    withGeometry: false,
  });
  if (total > FIELD_MAX_PROJECTS) {
    throw contentTooLarge(`${total} projects are more than ${FIELD_MAX_PROJECTS} a device takes into the field at once: choose fewer governorates (governorate=…)`);
  }
  const ids = rows.map((row) => row.id);
  const sharesShown = (SHARE_READER_ROLES as readonly string[]).includes(viewer.role);
  const thresholds = thresholdsOf(config);
  const page = { limit: FIELD_OBSTACLE_LIMIT, offset: 0 };
  const projects = [];
  for (const id of ids) {
    const [detail, progress, history, obstacles, shares] = await Promise.all([
      findProject(db, id, viewer),
      listProgressReports(db, id),
      projectHistory(db, id, viewer),
      findObstacles(db, viewer, thresholds, { project: id }, page),
      sharesShown ? listShares(db, id) : null,
    ]);
    if (detail === undefined) continue; // gone since the list was read
    projects.push({
      detail: detail as ProjectDetail,
      progress: { items: progress },
      history: { items: history as HistoryEntry[] },
      obstacles: { ...obstacles, ...page },
      shares: shares === null ? null : { items: shares },
    });
  }
  const zoneIds = (await db.query<{ id: number }>('select project_id as id from zone_facts where project_id = any($1::int[]) order by project_id', [ids])).map((row) => row.id);
  const zones: FieldZone[] = [];
  for (const id of zoneIds) {
    const [detail, plots] = await Promise.all([findZoneDetail(db, id, viewer), plotRows(db, id, viewer)]);
    if (detail !== undefined) zones.push({ detail, plots: { total: plots.total, items: plots.rows } });
  }
  const governorates = await governorateBounds(db, codes ?? [...new Set(rows.map((row) => row.governorate))]);
  const tiles = fieldTiles(
    governorates.map((g) => g.bbox as Bounds),
    await projectPoints(db, ids),
  );
  const organizations = { items: await listOrganizations(db, viewer, undefined) };
  return { data_version: dataVersion, prepared_at: new Date().toISOString(), governorates, projects, zones, organizations, tiles };
}
