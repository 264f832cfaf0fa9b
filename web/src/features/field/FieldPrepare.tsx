import type { FieldEstimate, SessionUser } from '@marsad/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber } from '../../format/numbers.ts';
import { INTL_LOCALES } from '../../format/locale.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { useOnline } from '../../offline/useOnline.ts';
import { fetchFieldEstimate, fetchFieldVersion } from './fieldApi.ts';
import { fieldMessages } from './messages.ts';
import { FIELD_TILE_LAYERS, prepareForField, readFieldPrepared, type FieldPrepared, type FieldProgress } from './prepareForField.ts';
import './field.css';

/** How long after the work queue shows the device asks whether its field data is out of date. */
const VERSION_CHECK_DELAY_MS = 3000;

type State =
  | { kind: 'idle' }
  | { kind: 'estimating' }
  | { kind: 'estimated'; estimate: FieldEstimate }
  | { kind: 'downloading'; progress: FieldProgress; refresh: boolean }
  | { kind: 'failed'; detail: string };

/**
 * "Prepare for the field", at the top of an engineer's work queue: when the device was last
 * prepared (and for what), the estimate before downloading, a progress bar while it downloads, and
 * a fresh download by itself when the connection is there and the data moved on since.
 */
export default function FieldPrepare({ user, language }: { user: SessionUser; language: Language }) {
  useMessages('field', fieldMessages);
  const { t } = useTranslation();
  const client = useQueryClient();
  const online = useOnline();
  const [prepared, setPrepared] = useState<FieldPrepared | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = useRef(false);

  const megabytes = (bytes: number) => t('field.megabytes', { value: formatNumber(Math.max(0.1, Math.round(bytes / 104857.6) / 10), language) });
  const names = (codes: readonly string[], estimate?: FieldEstimate) =>
    codes.map((code) => estimate?.governorates.find((g) => g.code === code)?.[language === 'ar' ? 'name_ar' : 'name_en'] ?? code).join('، ');

  const download = useCallback(
    async (governorates: readonly string[], refresh: boolean) => {
      if (busy.current) return;
      busy.current = true;
      setState({ kind: 'downloading', progress: { phase: 'data', done: 0, total: 1 }, refresh });
      try {
        const done = await prepareForField(user, governorates, (progress) => setState({ kind: 'downloading', progress, refresh }));
        // What the page shows now is read again through the service worker, which keeps it for this user.
        await client.refetchQueries({ type: 'active' });
        setPrepared(done);
        setState({ kind: 'idle' });
      } catch (error) {
        setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
      } finally {
        busy.current = false;
      }
    },
    [user, client],
  );

  // What this device keeps, and whether the data moved on since (then prepared again, when
  // online). The check waits until the first view has loaded, and asks the browser again then: a
  // page opened without a network may learn so only after it started.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void readFieldPrepared(user.id).then((kept) => {
      if (!live) return;
      setPrepared(kept);
      if (kept === null || !online) return;
      timer = setTimeout(() => {
        if (!navigator.onLine) return;
        void fetchFieldVersion()
          .catch(() => null)
          .then((now) => {
            if (live && navigator.onLine && now !== null && now.data_version !== kept.data_version) void download(kept.governorates, true);
          });
      }, VERSION_CHECK_DELAY_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [user.id, online, download]);

  const estimate = async () => {
    setState({ kind: 'estimating' });
    try {
      setState({ kind: 'estimated', estimate: await fetchFieldEstimate(user.governorates) });
    } catch (error) {
      setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const time = prepared === null ? '' : new Date(prepared.prepared_at).toLocaleString(INTL_LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="field-prepare" aria-labelledby="field-prepare-title" data-testid="field-prepare">
      <h3 id="field-prepare-title" className="field-prepare-title">
        {t('field.title')}
      </h3>
      {prepared === null ? (
        <p className="muted">{t('field.notPrepared')}</p>
      ) : (
        <p
          data-testid="field-prepared"
          data-bytes={prepared.bytes}
          data-requests={prepared.requests}
          data-seconds={prepared.seconds.toFixed(2)}
          data-projects={prepared.projects}
          data-tiles={prepared.tiles}
        >
          {t('field.prepared', { time, projects: formatCount(prepared.projects, language), governorates: names(prepared.governorates), size: megabytes(prepared.bytes) })}
        </p>
      )}
      {state.kind === 'estimated' && (
        <div className="field-estimate" data-testid="field-estimate" data-bytes={state.estimate.bundle_bytes} data-tiles={state.estimate.tiles}>
          <p>
            {t('field.estimate', {
              projects: formatCount(state.estimate.projects, language),
              zones: formatCount(state.estimate.zones, language),
              governorates: names(state.estimate.governorates.map((g) => g.code), state.estimate),
              size: megabytes(state.estimate.bundle_bytes),
              tiles: formatCount(state.estimate.tiles * FIELD_TILE_LAYERS.length, language),
              zoom: formatCount(state.estimate.tile_max_zoom, language),
            })}
          </p>
          <div className="form-actions">
            <button type="button" className="primary-button" disabled={!online} onClick={() => void download(state.estimate.governorates.map((g) => g.code), false)} data-testid="field-download">
              {t('field.download')}
            </button>
            <button type="button" className="secondary-button" onClick={() => setState({ kind: 'idle' })}>
              {t('field.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'downloading' && (
        <div className="field-progress" role="status">
          {state.refresh && <p>{t('field.refreshing')}</p>}
          <progress value={state.progress.done} max={Math.max(1, state.progress.total)} data-testid="field-progress" />
          <span>
            {t(state.progress.phase === 'data' ? 'field.phaseData' : 'field.phaseTiles', {
              done: formatCount(state.progress.done, language),
              total: formatCount(state.progress.total, language),
            })}
          </span>
        </div>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="panel-error" data-testid="field-error">
          {t('field.failed', { detail: state.detail })}
        </p>
      )}
      {(state.kind === 'idle' || state.kind === 'failed' || state.kind === 'estimating') && (
        <button type="button" className="secondary-button" disabled={!online || state.kind === 'estimating'} onClick={() => void estimate()} data-testid="field-prepare-button">
          {state.kind === 'estimating' ? t('field.estimating') : prepared === null ? t('field.prepare') : t('field.refresh')}
        </button>
      )}
      {!online && <p className="muted">{t('field.needsConnection')}</p>}
    </section>
  );
}
