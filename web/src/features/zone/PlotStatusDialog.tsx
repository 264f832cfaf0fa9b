import type { Plot, PlotStatus, ZoneDetail } from '@marsad/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, ProblemError } from '../../api/http.ts';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { allowedTargets, needsAllocationDate, needsInvestor } from './plotStatus.ts';
import { allHeld, initialDraft, statusChangeBody, type DraftProblem, type StatusDraft } from './statusChange.ts';
import { useInvestorSearch } from './useZone.ts';
import { submitWrite } from '../outbox/submitWrite.ts';
import { WriteNotice } from '../outbox/WriteNotice.tsx';

/** Today in UTC as YYYY-MM-DD, the default allocation date. */
const today = () => new Date().toISOString().slice(0, 10);

/** A failed save in words: stale plots (409), refused transitions (422), anything else. */
function failureText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof ProblemError)) return t('plotStatusDialog.failed', { detail: String(error) });
  const fields = Object.entries(fieldErrorsOf(error)).map(([field, message]) => `${field.replaceAll('_', ' ')}: ${message}`);
  const detail = [error.detail, ...fields].join(' ');
  if (error.status === 409) return t('plotStatusDialog.stale', { detail });
  if (error.status === 422) return t('plotStatusDialog.refused', { detail });
  return t('plotStatusDialog.failed', { detail });
}

/**
 * "Change status" for the chosen plots: a status every one of them may go to, who will hold them
 * (kept, found by name, or new), the allocation date, and a note (required to withdraw). The
 * change goes through the outbox with each plot's version and what the dialog showed of it: applied
 * all or nothing, held for review when a plot moved meanwhile, or kept until the connection is
 * back; a refusal (422) is told in words and the plots are read again.
 */
