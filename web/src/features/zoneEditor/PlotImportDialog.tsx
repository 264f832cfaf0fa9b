import type { ZoneDetail } from '@marsad/contracts';
import { useEffect, useId, useReducer, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { crsChoices } from './crsChoices.ts';
import { plotRowErrorsOf, type PlotImportReport, type PlotImportRowError } from './plotImportAnswer.ts';
import { canCheckPlots, canCommitPlots, chosenEpsg, INITIAL_PLOT_IMPORT, plotImportForm, plotImportReducer, type PlotImportAction } from './plotImportState.ts';
import { importPlots } from './zoneEditorApi.ts';
import '../imports/imports.css';

/** The file endings the plot import reads (it also tells a file by its first bytes). */
const ACCEPT = '.geojson,.json,.zip,.dxf';
const SHOWN_ERRORS = 200;

/** The refused plots: where each is in the file, its number, the field and the API's reason (English). */
function PlotErrorTable({ errors, language }: { errors: readonly PlotImportRowError[]; language: Language }) {
  const { t } = useTranslation();
  const captionId = useId();
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <div className="import-errors-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table data-testid="plot-import-errors">
        <caption id={captionId}>{t('zoneEditor.import.errors.caption')}</caption>
        <thead>
          <tr>
            {(['row', 'ref', 'number', 'field', 'message'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`zoneEditor.import.errors.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((error, i) => (
            <tr key={i} data-row={error.row} data-field={error.field}>
              <td>{formatCount(error.row, language)}</td>
              <td>
                <bdi dir="ltr">{error.ref}</bdi>
              </td>
              <td>
                <bdi>{error.plot_number ?? '—'}</bdi>
              </td>
              <td>{t(`zoneEditor.import.field.${error.field}`, { defaultValue: error.field })}</td>
              <td>
                <bdi>{error.message}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a dry run found: plots read, valid, with errors; the coordinate system used; warnings; each refused plot. */
function DryRunView({ report, language }: { report: PlotImportReport; language: Language }) {
  const { t } = useTranslation();
  const clean = report.errors.length === 0 && report.rows > 0 && report.valid === report.rows;
  const figures = [
    ['rows', report.rows],
    ['valid', report.valid],
    ['failed', report.rows - report.valid],
  ] as const;
  return (
    <section className="import-result" data-testid="plot-import-dry-run" data-rows={report.rows} data-valid={report.valid} data-clean={clean}>
      <dl className="import-figures">
        {figures.map(([key, value]) => (
          <div key={key} data-figure={key} data-alert={key === 'failed' && value > 0}>
            <dt>{t(`zoneEditor.import.${key}`)}</dt>
            <dd>{formatCount(value, language)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('zoneEditor.import.readIn', { crs: report.crs })}</p>
      <p role="status" className={clean ? 'form-success' : 'panel-error'} data-testid="plot-import-verdict">
        {t(clean ? 'zoneEditor.import.clean' : 'zoneEditor.import.dirty')}
      </p>
      {report.warnings.length > 0 && (
        <div className="notice">
          <strong>{t('zoneEditor.import.warnings')}</strong>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>
                <bdi>{w}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.errors.length > 0 && <PlotErrorTable errors={report.errors} language={language} />}
    </section>
  );
}

/**
 * Importing plots from a file into the zone (POST /api/zones/{id}/plots/import): choose the file,
 * its coordinate system (the country's usual ones, or any EPSG code) and the plot number's
 * attribute, check it (a dry run listing every refused plot), then import all or nothing.
 */
export function PlotImportDialog({ zone, csrfToken, language, onImported, onClose }: {
  zone: ZoneDetail;
  csrfToken: string;
  language: Language;
  onImported: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(plotImportReducer, INITIAL_PLOT_IMPORT);
  const ref = useRef<HTMLDialogElement>(null);
  const upload = useRef<AbortController | null>(null);
  const titleId = useId();
  const fileId = useId();
  const fieldOf = useFields<'crs' | 'crsText' | 'numberField'>('plot-import', (name) =>
    name === 'crsText' && state.options.crs === 'other' && state.options.crsText !== '' && chosenEpsg(state.options) === null ? t('zoneEditor.import.crsInvalid') : undefined,
  );
  useEffect(() => () => upload.current?.abort(), []);
  const sending = state.activity.kind === 'sending' ? state.activity.action : null;

  const close = () => {
    upload.current?.abort();
    ref.current?.close();
    onClose();
  };

  const send = async (action: PlotImportAction) => {
    if (state.file === null || upload.current !== null || !(action === 'check' ? canCheckPlots(state) : canCommitPlots(state))) return;
    const controller = new AbortController();
    upload.current = controller;
    dispatch({ type: 'start', action });
    try {
      const report = await importPlots(zone.id, plotImportForm(state.file, state.options, action === 'check'), csrfToken, controller.signal);
      if (action === 'check') dispatch({ type: 'checked', report });
      else {
        dispatch({ type: 'imported', report });
        onImported();
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') dispatch({ type: 'cancelled' });
      else if (error instanceof ProblemError) {
        const detail = error.status === null ? t('zoneEditor.offline') : error.detail;
        dispatch({ type: 'refused', action, status: error.status, detail, errors: plotRowErrorsOf(error.problem) });
      } else dispatch({ type: 'refused', action, status: null, detail: String(error), errors: [] });
    } finally {
      if (upload.current === controller) upload.current = null;
    }
  };

  const field = (name: 'crs' | 'crsText' | 'numberField', label: string, input: ReactNode, hint?: string) => (
    <FormField field={fieldOf(name, hint)} label={label}>
      {input}
    </FormField>
  );
  const activity = state.activity;
  return (
    <Modal ref={ref} onEscape={close} className="import-dialog plot-import-dialog" aria-labelledby={titleId} aria-busy={sending !== null} testId="plot-import-dialog">
      <ModalHeader titleId={titleId} title={`${t('zoneEditor.import.title')} · ${language === 'ar' ? zone.title_ar : zone.title_en}`} close={{ label: t('zoneEditor.close'), onClick: close, testId: 'plot-import-close' }} />
      <p className="import-intro">{t('zoneEditor.import.intro')}</p>
      <p className="muted">{t('zoneEditor.import.formats')}</p>
      <div className="form-field">
        <label htmlFor={fileId}>{t('zoneEditor.import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept={ACCEPT}
          disabled={sending !== null}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen !== undefined) dispatch({ type: 'choose', file: chosen });
          }}
          data-testid="plot-import-file"
        />
        {state.file !== null && (
          <span className="muted" data-testid="plot-import-file-name">
            {t('zoneEditor.import.chosen')} 
            <bdi dir="ltr">{state.file.name}</bdi>
          </span>
        )}
      </div>
      <div className="form-row">
        {field(
          'crs',
          t('zoneEditor.import.crs'),
          <select value={state.options.crs} disabled={sending !== null} onChange={(e) => dispatch({ type: 'options', options: { crs: e.target.value } })} {...controlProps(fieldOf('crs'))}>
            <option value="">{t('zoneEditor.import.crsFromFile')}</option>
            {crsChoices(zone.country_iso3).map((choice) => (
              <option key={choice.epsg} value={String(choice.epsg)}>
                {`EPSG:${choice.epsg} · ${choice.name}`}
              </option>
            ))}
            <option value="other">{t('zoneEditor.import.crsOther')}</option>
          </select>,
        )}
        {state.options.crs === 'other' &&
          field(
            'crsText',
            t('zoneEditor.import.crsText'),
            <input
              type="text"
              dir="ltr"
              inputMode="numeric"
              placeholder="EPSG:32637"
              value={state.options.crsText}
              disabled={sending !== null}
              onChange={(e) => dispatch({ type: 'options', options: { crsText: e.target.value } })}
              {...controlProps(fieldOf('crsText'))}
            />,
          )}
      </div>
      {field(
        'numberField',
        t('zoneEditor.import.numberField'),
        <input
          type="text"
          dir="auto"
          value={state.options.numberField}
          disabled={sending !== null}
          onChange={(e) => dispatch({ type: 'options', options: { numberField: e.target.value } })}
          {...controlProps(fieldOf('numberField', t('zoneEditor.import.numberFieldHint')))}
        />,
        t('zoneEditor.import.numberFieldHint'),
      )}
      <label className="import-repair">
        <input type="checkbox" checked={state.options.repair} disabled={sending !== null} onChange={(e) => dispatch({ type: 'options', options: { repair: e.target.checked } })} data-testid="plot-import-repair" />
        <span>{t('zoneEditor.import.repair')}</span>
      </label>
      <div className="form-actions">
        <button type="button" className="secondary-button" aria-disabled={!canCheckPlots(state)} onClick={() => void send('check')} data-testid="plot-import-check">
          {sending === 'check' ? t('zoneEditor.import.checking') : t('zoneEditor.import.check')}
        </button>
        <button type="button" className="primary-button" aria-disabled={!canCommitPlots(state)} onClick={() => void send('commit')} data-testid="plot-import-commit">
          {sending === 'commit' ? t('zoneEditor.import.committing') : t('zoneEditor.import.commit')}
        </button>
      </div>
      {!canCommitPlots(state) && sending === null && activity.kind !== 'imported' && <p className="muted">{t('zoneEditor.import.commitHint')}</p>}
      <div aria-live="polite">
        {activity.kind === 'imported' && (
          <p className="form-success" role="status" data-testid="plot-import-created" data-created={activity.report.created}>
            {t('zoneEditor.import.created', { formatted: formatCount(activity.report.created, language) })}
          </p>
        )}
      </div>
      {activity.kind === 'refused' && (
        <section className="import-result" data-testid="plot-import-refused" data-status={activity.status ?? 'none'}>
          <div role="alert" className="panel-error">
            <strong>{t(activity.action === 'check' ? 'zoneEditor.import.refusedCheck' : 'zoneEditor.import.refusedCommit')}</strong>
            <p>
              <bdi>{activity.detail}</bdi>
            </p>
          </div>
          {activity.errors.length > 0 && <PlotErrorTable errors={activity.errors} language={language} />}
        </section>
      )}
      {state.dryRun !== null && <DryRunView report={state.dryRun} language={language} />}
    </Modal>
  );
}
