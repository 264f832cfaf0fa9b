import { CONFLICT_STATES, type ConflictState, type SessionUser } from '@marsad/contracts';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { directionOf, type Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import type { ReviewViewState } from '../../url/reviewViewState.ts';
import { useSession } from '../account/useSession.ts';
import '../../ui/screen.css';
import '../obstacleOverview/obstacleOverview.css';
import { ConflictDetail } from './ConflictDetail.tsx';
import { ConflictList } from './ConflictList.tsx';
import { reviewMessages } from './messages.ts';
import { mayReview, useConflicts } from './reviewApi.ts';
import './review.css';

/**
 * The conflicts for review (`view=review`): writes made on an older version and held instead of
 * overwriting newer data. The list of one state (pending unless chosen), and one conflict with its
 * values side by side, its note and photos, and the decision. Its state lives in the address
 * (`conflict_state=rejected&conflict=12`). Engineers see their governorates' conflicts, the
 * ministry all of them (the API decides); donors none.
 */
export default function ReviewScreen({
  review,
  language,
  user,
  onChange,
  onOpenProject,
  children,
}: {
  review: ReviewViewState;
  language: Language;
  user: SessionUser | null;
  onChange: (review: ReviewViewState) => void;
  onOpenProject: (id: number) => void;
  /** The project drawer, when a project is open. */
  children?: ReactNode;
}) {
  useMessages('review', reviewMessages);
  const { t } = useTranslation();
  const session = useSession().data ?? null;
  const allowed = user !== null && mayReview(user.role);
  const list = useConflicts(review.state, allowed);
  const stateId = useId();
  const open = (conflict: number | null) => onChange({ ...review, conflict });

  return (
    <main className="review-screen screen" id="review" tabIndex={-1} dir={directionOf(language)} data-testid="review-screen">
      <div className="screen-toolbar">
        <h2 className="screen-title">{t('review.title')}</h2>
        {allowed && (
          <label className="inline-field" htmlFor={stateId}>
            <span>{t('review.stateFilter')}</span>
            <select id={stateId} value={review.state} data-testid="review-state" onChange={(e) => onChange({ state: e.target.value as ConflictState, conflict: null })}>
              {CONFLICT_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`review.state.${state}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="obstacle-body">
        {user === null || session === null ? (
          <p className="screen-status" role="status">
            {t('review.signIn')}
          </p>
        ) : !allowed ? (
          <p className="screen-status" role="status">
            {t('review.notForYou')}
          </p>
        ) : review.conflict !== null ? (
          <ConflictDetail
            key={review.conflict}
            id={review.conflict}
            user={user}
            csrfToken={session.csrfToken}
            language={language}
            onBack={() => open(null)}
            onOpenProject={onOpenProject}
          />
        ) : (
          <section className="overview-block" aria-labelledby={`${stateId}-heading`}>
            <h3 id={`${stateId}-heading`}>
              {t(`review.state.${review.state}`)}
              {list.data !== undefined && <span className="muted"> · {t('review.total', { formatted: formatCount(list.data.total, language) })}</span>}
            </h3>
            <p className="screen-status" role="status" data-testid="review-status">
              {list.error !== null ? (
                <span className="screen-error">{t('errors.data', { detail: list.error.message })}</span>
              ) : list.data === undefined ? (
                t('review.loading')
              ) : list.data.total === 0 ? (
                t(`review.empty.${review.state}`)
              ) : null}
            </p>
            <ConflictList conflicts={list.data?.items ?? []} language={language} onOpen={open} testId="review-list" />
          </section>
        )}
      </div>
      {children}
    </main>
  );
}
