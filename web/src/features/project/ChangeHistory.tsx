import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/projects.ts';
import { useOrganizations } from '../../api/useOrganizations.ts';
import { useProjectHistory } from '../../api/useProjects.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { historyChanges } from './historyChanges.ts';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { ReportPhotos } from '../photos/ReportPhotos.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import './project.css';

/** A changed value as the reader would say it: statuses translated, numbers in the page's digits. */
function useShowValue(language: Language) {
  const { t } = useTranslation();
  const organizations = useOrganizations().data?.items ?? [];
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'organization' && typeof value === 'string') {
      const funder = organizations.find((o) => o.slug === value);
      return funder === undefined ? value : language === 'ar' ? funder.name_ar : funder.name_en;
    }
    if (field === 'status' && typeof value === 'string') return t(`status.${value}`, { defaultValue: value });
    if (field === 'kind' && typeof value === 'string') return t(`kind.${value}`, { defaultValue: value });
    if (field === 'sector_code' && typeof value === 'string') return t(`sector.${value}`, { defaultValue: value });
    if (field === 'geom') return t('changes.geometryChanged');
    if (typeof value === 'boolean') return value ? t('changes.yes') : t('changes.no');
    if (typeof value === 'number') return formatNumber(value, language);
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };
}

/** The report an audit entry added, if it is the insert of a progress report. */
function reportIdOf(entry: HistoryEntry): number | null {
  if (entry.table !== 'progress_updates' || entry.action !== 'insert') return null;
  const id = entry.to?.id;
  return typeof id === 'number' ? id : null;
}

function ReportPhotosOf({ entry, projectId, language }: { entry: HistoryEntry; projectId: number; language: Language }) {
  const updateId = reportIdOf(entry);
  return updateId === null ? null : <ReportPhotos projectId={projectId} updateId={updateId} language={language} />;
}

/**
 * The project's audit log as a timeline: who, when (with the Hijri date), and each field from → to.
 * A progress report shows its photos (the API leaves the photos' own audit entries out).
 */
export function ChangeHistory({ id, language }: { id: number; language: Language }) {
  const { t } = useTranslation();
  const history = useProjectHistory(id);
  const show = useShowValue(language);
  const items = history.data?.items ?? [];
  return (
    <section aria-labelledby="changes-heading" data-testid="changes" data-loaded={history.data !== undefined}>
      <h3 id="changes-heading">{t('changes.title')}</h3>
      <LoadError error={history.error} />
      {history.data !== undefined && items.length === 0 && <p className="muted">{t('changes.empty')}</p>}
      <ol className="history" data-testid="change-history">
        {items.map((entry, index) => (
          <li key={`${entry.at}-${index}`} data-table={entry.table} data-action={entry.action}>
            <DualDate iso={entry.at} language={language} />
            <span className="history-line">
              <strong>{t(`changes.action.${entry.action}`, { defaultValue: entry.action })}</strong> ·{' '}
              {t(`changes.table.${entry.table}`, { defaultValue: entry.table })} · {entry.actor ?? t('changes.system')}
            </span>
            <ul className="change-list">
              {historyChanges(entry)
                .slice(0, 8)
                .map((change) => (
                  <li key={change.field} data-field={change.field}>
                    {t(`changes.field.${change.field}`, { defaultValue: change.field })}:{' '}
                    {entry.from !== null && (
                      <>
                        <bdi>{show(change.field, change.from)}</bdi> <span aria-hidden="true">{language === 'ar' ? '←' : '→'}</span>{' '}
                      </>
                    )}
                    <bdi data-testid="change-to">{show(change.field, change.to)}</bdi>
                  </li>
                ))}
            </ul>
            <ReportPhotosOf entry={entry} projectId={id} language={language} />
          </li>
        ))}
      </ol>
    </section>
  );
}
