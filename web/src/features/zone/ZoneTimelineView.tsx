import type { ZoneTimelineEntry } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import { formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { PhotoThumbnails } from '../photos/PhotoThumbnails.tsx';
import { StatusWord } from './PlotList.tsx';
import { useTimeline } from './useZone.ts';

function Entry({ entry, language }: { entry: ZoneTimelineEntry; language: Language }) {
  const { t } = useTranslation();
  if (entry.kind === 'report') {
    const { report } = entry;
    return (
      <li className="timeline-entry timeline-report" data-testid="timeline-report">
        <div className="history-meta">
          <strong>{t('zone.report')}</strong> · <DualDate iso={entry.on} language={language} />
          {report.author !== null && <span className="muted"> {t('zone.bySomeone', { actor: report.author })}</span>}
        </div>
        <p>
          {t(`status.${report.status}`, { defaultValue: report.status })} · {t('zone.reportProgress', { physical: formatPercent(report.physical_progress, language, 0) })}
        </p>
        {report.utilities.length > 0 && (
          <ul className="timeline-utilities">
            {report.utilities.map((line) => (
              <li key={line.network} data-network={line.network} data-stage={line.stage}>
                {t(`zone.${line.network}`)}: {t(`utilityStage.${line.stage}`)} · {formatPercent(line.readiness, language, 0)}
                {line.note !== undefined && <span className="muted"> — {line.note}</span>}
              </li>
            ))}
          </ul>
        )}
        {report.note !== null && <p className="muted">{report.note}</p>}
        {report.photos.length > 0 && <Photos photos={report.photos} date={entry.on} language={language} />}
      </li>
    );
  }
  const investor = entry.investor === undefined || entry.investor === null ? null : language === 'ar' ? entry.investor.name_ar : (entry.investor.name_en ?? entry.investor.name_ar);
  return (
    <li className="timeline-entry timeline-plot" data-testid="timeline-plot" data-plot-id={entry.plot_id}>
      <div className="history-meta">
        <strong>{t('zone.plotChange', { number: entry.plot_number })}</strong> · <DualDate iso={entry.on} language={language} />
        {entry.actor !== null && <span className="muted"> {t('zone.bySomeone', { actor: entry.actor })}</span>}
      </div>
      <p>
        {entry.action === 'insert' && t('zone.historyAdded')}
        {entry.action === 'delete' && t('zone.historyRemoved')}
        {entry.action === 'update' && entry.from_status !== null && entry.to_status !== null && (
          <>
            <StatusWord status={entry.from_status} /> {t('zone.arrow')} <StatusWord status={entry.to_status} />
          </>
        )}
        {investor !== null && <span> {t('zone.plotChangeTo', { investor })}</span>}
        {entry.changed.length > 0 && <span className="muted"> {t('zone.historyFields', { fields: entry.changed.map((f) => t(`zone.changedField.${f}`, { defaultValue: f.replaceAll('_', ' ') })).join(t('zone.fieldSeparator')) })}</span>}
      </p>
    </li>
  );
}

type Photo = Extract<ZoneTimelineEntry, { kind: 'report' }>['report']['photos'][number];

function Photos({ photos, date, language }: { photos: readonly Photo[]; date: string; language: Language }) {
  const { t } = useTranslation();
  const day = formatDualDate(date, language)?.gregorian ?? date;
  return <PhotoThumbnails photos={photos} language={language} altOf={() => t('zone.photoOf', { date: day })} photoTestId="zone-photo" data-testid="zone-photos" />;
}

/** The zone's reports (utility lines, photos) and plot changes, newest first; `photosOnly` shows just the photos. */
export function ZoneTimelineView({ zoneId, language, photosOnly = false }: { zoneId: number; language: Language; photosOnly?: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimeline(zoneId, true);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const reports = items.filter((e): e is Extract<ZoneTimelineEntry, { kind: 'report' }> => e.kind === 'report' && e.report.photos.length > 0);
  return (
    <section className={photosOnly ? 'zone-photos' : 'zone-timeline'} data-testid={photosOnly ? 'zone-photos-tab' : 'zone-timeline'} data-loaded={timeline.data !== undefined}>
      <LoadError error={timeline.error} />
      {photosOnly ? (
        timeline.data !== undefined && reports.length === 0 ? (
          <p className="muted">{t('zone.photosEmpty')}</p>
        ) : (
          reports.map((entry) => (
            <div key={entry.report.id} className="photo-group">
              <DualDate iso={entry.on} language={language} />
              <Photos photos={entry.report.photos} date={entry.on} language={language} />
            </div>
          ))
        )
      ) : timeline.data !== undefined && items.length === 0 ? (
        <p className="muted">{t('zone.timelineEmpty')}</p>
      ) : (
        <ol className="history timeline">
          {items.map((entry, i) => (
            <Entry key={`${entry.kind}-${entry.at}-${i}`} entry={entry} language={language} />
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <button type="button" className="secondary-button show-more" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
          {t('zone.more')}
        </button>
      )}
    </section>
  );
}
