import { UTILITY_STAGES, type UtilityNetwork, type UtilityStage, type ZoneDetail } from '@marsad/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, ProblemError } from '../../api/http.ts';
import { useProject } from '../../api/useProjects.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { refreshEverything } from '../account/useSession.ts';
import { DraftNotice } from '../drafts/DraftNotice.tsx';
import { useDeviceDraft } from '../drafts/useDeviceDraft.ts';
import { PhotoPicker, type PickedPhoto } from '../photos/PhotoPicker.tsx';
import { photosOf, submitWrite } from '../outbox/submitWrite.ts';
import { WriteNotice } from '../outbox/WriteNotice.tsx';
import { allowedStatuses, localIsoDay, validateProgress, type ProgressDraft } from '../progress/progressReport.ts';
import { TaskFrame } from './TaskParts.tsx';
import { changedNetworks, readinessForStage, utilityLines, type UtilityProblem } from './utilityForm.ts';
import { isZoneReportDraft, zoneReportStart, type ZoneNow, type ZoneReportDraft } from './zoneReportDraft.ts';

type Field = keyof ProgressDraft;

type Outcome = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'held' } | { kind: 'queued'; signIn: boolean } | { kind: 'conflict' } | { kind: 'failed'; message: string };

interface ZoneReportProps {
  zone: ZoneDetail;
  csrfToken: string;
  userId: number;
  language: Language;
  onSaved: () => void;
  onReload: () => void;
  onClose: () => void;
}

/**
 * "Report progress" for a zone: the project's progress report (status, physical and financial
 * progress, note, photos downscaled on the device) and the five networks, each with its stage of
 * work and readiness, filled from where the zone stands. One report, POST /api/projects/{id}/progress
 * with `utilities`, sent through the outbox with what the form showed (held for review if the zone
 * moved meanwhile, kept until the connection is back). What is typed is kept on the device until sent.
 */
export function ZoneReportTask(props: ZoneReportProps) {
  const { t } = useTranslation();
  const project = useProject(props.zone.id);
  const data = project.data;
  const utilities = props.zone.utilities;
  const now = useMemo<ZoneNow | null>(
    () => (data === undefined ? null : { status: data.status, physical_progress: data.physical_progress, financial_progress: data.financial_progress, utilities }),
    [data, utilities],
  );
  return (
    <TaskFrame title={t('zoneEditor.action.report')} onClose={props.onClose} testId="zone-report-task">
      {now === null ? (
        <p className="muted">{project.error === null ? t('zoneEditor.report.loading') : t('zoneEditor.failed', { detail: project.error.message })}</p>
      ) : (
        <ZoneReportForm {...props} now={now} />
      )}
    </TaskFrame>
  );
}

