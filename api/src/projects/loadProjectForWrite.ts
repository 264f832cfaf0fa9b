import type { ProjectStatus } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import { conflict, forbidden, projectNotFound } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { projectFilterSql } from './projectFilterSql.ts';

/** The project as a write finds it, locked until the write's transaction ends. */
export interface ProjectForWrite {
  status: ProjectStatus;
  physical_progress: number;
  financial_progress: number;
  version: number;
  last_update_on: string | null;
}

/**
 * THE way every write reaches an existing project (a change, a progress report, a share), inside
 * the writer's transaction, in this order:
 * 1. not visible to the viewer (the one visibility rule): 404, as if it did not exist;
 * 2. visible but not writable (the one write rule, projectWritability): 403;
 * 3. locked (`for update`) until the transaction ends, so concurrent writers take turns;
 * 4. when the client names the `version` it read and the project has moved on since: 409, with
 *    `current_version`, so it reloads instead of overwriting someone else's work.
 */
export async function loadProjectForWrite(
  tx: Queryable,
  id: number,
  viewer: Viewer,
  options: { version?: number; action?: 'change' | 'share' } = {},
): Promise<ProjectForWrite> {
  const params = new SqlParams([id]);
  const [row] = await tx.query<ProjectForWrite & { writable: boolean }>(
    `select p.status, p.physical_progress, p.financial_progress, p.version, p.last_update_on, (${projectWritability(viewer, params)}) as writable
       from projects p where p.id = $1 and ${projectFilterSql({}, viewer, params)}
       for update`,
    params.values,
  );
  if (!row) throw projectNotFound(id);
  if (!row.writable) throw forbidden(`You may not ${options.action ?? 'change'} project ${id}`);
  if (options.version !== undefined && row.version !== options.version) {
    throw conflict(`Project ${id} is at version ${row.version}, not ${options.version}: someone else changed it since. Reload it and try again.`, {
      current_version: row.version,
    });
  }
  const { writable: _writable, ...project } = row;
  return project;
}
