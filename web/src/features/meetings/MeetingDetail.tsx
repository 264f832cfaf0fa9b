import type { Decision, SessionUser } from '@marsad/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { BriefButton } from '../obstacles/BriefButton.tsx';
import { nameIn, titleIn, useGovernorateNamer } from '../obstacleOverview/names.ts';
import { CloseDecisionDialog, RecordDecisionDialog } from './DecisionDialogs.tsx';
import { agendaPackFileName, agendaPackUrl, useMeeting, useMeetingsChanged } from './meetingsApi.ts';

/** Who a decision names as owner: a body or a person. */
function ownerOf(decision: Decision, language: Language): string {
  if (decision.owner_body !== null) return nameIn(language, decision.owner_body);
  return decision.owner_user?.display_name ?? '—';
}

/**
 * One meeting: its level, date and scope; the agenda (frozen, with the day it froze, or live until
 * it freezes), each item opening its project; its decisions with owner, due date and whether they
 * are late; recording a decision and closing one (organizers); the agenda pack as a PDF.
 */
export function MeetingDetail({
  id,
  language,
  user,
  csrfToken,
  onBack,
  onOpenProject,
}: {
  id: number;
  language: Language;
  user: SessionUser;
  csrfToken: string;
  onBack: () => void;
  onOpenProject: (id: number) => void;
}) {
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  const changed = useMeetingsChanged();
  const nameOf = useGovernorateNamer(language);
  const [recording, setRecording] = useState(false);
  // The decision being closed, by id: after a reload (409) the dialog sends the version read again.
  const [closingId, setClosingId] = useState<number | null>(null);
  const reload = () => void changed();

  const data = meeting.data;
  const closing = closingId === null ? undefined : data?.decisions.find((d) => d.id === closingId);
  const freezes = data === undefined ? null : formatDualDate(data.freezes_on, language);
  const freezeText = freezes === null ? '' : `${freezes.gregorian} (${freezes.hijri})`;

  return (
    <article className="meeting-detail" data-testid="meeting-detail" data-meeting-id={id} aria-busy={meeting.isPending}>
      <button type="button" className="link-button meeting-back" onClick={onBack} data-testid="meeting-back">
        {t('meetings.detail.back')}
      </button>
      <LoadError error={meeting.error} />
      {meeting.isPending && <p className="muted">{t('meetings.detail.loading')}</p>}
      {data !== undefined && (
        <>
          <header className="meeting-header">
            <h3 className="meeting-title" data-testid="meeting-title">
              <bdi>{titleIn(language, data)}</bdi>
            </h3>
            <p className="meeting-facts">
              <span className="state-badge badge-level">{t(`obstacles.levels.${data.level}`)}</span>
              <span>
                {t('meetings.detail.heldOn')}: <DualDate iso={data.held_on} language={language} />
              </span>
              <span className="state-badge meeting-status">{t(`meetings.status.${data.status}`)}</span>
            </p>
            {data.governorates.length > 0 && (
              <p className="meeting-facts">
                {t('meetings.detail.governorates')}: {data.governorates.map(nameOf).join('، ')}
              </p>
            )}
            {data.organizations.length > 0 && (
              <p className="meeting-facts">
                {t('meetings.detail.organizations')}: <bdi>{data.organizations.join(', ')}</bdi>
              </p>
            )}
            <p className="meeting-actions">
              <BriefButton href={agendaPackUrl(data.id, language)} fileName={agendaPackFileName(data.id, language)} hrefLang={language} testId="meeting-print">
                {t('meetings.detail.print')}
              </BriefButton>
            </p>
          </header>

          <section className="overview-block" aria-labelledby="meeting-agenda-heading" data-testid="meeting-agenda">
            <h3 id="meeting-agenda-heading">
              {t('meetings.detail.agenda')}{' '}
              {data.agenda_frozen && (
                <span className="state-badge badge-frozen" data-testid="meeting-frozen-badge">
                  {t('meetings.detail.frozenBadge')}
                </span>
              )}
            </h3>
            <p className="muted" data-testid="meeting-agenda-state" data-frozen={data.agenda_frozen}>
              {data.agenda_frozen ? t('meetings.detail.frozenSince', { date: freezeText }) : t('meetings.detail.liveUntil', { date: freezeText })}
            </p>
            {data.agenda.length === 0 ? (
              <p className="muted">{t('meetings.detail.agendaEmpty')}</p>
            ) : (
              <table className="overview-table agenda-table">
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.detail.position')}</th>
                    <th scope="col">{t('meetings.detail.obstacle')}</th>
                    <th scope="col">{t('meetings.detail.project')}</th>
                    <th scope="col">{t('meetings.detail.severity')}</th>
                    <th scope="col">{t('meetings.detail.body')}</th>
                    <th scope="col">{t('meetings.detail.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.agenda.map((item) => (
                    <tr key={item.obstacle_id} data-testid="agenda-item" data-obstacle-id={item.obstacle_id}>
                      <td>{formatCount(item.position, language)}</td>
                      <th scope="row">
                        <bdi>{item.title}</bdi>
                        <span className="muted">
                          {' · '}
                          {t(`obstacles.categories.${item.category}`)} · {t(`obstacles.levels.${item.level}`)} · {t(`obstacles.statuses.${item.status}`)}
                        </span>
                      </th>
                      <td>
                        <button type="button" className="link-button" onClick={() => onOpenProject(item.project.id)} data-testid="agenda-project" data-project-id={item.project.id}>
                          <bdi>{item.project.code}</bdi> · {titleIn(language, item.project)}
                        </button>
                        <span className="muted"> · {nameOf(item.project.governorate)}</span>
                      </td>
                      <td>
                        <span className={`severity-badge severity-${item.severity}`}>{t(`obstacles.severities.${item.severity}`)}</span>
                      </td>
                      <td>{item.responsible_body === null ? '—' : nameIn(language, item.responsible_body)}</td>
                      <td>
                        <DualDate iso={item.target_date} language={language} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="overview-block" aria-labelledby="meeting-decisions-heading" data-testid="meeting-decisions">
            <div className="block-heading">
              <h3 id="meeting-decisions-heading">{t('meetings.detail.decisions')}</h3>
              {data.may_edit && (
                <button type="button" className="primary-button" onClick={() => setRecording(true)} data-testid="record-decision">
                  {t('meetings.record.button')}
                </button>
              )}
            </div>
            {data.decisions.length === 0 ? (
              <p className="muted">{t('meetings.detail.decisionsEmpty')}</p>
            ) : (
              <ul className="decision-list">
                {data.decisions.map((d) => {
                  const obstacle = d.obstacle_id === null ? undefined : data.agenda.find((item) => item.obstacle_id === d.obstacle_id);
                  const project = d.project;
                  return (
                    <li key={d.id} className={`decision${d.is_overdue ? ' is-overdue' : ''}${d.status === 'closed' ? ' is-closed' : ''}`} data-testid="decision" data-decision-id={d.id} data-status={d.status} data-overdue={d.is_overdue}>
                      <p className="decision-text">
                        <bdi>{d.text}</bdi>
                      </p>
                      <p className="decision-ref-facts">
                        <span>{t('meetings.detail.owner', { owner: ownerOf(d, language) })}</span>
                        <span>
                          {t('meetings.detail.due')}: <DualDate iso={d.due_date} language={language} />
                        </span>
                        {d.status === 'open' && !d.is_overdue && <span className="state-badge badge-live">{t('meetings.detail.open')}</span>}
                        {d.is_overdue && (
                          <span className="flag flag-overdue" data-testid="decision-overdue">
                            {t('meetings.detail.overdue', { days: formatCount(d.days_overdue, language) })}
                          </span>
                        )}
                        {d.status === 'closed' && (
                          <span className="state-badge badge-closed" data-testid="decision-closed">
                            {t('meetings.detail.closed', { date: formatDualDate(d.closed_at, language)?.gregorian ?? '' })}
                            {d.closed_by !== null && ` ${t('meetings.detail.closedBy', { name: d.closed_by })}`}
                          </span>
                        )}
                      </p>
                      {(obstacle !== undefined || project !== null) && (
                        <p className="decision-ref-links">
                          {obstacle !== undefined && <span>{t('meetings.detail.forObstacle', { title: obstacle.title })}</span>}
                          {project !== null && (
                            <button type="button" className="link-button" onClick={() => onOpenProject(project.id)} data-testid="decision-project" data-project-id={project.id}>
                              <bdi>{project.code}</bdi> · {titleIn(language, project)}
                            </button>
                          )}
                        </p>
                      )}
                      {d.status === 'closed' && d.closing_note !== null && (
                        <p className="decision-closing" data-testid="decision-closing-note">
                          <bdi>{d.closing_note}</bdi>
                          {d.closing_document !== null && <span className="muted"> · {t('meetings.detail.closingDocument', { document: d.closing_document })}</span>}
                        </p>
                      )}
                      {d.status === 'open' && d.may_close && (
                        <button type="button" className="secondary-button decision-close" onClick={() => setClosingId(d.id)} data-testid="decision-close">
                          {t('meetings.close.button')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          {recording && (
            <RecordDecisionDialog
              meeting={data}
              user={user}
              csrfToken={csrfToken}
              language={language}
              onSaved={() => {
                setRecording(false);
                reload();
              }}
              onStale={reload}
              onClose={() => setRecording(false)}
            />
          )}
          {closing !== undefined && (
            <CloseDecisionDialog
              key={closing.id}
              decision={closing}
              csrfToken={csrfToken}
              onSaved={() => {
                setClosingId(null);
                reload();
              }}
              onStale={reload}
              onClose={() => setClosingId(null)}
            />
          )}
        </>
      )}
    </article>
  );
}
