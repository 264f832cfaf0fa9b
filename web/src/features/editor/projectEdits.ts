import { SavedProject } from '@marsad/contracts';
import type { Geometry } from 'geojson';
import type { ProjectFieldsBody } from './projectForm.ts';
import { request } from '../../api/http.ts';
import type { ProjectEditBody } from '../outbox/outboxItem.ts';

/** The API's answer to a saved project: where it landed, its new version, and any repair made. */
export type { SavedProject };

export interface ProjectChange {
  fields: ProjectFieldsBody;
  /** Sent only when it changed. */
  geometry?: Geometry;
  /** Let PostGIS repair an invalid geometry instead of refusing it. */
  repairGeometry: boolean;
}

export async function createProject(change: ProjectChange, csrfToken: string): Promise<SavedProject> {
  const body = { ...change.fields, geometry: change.geometry, repair_geometry: change.repairGeometry };
  return request('/api/projects', { method: 'POST', body, csrfToken, schema: SavedProject });
}

/**
 * The body of `PATCH /api/projects/{id}` for changes made to `version` of a project, with what the
 * user saw of the fields they changed (`base`): sent through the outbox, it is applied if those
 * fields did not move since, and held for review if they did.
 */
export function projectEditBody(version: number, change: ProjectChange, base: Record<string, unknown>): ProjectEditBody {
  return { ...change.fields, version, base, ...(change.geometry === undefined ? {} : { geometry: change.geometry, repair_geometry: change.repairGeometry }) };
}
