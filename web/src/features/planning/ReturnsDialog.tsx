import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { findGovernorate } from '../../data/governorateNames.ts';
import { formatCount } from '../../format/numbers.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import type { SessionUser } from '../account/session.ts';
import { useSession } from '../account/useSession.ts';
import { draftMessages } from '../drafts/messages.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { formatYear } from '../../format/numbers.ts';
import { formatPeriod } from './formatPeriod.ts';
import { planningMessages } from './messages.ts';
import { indicatorName, placeName } from './names.ts';
import { countStates, localToday, periodRows } from './returnPeriods.ts';
import { YearField } from './YearField.tsx';
import { ReturnForm } from './ReturnForm.tsx';
import { ReturnHistory } from './ReturnHistory.tsx';
import { StateBadge } from './StateBadge.tsx';
import { useIndicators, useReturns, useReturnStatus } from './usePlanning.ts';
import './planning.css';

/**
 * The statistical returns of an engineer's governorates: for a governorate and a reported
 * indicator, every period of the year with its due date and state; a form to send a period's
 * value (or correct it: corrections append, the latest counts), kept on the device until sent;
 * and what was sent so far.
 */
export default function ReturnsDialog({ user, onClose }: { user: SessionUser; onClose: () => void }) {
  useMessages('planning', planningMessages);
  useMessages('drafts', draftMessages);
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const csrfToken = useSession().data?.csrfToken ?? '';
  const base = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const today = localToday();
  const [governorate, setGovernorate] = useState(user.governorates[0] ?? '');
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const [chosenIndicator, setIndicator] = useState<string | null>(null);
  const [chosenPeriod, setPeriod] = useState<string | null>(null);

  const governorates = useGovernorates();
  const country = findGovernorate(governorates.data, governorate)?.country_iso3 ?? null;
  const catalogue = useIndicators();
  const reported = useMemo(() => (catalogue.data?.items ?? []).filter((i) => i.source === 'reported'), [catalogue.data]);
  const indicator = reported.find((i) => i.code === chosenIndicator) ?? reported[0] ?? null;
  const returns = useReturns(country, year, governorate);
  const status = useReturnStatus(country, year, governorate);

  const rows = useMemo(
    () => (indicator === null ? [] : periodRows(indicator, governorate, year, returns.data?.items ?? [], status.data?.items ?? [], today)),
    [indicator, governorate, year, returns.data, status.data, today],
  );
  // By default the latest period that has started: the one an engineer most likely comes to fill in.
  const row = rows.find((r) => r.period === chosenPeriod) ?? rows.filter((r) => r.open).at(-1) ?? null;
  const counts = countStates(rows);
  const ready = returns.data !== undefined && status.data !== undefined;

  const close = () => {
    ref.current?.close();
    onClose();
  };

  return (
    <Modal ref={ref} onEscape={close} className="planning-dialog returns-dialog" aria-labelledby={`${base}-title`} aria-describedby={`${base}-help`} testId="returns-dialog">
      <ModalHeader titleId={`${base}-title`} title={t('planning.returns.title')} className="planning-dialog-header" close={{ label: t('planning.close'), onClick: close, testId: 'returns-close' }} />
      <p id={`${base}-help`} className="planning-help">
        {t('planning.returns.help')}
      </p>
      <div className="planning-body">
        <div className="planning-choice">
          <label className="inline-field">
            <span>{t('planning.returns.governorate')}</span>
            <select value={governorate} onChange={(e) => setGovernorate(e.target.value)} data-testid="returns-governorate">
              {user.governorates.map((code) => (
                <option key={code} value={code}>
                  {placeName(governorates.data, code, language)}
                </option>
              ))}
            </select>
          </label>
          <YearField value={year} onChange={setYear} language={language} testId="returns-year" />
          <label className="inline-field">
            <span>{t('planning.returns.indicator')}</span>
            <select
              value={indicator?.code ?? ''}
              onChange={(e) => {
                setIndicator(e.target.value);
                setPeriod(null);
              }}
              data-testid="returns-indicator"
            >
              {reported.map((i) => (
                <option key={i.code} value={i.code}>
                  {indicatorName(reported, i.code, language)} ({t(`planning.returns.frequency.${i.frequency ?? 'monthly'}`)})
                </option>
              ))}
            </select>
          </label>
        </div>
        <LoadError error={catalogue.error ?? returns.error ?? status.error} />
        {catalogue.data !== undefined && reported.length === 0 && <p className="muted">{t('planning.returns.noIndicators')}</p>}

        {indicator !== null && ready && (
          <div className="returns-work">
            <section className="planning-section" aria-labelledby={`${base}-periods`}>
              <h3 id={`${base}-periods`}>{t('planning.returns.periods', { year: formatYear(year, language) })}</h3>
              <p className="muted" data-testid="returns-summary">
                {t('planning.returns.summary', {
                  on_time: formatCount(counts.on_time, language),
                  late: formatCount(counts.late, language),
                  missing: formatCount(counts.missing, language),
                  not_due: formatCount(counts.not_due, language),
                })}
              </p>
              <ol className="returns-periods" data-testid="returns-periods">
                {rows.map((r) => (
                  <li key={r.period}>
                    <button
                      type="button"
                      className="returns-period"
                      aria-pressed={r.period === row?.period}
                      onClick={() => setPeriod(r.period)}
                      data-testid={`returns-period-${r.period}`}
                      data-state={r.state}
                      data-open={r.open}
                      data-expected={r.expected}
                    >
                      <span className="returns-period-name">
                        {formatPeriod(r.period, language)}
                        {r.expected && (
                          <span className="returns-expected" title={t('planning.returns.expected')}>
                            {' '}
                            ●<span className="visually-hidden">{t('planning.returns.expected')}</span>
                          </span>
                        )}
                      </span>
                      {r.open ? <StateBadge state={r.state} /> : <span className="muted">{t('planning.returns.notOpen')}</span>}
                      <span className="muted returns-due">
                        {t('planning.returns.due')} <DualDate iso={r.dueOn} language={language} />
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
              <p className="muted">{t('planning.returns.expectedHint')}</p>
            </section>
            <div>
              {row !== null && (
                <ReturnForm
                  key={`${governorate}|${indicator.code}|${row.period}`}
                  indicator={indicator}
                  governorate={governorate}
                  row={row}
                  userId={user.id}
                  csrfToken={csrfToken}
                  language={language}
                />
              )}
              <ReturnHistory indicator={indicator} returns={(returns.data?.items ?? []).filter((r) => r.indicator === indicator.code && r.governorate === governorate)} selected={row?.period ?? null} language={language} />
            </div>
          </div>
        )}
      </div>
    </Modal>
  );
}