export function PlotStatusDialog({
  zone,
  plots,
  onClose,
  onSaved,
  onStale,
}: {
  zone: ZoneDetail;
  plots: readonly Plot[];
  onClose: () => void;
  onSaved: (count: number) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<StatusDraft>(() => initialDraft(plots, today()));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [written, setWritten] = useState<{ kind: 'held' } | { kind: 'queued'; signIn: boolean } | null>(null);
  const [query, setQuery] = useState('');
  const targets = allowedTargets(plots.map((p) => p.status));
  const status = draft.status;
  const holding = status !== null && needsInvestor(status);
  const investors = useInvestorSearch(query, holding && draft.investorChoice === 'existing' && zone.investors_visible);
  const update = (patch: Partial<StatusDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
  };
  const close = () => {
    ref.current?.close();
    onClose();
  };

  const save = async () => {
    const built = statusChangeBody(plots, draft);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      // What the dialog showed of each plot: a plot changed meanwhile holds the change for review.
      const body = { ...built.body, plots: plots.map((p) => ({ id: p.id, version: p.version, base: { status: p.status, investor_id: p.investor?.id ?? null } })) };
      const label = `${zone.code} · ${plots.map((p) => p.plot_number).join('، ')}`;
      const result = await submitWrite({ kind: 'plot_status', zoneId: zone.id, label, body });
      if (result.kind === 'refused') throw result.error;
      if (result.kind === 'applied') {
        ref.current?.close();
        onSaved(plots.length);
      } else {
        setWritten(result.kind === 'held' ? { kind: 'held' } : { kind: 'queued', signIn: result.signIn });
        onStale();
      }
    } catch (error) {
      setFailure(failureText(error, t));
      if (error instanceof ProblemError && error.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal ref={ref} onEscape={close} className="plot-status-dialog" testId="plot-status-dialog" aria-labelledby="plot-status-title">
      <ModalHeader titleId="plot-status-title" title={t('plotStatusDialog.title')} close={{ label: t('plotStatusDialog.cancel'), onClick: close, disabled: saving, testId: 'plot-status-cancel' }} />
      {/* The dialog says what is missing in its own words (statusChangeBody), not the browser's. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">{t('plotStatusDialog.plots', { numbers: plots.map((p) => p.plot_number).join('، ') })}</p>
        {targets.length === 0 ? (
          <p className="panel-error" role="alert">
            {t('plotStatusDialog.noTarget')}
          </p>
        ) : (
          <fieldset className="status-choices">
            <legend>{t('plotStatusDialog.target')}</legend>
            {targets.map((target: PlotStatus) => (
              <label key={target} className="choice">
                <input type="radio" name="target" value={target} checked={status === target} onChange={() => update({ status: target })} data-testid={`plot-status-target-${target}`} />
                <span>{t(`plotStatus.${target}`)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {holding && (
          <fieldset className="investor-choices">
            <legend>{t('plotStatusDialog.investor')}</legend>
            {allHeld(plots) && (
              <label className="choice">
                <input type="radio" name="investor" checked={draft.investorChoice === 'keep'} onChange={() => update({ investorChoice: 'keep' })} data-testid="investor-keep" />
                <span>{t('plotStatusDialog.keepInvestor')}</span>
              </label>
            )}
            <label className="choice">
              <input type="radio" name="investor" checked={draft.investorChoice === 'existing'} onChange={() => update({ investorChoice: 'existing' })} data-testid="investor-existing" />
              <span>{t('plotStatusDialog.existingInvestor')}</span>
            </label>
            {draft.investorChoice === 'existing' && (
              <div className="investor-search">
                <label>
                  <span>{t('plotStatusDialog.findInvestor')}</span>
                  <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="investor-search" />
                </label>
                {investors.data !== undefined && investors.data.items.length === 0 && <p className="muted">{t('plotStatusDialog.noInvestors')}</p>}
                <ul className="investor-results" data-testid="investor-results">
                  {(investors.data?.items ?? []).map((investor) => (
                    <li key={investor.id}>
                      <label className="choice">
                        <input type="radio" name="investor-id" checked={draft.investorId === investor.id} onChange={() => update({ investorId: investor.id })} />
                        <span>
                          {investor.name_ar}
                          {investor.name_en !== null && <span className="muted"> · {investor.name_en}</span>}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <label className="choice">
              <input type="radio" name="investor" checked={draft.investorChoice === 'new'} onChange={() => update({ investorChoice: 'new' })} data-testid="investor-new" />
              <span>{t('plotStatusDialog.newInvestor')}</span>
            </label>
            {draft.investorChoice === 'new' && (
              <div className="new-investor">
                <label>
                  <span>{t('plotStatusDialog.investorKind')}</span>
                  <select value={draft.newInvestor.kind} onChange={(e) => update({ newInvestor: { ...draft.newInvestor, kind: e.target.value === 'person' ? 'person' : 'company' } })} data-testid="new-investor-kind">
                    <option value="company">{t('plotStatusDialog.company')}</option>
                    <option value="person">{t('plotStatusDialog.person')}</option>
                  </select>
                </label>
                <label>
                  <span>{t('plotStatusDialog.nameAr')}</span>
                  <input dir="rtl" value={draft.newInvestor.name_ar} onChange={(e) => update({ newInvestor: { ...draft.newInvestor, name_ar: e.target.value } })} data-testid="new-investor-name-ar" required />
                </label>
                <label>
                  <span>{t('plotStatusDialog.nameEn')}</span>
                  <input dir="ltr" value={draft.newInvestor.name_en} onChange={(e) => update({ newInvestor: { ...draft.newInvestor, name_en: e.target.value } })} data-testid="new-investor-name-en" />
                </label>
                <label>
                  <span>{t('plotStatusDialog.phone')}</span>
                  <input dir="ltr" type="tel" value={draft.newInvestor.phone} onChange={(e) => update({ newInvestor: { ...draft.newInvestor, phone: e.target.value } })} data-testid="new-investor-phone" />
                </label>
              </div>
            )}
          </fieldset>
        )}
        {status !== null && needsAllocationDate(status) && (
          <label className="dialog-field">
            <span>{t('plotStatusDialog.allocatedOn')}</span>
            <input type="date" value={draft.allocatedOn} onChange={(e) => update({ allocatedOn: e.target.value })} data-testid="plot-status-date" />
          </label>
        )}
        <label className="dialog-field">
          <span>{status === 'vacant' ? t('plotStatusDialog.withdrawalNote') : t('plotStatusDialog.note')}</span>
          <textarea value={draft.note} rows={2} onChange={(e) => update({ note: e.target.value })} required={status === 'vacant'} data-testid="plot-status-note" />
        </label>
        {problem !== null && (
          <p className="field-error" role="alert" data-testid="plot-status-problem">
            {t(`plotStatusDialog.${problem}`)}
          </p>
        )}
        {written !== null && <WriteNotice outcome={written} testId="plot-status-written" />}
        {failure !== null && (
          <p className="panel-error" role="alert" data-testid="plot-status-failure">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary-button" disabled={saving || targets.length === 0 || written !== null} data-testid="plot-status-save">
            {saving ? t('plotStatusDialog.saving') : t('plotStatusDialog.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
