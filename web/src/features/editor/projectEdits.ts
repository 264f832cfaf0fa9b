import type { Geometry } from 'geojson';
import type { ProjectFieldsBody } from './projectForm.ts';
import { ApiError } from '../../api/fetchJson.ts';
import { sendJson } from '../account/session.ts';

/** The API's answer to a saved project: where it landed, its new version, and any repair made. */
export interface SavedProject {
  id: number;
  version: number;
  governorate: string;
  warnings: string[];
}

function isSaved(body: unknown): body is SavedProject {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.id === 'number' && typeof b.version === 'number' && typeof b.governorate === 'string' && Array.isArray(b.warnings);
}

export interface ProjectChange {
  fields: ProjectFieldsBody;
  /** Sent only when it changed. */
  geometry?: Geometry;
  /** Let PostGIS repair an invalid geometry instead of refusing it. */
  repairGeometry: boolean;
}

function checked(url: string, body: unknown): SavedProject {
  if (!isSaved(body)) throw new ApiError(url, 200, `${url}: the answer does not have the expected shape`);
  return body;
}

export async function createProject(change: ProjectChange, csrfToken: string): Promise<SavedProject> {
  const url = '/api/projects';
  const body = { ...change.fields, geometry: change.geometry, repair_geometry: change.repairGeometry };
  return checked(url, await sendJson('POST', url, body, csrfToken));
}

/** Saves changes made to `version` of a project; a 409 means someone saved in between. */
export async function updateProject(id: number, version: number, change: ProjectChange, csrfToken: string): Promise<SavedProject> {
  const url = `/api/projects/${id}`;
  const body = { ...change.fields, version, ...(change.geometry === undefined ? {} : { geometry: change.geometry, repair_geometry: change.repairGeometry }) };
  return checked(url, await sendJson('PATCH', url, body, csrfToken));
}
