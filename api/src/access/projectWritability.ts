import type { Queryable } from '@marsad/db';
import { forbidden } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import type { Viewer } from './Viewer.ts';

/**
 * THE write rule for projects, the counterpart of projectVisibility: an admin writes every
 * project, a governorate engineer the projects in the governorates assigned to them
 * (user_admin_areas), nobody else any. Every write endpoint checks it through here.
 */
export function projectWritability(viewer: Viewer, params: SqlParams, alias = 'p'): string {
  if (viewer.kind === 'anonymous') return 'false';
  switch (viewer.role) {
    case 'admin':
      return 'true';
    case 'engineer':
      return `${alias}.admin_area_id in (select admin_area_id from user_admin_areas where user_id = ${params.add(viewer.userId)})`;
    case 'minister':
    case 'viewer':
    case 'planner':
    case 'donor':
      return 'false';
  }
}

/**
 * What the write predicate depends on, as a short string, for cache keys of answers that say
 * whether the viewer may write (a zone's `writable`): same key, same writable projects. An
 * engineer's key is their own (their governorates); a change of those is a write, which moves the
 * data version the keys also hold.
 */
export function writabilityScope(viewer: Viewer): string {
  if (viewer.kind === 'anonymous') return 'none';
  switch (viewer.role) {
    case 'admin':
      return 'all';
    case 'engineer':
      return `engineer:${viewer.userId}`;
    case 'minister':
    case 'viewer':
    case 'planner':
    case 'donor':
      return 'none';
  }
}

/**
 * How far, in degrees (about 500 m), a geometry may stray past an engineer's governorates and
 * still count as inside them: the boundaries are drawn at 1:10m, vertices 1 to 5 km apart, so a
 * road along a border or a point surveyed on it may fall a little on the wrong side of the line.
 */
export const BORDER_TOLERANCE_DEGREES = 0.005;

/**
 * The same rule for a geometry being written (create, edit, import): the WHOLE of it must lie in
 * the writer's governorates, not just the point its governorate is found from, so that a MultiPoint
 * with one point in another governorate, or a polygon reaching into one, is refused. This is the
 * quick test, for SQL: covered by one of their governorates. When it fails, assertGeometryWritable
 * looks closer (several governorates together, the border tolerance) and names what lies outside.
 */
export function geometryWritability(viewer: Viewer, params: SqlParams, geometry: string): string {
  if (viewer.kind === 'anonymous') return 'false';
  switch (viewer.role) {
    case 'admin':
      return 'true';
    case 'engineer':
      return `exists (select 1 from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id
                       where ua.user_id = ${params.add(viewer.userId)} and ST_CoveredBy(${geometry}, a.geom))`;
    case 'minister':
    case 'viewer':
    case 'planner':
    case 'donor':
      return 'false';
  }
}

/**
 * The closer look, inside the writer's transaction, at project `projectId` as just written when
 * geometryWritability said no: its geometry must lie within the union of the engineer's governorates
 * widened by BORDER_TOLERANCE_DEGREES. If not, 403 naming the governorates that the rest lies in.
 * (Only the part near the geometry is widened, so the cost stays small.) Other roles are left to
 * projectWritability, which refuses them anyway.
 */
export async function assertGeometryWritable(tx: Queryable, viewer: Viewer, projectId: number): Promise<void> {
  if (viewer.kind === 'anonymous' || viewer.role !== 'engineer') return;
  const params = new SqlParams([projectId, viewer.userId, BORDER_TOLERANCE_DEGREES]);
  const [row] = await tx.query<{ within: boolean; partly: boolean; mine: string[]; elsewhere: string[] }>(
    `with mine as (
       select ST_Union(a.geom) as geom, coalesce(array_agg(a.name_en || ' (' || a.code || ')' order by a.code), '{}') as names
         from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id where ua.user_id = $2),
     outside as (
       select coalesce(ST_Difference(p.geom, mine.geom), p.geom) as geom, coalesce(ST_Intersects(p.geom, mine.geom), false) as partly
         from projects p, mine where p.id = $1),
     beyond as (
       select coalesce(ST_Difference(o.geom, ST_Buffer(ST_Intersection(mine.geom, ST_Expand(ST_Envelope(o.geom), 2 * $3::float8)), $3::float8)), o.geom) as geom
         from outside o, mine)
     select ST_IsEmpty(b.geom) as within, o.partly, mine.names as mine,
            array(select a.name_en || ' (' || a.code || ')' from admin_areas a
                   where a.level = 1 and a.geom && b.geom and ST_Intersects(a.geom, b.geom) order by a.code) as elsewhere
       from beyond b, outside o, mine`,
    params.values,
  );
  if (!row || row.within) return;
  const what = row.partly ? 'Part of this geometry' : 'This geometry';
  const where = row.elsewhere.length ? `in ${row.elsewhere.join(', ')}` : 'outside every governorate';
  const yours = row.mine.length ? `your governorate${row.mine.length > 1 ? 's' : ''} ${row.mine.join(', ')}` : 'the governorates you are assigned (none)';
  throw forbidden(`${what} lies ${where}, outside ${yours}: you may only place projects within them`);
}
