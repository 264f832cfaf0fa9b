import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../api/projects.ts';
import { fieldErrorsOf, ProblemError } from '../../api/http.ts';
import { refreshEverything, useSession } from '../account/useSession.ts';
import { allowedStatuses, localIsoDay, validateProgress, type ProgressDraft } from './progressReport.ts';
import { DraftNotice } from '../drafts/DraftNotice.tsx';
import { useDeviceDraft } from '../drafts/useDeviceDraft.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { PhotoPicker, type PickedPhoto } from '../photos/PhotoPicker.tsx';
import { Options } from '../../ui/Options.tsx';
import { photosOf, projectLabel, submitWrite } from '../outbox/submitWrite.ts';
import { WriteNotice } from '../outbox/WriteNotice.tsx';

type Field = keyof ProgressDraft;

/** A refusal of the photos rather than of the report: too large, not an image, too many. */
function isPhotoProblem(error: ProblemError): boolean {
  return error.status === 413 || error.status === 415 || 'photos' in fieldErrorsOf(error);
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** Stored but held for review, or kept in the outbox until it can be sent. */
  | { kind: 'held' }
  | { kind: 'queued'; signIn: boolean }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

function draftOf(project: ProjectDetail, today: string): ProgressDraft {
  return {
    reported_on: today,
    status: project.status,
    physical_progress: String(project.physical_progress),
    financial_progress: String(project.financial_progress),
    note: '',
  };
}

function isProgressDraft(value: unknown): value is ProgressDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (['reported_on', 'status', 'physical_progress', 'financial_progress', 'note'] as const).every((k) => typeof d[k] === 'string');
}

/**
 * The progress report form of the project drawer, for those who may write the project. It checks
 * the report as the API will and hands it to the outbox with the version and values it was filled
 * from (the photos go first, in parts); online it is sent at once and the form says whether it was
 * applied, held for review or refused; offline it waits in the outbox. After a save it reloads the
 * project, the lists, the KPIs and the tiles. What is typed is kept on the device until it is sent.
 */