function ZoneReportForm({ zone, userId, language, onSaved, onReload, now }: ZoneReportProps & { now: ZoneNow }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const base = useId();
  const today = localIsoDay();
  const start = useCallback(() => zoneReportStart(now, today), [now, today]);
  const kept = useDeviceDraft<ZoneReportDraft>(`zone-report:${userId}:${zone.id}`, start, isZoneReportDraft);
  const draft = kept.value;
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [utilityErrors, setUtilityErrors] = useState<Partial<Record<UtilityNetwork, UtilityProblem>>>({});
  const [utilitiesProblem, setUtilitiesProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [preparingPhotos, setPreparingPhotos] = useState(false);
  const statuses = allowedStatuses(now.status);
  const changed = changedNetworks(draft.utilities, zone.utilities);

  const setProgress = (field: Field, value: string) => {
    kept.set((d) => ({ ...d, progress: { ...d.progress, [field]: value } }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setOutcome({ kind: 'idle' });
  };
  const setUtility = (network: UtilityNetwork, patch: (row: ZoneReportDraft['utilities'][number]) => Partial<ZoneReportDraft['utilities'][number]>) => {
    kept.set((d) => ({ ...d, utilities: d.utilities.map((row) => (row.network === network ? { ...row, ...patch(row) } : row)) }));
    setUtilityErrors((e) => ({ ...e, [network]: undefined }));
    setUtilitiesProblem(null);
    setOutcome({ kind: 'idle' });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateProgress(draft.progress, now.status, today);
    const lines = utilityLines(draft.utilities);
    const messages: Partial<Record<Field, string>> = {};
    if (!checked.ok) for (const [field, key] of Object.entries(checked.errors)) messages[field as Field] = t(`progress.errors.${key}`);
    setErrors(messages);
    setUtilityErrors(lines.ok ? {} : lines.errors);
    if (!checked.ok || !lines.ok) return;
    setOutcome({ kind: 'saving' });
    try {
      const seen = { status: now.status, physical_progress: now.physical_progress, financial_progress: now.financial_progress };
      const label = `${zone.code} · ${language === 'ar' ? zone.title_ar : zone.title_en}`;
      const result = await submitWrite(
        { kind: 'progress_report', projectId: zone.id, label, body: { ...checked.report, utilities: lines.lines, version: zone.version, base: seen } },
        await photosOf(photos.map((p) => p.blob)),
      );
      if (result.kind === 'refused') throw result.error;
      kept.set((d) => ({ ...d, progress: { ...d.progress, note: '' } }));
      kept.sent();
      setPhotos([]);
      refreshEverything(client);
      if (result.kind === 'applied') {
        setOutcome({ kind: 'saved' });
        onSaved();
      } else {
        setOutcome(result.kind === 'held' ? { kind: 'held' } : { kind: 'queued', signIn: result.signIn });
      }
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!(error instanceof ProblemError)) {
        setOutcome({ kind: 'failed', message: t('progress.failed', { detail: error instanceof Error ? error.message : String(error) }) });
      } else if (error.status === null) {
        setOutcome({ kind: 'failed', message: photos.length > 0 ? `${t('drafts.offline')} ${t('drafts.photosNotKept')}` : t('drafts.offline') });
      } else if (error.status === 409) {
        setOutcome({ kind: 'conflict' });
      } else if (error.status === 413 || error.status === 415 || 'photos' in fields) {
        setOutcome({ kind: 'failed', message: t('photos.rejected', { detail: error.detail }) });
      } else if (error.status === 400 && Object.keys(fields).length > 0) {
        const { utilities, ...rest } = fields;
        setErrors(rest);
        setUtilitiesProblem(utilities ?? null);
        setOutcome({ kind: 'idle' });
      } else if (error.status === 422) {
        const allowed = Array.isArray(error.problem.allowed) ? error.problem.allowed.map((s) => t(`status.${String(s)}`, { defaultValue: String(s) })) : [];
        setOutcome({ kind: 'failed', message: allowed.length > 0 ? t('progress.notAllowedStatus', { allowed: allowed.join(language === 'ar' ? '، ' : ', ') }) : t('progress.failed', { detail: error.detail }) });
      } else if (error.status === 403) {
        setOutcome({ kind: 'failed', message: t('progress.forbidden') });
      } else {
        setOutcome({ kind: 'failed', message: t('progress.failed', { detail: error.detail }) });
      }
    }
  };

  const fieldOf = useFields<Field>('zone-report', (field) => errors[field]);
  const props = (field: Field) => controlProps(fieldOf(field));
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="zone-report-form">
      <DraftNotice restoredAt={kept.restoredAt} onDiscard={kept.discard} language={language} testId="zone-report-draft" />
      <div className="form-row">
        <FormField field={fieldOf('reported_on')} label={t('progress.date')}>
          <input type="date" max={today} value={draft.progress.reported_on} onChange={(e) => setProgress('reported_on', e.target.value)} {...props('reported_on')} />
        </FormField>
        <FormField field={fieldOf('status')} label={t('progress.status')}>
          <select value={draft.progress.status} onChange={(e) => setProgress('status', e.target.value)} {...props('status')}>
            <Options values={statuses} label={(s) => t(`status.${s}`)} />
          </select>
        </FormField>
      </div>
      <div className="form-row">
        {(['physical_progress', 'financial_progress'] as const).map((field) => (
          <FormField key={field} field={fieldOf(field)} label={t(field === 'physical_progress' ? 'progress.physical' : 'progress.financial')}>
            <input type="number" inputMode="decimal" min={0} max={100} step="any" dir="ltr" lang={language} value={draft.progress[field]} onChange={(e) => setProgress(field, e.target.value)} {...props(field)} />
          </FormField>
        ))}
      </div>
      <fieldset className="zone-utilities" aria-describedby={`${base}-utilities-hint`} data-testid="zone-report-utilities">
        <legend>{t('zoneEditor.report.utilities')}</legend>
        <p id={`${base}-utilities-hint`} className="muted">
          {t('zoneEditor.report.utilitiesHint')}
        </p>
        <table className="zone-utilities-table">
          <thead>
            <tr>
              <th scope="col">{t('zoneEditor.report.network')}</th>
              <th scope="col">{t('zoneEditor.report.stage')}</th>
              <th scope="col">{t('zoneEditor.report.readiness')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.utilities.map((row) => {
              const error = utilityErrors[row.network];
              const errorId = `${base}-${row.network}-error`;
              const label = t(`zoneEditor.network.${row.network}`);
              return (
                <tr key={row.network} data-network={row.network} data-changed={changed.includes(row.network)}>
                  <th scope="row">
                    {label}
                    {changed.includes(row.network) && <span className="zone-changed"> · {t('zoneEditor.report.changed')}</span>}
                    {error !== undefined && (
                      <span id={errorId} className="field-error" data-testid={`zone-report-${row.network}-error`}>
                        {t(`zoneEditor.invalid.${error}`)}
                      </span>
                    )}
                  </th>
                  <td>
                    <select
                      aria-label={`${label}: ${t('zoneEditor.report.stage')}`}
                      aria-invalid={error === 'stage'}
                      aria-describedby={error === undefined ? undefined : errorId}
                      value={row.stage}
                      onChange={(e) => {
                        const stage = e.target.value as UtilityStage | '';
                        setUtility(row.network, (r) => ({ stage, readiness: stage === '' ? r.readiness : readinessForStage(stage, r.readiness) }));
                      }}
                      data-testid={`zone-report-${row.network}-stage`}
                    >
                      <option value="">{t('zoneEditor.report.noStage')}</option>
                      <Options values={UTILITY_STAGES} label={(s) => t(`zoneEditor.stage.${s}`)} />
                    </select>
                  </td>
                  <td>
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      step={1}
                      dir="ltr"
                      lang={language}
                      aria-label={`${label}: ${t('zoneEditor.report.readiness')}`}
                      aria-invalid={error === 'readiness'}
                      aria-describedby={error === undefined ? undefined : errorId}
                      value={row.readiness}
                      onChange={(e) => {
                        const readiness = e.target.value;
                        setUtility(row.network, () => ({ readiness }));
                      }}
                      data-testid={`zone-report-${row.network}-readiness`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {utilitiesProblem !== null && (
          <p className="field-error" role="alert" data-testid="zone-report-utilities-error">
            <bdi>{utilitiesProblem}</bdi>
          </p>
        )}
      </fieldset>
      <FormField field={fieldOf('note')} label={t('progress.note')}>
        <textarea rows={2} maxLength={4000} value={draft.progress.note} onChange={(e) => setProgress('note', e.target.value)} {...props('note')} />
      </FormField>
      <PhotoPicker photos={photos} setPhotos={setPhotos} language={language} disabled={outcome.kind === 'saving'} onPreparing={setPreparingPhotos} />
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={outcome.kind === 'saving' || preparingPhotos} data-testid="zone-report-submit">
          {outcome.kind === 'saving' ? t('progress.submitting') : t('progress.submit')}
        </button>
      </div>
      <div aria-live="polite">
        {outcome.kind === 'saved' && (
          <p className="form-success" data-testid="zone-report-saved">
            {t('progress.saved')}
          </p>
        )}
        {(outcome.kind === 'held' || outcome.kind === 'queued') && <WriteNotice outcome={outcome} testId="zone-report-outcome" />}
      </div>
      {outcome.kind === 'conflict' && (
        <div role="alert" className="panel-error" data-testid="zone-report-conflict">
          <p>{t('zoneEditor.conflict')}</p>
          <button type="button" className="secondary-button" onClick={onReload} data-testid="zone-report-reload">
            {t('zoneEditor.reload')}
          </button>
        </div>
      )}
      {outcome.kind === 'failed' && (
        <p role="alert" className="panel-error" data-testid="zone-report-error">
          <bdi>{outcome.message}</bdi>
        </p>
      )}
    </form>
  );
}
