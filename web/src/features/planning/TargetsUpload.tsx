import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { refreshEverything } from '../account/useSession.ts';
import { CellErrorTable } from './CellErrorTable.tsx';
import { cellErrorsOf, uploadTargets } from './planningApi.ts';
import { canApply, canCheck, INITIAL_UPLOAD, isClean, isSending, uploadReducer, type UploadAction } from './uploadState.ts';
import { useProblemText } from './useChange.ts';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Upload of an edited targets workbook into the draft (drafters): check it first (a dry run that
 * lists every bad cell), then apply it, only when clean. The draft's version goes with it: if
 * someone else changed the draft meanwhile the API answers 409, the plan is read again and the
 * file must be checked again.
 */
export function TargetsUpload({ country, year, draftVersion, csrfToken, language }: { country: string; year: number; draftVersion: number | null; csrfToken: string; language: Language }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problemText = useProblemText();
  const [state, dispatch] = useReducer(uploadReducer, INITIAL_UPLOAD);
  const inputId = useId();
  const titleId = useId();
  const hintId = useId();
  const upload = useRef<AbortController | null>(null);
  useEffect(() => () => upload.current?.abort(), []);

  const send = async (action: UploadAction) => {
    const { file } = state;
    if (file === null || upload.current !== null || !(action === 'check' ? canCheck(state) : canApply(state))) return;
    const controller = new AbortController();
    upload.current = controller;
    dispatch({ type: 'start', action });
    try {
      const report = await uploadTargets(country, year, { file, version: draftVersion, dryRun: action === 'check', csrfToken, signal: controller.signal });
      if (action === 'check') dispatch({ type: 'checked', report });
      else if (report.applied) dispatch({ type: 'applied', report });
      else dispatch({ type: 'checked', report });
      if (action === 'apply') refreshEverything(client);
    } catch (error) {
      if (isAbort(error)) return;
      const errors = error instanceof ProblemError ? cellErrorsOf(error.problem) : [];
      if (errors.length > 0 && !(error instanceof ProblemError && error.status === 409)) {
        // The file has bad cells after all (an apply re-checks it): list them as a check would.
        dispatch({ type: 'checked', report: { ok: false, dry_run: action === 'check', applied: false, lines: 0, version: null, errors } });
      } else {
        const { kind, text, detail } = problemText(error);
        dispatch({ type: 'refused', action, conflict: kind === 'conflict', text: detail === undefined ? text : `${text} ${detail}`, errors: [] });
      }
      // A conflict: read the draft again, so the next check goes with its new version.
      if (error instanceof ProblemError && error.status === 409) refreshEverything(client);
    } finally {
      if (upload.current === controller) upload.current = null;
    }
  };

  const sending = state.activity.kind === 'sending' ? state.activity.action : null;
  const report = state.report;
  const clean = isClean(report);
  const showApplyHint = !canApply(state) && sending === null && state.activity.kind !== 'applied';

  return (
    <section className="planning-section" aria-labelledby={titleId} data-testid="plan-upload">
      <h3 id={titleId}>{t('planning.upload.title')}</h3>
      <p className="muted">{t('planning.upload.intro')}</p>
      <div className="planning-file">
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          accept={XLSX_TYPES}
          disabled={isSending(state)}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (chosen !== undefined) dispatch({ type: 'choose', file: chosen });
          }}
          data-testid="plan-upload-file"
        />
        <label htmlFor={inputId} className="secondary-button">
          {state.file === null ? t('planning.upload.choose') : t('planning.upload.change')}
        </label>
        {state.file !== null && (
          <bdi dir="ltr" className="planning-file-name" data-testid="plan-upload-file-name">
            {state.file.name}
          </bdi>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="secondary-button" aria-disabled={!canCheck(state)} onClick={() => void send('check')} data-testid="plan-upload-check">
          {sending === 'check' ? t('planning.upload.checking') : t('planning.upload.check')}
        </button>
        <button
          type="button"
          className="primary-button"
          aria-disabled={!canApply(state)}
          aria-describedby={showApplyHint ? hintId : undefined}
          onClick={() => void send('apply')}
          data-testid="plan-upload-apply"
        >
          {sending === 'apply' ? t('planning.upload.applying') : t('planning.upload.apply')}
        </button>
      </div>
      {showApplyHint && (
        <p id={hintId} className="muted">
          {t('planning.upload.applyHint')}
        </p>
      )}
      {report !== null && (
        <div className="planning-report" data-testid="plan-upload-report" data-clean={clean} data-lines={report.lines} data-errors={report.errors.length}>
          <p role="status" className={clean ? 'form-success' : 'panel-error'}>
            {clean ? t('planning.upload.clean', { count: report.lines, formatted: formatCount(report.lines, language) }) : t('planning.upload.dirty')}
          </p>
          {report.errors.length > 0 && <CellErrorTable errors={report.errors} language={language} />}
        </div>
      )}
      {state.activity.kind === 'applied' && (
        <p role="status" className="form-success" data-testid="plan-upload-applied" data-lines={state.activity.lines}>
          {t('planning.upload.applied', { count: state.activity.lines, formatted: formatCount(state.activity.lines, language) })}
        </p>
      )}
      {state.activity.kind === 'refused' && (
        <div role="alert" className="panel-error" data-testid="plan-upload-refused" data-conflict={state.activity.conflict}>
          <strong>{t('planning.upload.refused')}</strong>
          <p>
            <bdi>{state.activity.text}</bdi>
          </p>
        </div>
      )}
    </section>
  );
}
