import { useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GovernorateCollection } from '../../api/boundaries.ts';
import { createProject, projectEditBody, type SavedProject } from './projectEdits.ts';
import { SavedProject as SavedProjectSchema } from '@marsad/contracts';
import type { ProjectDetail } from '../../api/projects.ts';
import { fieldErrorsOf, ProblemError } from '../../api/http.ts';
import type { Session } from '../account/session.ts';
import { useOrganizations } from '../../api/useOrganizations.ts';
import { useProject } from '../../api/useProjects.ts';
import { refreshEverything } from '../account/useSession.ts';
import type { Language } from '../../i18n/language.ts';
import { DraftNotice } from '../drafts/DraftNotice.tsx';
import { useDeviceDraft, type DeviceDraft } from '../drafts/useDeviceDraft.ts';
import { projectLabel, submitWrite } from '../outbox/submitWrite.ts';
import { WriteNotice } from '../outbox/WriteNotice.tsx';
import { useFitGeometry } from '../../map/useFitGeometry.ts';
import { useGeometryEditor } from './useGeometryEditor.ts';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { editableGeometry, toolFor, type DrawTool } from './drawTools.ts';
import { geometryFacts } from './geometryFacts.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import './editor.css';
import { editorStart, isEditorDraft, isFormField, type EditorDraft } from './editorDraft.ts';
import { bodyFromForm, changedFields, formProblems, seenOf, suggestedCodePrefix, type ProjectForm, type ProjectFormField } from './projectForm.ts';
import { GeometryTools } from './GeometryTools.tsx';
import { ProjectFieldsForm } from './ProjectFieldsForm.tsx';
import { draftMessages } from '../drafts/messages.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { editorMessages } from './messages.ts';

export interface ProjectEditorProps {
  /** The project to edit, or `null` for a new one. */
  projectId: number | null;
  map: MaplibreMap | null;
  governorates: GovernorateCollection | undefined;
  session: Session;
  language: Language;
  onClose: () => void;
  /** After a save: the project to show. */
  onSaved: (id: number) => void;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'nothingChanged' }
  | { kind: 'conflict' }
  | { kind: 'geometryRefused'; detail: string; repairable: boolean }
  | { kind: 'repaired'; detail: string; saved: SavedProject }
  /** Stored but held for review, or kept in the outbox until it can be sent. */
  | { kind: 'held'; id: number }
  | { kind: 'queued'; id: number; signIn: boolean }
  | { kind: 'failed'; message: string };

interface EditorBodyProps extends Omit<ProjectEditorProps, 'projectId'> {
  project: ProjectDetail | null;
  onReload: () => void;
}

function EditorBody(props: EditorBodyProps) {
  const { t } = useTranslation();
  // The project as it was when editing began: a background refetch must neither reset the form
  // nor lend it a newer version (that would overwrite someone's save without review).
  const [project] = useState(props.project);
  // Work in progress is kept on the device until saved: a closed panel or a dead connection loses nothing.
  const start = useCallback((): EditorDraft => editorStart(project), [project]);
  const kept = useDeviceDraft(`editor:${props.session.user.id}:${project?.id ?? 'new'}`, start, isEditorDraft);
  // The map starts from the kept drawing: the form waits until the kept draft, if any, was read.
  if (!kept.loaded) {
    return (
      <PanelFrame kind="editor" kicker={project === null ? t('editor.newProject') : t('editor.editKicker')} title={t('editor.loading')} titleTestId="editor-title" onClose={props.onClose}>
        <LoadError error={null} />
      </PanelFrame>
    );
  }
  return <EditorForm {...props} project={project} kept={kept} start={start} />;
}

