import { UTILITY_NETWORKS, type ZoneDetail } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import { formatCount, formatMoneyCompact, formatNumber, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { ShareBar } from './ZonePanel.tsx';
import { PLOT_STATUS_COLORS, statusSegments } from './plotStatus.ts';

/** Plots by status as one bar of coloured segments, with the legend (colour, status in words, count) under it. */
export function PlotStatusBar({ zone, language }: { zone: ZoneDetail; language: Language }) {
  const { t } = useTranslation();
  const segments = statusSegments(zone.totals.plots_by_status);
  return (
    <figure className="plot-status-bar" data-testid="plot-status-bar">
      <figcaption>{t('zone.plotsByStatus')}</figcaption>
      <div className="plot-status-track" aria-hidden="true">
        {segments
          .filter((s) => s.count > 0)
          .map((s) => (
            <span key={s.status} style={{ inlineSize: `${s.share}%`, background: PLOT_STATUS_COLORS[s.status] }} />
          ))}
      </div>
      <ul className="plot-legend" aria-label={t('zone.mapLegend')} data-testid="plot-legend">
        {segments.map((s) => (
          <li key={s.status} data-status={s.status} data-count={s.count}>
            <span className="plot-swatch" style={{ background: PLOT_STATUS_COLORS[s.status] }} aria-hidden="true" />
            <span>{t(`plotStatus.${s.status}`)}</span>
            <strong>{formatCount(s.count, language)}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Occupancy, plots by status, jobs, investment and vacant area: what a director reads first. */
export function ZoneGlance({ zone, language }: { zone: ZoneDetail; language: Language }) {
  const { t } = useTranslation();
  const { totals } = zone;
  const taken = totals.plots_total - (totals.plots_by_status.vacant ?? 0) - (totals.plots_by_status.reserved ?? 0);
  return (
    <section className="zone-glance" aria-label={t('zone.atAGlance')} data-testid="zone-glance">
      <dl className="zone-figures">
        <div>
          <dt>{t('zone.occupancy')}</dt>
          <dd data-testid="zone-occupancy" data-value={totals.occupancy ?? ''}>
            <strong>{formatPercent(totals.occupancy, language, 0)}</strong>
            <span className="muted">{t('zone.occupancyDetail', { taken: formatCount(taken, language), total: formatCount(totals.plots_total, language) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('zone.jobs')}</dt>
          <dd data-testid="zone-jobs">
            <strong>{formatCount(totals.jobs_actual, language)}</strong>
            <span className="muted">{t('zone.jobsValue', { actual: formatCount(totals.jobs_actual, language), planned: formatCount(totals.jobs_planned, language) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('zone.investment')}</dt>
          <dd data-testid="zone-investment">
            <strong>{formatMoneyCompact(totals.investment_actual, language, zone.currency)}</strong>
            <span className="muted">
              {t('zone.investmentValue', {
                actual: formatMoneyCompact(totals.investment_actual, language, zone.currency),
                planned: formatMoneyCompact(totals.investment_planned, language, zone.currency),
              })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('zone.vacantArea')}</dt>
          <dd data-testid="zone-vacant-area">
            <strong>{t('zone.hectares', { formatted: formatNumber(Math.round(totals.vacant_area_m2 / 1_000) / 10, language) })}</strong>
            <span className="muted">{t('zone.plotsShown', { formatted: formatCount(totals.plots_by_status.vacant ?? 0, language) })}</span>
          </dd>
        </div>
      </dl>
      <PlotStatusBar zone={zone} language={language} />
    </section>
  );
}

/** The five networks: stage in words, readiness as a bar, and the date of the report that said so. */
export function ZoneUtilities({ zone, language }: { zone: ZoneDetail; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="zone-utilities" aria-labelledby="zone-utilities-heading" data-testid="zone-utilities">
      <h3 id="zone-utilities-heading">
        {t('zone.utilities')} <span className="muted">· {t('zone.readiness')} {formatPercent(zone.totals.readiness, language, 0)}</span>
      </h3>
      <ul className="utility-list">
        {UTILITY_NETWORKS.map((network) => {
          const utility = zone.utilities.find((u) => u.network === network);
          const stage = utility?.stage ?? null;
          const date = formatDualDate(utility?.reported_on ?? null, language);
          return (
            <li key={network} data-testid={`zone-utility-${network}`} data-stage={stage ?? ''}>
              <ShareBar label={`${t(`zone.${network}`)} · ${stage === null ? t('zone.neverReported') : t(`utilityStage.${stage}`)}`} value={utility?.readiness ?? 0} language={language} />
              {date !== null && <span className="muted utility-date">{t('zone.reportedOn', { date: date.gregorian })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
