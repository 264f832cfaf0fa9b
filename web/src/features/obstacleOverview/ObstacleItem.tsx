import type { EscalationProposal, MustAct, Obstacle } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { daysSince } from './levelTable.ts';
import { nameIn, titleIn } from './names.ts';

/** Who must act on an obstacle, in words. */
export function useMustActLabel(language: Language): (mustAct: MustAct) => string {
  const { t } = useTranslation();
  return (mustAct) =>
    mustAct.role === 'responsible_body' && mustAct.body !== null
      ? nameIn(language, mustAct.body)
      : t(`obstacleOverview.mustAct.${mustAct.role}`, { body: mustAct.body === null ? '' : nameIn(language, mustAct.body) });
}

/**
 * One obstacle in a list: its title, project, severity, level and how long it has been there,
 * who must act, and its flags (past target, proposed for escalation). The whole item is a button
 * that opens the project in its drawer.
 */
export function ObstacleItem({ obstacle, language, now, testId, onOpenProject }: { obstacle: Obstacle; language: Language; now: Date; testId: string; onOpenProject: (id: number) => void }) {
  const { t } = useTranslation();
  const mustAct = useMustActLabel(language);
  const proposalReason = (proposal: EscalationProposal) =>
    t(`obstacleOverview.proposals.reason.${proposal.reason}`, { days: formatCount(proposal.days_at_level, language), threshold: formatCount(proposal.threshold_days, language) });
  return (
    <li className="obstacle-item" data-severity={obstacle.severity}>
      <button type="button" className="obstacle-open" data-testid={testId} data-project-id={obstacle.project.id} data-obstacle-id={obstacle.id} onClick={() => onOpenProject(obstacle.project.id)}>
        <bdi className="obstacle-title">{obstacle.title}</bdi>
        <span className="obstacle-project">
          <bdi>{obstacle.project.code}</bdi> · {titleIn(language, obstacle.project)}
        </span>
        <span className="obstacle-facts">
          <span className={`severity-badge severity-${obstacle.severity}`}>{t(`obstacles.severities.${obstacle.severity}`)}</span>
          <span>{t(`obstacles.categories.${obstacle.category}`)}</span>
          <span>{t(`obstacles.levels.${obstacle.level}`)}</span>
          <span>{t('obstacleOverview.list.since', { days: formatCount(daysSince(obstacle.level_since, now), language) })}</span>
          {obstacle.is_overdue && <span className="flag flag-overdue">{t('obstacleOverview.list.overdue')}</span>}
          {obstacle.proposal !== null && (
            <span className="flag flag-proposed" data-testid="obstacle-proposal">
              {t('obstacleOverview.list.proposed')}: {proposalReason(obstacle.proposal)} · {t('obstacleOverview.proposals.toLevel', { level: t(`obstacles.levels.${obstacle.proposal.to_level}`) })}
            </span>
          )}
        </span>
        <span className="obstacle-must-act">{t('obstacleOverview.list.mustAct', { who: mustAct(obstacle.must_act) })}</span>
      </button>
    </li>
  );
}
