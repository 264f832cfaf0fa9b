import type { Queryable } from '@marsad/db';
import { SqlParams } from '../sql/SqlParams.ts';
import { projectVisibility } from './projectVisibility.ts';
import type { Viewer } from './Viewer.ts';

/**
 * Whether `viewer` may see project `projectId` at all: the one visibility rule, asked of a single
 * project before reading what hangs off it (progress reports, shares, history). A missing project
 * and a hidden one answer the same.
 */
export async function isProjectVisible(db: Queryable, projectId: number, viewer: Viewer): Promise<boolean> {
  const params = new SqlParams([projectId]);
  const rows = await db.query(`select 1 from projects p where p.id = $1 and ${projectVisibility(viewer, params)}`, params.values);
  return rows.length > 0;
}
