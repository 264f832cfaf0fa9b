import { ESCALATION_LEVELS, OBSTACLE_SEVERITIES } from '@marsad/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { useSession } from '../account/useSession.ts';
import { BriefLinks } from './BriefLinks.tsx';
import { obstacleMessages } from './messages.ts';
import { MustActText, SeverityBadge } from './ObstacleParts.tsx';
import { countObstacles, mostSevere } from './obstacleRules.ts';
import { useGovernorateObstacles } from './useObstacles.ts';
import './obstacles.css';

/** How many of the most severe obstacles the panel lists. */
const TOP = 5;

/**
 * The governorate panel's obstacles: the active ones counted by level and by severity, the most
 * severe listed (each opens its project's drawer), and the governorate's printable brief.
 */
export function GovernorateObstacles({ code, language, onOpenProject }: { code: string; language: Language; onOpenProject: (id: number) => void }) {
  useMessages('obstacles', obstacleMessages);
  const { t } = useTranslation();
  const titleId = useId();
  const session = useSession().data ?? null;
  const signedIn = session !== null;
  const obstacles = useGovernorateObstacles(code, signedIn);
  const items = obstacles.data?.items ?? [];
  const counts = countObstacles(items);
  const top = mostSevere(items, TOP);
  const count = (n: number) => formatCount(n, language);

  return (
    <section aria-labelledby={titleId} className="obstacles governorate-obstacles" data-testid="governorate-obstacles" data-loaded={obstacles.data !== undefined}>
      <h3 id={titleId}>{t('obstacles.panel.title')}</h3>
      <BriefLinks subject={{ kind: 'governorate', code }} signedIn={signedIn} testId="governorate-brief" />
      {!signedIn && <p className="muted">{t('obstacles.panel.signIn')}</p>}
      <LoadError error={obstacles.error} />
      {obstacles.data !== undefined && counts.total === 0 && <p className="muted">{t('obstacles.panel.none')}</p>}
      {counts.total > 0 && (
        <>
          <p data-testid="governorate-obstacles-total" data-count={counts.total}>
            <strong>{t('obstacles.panel.total', { n: count(counts.total) })}</strong>
            {counts.overdue > 0 && <span className="delay"> · {t('obstacles.panel.overdueCount', { n: count(counts.overdue) })}</span>}
          </p>
          <div className="obstacle-counts">
            <table className="data-table" data-testid="obstacles-by-level">
              <caption className="visually-hidden">{t('obstacles.panel.byLevel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('obstacles.level')}</th>
                  <th scope="col" className="number">
                    #
                  </th>
                </tr>
              </thead>
              <tbody>
                {ESCALATION_LEVELS.map((level) => (
                  <tr key={level} data-level={level}>
                    <td>{t(`obstacles.levels.${level}`)}</td>
                    <td className="number">{count(counts.byLevel[level])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="data-table" data-testid="obstacles-by-severity">
              <caption className="visually-hidden">{t('obstacles.panel.bySeverity')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('obstacles.severity')}</th>
                  <th scope="col" className="number">
                    #
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...OBSTACLE_SEVERITIES].reverse().map((severity) => (
                  <tr key={severity} data-severity={severity}>
                    <td>{t(`obstacles.severities.${severity}`)}</td>
                    <td className="number">{count(counts.bySeverity[severity])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4 className="obstacle-top-title">{t('obstacles.panel.mostSevere')}</h4>
          <ul className="obstacle-top" data-testid="governorate-obstacle-list">
            {top.map((o) => (
              <li key={o.id}>
                <button type="button" onClick={() => onOpenProject(o.project.id)} data-testid="governorate-obstacle" data-project-id={o.project.id} title={t('obstacles.panel.open')}>
                  <span>
                    <SeverityBadge severity={o.severity} />{' '}
                    <strong>
                      <bdi>{o.title}</bdi>
                    </strong>
                  </span>
                  <span className="obstacle-top-meta">
                    <bdi>{language === 'ar' ? o.project.title_ar : (o.project.title_en ?? o.project.title_ar)}</bdi> · {t(`obstacles.levels.${o.level}`)} ·{' '}
                    <MustActText mustAct={o.must_act} language={language} />
                    {o.is_overdue && <strong className="delay"> · {t('obstacles.overdue')}</strong>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
