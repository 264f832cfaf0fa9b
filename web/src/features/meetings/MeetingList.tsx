import type { MeetingSummary } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { titleIn } from '../obstacleOverview/names.ts';

/** One table of meetings (upcoming or past): title, level, date in both calendars, agenda, decisions. */
export function MeetingTable({ heading, meetings, language, testId, onOpen }: { heading: string; meetings: MeetingSummary[]; language: Language; testId: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const headingId = `${testId}-heading`;
  return (
    <section className="overview-block" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{heading}</h3>
      {meetings.length === 0 ? (
        <p className="muted">{t('meetings.none')}</p>
      ) : (
        <table className="overview-table meeting-table">
          <thead>
            <tr>
              <th scope="col">{t('meetings.list.meeting')}</th>
              <th scope="col">{t('meetings.list.level')}</th>
              <th scope="col">{t('meetings.list.date')}</th>
              <th scope="col">{t('meetings.list.agenda')}</th>
              <th scope="col">{t('meetings.list.decisions')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => {
              const freezes = formatDualDate(m.freezes_on, language)?.gregorian ?? m.freezes_on;
              return (
                <tr key={m.id} data-testid="meeting-row" data-meeting-id={m.id}>
                  <th scope="row">
                    <button type="button" className="link-button meeting-open" onClick={() => onOpen(m.id)} data-testid="meeting-open">
                      <bdi>{titleIn(language, m)}</bdi>
                    </button>
                    {m.status !== 'scheduled' && <span className="state-badge meeting-status"> {t(`meetings.status.${m.status}`)}</span>}
                  </th>
                  <td>{t(`obstacles.levels.${m.level}`)}</td>
                  <td>
                    <DualDate iso={m.held_on} language={language} />
                  </td>
                  <td>
                    <span className={m.agenda_frozen ? 'state-badge badge-frozen' : 'state-badge badge-live'} data-testid="meeting-agenda-state" data-frozen={m.agenda_frozen}>
                      {m.agenda_frozen ? t('meetings.list.frozen', { date: freezes }) : t('meetings.list.freezes', { date: freezes })}
                    </span>{' '}
                    <span className="muted">{t('meetings.list.items', { n: formatCount(m.agenda_items, language) })}</span>
                  </td>
                  <td>
                    {t('meetings.list.open', { n: formatCount(m.open_decisions, language) })}
                    {m.overdue_decisions > 0 && (
                      <>
                        {' · '}
                        <span className="flag flag-overdue">{t('meetings.list.overdue', { n: formatCount(m.overdue_decisions, language) })}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
