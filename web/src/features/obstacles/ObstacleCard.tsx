import { isObstacleActive, type Obstacle } from '@marsad/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { EscalateForm } from './EscalateForm.tsx';
import { ObstacleEditForm } from './ObstacleEditForm.tsx';
import { ObstacleHistoryList } from './ObstacleHistoryList.tsx';
import { bodyName, MustActText, ProposalNotice, SeverityBadge } from './ObstacleParts.tsx';
import { obstacleActions } from './obstacleRules.ts';

type Mode = 'view' | 'edit' | 'escalate';
type Notice = 'raised' | 'saved' | 'escalated' | 'conflict' | null;

/**
 * One obstacle in the project drawer: severity, level, status, who must act, the target date
 * (marked when overdue), the system's escalation proposal with its reason; and, for whoever may,
 * Edit and Escalate; for everyone who sees it, its history.
 */
export function ObstacleCard({
  obstacle,
  country,
  csrfToken,
  language,
  onChanged,
  justRaised = false,
}: {
  obstacle: Obstacle;
  country: string;
  csrfToken: string | null;
  language: Language;
  /** Reads the obstacles again (after a write, or a conflict). */
  onChanged: () => Promise<void>;
  /** Raised a moment ago: the card says it is recorded (until something else happens to it). */
  justRaised?: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<Notice>(justRaised ? 'raised' : null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const actions = csrfToken === null ? { edit: false, escalate: false } : obstacleActions(obstacle);
  const active = isObstacleActive(obstacle.status);
  const open = (next: Mode) => {
    setNotice(null);
    setMode((m) => (m === next ? 'view' : next));
  };
  const done = (what: 'saved' | 'escalated') => async () => {
    setMode('view');
    setNotice(what);
    setHistoryOpen(true);
    await onChanged();
  };
  const conflict = async () => {
    setNotice('conflict');
    await onChanged();
  };

  return (
    <li
      className={`obstacle-card${active ? '' : ' obstacle-ended'}${obstacle.severity === 'critical' && active ? ' obstacle-critical' : ''}`}
      data-testid="obstacle"
      data-obstacle-id={obstacle.id}
      data-status={obstacle.status}
      data-level={obstacle.level}
      data-version={obstacle.version}
    >
      <div className="obstacle-head">
        <SeverityBadge severity={obstacle.severity} />
        <strong className="obstacle-title" data-testid="obstacle-title">
          <bdi>{obstacle.title}</bdi>
        </strong>
      </div>
      <dl className="obstacle-facts">
        <div>
          <dt>{t('obstacles.level')}</dt>
          <dd data-testid="obstacle-level">{t(`obstacles.levels.${obstacle.level}`)}</dd>
        </div>
        <div>
          <dt>{t('obstacles.status')}</dt>
          <dd data-testid="obstacle-status">{t(`obstacles.statuses.${obstacle.status}`)}</dd>
        </div>
        <div>
          <dt>{t('obstacles.category')}</dt>
          <dd>{t(`obstacles.categories.${obstacle.category}`)}</dd>
        </div>
        {active && (
          <div>
            <dt>{t('obstacles.mustAct')}</dt>
            <dd data-testid="obstacle-must-act">
              <MustActText mustAct={obstacle.must_act} language={language} />
            </dd>
          </div>
        )}
        {obstacle.responsible_body !== null && (
          <div>
            <dt>{t('obstacles.body')}</dt>
            <dd>{bodyName(obstacle.responsible_body, language)}</dd>
          </div>
        )}
        {obstacle.target_date !== null && (
          <div>
            <dt>{t('obstacles.targetDate')}</dt>
            <dd data-testid="obstacle-target">
              <DualDate iso={obstacle.target_date} language={language} />
              {obstacle.is_overdue && (
                <strong className="obstacle-overdue" data-testid="obstacle-overdue">
                  {' '}
                  {t('obstacles.overdue')}
                </strong>
              )}
            </dd>
          </div>
        )}
        {obstacle.estimated_delay_days !== null && (
          <div>
            <dt>{t('obstacles.delay')}</dt>
            <dd>{t('obstacles.delayDays', { n: formatCount(obstacle.estimated_delay_days, language) })}</dd>
          </div>
        )}
        <div>
          <dt>{t('obstacles.atLevelSince')}</dt>
          <dd>
            <DualDate iso={obstacle.level_since} language={language} />
          </dd>
        </div>
      </dl>
      {obstacle.description !== null && (
        <p className="obstacle-description" dir="auto">
          {obstacle.description}
        </p>
      )}
      {!active && obstacle.resolution_note !== null && (
        <p className="obstacle-resolution">
          <strong>{t('obstacles.resolution')}:</strong> {obstacle.resolution_note}
        </p>
      )}
      <p className="muted obstacle-raised">
        {t('obstacles.raisedBy', { name: obstacle.raised_by ?? t('obstacles.system') })} {t('obstacles.raisedOn')} <DualDate iso={obstacle.raised_at} language={language} />
      </p>
      {active && obstacle.proposal !== null && <ProposalNotice proposal={obstacle.proposal} language={language} />}
      <div aria-live="polite">
        {notice === 'raised' && <p role="status" className="form-success" data-testid="obstacle-raised">{t('obstacles.raised')}</p>}
        {notice === 'saved' && <p className="form-success" data-testid="obstacle-saved">{t('obstacles.saved')}</p>}
        {notice === 'escalated' && <p className="form-success" data-testid="obstacle-escalated">{t('obstacles.escalated')}</p>}
      </div>
      {notice === 'conflict' && (
        <p role="alert" className="panel-error" data-testid="obstacle-conflict">
          {t('obstacles.conflict')}
        </p>
      )}
      <div className="obstacle-actions">
        {actions.edit && (
          <button type="button" className="secondary-button" aria-expanded={mode === 'edit'} onClick={() => open('edit')} data-testid="obstacle-edit">
            {t('obstacles.edit')}
          </button>
        )}
        {actions.escalate && (
          <button type="button" className="secondary-button" aria-expanded={mode === 'escalate'} onClick={() => open('escalate')} data-testid="obstacle-escalate">
            {t('obstacles.escalate')}
          </button>
        )}
        <button type="button" className="link-button" aria-expanded={historyOpen} onClick={() => setHistoryOpen((o) => !o)} data-testid="obstacle-history-toggle">
          {historyOpen ? t('obstacles.hideHistory') : t('obstacles.history')}
        </button>
      </div>
      {/* Keyed by version: after a reload the form starts again from what is there now. */}
      {mode === 'edit' && csrfToken !== null && (
        <ObstacleEditForm
          key={obstacle.version}
          obstacle={obstacle}
          country={country}
          csrfToken={csrfToken}
          language={language}
          onSaved={done('saved')}
          onConflict={conflict}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'escalate' && csrfToken !== null && actions.escalate && (
        <EscalateForm
          key={obstacle.version}
          obstacle={obstacle}
          csrfToken={csrfToken}
          language={language}
          onEscalated={done('escalated')}
          onConflict={conflict}
          onCancel={() => setMode('view')}
        />
      )}
      {historyOpen && <ObstacleHistoryList id={obstacle.id} version={obstacle.version} language={language} />}
    </li>
  );
}
