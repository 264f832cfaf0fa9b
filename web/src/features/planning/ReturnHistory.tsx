import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { formatPeriod } from './formatPeriod.ts';
import type { Indicator, IndicatorReturn } from './planningApi.ts';
import { rateValue } from './returnPeriods.ts';

/** A submitted value as the indicator reads it: `75 % of generated (45 of 60)` for a rate, `12 permits` otherwise. */
function ValueText({ row, indicator, language }: { row: IndicatorReturn; indicator: Indicator; language: Language }) {
  const { t } = useTranslation();
  const unit = language === 'ar' ? indicator.unit_ar : indicator.unit_en;
  if (indicator.rollup !== 'rate') return <>{`${formatNumber(row.value, language)} ${unit}`}</>;
  const rate = rateValue(row.value, row.denominator, indicator.rate_per);
  // In words ("45 of 60"), not with a slash, so that it reads the same way round in either direction.
  return (
    <>
      {t('planning.history.rateOf', {
        rate: rate === null ? '—' : `${formatNumber(rate, language)} ${unit}`,
        value: formatNumber(row.value, language),
        denominator: row.denominator === null ? '—' : formatNumber(row.denominator, language),
      })}
    </>
  );
}

/**
 * Every value sent for an indicator this year, corrections included (appended, never written
 * over), by period and in the order they came; the selected period's rows stand out.
 */
export function ReturnHistory({ indicator, returns, selected, language }: { indicator: Indicator; returns: readonly IndicatorReturn[]; selected: string | null; language: Language }) {
  const { t } = useTranslation();
  const captionId = useId();
  const name = language === 'ar' ? indicator.name_ar : indicator.name_en;
  const ordered = [...returns].sort((a, b) => a.period.localeCompare(b.period) || a.submitted_at.localeCompare(b.submitted_at) || a.id - b.id);
  return (
    <section className="planning-section" aria-labelledby={captionId}>
      <h3 id={captionId}>{t('planning.history.caption', { indicator: name })}</h3>
      {ordered.length === 0 ? (
        <p className="muted" data-testid="returns-history-none">
          {t('planning.history.none')}
        </p>
      ) : (
        <div className="planning-scroll">
          <table className="data-table" data-testid="returns-history">
            <thead>
              <tr>
                <th scope="col">{t('planning.history.period')}</th>
                <th scope="col">{t('planning.history.value')}</th>
                <th scope="col">{t('planning.history.kind')}</th>
                <th scope="col">{t('planning.history.submitted')}</th>
                <th scope="col">{t('planning.history.by')}</th>
                <th scope="col">{t('planning.history.note')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((row) => (
                <tr key={row.id} data-period={row.period} data-correction={row.is_correction} data-late={row.late} data-value={row.value} data-selected={row.period === selected}>
                  <td>{formatPeriod(row.period, language)}</td>
                  <td>
                    <ValueText row={row} indicator={indicator} language={language} />
                  </td>
                  <td>
                    {t(row.is_correction ? 'planning.history.correction' : 'planning.history.original')}
                    {row.late && <strong className="delay"> · {t('planning.history.late')}</strong>}
                  </td>
                  <td>
                    <DualDate iso={row.submitted_at} language={language} />
                  </td>
                  <td>{row.submitted_by ?? '—'}</td>
                  <td className="planning-note">{row.note === null ? '—' : <bdi>{row.note}</bdi>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