export function ProgressForm({ project, language }: { project: ProjectDetail; language: Language }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const base = useId();
  const today = localIsoDay();
  const userId = useSession().data?.user.id ?? 0;
  const start = useCallback(() => draftOf(project, today), [project, today]);
  const kept = useDeviceDraft(`progress:${userId}:${project.id}`, start, isProgressDraft);
  const draft = kept.value;
  const setDraft = kept.set;
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [preparingPhotos, setPreparingPhotos] = useState(false);
  const statuses = allowedStatuses(project.status);

  const set = (field: Field) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  // After a conflict: read the project again and start the form from its new state.
  const reload = async () => {
    setOutcome({ kind: 'idle' });
    setErrors({});
    await client.invalidateQueries({ queryKey: ['projects', 'one', project.id] });
    const fresh = client.getQueryData<ProjectDetail>(['projects', 'one', project.id]);
    if (fresh !== undefined) setDraft(() => draftOf(fresh, today));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateProgress(draft, project.status, today);
    if (!checked.ok) {
      const messages: Partial<Record<Field, string>> = {};
      for (const [field, key] of Object.entries(checked.errors)) messages[field as Field] = t(`progress.errors.${key}`);
      setErrors(messages);
      return;
    }
    setErrors({});
    setOutcome({ kind: 'saving' });
    try {
      // What the form showed: a report overtaken by someone else's is held for review, not applied over theirs.
      const base = { status: project.status, physical_progress: project.physical_progress, financial_progress: project.financial_progress };
      const label = projectLabel(project, language);
      const result = await submitWrite({ kind: 'progress_report', projectId: project.id, label, body: { ...checked.report, version: project.version, base } }, await photosOf(photos.map((p) => p.blob)));
      if (result.kind === 'refused') throw result.error;
      setDraft((d) => ({ ...d, note: '' }));
      kept.sent();
      setPhotos([]);
      setOutcome(result.kind === 'applied' ? { kind: 'saved' } : result.kind === 'held' ? { kind: 'held' } : { kind: 'queued', signIn: result.signIn });
      refreshEverything(client);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (error instanceof ProblemError && error.status === null) {
        setOutcome({ kind: 'failed', message: photos.length > 0 ? `${t('drafts.offline')} ${t('drafts.photosNotKept')}` : t('drafts.offline') });
      } else if (error instanceof ProblemError && error.status === 409) {
        setOutcome({ kind: 'conflict' });
      } else if (error instanceof ProblemError && isPhotoProblem(error)) {
        // Nothing was saved: the report stays filled in, the photos can be changed.
        setOutcome({ kind: 'failed', message: t('photos.rejected', { detail: error.detail }) });
      } else if (error instanceof ProblemError && error.status === 400 && Object.keys(fieldErrors).length > 0) {
        setErrors(fieldErrors);
        setOutcome({ kind: 'idle' });
      } else if (error instanceof ProblemError && error.status === 422) {
        const allowed = Array.isArray(error.problem.allowed) ? error.problem.allowed.map((s) => t(`status.${String(s)}`, { defaultValue: String(s) })) : [];
        setOutcome({ kind: 'failed', message: t('progress.notAllowedStatus', { allowed: allowed.join('، ') }) });
      } else if (error instanceof ProblemError && error.status === 403) {
        setOutcome({ kind: 'failed', message: t('progress.forbidden') });
      } else {
        setOutcome({ kind: 'failed', message: t('progress.failed', { detail: error instanceof Error ? error.message : String(error) }) });
      }
    }
  };

  const fieldOf = useFields<Field>('progress', (field) => errors[field]);
  const fieldProps = (field: Field) => controlProps(fieldOf(field));

  return (
    <section aria-labelledby={`${base}-title`} className="progress-form" data-testid="progress-form">
      <h3 id={`${base}-title`}>{t('progress.title')}</h3>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <DraftNotice restoredAt={kept.restoredAt} onDiscard={kept.discard} language={language} testId="progress-draft" />
        <FormField field={fieldOf('reported_on')} label={t('progress.date')}>
          <input type="date" max={today} value={draft.reported_on} onChange={(e) => set('reported_on')(e.target.value)} {...fieldProps('reported_on')} />
        </FormField>
        <FormField field={fieldOf('status')} label={t('progress.status')}>
          <select value={draft.status} onChange={(e) => set('status')(e.target.value)} {...fieldProps('status')}>
            <Options values={statuses} label={(s) => t(`status.${s}`)} />
          </select>
        </FormField>
        <div className="form-row">
          {(['physical_progress', 'financial_progress'] as const).map((field) => (
            <FormField key={field} field={fieldOf(field)} label={t(field === 'physical_progress' ? 'progress.physical' : 'progress.financial')}>
              <input
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                dir="ltr"
                lang={language}
                value={draft[field]}
                onChange={(e) => set(field)(e.target.value)}
                {...fieldProps(field)}
              />
            </FormField>
          ))}
        </div>
        <FormField field={fieldOf('note')} label={t('progress.note')}>
          <textarea rows={2} maxLength={4000} value={draft.note} onChange={(e) => set('note')(e.target.value)} {...fieldProps('note')} />
        </FormField>
        <PhotoPicker photos={photos} setPhotos={setPhotos} language={language} disabled={outcome.kind === 'saving'} onPreparing={setPreparingPhotos} />
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={outcome.kind === 'saving' || preparingPhotos} data-testid="progress-submit">
            {outcome.kind === 'saving' ? t('progress.submitting') : t('progress.submit')}
          </button>
        </div>
        <div aria-live="polite">
          {outcome.kind === 'saved' && (
            <p className="form-success" data-testid="progress-saved">
              {t('progress.saved')}
            </p>
          )}
          {(outcome.kind === 'held' || outcome.kind === 'queued') && <WriteNotice outcome={outcome} testId="progress-outcome" />}
        </div>
        {outcome.kind === 'conflict' && (
          <div role="alert" className="panel-error" data-testid="progress-conflict">
            <p>{t('progress.conflict')}</p>
            <button type="button" className="secondary-button" onClick={() => void reload()}>
              {t('progress.reload')}
            </button>
          </div>
        )}
        {outcome.kind === 'failed' && (
          <p role="alert" className="panel-error" data-testid="progress-error">
            {outcome.message}
          </p>
        )}
      </form>
    </section>
  );
}
