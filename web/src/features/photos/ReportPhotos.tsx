import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import type { Language } from '../../i18n/language.ts';
import { useProgressReports } from '../progress/useProgressReports.ts';
import { PhotoThumbnails } from './PhotoThumbnails.tsx';

/**
 * The photos of one progress report as small thumbnails, each a link to the full image. The
 * images load only when scrolled into view: a project's history can hold many reports.
 */
export function ReportPhotos({ projectId, updateId, language }: { projectId: number; updateId: number; language: Language }) {
  const { t } = useTranslation();
  const reports = useProgressReports(projectId);
  const report = reports.data?.items.find((r) => r.id === updateId);
  if (report === undefined || report.photos.length === 0) return null;
  const date = formatDualDate(report.reported_on, language)?.gregorian ?? report.reported_on;
  return (
    <PhotoThumbnails
      photos={report.photos}
      language={language}
      altOf={(n) => t('photos.photoAlt', { n, date })}
      photoTestId="report-photo"
      aria-label={t('photos.heading')}
      data-testid="report-photos"
      data-update-id={updateId}
    />
  );
}
