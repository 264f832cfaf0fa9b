import type { HistoryEntry } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { DualDate } from '../../ui/DualDate.tsx';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { useShowValue } from '../project/showValue.ts';
import type { ConflictEvent } from './conflictHistory.ts';
import { fieldLabel } from './fieldLabel.ts';
import { reviewMessages } from './messages.ts';
import './review.css';

/**
 * A conflict's entry in a project's history, readable: "Held for review · Progress report · by …"
 * with each proposed value beside what the writer saw and the field note; or the decision with its
 * reason. The change history draws it in place of the raw row.
 */
export function ConflictHistoryEntry({ entry, event, language }: { entry: HistoryEntry; event: ConflictEvent; language: Language }) {
  useMessages('review', reviewMessages);
  const { t } = useTranslation();
  const show = useShowValue(language);
  const plot = event.kind === 'plot_status';
  const arrow = language === 'ar' ? '←' : '→';
  return (
    <>
      <DualDate iso={entry.at} language={language} />
      <span className="history-line">
        <strong data-testid="conflict-history-event">{t(`review.history.${event.event}`)}</strong>
        {event.kind !== null && <> · {t('review.history.conflict', { kind: t(`review.kind.${event.kind}`) })}</>} · {entry.actor ?? t('changes.system')}
      </span>
      {event.values.length > 0 && (
        <ul className="change-list">
          {event.values.map((value) => (
            <li key={value.field} data-field={value.field}>
              {fieldLabel(t, value.field)}: <bdi>{show(value.field, value.from, { plot })}</bdi> <span aria-hidden="true">{arrow}</span>{' '}
              <bdi data-testid="conflict-history-proposed">{show(value.field, value.to, { plot })}</bdi>
            </li>
          ))}
        </ul>
      )}
      {event.note !== null && (
        <p className="history-conflict">
          {t('review.history.note')}: <bdi>{event.note}</bdi>
        </p>
      )}
      {event.decisionNote !== null && (
        <p className="history-conflict">
          {t('review.history.decisionNote')}: <bdi data-testid="conflict-history-decision-note">{event.decisionNote}</bdi>
        </p>
      )}
    </>
  );
}
