import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { formatPeriod } from './formatPeriod.ts';
import { indicatorName, placeName } from './names.ts';
import { byGovernorate, type ReturnState } from './returnPeriods.ts';
import { StateBadge } from './StateBadge.tsx';
import { useIndicators, useReturnStatus } from './usePlanning.ts';

const STATES: readonly ReturnState[] = ['on_time', 'late', 'missing', 'not_due'];

/**
 * The ministry's follow-up of the statistical returns of a country-year (read-only): by
 * governorate, how many returns came on time, late, not at all, or are not due yet, the most
 * missing first; then each late or missing return with its due date.
 */
export function ReturnsOverview({ country, year, language }: { country: string; year: number; language: Language }) {
  const { t } = useTranslation();
  const titleId = useId();
  const status = useReturnStatus(country, year);
  const indicators = useIndicators();
  const governorates = useGovernorates();
  const groups = useMemo(() => byGovernorate(status.data?.items ?? []), [status.data]);
  const overdue = groups.reduce((n, g) => n + g.overdue.length, 0);

  return (
    <section aria-labelledby={titleId} className="planning-section" data-testid="returns-overview">
      <h3 id={titleId}>{t('planning.overview.title')}</h3>
      <p className="muted">{t('planning.overview.hint')}</p>
      <LoadError error={status.error} />
      {status.isPending && <p className="muted">…</p>}
      {status.data !== undefined && groups.length === 0 && (
        <p className="muted" data-testid="returns-overview-none">
          {t('planning.overview.none')}
        </p>
      )}
      {status.data !== undefined && groups.length > 0 && (
        <>
          <div className="planning-scroll">
            <table className="data-table" data-testid="returns-overview-table">
              <thead>
                <tr>
                  <th scope="col">{t('planning.overview.governorate')}</th>
                  {STATES.map((state) => (
                    <th key={state} scope="col" className="number">
                      <StateBadge state={state} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.governorate} data-governorate={group.governorate} data-missing={group.counts.missing} data-late={group.counts.late}>
                    <th scope="row">{placeName(governorates.data, group.governorate, language)}</th>
                    {STATES.map((state) => (
                      <td key={state} className="number" data-state={state}>
                        {formatCount(group.counts[state], language)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('planning.overview.total')}</th>
                  {STATES.map((state) => (
                    <td key={state} className="number">
                      {formatCount(status.data.counts[state], language)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          {overdue > 0 && (
            <details className="planning-details">
              <summary>{t('planning.overview.details', { formatted: formatCount(overdue, language) })}</summary>
              <div className="planning-scroll">
                <table className="data-table" data-testid="returns-overview-overdue">
                  <thead>
                    <tr>
                      <th scope="col">{t('planning.overview.governorate')}</th>
                      <th scope="col">{t('planning.overview.indicator')}</th>
                      <th scope="col">{t('planning.overview.period')}</th>
                      <th scope="col">{t('planning.overview.due')}</th>
                      <th scope="col">{t('planning.versions.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups.flatMap((group) =>
                      group.overdue.map((item) => (
                        <tr key={`${item.governorate}|${item.indicator}|${item.period}`}>
                          <td>{placeName(governorates.data, item.governorate, language)}</td>
                          <td>{indicatorName(indicators.data?.items, item.indicator, language)}</td>
                          <td>{formatPeriod(item.period, language)}</td>
                          <td>
                            <DualDate iso={item.due_on} language={language} />
                          </td>
                          <td>
                            <StateBadge state={item.state} />
                          </td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
