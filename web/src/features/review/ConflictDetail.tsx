import type { FieldConflict, SessionUser } from '@marsad/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { ConflictPhotos } from './ConflictPhotos.tsx';
import { ConflictValues } from './ConflictValues.tsx';
import { DecisionForm, type Decision } from './DecisionForm.tsx';
import { titleIn } from '../obstacleOverview/names.ts';
import { mayDecide, useConflict, useConflictDecided } from './reviewApi.ts';

function Decided({ conflict, language }: { conflict: FieldConflict; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="conflict-part" data-testid="conflict-decision-record" data-state={conflict.state}>
      <h4>{t('review.decision.heading')}</h4>
      <p>
        <strong>{t(`review.state.${conflict.state}`)}</strong>
        {conflict.decided_by !== null && <> · {t('review.decision.decidedBy', { name: conflict.decided_by })}</>}
        {conflict.decided_at !== null && (
          <>
            {' '}
            · <DualDate iso={conflict.decided_at} language={language} />
          </>
        )}
      </p>
      {conflict.decision_note !== null && conflict.decision_note !== '' && (
        <p>
          {t('review.decision.decisionNote')}: <bdi data-testid="conflict-decision-note">{conflict.decision_note}</bdi>
        </p>
      )}
      {conflict.applied_report_id !== null && <p className="muted">{t('review.decision.appliedReport')}</p>}
    </section>
  );
}

/**
 * One conflict: which project and what kind of write, when it was made in the field and by whom,
 * why it was held, its values side by side, the field note and photos, and the decision — the
 * form while it waits (for those who decide), what was decided afterwards.
 */
export function ConflictDetail({
  id,
  user,
  csrfToken,
  language,
  onBack,
  onOpenProject,
}: {
  id: number;
  user: SessionUser;
  csrfToken: string;
  language: Language;
  onBack: () => void;
  onOpenProject: (id: number) => void;
}) {
  const { t } = useTranslation();
  const query = useConflict(id);
  const refresh = useConflictDecided();
  // What this reader just decided, said until they leave the conflict (the record below shows it too).
  const [decided, setDecided] = useState<Decision | null>(null);
  const conflict = query.data;
  return (
    <article className="conflict-detail" data-testid="conflict-detail" data-conflict-id={id} data-state={conflict?.state} data-kind={conflict?.kind}>
      <div className="conflict-detail-head">
        <button type="button" className="link-button" onClick={onBack} data-testid="conflict-back">
          {t('review.backToList')}
        </button>
      </div>
      <LoadError error={query.error} />
      {conflict === undefined ? (
        query.error === null && <p className="screen-status">{t('review.loading')}</p>
      ) : (
        <>
          <h3 className="conflict-title">
            <span className="conflict-kind">{t(`review.kind.${conflict.kind}`)}</span> · <bdi data-testid="conflict-project">{titleIn(language, conflict.project)}</bdi>{' '}
            <bdi className="muted" dir="ltr">
              {conflict.project.code}
            </bdi>
          </h3>
          <p className="conflict-facts">
            <span className={`conflict-state conflict-state-${conflict.state}`} data-testid="conflict-state">
              {t(`review.state.${conflict.state}`)}
            </span>
            <span>
              {t('review.column.fieldDate')}: <DualDate iso={conflict.field_date} language={language} />
            </span>
            {conflict.author !== null && (
              <span>
                {t('review.column.author')}: <bdi>{conflict.author}</bdi>
              </span>
            )}
            <span className="muted">{t('review.version', { formatted: formatCount(conflict.base_version, language) })}</span>
          </p>
          {conflict.state === 'pending' && <p className="muted">{t('review.why')}</p>}
          <ConflictValues conflict={conflict} language={language} />
          {conflict.plot_ids.length > 0 && <p>{t('review.plots', { ids: conflict.plot_ids.map((p) => formatCount(p, language)).join('، ') })}</p>}
          <section className="conflict-part">
            <h4>{t('review.note')}</h4>
            {conflict.note === null || conflict.note === '' ? <p className="muted">{t('review.noNote')}</p> : <p data-testid="conflict-note">{conflict.note}</p>}
          </section>
          <ConflictPhotos conflict={conflict} language={language} />
          <div className="form-actions">
            <button type="button" className="secondary-button" onClick={() => onOpenProject(conflict.project.id)} data-testid="conflict-open-project">
              {t('review.openProject')}
            </button>
          </div>
          {decided !== null && (
            <p className="form-success" role="status" data-testid="conflict-decided" data-decision={decided}>
              {t(decided === 'accept' ? 'review.decision.accepted' : 'review.decision.rejected')}
            </p>
          )}
          {conflict.state !== 'pending' ? (
            <Decided conflict={conflict} language={language} />
          ) : decided !== null ? null : mayDecide(user.role) ? (
            <DecisionForm
              key={conflict.id}
              conflictId={conflict.id}
              csrfToken={csrfToken}
              onDecided={(decision) => {
                setDecided(decision);
                refresh();
              }}
            />
          ) : (
            <p className="muted">{t('review.decision.viewerOnly')}</p>
          )}
        </>
      )}
    </article>
  );
}
