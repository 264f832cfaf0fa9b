import type { Queryable } from '@marsad/db';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { forbidden, notFound } from '../http/problems.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/** How every read and write reaches one zone: isZoneVisible for reads, loadZoneForWrite for writes. */

/** The zone as a write finds it, its facts row locked until the write's transaction ends. */
export interface ZoneForWrite {
  id: number;
  kind: 'industrial_zone' | 'craft_zone';
  country_iso3: string;
  currency: string;
  /** The zone project's version (zone facts edits are checked against it). */
  version: number;
}

export const zoneNotFound = (id: number) => notFound(`No zone ${id} is visible to you`);

/** Whether zone `zoneId` exists as a zone and `viewer` may see it (the project visibility rule); unknown and hidden look alike. */
export async function isZoneVisible(db: Queryable, zoneId: number, viewer: Viewer): Promise<boolean> {
  const params = new SqlParams([zoneId]);
  const rows = await db.query(
    `select 1 from projects p join zone_facts z on z.project_id = p.id where p.id = $1 and ${projectFilterSql({}, viewer, params)}`,
    params.values,
  );
  return rows.length > 0;
}

/**
 * THE way every write reaches a zone's plots or facts, inside the writer's transaction, like
 * loadProjectForWrite for projects: not a visible zone → 404; visible but not the viewer's to
 * write (projectWritability: admins, and engineers of its governorate) → 403; then the zone's
 * zone_facts row is locked, so plot writes of one zone take turns (and the spatial rules in
 * plotGeometryRules.ts judge each against the zone as the one before left it), while the
 * project's own row stays free for its editors.
 */
export async function loadZoneForWrite(tx: Queryable, zoneId: number, viewer: Viewer, action = 'change'): Promise<ZoneForWrite> {
  const params = new SqlParams([zoneId]);
  const [row] = await tx.query<ZoneForWrite & { writable: boolean }>(
    `select p.id, p.kind, p.country_iso3, p.currency, p.version, (${projectWritability(viewer, params)}) as writable
       from projects p join zone_facts z on z.project_id = p.id
      where p.id = $1 and ${projectFilterSql({}, viewer, params)}
      for update of z`,
    params.values,
  );
  if (!row) throw zoneNotFound(zoneId);
  if (!row.writable) throw forbidden(`You may not ${action} zone ${zoneId}: only its governorate's engineers and admins may`);
  const { writable: _writable, ...zone } = row;
  return zone;
}
