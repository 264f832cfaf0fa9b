import type { ObstacleHistoryEntry } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { useObstacleHistory } from './useObstacles.ts';

/** Fields whose values are words of a vocabulary, and where their names are. */
const VOCABULARY: Record<string, string> = {
  status: 'statuses',
  severity: 'severities',
  category: 'categories',
  level: 'levels',
};

/** A changed value as a reader would say it (the API names a responsible body already, in the page's language). */
function useShowValue(language: Language) {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const vocabulary = VOCABULARY[field];
    if (vocabulary !== undefined && typeof value === 'string') return t(`obstacles.${vocabulary}.${value}`, { defaultValue: value });
    if ((field === 'target_date' || field === 'ended_at') && typeof value === 'string') return formatDualDate(value, language)?.gregorian ?? value;
    if (typeof value === 'number') return formatNumber(value, language);
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };
}

function Entry({ entry, language }: { entry: ObstacleHistoryEntry; language: Language }) {
  const { t } = useTranslation();
  const show = useShowValue(language);
  const level = (l: string | null) => (l === null ? '—' : t(`obstacles.levels.${l}`));
  const heading =
    entry.kind === 'escalated' ? t('obstacles.historyKinds.escalated', { from: level(entry.from_level), to: level(entry.to_level) }) : t(`obstacles.historyKinds.${entry.kind}`);
  const changes = entry.kind === 'changed' ? Object.entries(entry.changes) : [];
  return (
    <li data-testid="obstacle-history-entry" data-kind={entry.kind}>
      <span className="obstacle-history-head">
        <strong>{heading}</strong>
        {entry.was_proposed === true && <span className="muted"> · {t('obstacles.historyProposed')}</span>}
      </span>
      <span className="muted">
        {entry.actor ?? t('obstacles.system')} · <DualDate iso={entry.at} language={language} />
      </span>
      {entry.reason !== null && entry.reason !== '' && (
        <span className="obstacle-history-reason" data-testid="obstacle-history-reason">
          {entry.reason}
        </span>
      )}
      {changes.length > 0 && (
        <ul className="change-list">
          {changes.map(([field, { from, to }]) => (
            <li key={field}>
              {t(`obstacles.historyFields.${field}`, { defaultValue: field })}: <bdi>{show(field, from)}</bdi> <span aria-hidden="true">{language === 'ar' ? '←' : '→'}</span> <bdi>{show(field, to)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** An obstacle's history, newest first: raised, every change from → to, every escalation with its reason. */
export function ObstacleHistoryList({ id, version, language }: { id: number; version: number; language: Language }) {
  const { t } = useTranslation();
  const history = useObstacleHistory(id, version, language);
  const items = history.data ?? [];
  return (
    <div className="obstacle-history" data-testid="obstacle-history" data-loaded={history.data !== undefined}>
      <LoadError error={history.error} />
      {history.data !== undefined && items.length === 0 && <p className="muted">{t('obstacles.historyEmpty')}</p>}
      <ol className="history">
        {items.map((entry, i) => (
          <Entry key={`${entry.at}-${i}`} entry={entry} language={language} />
        ))}
      </ol>
    </div>
  );
}
