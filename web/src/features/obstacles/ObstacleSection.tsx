import { isObstacleActive } from '@marsad/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../api/projects.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import type { Session } from '../account/session.ts';
import { obstacleMessages } from './messages.ts';
import { ObstacleCard } from './ObstacleCard.tsx';
import { canRaiseObstacle, sortObstacles } from './obstacleRules.ts';
import { RaiseObstacleForm } from './RaiseObstacleForm.tsx';
import { useObstaclesChanged, useProjectObstacles } from './useObstacles.ts';
import './obstacles.css';

/**
 * The project drawer's obstacles (signed-in users: the API shows each only what the obstacle rule
 * lets them see): the active ones first, the ended ones folded away; "Raise an obstacle" for those
 * who may raise on this project.
 */
export function ObstacleSection({ project, session, language }: { project: ProjectDetail; session: Session; language: Language }) {
  useMessages('obstacles', obstacleMessages);
  const { t } = useTranslation();
  const titleId = useId();
  const obstacles = useProjectObstacles(project.id, true);
  const changed = useObstaclesChanged(project.id);
  const [raising, setRaising] = useState(false);
  // The obstacle just raised: its card says it is recorded.
  const [raised, setRaised] = useState<number | null>(null);
  const mayRaise = canRaiseObstacle(session.user, project.governorate);
  const sorted = sortObstacles(obstacles.data?.items ?? []);
  const active = sorted.filter((o) => isObstacleActive(o.status));
  const ended = sorted.filter((o) => !isObstacleActive(o.status));
  const card = (o: (typeof sorted)[number]) => (
    <ObstacleCard
      key={o.id}
      obstacle={o}
      country={project.country}
      csrfToken={session.csrfToken}
      language={language}
      onChanged={changed}
      justRaised={o.id === raised}
    />
  );

  return (
    <section aria-labelledby={titleId} className="obstacles" data-testid="project-obstacles" data-loaded={obstacles.data !== undefined}>
      <div className="section-heading">
        <h3 id={titleId}>
          {t('obstacles.title')}
          {active.length > 0 && <span className="obstacle-count"> ({formatCount(active.length, language)})</span>}
        </h3>
        {mayRaise && !raising && (
          <button
            type="button"
            className="secondary-button"
            onClick={() => {
              setRaised(null);
              setRaising(true);
            }}
            data-testid="obstacle-raise"
          >
            {t('obstacles.raise')}
          </button>
        )}
      </div>
      <p className="muted">{t('obstacles.hint')}</p>
      {raising && (
        <RaiseObstacleForm
          projectId={project.id}
          country={project.country}
          csrfToken={session.csrfToken}
          language={language}
          onCancel={() => setRaising(false)}
          onRaised={async (obstacle) => {
            setRaising(false);
            setRaised(obstacle.id);
            await changed();
          }}
        />
      )}
      <LoadError error={obstacles.error} />
      {obstacles.data !== undefined && sorted.length === 0 && <p className="muted">{t('obstacles.none')}</p>}
      {active.length > 0 && (
        <ul className="obstacle-list" data-testid="obstacle-list">
          {active.map(card)}
        </ul>
      )}
      {ended.length > 0 && (
        <details className="obstacles-ended">
          <summary>{t('obstacles.ended', { n: formatCount(ended.length, language) })}</summary>
          <ul className="obstacle-list">{ended.map(card)}</ul>
        </details>
      )}
    </section>
  );
}
