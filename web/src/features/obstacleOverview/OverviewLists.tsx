import type { DecisionRef, Obstacle, ObstacleOverview } from '@marsad/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { ObstacleItem } from './ObstacleItem.tsx';
import { nameIn, titleIn } from './names.ts';

/** A titled block of the overview. */
function Block({ id, heading, testId, children }: { id: string; heading: string; testId: string; children: ReactNode }) {
  return (
    <section className="overview-block" aria-labelledby={id} data-testid={testId}>
      <h3 id={id}>{heading}</h3>
      {children}
    </section>
  );
}

/** Obstacles (the oldest critical, or those proposed for escalation), each opening its project. */
export function ObstacleBlock({
  id,
  heading,
  empty,
  obstacles,
  language,
  testId,
  onOpenProject,
}: {
  id: string;
  heading: string;
  empty: string;
  obstacles: Obstacle[];
  language: Language;
  testId: string;
  onOpenProject: (id: number) => void;
}) {
  const now = new Date();
  return (
    <Block id={id} heading={heading} testId={testId}>
      {obstacles.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="obstacle-list">
          {obstacles.map((obstacle) => (
            <ObstacleItem key={obstacle.id} obstacle={obstacle} language={language} now={now} testId={`${testId}-item`} onOpenProject={onOpenProject} />
          ))}
        </ul>
      )}
    </Block>
  );
}

/** Active obstacles waiting for another body, by body, with the oldest's date. */
export function WaitingBlock({ waiting, language }: { waiting: ObstacleOverview['waiting']; language: Language }) {
  const { t } = useTranslation();
  return (
    <Block id="obstacle-waiting-heading" heading={t('obstacleOverview.waiting.heading')} testId="obstacle-waiting">
      {waiting.length === 0 ? (
        <p className="muted">{t('obstacleOverview.waiting.empty')}</p>
      ) : (
        <table className="overview-table">
          <thead>
            <tr>
              <th scope="col">{t('obstacleOverview.waiting.body')}</th>
              <th scope="col">{t('obstacleOverview.waiting.count')}</th>
              <th scope="col">{t('obstacleOverview.waiting.since')}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((w) => (
              <tr key={w.body.id} data-testid="obstacle-waiting-body">
                <th scope="row">
                  {nameIn(language, w.body)} <span className="muted">· {t(`obstacles.bodyKinds.${w.body.kind}`)}</span>
                </th>
                <td>{formatCount(w.count, language)}</td>
                <td>
                  <DualDate iso={w.oldest_since} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Block>
  );
}

/** Open decisions past their due date: each names its meeting and its project, both a click away. */
export function OverdueDecisionsBlock({
  decisions,
  language,
  onOpenMeeting,
  onOpenProject,
}: {
  decisions: DecisionRef[];
  language: Language;
  onOpenMeeting: (id: number) => void;
  onOpenProject: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Block id="obstacle-decisions-heading" heading={t('obstacleOverview.decisions.heading')} testId="obstacle-overdue-decisions">
      {decisions.length === 0 ? (
        <p className="muted">{t('obstacleOverview.decisions.empty')}</p>
      ) : (
        <ul className="decision-refs">
          {decisions.map((d) => {
            const project = d.project;
            return (
            <li key={d.id} className="decision-ref" data-testid="obstacle-overdue-decision">
              <p className="decision-ref-text">
                  <bdi>{d.text}</bdi>
                </p>
              <p className="decision-ref-facts">
                <span>{t('obstacleOverview.decisions.owner', { owner: d.owner })}</span>
                <span>
                  {t('obstacleOverview.decisions.due')}: <DualDate iso={d.due_date} language={language} />
                </span>
                <span className="flag flag-overdue">{t('obstacleOverview.decisions.late', { days: formatCount(d.days_overdue, language) })}</span>
              </p>
              <p className="decision-ref-links">
                <button type="button" className="link-button" data-testid="decision-ref-meeting" onClick={() => onOpenMeeting(d.meeting_id)}>
                  {t('obstacleOverview.decisions.meeting', { title: d.meeting_title })}
                </button>
                {project !== null && (
                  <button type="button" className="link-button" data-testid="decision-ref-project" data-project-id={project.id} onClick={() => onOpenProject(project.id)}>
                    {titleIn(language, project)}
                  </button>
                )}
              </p>
            </li>
            );
          })}
        </ul>
      )}
    </Block>
  );
}