function EditorForm({ project, kept, start, map, governorates, session, language, onClose, onSaved, onReload }: EditorBodyProps & { kept: DeviceDraft<EditorDraft>; start: () => EditorDraft }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organizations = useOrganizations();
  const startGeometry = project?.geometry ?? null;
  const { form, geometry, geometryChanged } = kept.value;
  // What the user saw: the project when this draft began (an older version, for a draft kept from before).
  const startForm = kept.value.seen ?? start().form;
  const [tool, setTool] = useState<DrawTool>(toolFor(geometryChanged ? geometry : startGeometry));
  const [errors, setErrors] = useState<Partial<Record<ProjectFormField, string>>>({});
  const [geometryError, setGeometryError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const multipart = startGeometry !== null && editableGeometry(startGeometry) === null && !geometryChanged;

  const setDraft = kept.set;
  const onGeometry = useCallback(
    (next: Geometry | null) => {
      setDraft((d) => ({ ...d, geometry: next, geometryChanged: true }));
      setGeometryError(null);
      setOutcome({ kind: 'idle' });
    },
    [setDraft],
  );
  // The map starts from the kept drawing, if any (read once, when editing starts).
  const editor = useGeometryEditor(map, { initial: geometryChanged ? geometry : startGeometry, tool, onChange: onGeometry, onToolChange: setTool });
  useFitGeometry(map, geometryChanged ? geometry : startGeometry);

  const onChange = <K extends ProjectFormField>(field: K, value: ProjectForm[K]) => {
    setDraft((d) => ({ ...d, form: { ...d.form, [field]: value } }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setOutcome({ kind: 'idle' });
  };

  // kinks() grows with the square of the vertices: once per shape, not once per keystroke.
  const facts = useMemo(() => (geometry === null ? null : geometryFacts(geometry, governorates)), [geometry, governorates]);
  const codeSuggestion = project === null && facts?.governorate ? suggestedCodePrefix(facts.governorate.code) : null;

  const save = async (repairGeometry: boolean) => {
    const problems = formProblems(form);
    const messages: Partial<Record<ProjectFormField, string>> = {};
    for (const [field, key] of Object.entries(problems)) messages[field as ProjectFormField] = t(`editor.invalid.${key}`);
    setErrors(messages);
    const missingGeometry = geometry === null;
    setGeometryError(missingGeometry ? t('editor.invalid.geometry') : null);
    if (Object.keys(messages).length > 0 || missingGeometry) return;

    const sendGeometry = project === null || geometryChanged ? geometry : undefined;
    const fields = project === null ? bodyFromForm(form) : changedFields(startForm, form);
    if (project !== null && sendGeometry === undefined && Object.keys(fields).length === 0) {
      setOutcome({ kind: 'nothingChanged' });
      return;
    }
    setOutcome({ kind: 'saving' });
    try {
      const change = { fields, repairGeometry, ...(sendGeometry === undefined ? {} : { geometry: sendGeometry }) };
      let saved: SavedProject;
      if (project === null) {
        saved = await createProject(change, session.csrfToken);
      } else {
        // A draft begun on an older version is sent as such, with what it saw: if those fields moved since, it is held for review rather than undo someone's save.
        const version = kept.value.version ?? project.version;
        const label = projectLabel(project, language);
        const result = await submitWrite({ kind: 'project_edit', projectId: project.id, label, body: projectEditBody(version, change, { ...seenOf(startForm, fields), ...(sendGeometry === undefined ? {} : { geometry: startGeometry }) }) });
        if (result.kind === 'refused') throw result.error;
        if (result.kind !== 'applied') {
          kept.sent();
          refreshEverything(client);
          setOutcome(result.kind === 'held' ? { kind: 'held', id: project.id } : { kind: 'queued', id: project.id, signIn: result.signIn });
          return;
        }
        saved = SavedProjectSchema.parse(result.answer);
      }
      kept.sent();
      refreshEverything(client);
      if (saved.warnings.length > 0) setOutcome({ kind: 'repaired', detail: saved.warnings.join('; '), saved });
      else onSaved(saved.id);
    } catch (error) {
      if (error instanceof ProblemError && error.status === null) {
        setOutcome({ kind: 'failed', message: t('drafts.offline') });
        return;
      }
      if (!(error instanceof ProblemError)) {
        setOutcome({ kind: 'failed', message: t('editor.failed', { detail: error instanceof Error ? error.message : String(error) }) });
        return;
      }
      // `funding.2.amount` is told beside the funders as a whole.
      const fieldErrors = fieldErrorsOf(error);
      if (error.status === 409 && project !== null && fieldErrors.code === undefined) {
        setOutcome({ kind: 'conflict' });
      } else if (error.status === 409) {
        setErrors({ code: error.detail });
        setOutcome({ kind: 'idle' });
      } else if (error.status === 400 && fieldErrors.geometry !== undefined) {
        setOutcome({ kind: 'geometryRefused', detail: fieldErrors.geometry, repairable: error.problem.repairable === true });
      } else if (error.status === 400 && Object.keys(fieldErrors).length > 0 && Object.keys(fieldErrors).every(isFormField)) {
        setErrors(fieldErrors);
        setOutcome({ kind: 'idle' });
      } else if (error.status === 403) {
        setOutcome({ kind: 'failed', message: t('editor.forbidden', { detail: error.detail }) });
      } else {
        setOutcome({ kind: 'failed', message: t('editor.failed', { detail: error.detail }) });
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const title = project === null ? t('editor.newTitle') : language === 'ar' ? project.title_ar : project.title_en;
  return (
    <PanelFrame kind="editor" kicker={project === null ? t('editor.newProject') : t('editor.editKicker')} title={title} titleTestId="editor-title" onClose={onClose}>
      <form className="project-editor" onSubmit={onSubmit} noValidate data-testid="project-editor" data-editor-ready={editor.ready ? 'true' : 'false'}>
        <DraftNotice
          restoredAt={kept.restoredAt}
          onDiscard={() => {
            kept.discard();
            editor.replace(startGeometry);
            setTool(toolFor(startGeometry));
          }}
          language={language}
          testId="editor-draft"
        />
        <GeometryTools
          geometry={geometry}
          facts={facts}
          multipart={multipart}
          tool={tool}
          onToolChange={setTool}
          onPlacePoint={(point) => {
            editor.replace(point);
            onGeometry(point);
            setTool('select');
          }}
          onDelete={() => {
            editor.replace(null);
            onGeometry(null);
            setTool('point');
          }}
          governorates={governorates}
          user={session.user}
          language={language}
          error={geometryError}
        />
        <ProjectFieldsForm form={form} errors={errors} onChange={onChange} codeSuggestion={codeSuggestion} organizations={organizations.data?.items ?? []} language={language} />
        <div aria-live="polite" data-testid="editor-outcome" data-outcome={outcome.kind}>
          {outcome.kind === 'nothingChanged' && <p className="notice">{t('editor.nothingChanged')}</p>}
          {outcome.kind === 'failed' && (
            <p className="field-error" role="alert">
              {outcome.message}
            </p>
          )}
          {outcome.kind === 'conflict' && (
            <p className="field-error" role="alert">
              {t('editor.conflict')}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  kept.discard();
                  onReload();
                }}
                data-testid="editor-reload"
              >
                {t('editor.reload')}
              </button>
            </p>
          )}
          {outcome.kind === 'geometryRefused' && (
            <div className="field-error" role="alert">
              <p>{t('editor.geometryRefused', { detail: outcome.detail })}</p>
              {outcome.repairable && (
                <button type="button" className="secondary-button" onClick={() => void save(true)} data-testid="editor-repair">
                  {t('editor.repairAndSave')}
                </button>
              )}
            </div>
          )}
          {(outcome.kind === 'held' || outcome.kind === 'queued') && (
            <div>
              <WriteNotice outcome={outcome} testId="editor-write" />
              <button type="button" className="primary-button" onClick={() => onSaved(outcome.id)} data-testid="editor-done">
                {t('editor.done')}
              </button>
            </div>
          )}
          {outcome.kind === 'repaired' && (
            <div className="notice" role="status" data-testid="editor-repaired">
              <p>{t('editor.repaired', { detail: outcome.detail })}</p>
              <button type="button" className="primary-button" onClick={() => onSaved(outcome.saved.id)} data-testid="editor-done">
                {t('editor.done')}
              </button>
            </div>
          )}
        </div>
        {outcome.kind !== 'repaired' && outcome.kind !== 'held' && outcome.kind !== 'queued' && (
          <div className="form-actions">
            <button type="submit" className="primary-button" disabled={outcome.kind === 'saving'} data-testid="editor-save">
              {outcome.kind === 'saving' ? t('editor.saving') : t('editor.save')}
            </button>
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                kept.discard(); // Cancel throws the changes away; closing the panel keeps them
                onClose();
              }}
              data-testid="editor-cancel"
            >
              {t('editor.cancel')}
            </button>
          </div>
        )}
      </form>
    </PanelFrame>
  );
}

/**
 * Creating a project, or editing one: its fields in the side panel, its geometry drawn on the map.
 * The browser checks what it can (fields, self-intersections, the governorate) before sending;
 * the API decides, and its refusals are shown where they belong.
 */
export default function ProjectEditor(props: ProjectEditorProps) {
  useMessages('editor', editorMessages);
  useMessages('drafts', draftMessages);
  const { t } = useTranslation();
  const { projectId, ...rest } = props;
  const query = useProject(projectId);
  const [generation, setGeneration] = useState(0);
  const reload = () => {
    void query.refetch().then(() => setGeneration((g) => g + 1));
  };
  if (projectId === null) return <EditorBody {...rest} project={null} onReload={reload} />;
  if (query.data === undefined) {
    return (
      <PanelFrame kind="editor" kicker={t('editor.editKicker')} title={t('editor.loading')} titleTestId="editor-title" onClose={props.onClose}>
        <LoadError error={query.error} />
      </PanelFrame>
    );
  }
  // A new key after a reload starts the form again from the project as it now is.
  return <EditorBody key={generation} {...rest} project={query.data} onReload={reload} />;
}
