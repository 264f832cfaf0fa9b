import { PLOT_STATUSES, type PlotHistoryEntry, type PlotStatus, type ZoneDetail } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMoney } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { activityNamer } from './activityNames.ts';
import { StatusWord } from './PlotList.tsx';
import { usePlot } from './useZone.ts';

const isStatus = (value: unknown): value is PlotStatus => typeof value === 'string' && (PLOT_STATUSES as readonly string[]).includes(value);

/** Fields of a history entry worth naming besides the status (bookkeeping left out). */
const IGNORED = new Set(['status', 'version', 'updated_at', 'created_at', 'id', 'zone_id', 'plot_number']);

/** One change of a plot in words: added, removed, status from → to, and the other fields it touched. */
function HistoryLine({ entry }: { entry: PlotHistoryEntry }) {
  const { t } = useTranslation();
  if (entry.action === 'insert') return <span>{t('zone.historyAdded')}</span>;
  if (entry.action === 'delete') return <span>{t('zone.historyRemoved')}</span>;
  const from = entry.from?.status;
  const to = entry.to?.status;
  const fields = Object.keys(entry.to ?? {}).filter((key) => !IGNORED.has(key));
  return (
    <span>
      {isStatus(from) && isStatus(to) && from !== to && (
        <span className="history-status">
          <StatusWord status={from} /> {t('zone.arrow')} <StatusWord status={to} />
        </span>
      )}
      {fields.length > 0 && <span className="muted"> {t('zone.historyFields', { fields: fields.map((f) => t(`zone.changedField.${f}`, { defaultValue: f.replaceAll('_', ' ') })).join(t('zone.fieldSeparator')) })}</span>}
    </span>
  );
}

/** The chosen plot: its facts, who holds it (ministry only, when the API says), and its history. */
export function PlotDetailView({ zone, plotId, language, onClose }: { zone: ZoneDetail; plotId: number; language: Language; onClose: () => void }) {
  const { t } = useTranslation();
  const plot = usePlot(zone.id, plotId);
  const data = plot.data;
  const nameOf = activityNamer(zone, language);
  const investor = data?.investor ?? null;
  return (
    <section className="plot-detail" aria-labelledby="plot-detail-title" data-testid="plot-detail" data-plot-id={plotId}>
      <div className="plot-detail-header">
        <h3 id="plot-detail-title">{data === undefined ? t('zone.plotDetail') : t('zone.plotNumber', { number: data.plot_number })}</h3>
        <button type="button" className="close-button" onClick={onClose} aria-label={t('zone.closePlot')} data-testid="plot-detail-close">
          ×
        </button>
      </div>
      <LoadError error={plot.error} />
      {data !== undefined && (
        <>
          <dl className="facts plot-facts">
            <dt>{t('zone.colStatus')}</dt>
            <dd data-testid="plot-detail-status" data-status={data.status}>
              <StatusWord status={data.status} />
            </dd>
            <dt>{t('zone.colActivity')}</dt>
            <dd>{nameOf(data.activity) ?? '—'}</dd>
            <dt>{t('zone.colArea')}</dt>
            <dd>{t('zone.squareMetres', { formatted: formatCount(data.area_m2, language) })}</dd>
            {investor !== null && (
              <>
                <dt>{t('zone.colInvestor')}</dt>
                <dd data-testid="plot-detail-investor">{language === 'ar' ? investor.name_ar : (investor.name_en ?? investor.name_ar)}</dd>
              </>
            )}
            {data.allocated_on !== null && (
              <>
                <dt>{t('zone.allocatedOn')}</dt>
                <dd>
                  <DualDate iso={data.allocated_on} language={language} />
                </dd>
              </>
            )}
            {(data.planned_jobs !== null || data.actual_jobs !== null) && (
              <>
                <dt>{t('zone.jobs')}</dt>
                <dd>
                  {t('zone.jobsValue', { actual: formatCount(data.actual_jobs ?? 0, language), planned: formatCount(data.planned_jobs ?? 0, language) })}
                </dd>
              </>
            )}
            {(data.planned_investment !== null || data.actual_investment !== null) && (
              <>
                <dt>{t('zone.investment')}</dt>
                <dd>
                  {t('zone.investmentValue', {
                    actual: formatMoney(data.actual_investment ?? 0, language, zone.currency),
                    planned: formatMoney(data.planned_investment ?? 0, language, zone.currency),
                  })}
                </dd>
              </>
            )}
            {data.note !== null && (
              <>
                <dt>{t('zone.note')}</dt>
                <dd>{data.note}</dd>
              </>
            )}
          </dl>
          <h4>{t('zone.plotHistory')}</h4>
          {data.history.length === 0 ? (
            <p className="muted">{t('zone.historyEmpty')}</p>
          ) : (
            <ol className="history plot-history" data-testid="plot-history">
              {data.history.map((entry, i) => (
                <li key={`${entry.occurred_at}-${i}`}>
                  <div className="history-meta">
                    <DualDate iso={entry.occurred_at} language={language} />
                    {entry.actor !== null && <span className="muted"> {t('zone.bySomeone', { actor: entry.actor })}</span>}
                  </div>
                  <HistoryLine entry={entry} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
