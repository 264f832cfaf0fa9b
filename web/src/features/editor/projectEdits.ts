import { SavedProject } from '@marsad/contracts';
import type { Geometry } from 'geojson';
import type { ProjectFieldsBody } from './projectForm.ts';
import { request } from '../../api/http.ts';

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

/** Saves changes made to `version` of a project; a 409 means someone saved in between. */
export async function updateProject(id: number, version: number, change: ProjectChange, csrfToken: string): Promise<SavedProject> {
  const body = { ...change.fields, version, ...(change.geometry === undefined ? {} : { geometry: change.geometry, repair_geometry: change.repairGeometry }) };
  return request(`/api/projects/${id}`, { method: 'PATCH', body, csrfToken, schema: SavedProject });
}
