import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/projects.ts';
import { useProjectHistory } from '../../api/useProjects.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { historyChanges } from './historyChanges.ts';
import { useShowValue } from './showValue.ts';
import type { Language } from '../../i18n/language.ts';
import { ReportPhotos } from '../photos/ReportPhotos.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { ConflictHistoryEntry } from '../review/ConflictHistoryEntry.tsx';
import { conflictEvent } from '../review/conflictHistory.ts';
import './project.css';

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

/** One audit entry: a conflict's held write or decision as such, any other as its fields from → to. */
function ChangeEntry({ entry, projectId, language }: { entry: HistoryEntry; projectId: number; language: Language }) {
  const { t } = useTranslation();
  const show = useShowValue(language);
  const conflict = conflictEvent(entry);
  if (conflict !== null) return <ConflictHistoryEntry entry={entry} event={conflict} language={language} />;
  const plot = entry.table === 'zone_plots';
  return (
    <>
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
                  <bdi>{show(change.field, change.from, { plot })}</bdi> <span aria-hidden="true">{language === 'ar' ? '←' : '→'}</span>{' '}
                </>
              )}
              <bdi data-testid="change-to">{show(change.field, change.to, { plot })}</bdi>
            </li>
          ))}
      </ul>
      <ReportPhotosOf entry={entry} projectId={projectId} language={language} />
    </>
  );
}

/**
 * The project's audit log as a timeline: who, when (with the Hijri date), and each field from → to.
 * A progress report shows its photos (the API leaves the photos' own audit entries out); a conflict
 * held for review and its decision read as such (features/review).
 */
export function ChangeHistory({ id, language }: { id: number; language: Language }) {
  const { t } = useTranslation();
  const history = useProjectHistory(id);
  const items = history.data?.items ?? [];
  return (
    <section aria-labelledby="changes-heading" data-testid="changes" data-loaded={history.data !== undefined}>
      <h3 id="changes-heading">{t('changes.title')}</h3>
      <LoadError error={history.error} />
      {history.data !== undefined && items.length === 0 && <p className="muted">{t('changes.empty')}</p>}
      <ol className="history" data-testid="change-history">
        {items.map((entry, index) => (
          <li key={`${entry.at}-${index}`} data-table={entry.table} data-action={entry.action}>
            <ChangeEntry entry={entry} projectId={id} language={language} />
          </li>
        ))}
      </ol>
    </section>
  );
}
