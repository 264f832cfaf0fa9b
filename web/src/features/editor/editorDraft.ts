import type { Geometry } from 'geojson';
import type { ProjectDetail } from '../../api/projects.ts';
import { editableGeometry } from './drawTools.ts';
import { EMPTY_FORM, formFromProject, type ProjectForm, type ProjectFormField } from './projectForm.ts';

/** What the editor keeps on the device: the fields, the drawing, and the version and fields they began from. */
export interface EditorDraft {
  form: ProjectForm;
  geometry: Geometry | null;
  geometryChanged: boolean;
  version: number | null;
  /** The fields as the project had them at `version` (what the user saw): the `base` of the change. */
  seen?: ProjectForm;
}

export function editorStart(project: ProjectDetail | null): EditorDraft {
  const geometry = project?.geometry ?? null;
  return {
    form: project === null ? EMPTY_FORM : formFromProject(project),
    geometry: geometry === null ? null : (editableGeometry(geometry)?.geometry ?? geometry),
    geometryChanged: false,
    version: project?.version ?? null,
    ...(project === null ? {} : { seen: formFromProject(project) }),
  };
}

/** A parameter the API named that has an input on the form (others show as a message). */
export function isFormField(parameter: string): parameter is ProjectFormField {
  return Object.hasOwn(EMPTY_FORM, parameter);
}

export function isEditorDraft(value: unknown): value is EditorDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  if (typeof d.form !== 'object' || d.form === null || typeof d.geometryChanged !== 'boolean') return false;
  const form = d.form as Record<string, unknown>;
  return Object.entries(EMPTY_FORM).every(([key, value]) => typeof form[key] === typeof value) && (d.version === null || typeof d.version === 'number');
}
